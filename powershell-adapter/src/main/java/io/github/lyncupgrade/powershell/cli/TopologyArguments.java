package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.SampleTopologies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where a command's topology comes from: the operator's file (with its {@code --overlay}), or for
 * the commands that only plan and simulate, a built-in sample. Every file given to
 * {@code --topology} is read by {@link TopologyInput#read}, which tells its kind by its content.
 */
final class TopologyArguments {
  private TopologyArguments() {}

  private static final String TOPOLOGY = "a topology file (JSON), a published topology (Get-CsTopology -AsXml) or"
      + " a Topology Builder file (.tbxml), told apart by content (see docs/topology-files.md)";
  private static final String OVERLAY = "With a Lync topology document: what it does not carry (disaster-recovery"
      + " partners, SQL mirrors, collocated Persistent Chat stores), as JSON (see docs/topology-files.md).";

  /** The topology of {@code file}, what Lync's documents tell about their reading said on {@code err}. */
  private static Topology read(Path file, Path overlay, PrintWriter err) {
    return TopologyInput.read(file, overlay, err);
  }

  private static List<Path> inputs(Path file, Path overlay) {
    List<Path> inputs = new ArrayList<>();
    if (file != null) {
      inputs.add(file);
    }
    if (overlay != null) {
      inputs.add(overlay);
    }
    return inputs;
  }

  /** {@code plan}, {@code runbook}, {@code simulate}: a file, or a built-in sample (contoso unless named). */
  static final class FileOrSample {
    @Option(names = "--topology", paramLabel = "FILE",
        description = "The topology: " + TOPOLOGY + ". Without it, a built-in sample (see --sample).")
    Path file;

    @Option(names = "--overlay", paramLabel = "FILE", description = OVERLAY)
    Path overlay;

    @Option(names = "--sample", paramLabel = "NAME", converter = SampleConverter.class,
        description = "The built-in sample to use instead of a file: contoso (Lync Server 2013, the default) or"
            + " skype-2015 (Skype for Business Server 2015: server by server, an AlwaysOn Back End, the Central"
            + " Management Store).")
    Sample sample;

    Topology read(PrintWriter err) {
      if (file != null && sample != null) {
        throw new BadInputException("--topology and --sample both name a topology; give one of them");
      }
      if (file == null && overlay != null) {
        throw new BadInputException("--overlay adds to the document --topology names; give --topology FILE");
      }
      if (file != null) {
        return TopologyArguments.read(file, overlay, err);
      }
      return sample == null ? Sample.contoso.topology() : sample.topology();
    }

    /** The files read, if any: an output must not overwrite them. */
    List<Path> inputs() {
      return TopologyArguments.inputs(file, overlay);
    }
  }

  /** {@code run}, {@code resume}, {@code status}, {@code probe}: they act on a real deployment, so its file is required. */
  static final class FileOnly {
    @Option(names = "--topology", paramLabel = "FILE", required = true,
        description = "The deployment's topology: " + TOPOLOGY + "; discover writes the JSON one. Required.")
    Path file;

    @Option(names = "--overlay", paramLabel = "FILE", description = OVERLAY)
    Path overlay;

    @Option(names = "--sample", paramLabel = "NAME", hidden = true,
        description = "Refused: a live command acts on the deployment its --topology file describes.")
    String sample;

    Topology read(PrintWriter err) {
      if (sample != null) {
        throw new BadInputException("--sample is for plan, runbook and simulate: run, resume, status and probe act on"
            + " a real deployment, the one the --topology file describes");
      }
      return TopologyArguments.read(file, overlay, err);
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
