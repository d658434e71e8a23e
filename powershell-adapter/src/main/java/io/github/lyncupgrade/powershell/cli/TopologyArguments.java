package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a command's topology comes from: the operator's file, or for the commands that only plan
 * and simulate, a built-in sample. {@link #read(Path)} is the one place a {@code --topology} file
 * is read.
 */
final class TopologyArguments {
  private TopologyArguments() {}

  /** Reads the file given to {@code --topology}. */
  static Topology read(Path file) {
    return TopologyFile.read(file);
  }

  /** {@code plan}, {@code runbook}, {@code simulate}: a file, or a built-in sample (contoso unless named). */
  static final class FileOrSample {
    @Option(names = "--topology", paramLabel = "FILE",
        description = "The topology file (JSON; see the README). Without it, a built-in sample (see --sample).")
    Path file;

    @Option(names = "--sample", paramLabel = "NAME", converter = SampleConverter.class,
        description = "The built-in sample to use instead of a file: contoso (Lync Server 2013, the default) or"
            + " skype-2015 (Skype for Business Server 2015: server by server, an AlwaysOn Back End, the Central"
            + " Management Store).")
    Sample sample;

    Topology read() {
      if (file != null && sample != null) {
        throw new BadInputException("--topology and --sample both name a topology; give one of them");
      }
      if (file != null) {
        return TopologyArguments.read(file);
      }
      return sample == null ? Sample.contoso.topology() : sample.topology();
    }

    /** The file read, if any: an output must not overwrite it. */
    List<Path> inputs() {
      return file == null ? List.of() : List.of(file);
    }
  }

  /** {@code run}, {@code resume}, {@code status}: they act on a real deployment, so its file is required. */
  static final class FileOnly {
    @Option(names = "--topology", paramLabel = "FILE", required = true,
        description = "The deployment's topology file (JSON; see the README; discover writes it). Required.")
    Path file;

    @Option(names = "--sample", paramLabel = "NAME", hidden = true,
        description = "Refused: a live command acts on the deployment its --topology file describes.")
    String sample;

    Topology read() {
      if (sample != null) {
        throw new BadInputException("--sample is for plan, runbook and simulate: run, resume and status act on a real"
            + " deployment, the one the --topology file describes");
      }
      return TopologyArguments.read(file);
    }
  }

  /** The built-in sample deployments, simulated without Windows. */
  enum Sample {
    contoso, skype_2015;

    Topology topology() {
      return this == contoso ? SampleTopologies.contoso() : SampleTopologies.skypeForBusiness2015();
    }
  }

  /** Reads {@code skype-2015} as {@link Sample#skype_2015}. */
  static final class SampleConverter implements ITypeConverter<Sample> {
    @Override
    public Sample convert(String value) {
      for (Sample sample : Sample.values()) {
        if (sample.name().replace('_', '-').equals(value)) {
          return sample;
        }
      }
      throw new TypeConversionException("'" + Text.printable(value)
          + "' is not a sample: contoso or skype-2015");
    }
  }
}
