package io.github.lyncupgrade.powershell.topology;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value handed to the topology builder came from, by its path in the builder's terms
 * ({@code pools[0].upgradeDomains[1].servers[0]}), so that a problem the core model finds is
 * reported at the document's line and element.
 */
final class Locations {
  private final Map<String, SourceLocation> locations = new HashMap<>();
  private final Map<String, String> values = new HashMap<>();
  private final SourceLocation fallback;

  Locations(SourceLocation fallback) {
    this.fallback = fallback;
  }

  void put(String path, SourceLocation location, String value) {
    locations.put(path, location);
    if (value != null) {
      values.put(path, value);
    }
  }

  /** The location of the longest recorded path that {@code path} starts with. */
  SourceLocation of(String path) {
    String candidate = path;
    while (!candidate.isEmpty()) {
      SourceLocation location = locations.get(candidate);
      if (location != null) {
        return location;
      }
      int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      candidate = cut <= 0 ? "" : candidate.substring(0, cut);
    }
    return fallback;
  }

  /** The raw value recorded at exactly {@code path}, or null. */
  String value(String path) {
    return values.get(path);
  }
}
