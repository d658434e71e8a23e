package io.github.lyncupgrade.powershell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ScopeType;

/** The top-level command: its subcommands do the work; each inherits --help and --version. */
@Command(name = "lync-upgrade", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT,
    versionProvider = LyncUpgradeCommand.Version.class,
    description = "Plan, simulate and carry out cumulative updates of Lync Server 2013 and Skype for Business Server"
        + " 2015 and 2019 pools, by Microsoft's procedure, with a journal that resumes where a run stopped.",
    subcommands = {PlanCommand.class, RunbookCommand.class, SimulateCommand.class, DiscoverCommand.class,
        RunCommand.class, ResumeCommand.class, StatusCommand.class, ProbeCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (the plan was written, or the run completed)",
        "1:the run did not complete; fix the cause, then resume",
        "2:bad input (command line, topology file, options, journal); nothing ran",
        "3:the environment is not ready (PowerShell, pre-flight checks, a probe that did not match); nothing ran",
        "4:the output could not be written (a full disk, a closed pipe)",
        "130:a live run stopped by Ctrl-C (SIGINT); resume goes on",
        "143:a live run stopped by SIGTERM; resume goes on"})
final class LyncUpgradeCommand {

  /** The project's version, written into the jar at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = LyncUpgradeCommand.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"lync-upgrade " + properties.getProperty("version", "(version unknown)"),
          "Lync Server 2013, Skype for Business Server 2015 and 2019; Java " + Runtime.version()};
    }
  }
}
