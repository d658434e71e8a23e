package io.github.lyncupgrade.powershell.fakeshell;

import io.github.lyncupgrade.core.model.BuildVersion;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * With {@code --state=FILE}, the fake deployment behind the fake shell outlives its process: each
 * server's build and whether its services run, and which pools are failed over, are written after
 * every request and read when the next shell starts, so a {@code run} stopped part-way and the
 * {@code resume} after it (each with shells of their own) see one deployment. Databases, web
 * services and faults start afresh.
 */
final class FakeShellState {
  private FakeShellState() {}

  /** The servers of {@code topology} the fake tracks: every Front End, Back End and Standard Edition server. */
  private static Set<Fqdn> servers(Topology topology) {
    Set<Fqdn> servers = new LinkedHashSet<>();
    for (Pool pool : topology.pools()) {
      pool.frontEnds().forEach(server -> servers.add(server.fqdn()));
      servers.add(pool.backEndHost());
    }
    return servers;
  }

  /** Sets {@code builder} up from {@code file}, if it exists. */
  static void load(Path file, FakeDeployment.Builder builder) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] fields = line.split(" ");
        switch (fields[0]) {
          case "server" -> {
            builder.updatedAtStart(BuildVersion.parse(fields[2]), fields[1]);
            if (fields[3].equals("stopped")) {
              builder.downAtStart(fields[1]);
            }
          }
          case "failed-over" -> builder.failedOverAtStart(fields[1]);
          default -> throw new IllegalStateException(file + ": not a fake shell state line: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes what {@link #load} reads. */
  static void save(Path file, FakeDeployment fake) {
    List<String> lines = new ArrayList<>();
    for (Fqdn server : servers(fake.topology())) {
      lines.add("server " + server + " " + fake.inspect().version(server) + " "
          + (fake.inspect().state(server).isUp() ? "running" : "stopped"));
    }
    for (Pool pool : fake.topology().pools()) {
      if (fake.inspect().isFailedOver(pool.fqdn())) {
        lines.add("failed-over " + pool.fqdn());
      }
    }
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
