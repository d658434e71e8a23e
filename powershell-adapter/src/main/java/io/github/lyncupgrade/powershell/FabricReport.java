package io.github.lyncupgrade.powershell;

import io.github.lyncupgrade.core.deployment.PoolFabricState;
import io.github.lyncupgrade.core.deployment.RoutingGroup;
import io.github.lyncupgrade.core.model.Fqdn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code Get-CsPoolFabricState -Type Routing}'s report, which the reference gives only as a
 * String: a routing group begins at a line holding its GUID, then come its {@code Primary} and
 * {@code Secondaries} lines; a line that says missing, quorum loss or no primary marks its
 * replicas missing, and so does a group without a primary (the safe reading: no Front End is
 * failed over). The layout is to be confirmed on a lab ({@code lync-upgrade probe} shows the report).
 */
final class FabricReport {
  private static final Pattern GUID =
      Pattern.compile("([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");
  private static final Pattern PRIMARY = Pattern.compile("Primary\\s*[:=]\\s*(\\S+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SECONDARIES = Pattern.compile("Secondar\\w*\\s*[:=]\\s*(.+)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern MISSING = Pattern.compile("missing|quorum loss|no primary", Pattern.CASE_INSENSITIVE);

  private FabricReport() {}

  /**
   * The fabric state {@code text} reports for {@code pool}.
   *
   * @throws IllegalArgumentException if no routing group can be read from it, or a replica is not an FQDN
   */
  static PoolFabricState parse(Fqdn pool, String text) {
    List<RoutingGroup> groups = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Group group = null;
    for (String line : text.split("\r?\n")) {
      Matcher id = GUID.matcher(line);
      if (id.find()) {
        if (group != null) {
          group.addTo(groups, missing);
        }
        group = new Group(id.group(1));
        if (MISSING.matcher(line).find()) {
          group.missing = true;
        }
        continue;
      }
      if (group == null) {
        continue;
      }
      Matcher primary = PRIMARY.matcher(line);
      Matcher secondaries = SECONDARIES.matcher(line);
      if (primary.find()) {
        group.primary = primary.group(1);
      } else if (secondaries.find()) {
        group.secondaries = Arrays.stream(secondaries.group(1).split("[,;\\s]+")).filter(name -> name.contains("."))
            .toList();
      } else if (MISSING.matcher(line).find()) {
        group.missing = true;
      }
    }
    if (group != null) {
      group.addTo(groups, missing);
    }
    if (groups.isEmpty() && missing.isEmpty()) {
      throw new IllegalArgumentException("no routing group (a line with its GUID) in the report");
    }
    return new PoolFabricState(pool, groups, missing);
  }

  private static final class Group {
    final String id;
    String primary;
    List<String> secondaries = List.of();
    boolean missing;

    Group(String id) {
      this.id = id;
    }

    void addTo(List<RoutingGroup> groups, List<String> missingReplicas) {
      if (missing || primary == null) {
        missingReplicas.add(id);
      } else {
        groups.add(new RoutingGroup(id, Fqdn.of(primary), secondaries.stream().map(Fqdn::of).toList()));
      }
    }
  }
}
