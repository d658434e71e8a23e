package io.github.lyncupgrade.powershell.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.powershell.topology.DocumentFinding;
import io.github.lyncupgrade.powershell.topology.SourceLocation;
import io.github.lyncupgrade.powershell.topology.TopologyDocumentException;
import io.github.lyncupgrade.powershell.topology.TopologyOverlay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The overlay file ({@code --overlay}): what a Lync topology document does not carry, in the
 * topology file's own words, pool by pool.
 *
 * <pre>
 * { "centralManagementStore": "pool01.contoso.com",
 *   "pools": [
 *     { "fqdn": "pool01.contoso.com", "partnerPool": "pool02.contoso.com",
 *       "backEnd": { "mirror": "sql01m.contoso.com", "collocated": [ "persistent_chat" ] } },
 *     { "fqdn": "pool02.contoso.com", "partnerPool": "pool01.contoso.com" } ] }
 * </pre>
 *
 * Its shape is checked here, each problem at its line; its values are checked with the document
 * ({@link io.github.lyncupgrade.powershell.topology.LyncTopologyReader}).
 */
final class OverlayFile {
  /** The topology file's limits, and a key given twice refused: an overlay holds no more than a topology file. */
  private static final JsonFactory JSON = LocatedJson.factory().rebuild()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private OverlayFile() {}

  static TopologyOverlay read(Path file) {
    String source = file.toString();
    Reader reader = new Reader(source);
    try (JsonParser parser = JSON.createParser(Files.newInputStream(file))) {
      try {
        reader.overlay(parser);
        if (reader.problems.isEmpty() && parser.nextToken() != null) {
          reader.problem(parser.currentTokenLocation().getLineNr(), "overlay",
              "there is more after the closing '}' of the overlay: an overlay is one JSON object");
        }
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        reader.problem(at == null ? 0 : at.getLineNr(), "overlay",
            "the file is not valid JSON: " + Text.safe(e.getOriginalMessage(), false));
      }
    } catch (IOException e) {
      throw TopologyInput.unreadable(file, e);
    }
    if (!reader.problems.isEmpty()) {
      throw new TopologyDocumentException(source, reader.problems);
    }
    return reader.overlay.build();
  }

  /** Walks the JSON into the overlay's builder, recording each value's line. */
  private static final class Reader {
    private final String source;
    private final TopologyOverlay.Builder overlay;
    private final List<DocumentFinding> problems = new ArrayList<>();
    private JsonParser parser;

    Reader(String source) {
      this.source = source;
      this.overlay = TopologyOverlay.builder(source);
    }

    void overlay(JsonParser json) throws IOException {
      this.parser = json;
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        problem(line(), "overlay", "the overlay must be one JSON object: { \"pools\": [ ... ] }");
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "centralManagementStore" -> string(field).ifPresent(pool -> overlay.at(line(), field)
              .centralManagementStore(pool));
          case "pools" -> pools();
          default -> unknown(field, field);
        }
      }
    }

    private void pools() throws IOException {
      if (!opens(JsonToken.START_ARRAY, "pools", "\"pools\" must be an array of pools")) {
        return;
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        pool("pools[" + index++ + "]");
      }
    }

    private void pool(String path) throws IOException {
      if (!opens(JsonToken.START_OBJECT, path, "a pool must be an object with its \"fqdn\"")) {
        return;
      }
      int start = line();
      String fqdn = null;
      // Values wait for the pool's fqdn, which may come after them.
      List<Consumer<String>> values = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        String at = path + "." + field;
        int line = line();
        switch (field) {
          case "fqdn" -> fqdn = string(at).orElse(null);
          case "partnerPool" -> string(at).ifPresent(partner -> values.add(pool -> overlay.at(line, at)
              .partnerPool(pool, partner)));
          case "backEnd" -> backEnd(at, values);
          default -> unknown(field, at);
        }
      }
      if (fqdn == null) {
        problem(start, path, "the pool needs its \"fqdn\", the pool of the document it adds to");
        return;
      }
      for (Consumer<String> value : values) {
        value.accept(fqdn);
      }
    }

    private void backEnd(String path, List<Consumer<String>> values) throws IOException {
      if (!opens(JsonToken.START_OBJECT, path, "\"backEnd\" must be an object")) {
        return;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        String at = path + "." + field;
        int line = line();
        switch (field) {
          case "mirror" -> string(at).ifPresent(mirror -> values.add(pool -> overlay.at(line, at).mirror(pool, mirror)));
          case "collocated" -> collocated(at, values);
          default -> unknown(field, at);
        }
      }
    }

    private void collocated(String path, List<Consumer<String>> values) throws IOException {
      if (!opens(JsonToken.START_ARRAY, path, "\"collocated\" must be an array, like [ \"persistent_chat\" ]")) {
        return;
      }
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        String at = path + "[" + index++ + "]";
        int line = line();
        string(at).ifPresent(name -> {
          try {
            CollocatedDatabase database = CollocatedDatabase.valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
            values.add(pool -> overlay.at(line, at).collocated(pool, database));
          } catch (IllegalArgumentException e) {
            problem(line, at, "unknown collocated database \"" + name + "\"; one of archiving, monitoring,"
                + " persistent_chat, persistent_chat_compliance");
          }
        });
      }
    }

    /** Whether the current value is what {@code expected} opens; if not, the problem is recorded and the value skipped. */
    private boolean opens(JsonToken expected, String path, String message) throws IOException {
      if (parser.currentToken() == expected) {
        return true;
      }
      problem(line(), path, message);
      parser.skipChildren();
      return false;
    }

    private Optional<String> string(String path) throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        problem(line(), path, "must be a string");
        parser.skipChildren();
        return Optional.empty();
      }
      return Optional.of(parser.getText());
    }

    private void unknown(String field, String path) throws IOException {
      problem(line(), path, "unknown field \"" + field + "\"; an overlay names centralManagementStore, and for each"
          + " pool its fqdn, partnerPool and backEnd.mirror, backEnd.collocated");
      parser.skipChildren();
    }

    void problem(int line, String element, String message) {
      problems.add(new DocumentFinding(new SourceLocation(source, Math.max(0, line), element), message));
    }

    private int line() {
      return parser.currentTokenLocation().getLineNr();
    }
  }
}
