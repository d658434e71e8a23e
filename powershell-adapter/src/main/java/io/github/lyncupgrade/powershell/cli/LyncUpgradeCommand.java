package io.github.lyncupgrade.powershell.cli;

import picocli.CommandLine.Command;

/** The top-level command: its subcommands do the work. */
@Command(name = "lync-upgrade", mixinStandardHelpOptions = true, version = "lync-upgrade 0.1.0-SNAPSHOT",
    description = "Plan, simulate and carry out cumulative updates of Lync Server 2013 pools.",
    subcommands = {PlanCommand.class, RunbookCommand.class, SimulateCommand.class, DiscoverCommand.class,
        RunCommand.class, ResumeCommand.class, StatusCommand.class, ProbeCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done (the plan was written, or the run completed)",
        "1:the run did not complete; fix the cause, then resume",
        "2:bad input (command line, topology file, options, journal); nothing ran",
        "3:the environment is not ready (PowerShell, pre-flight checks, a probe that did not match); nothing ran"})
final class LyncUpgradeCommand {}
