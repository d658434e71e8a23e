package io.github.lyncupgrade.powershell.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.EnterprisePool;
import io.github.lyncupgrade.core.model.InvalidTopologyException;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.model.Server;
import io.github.lyncupgrade.core.model.StandardEditionPool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.model.TopologyProblem;
import io.github.lyncupgrade.core.model.UpgradeDomain;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topology file: JSON that {@code discover} writes and the other commands read.
 *
 * <pre>
 * { "centralManagementStore": "pool01.contoso.com",
 *   "pools": [
 *     { "fqdn": "pool01.contoso.com", "edition": "enterprise", "product": "skype-2015",
 *       "upgradeDomains": [ { "name": "UpgradeDomain1", "servers": [ "fe01.contoso.com", "fe02.contoso.com" ] } ],
 *       "backEnd": { "sqlServer": "sql01.contoso.com", "instance": "RTC", "collocated": [ "monitoring" ],
 *                    "listener": "ag01.contoso.com" },
 *       "partnerPool": "pool02.contoso.com" },
 *     { "fqdn": "se01.contoso.com", "edition": "standard" } ] }
 * </pre>
 *
 * Read with jackson-core's streaming parser, which knows the line of every element, so a problem
 * found when the topology is validated is reported at its line.
 */
final class TopologyFile {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  /** The names a topology file gives the products; a pool without one runs Lync Server 2013. */
  private static final Map<String, ProductVersion> PRODUCTS = new TreeMap<>(Map.of(
      "lync-2013", ProductVersion.LYNC_SERVER_2013,
      "skype-2015", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015,
      "skype-2019", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019));

  private TopologyFile() {}

  /**
   * Reads and validates a topology file.
   *
   * @throws TopologyFileException naming the line of every problem; nothing is half-read
   */
  static Topology read(Path file) {
    Map<String, Integer> lines = new HashMap<>();
    List<String> problems = new ArrayList<>();
    Topology.Builder topology = Topology.builder();
    try (JsonParser parser = JSON.createParser(Files.newInputStream(file))) {
      new Reader(parser, lines, problems, file.toString()).topology(topology);
    } catch (ShapeException e) {
      throw new TopologyFileException(file.toString(), problems);
    } catch (JsonProcessingException e) {
      throw new TopologyFileException(file.toString(), List.of(file + ":" + e.getLocation().getLineNr()
          + ": the file is not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new TopologyFileException(file.toString(), List.of(file + ": cannot be read: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new TopologyFileException(file.toString(), problems);
    }
    try {
      return topology.build();
    } catch (InvalidTopologyException e) {
      List<String> located = new ArrayList<>();
      for (TopologyProblem problem : e.problems()) {
        located.add(file + ":" + lineOf(problem.path(), lines) + ": " + problem);
      }
      throw new TopologyFileException(file.toString(), located);
    }
  }

  /** The line of the longest recorded path that {@code path} starts with. */
  private static int lineOf(String path, Map<String, Integer> lines) {
    String candidate = path;
    while (!candidate.isEmpty()) {
      Integer line = lines.get(candidate);
      if (line != null) {
        return line;
      }
      int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
      candidate = cut <= 0 ? "" : candidate.substring(0, cut);
    }
    return 1;
  }

  /** The file's shape is so wrong that reading further would only add noise. */
  private static final class ShapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ShapeException() {
      super(null, null, false, false);
    }
  }

  /** Walks the JSON, filling builders and recording each element's line by its topology path. */
  private record Reader(JsonParser parser, Map<String, Integer> lines, List<String> problems, String file) {

    void topology(Topology.Builder topology) throws IOException {
      expect(parser.nextToken(), JsonToken.START_OBJECT, "the file must be one JSON object");
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("centralManagementStore")) {
          lines.put("centralManagementStore", line());
          topology.centralManagementStore(parser.getValueAsString());
        } else if (field.equals("pools")) {
          expect(parser.currentToken(), JsonToken.START_ARRAY, "\"pools\" must be an array");
          int index = 0;
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            Pool.Builder pool = pool("pools[" + index + "]");
            if (pool != null) {
              topology.pool(pool);
            }
            index++;
          }
        } else {
          unknown(field, "the top level");
        }
      }
    }

    private Pool.Builder pool(String path) throws IOException {
      lines.put(path, line());
      Map<String, Object> fields = new HashMap<>();
      List<Object[]> domains = new ArrayList<>();
      List<String> collocated = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        lines.put(path + "." + field, line());
        switch (field) {
          case "fqdn", "edition", "partnerPool", "server", "product" -> fields.put(field, parser.getValueAsString());
          case "upgradeDomains" -> {
            int index = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              domains.add(domain(path + ".upgradeDomains[" + index++ + "]"));
            }
          }
          case "backEnd" -> backEnd(path + ".backEnd", fields, collocated);
          default -> {
            unknown(field, path);
            parser.skipChildren();
          }
        }
      }
      String edition = String.valueOf(fields.get("edition")).toLowerCase(Locale.ROOT);
      String fqdn = (String) fields.get("fqdn");
      Pool.Builder pool;
      if (edition.equals("enterprise")) {
        pool = Pool.enterprise(fqdn);
      } else if (edition.equals("standard")) {
        pool = Pool.standard(fqdn);
      } else {
        problems.add(file + ":" + lines.get(path) + ": " + path + ": \"edition\" must be \"enterprise\" or \"standard\"");
        return null;
      }
      if (fields.containsKey("product")) {
        String product = String.valueOf(fields.get("product"));
        ProductVersion parsed = PRODUCTS.get(product.toLowerCase(Locale.ROOT));
        if (parsed == null) {
          problems.add(file + ":" + lines.get(path + ".product") + ": " + path + ": \"product\" must be one of "
              + PRODUCTS.keySet() + ", not \"" + product + "\"");
        } else {
          pool.product(parsed);
        }
      }
      for (Object[] domain : domains) {
        @SuppressWarnings("unchecked")
        List<String> servers = (List<String>) domain[1];
        pool.upgradeDomain((String) domain[0], servers);
      }
      if (fields.containsKey("server")) {
        pool.server((String) fields.get("server"));
      }
      if (fields.containsKey("sqlServer")) {
        pool.backEnd((String) fields.get("sqlServer"), collocated.stream().map(this::collocated)
            .filter(java.util.Objects::nonNull).toArray(CollocatedDatabase[]::new));
      }
      if (fields.containsKey("instance")) {
        pool.sqlInstance((String) fields.get("instance"));
      }
      if (fields.containsKey("mirror")) {
        pool.mirroredTo((String) fields.get("mirror"));
      }
      if (fields.containsKey("listener")) {
        pool.alwaysOnListener((String) fields.get("listener"));
      }
      if (fields.containsKey("partnerPool")) {
        pool.partnerPool((String) fields.get("partnerPool"));
      }
      return pool;
    }

    private Object[] domain(String path) throws IOException {
      lines.put(path, line());
      String name = null;
      List<String> servers = new ArrayList<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("name")) {
          name = parser.getValueAsString();
          lines.put(path + ".name", line());
        } else if (field.equals("servers")) {
          int index = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            lines.put(path + ".servers[" + index++ + "]", line());
            servers.add(parser.getValueAsString());
          }
        } else {
          unknown(field, path);
          parser.skipChildren();
        }
      }
      return new Object[] {name, servers};
    }

    private void backEnd(String path, Map<String, Object> fields, List<String> collocated) throws IOException {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "sqlServer" -> {
            lines.put(path + ".sqlServer", line());
            fields.put("sqlServer", parser.getValueAsString());
          }
          case "instance" -> {
            lines.put(path + ".sqlInstance", line());
            fields.put("instance", parser.getValueAsString());
          }
          case "mirror", "listener" -> {
            lines.put(path + "." + field, line());
            fields.put(field, parser.getValueAsString());
          }
          case "collocated" -> {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              collocated.add(line() + ":" + parser.getValueAsString());
            }
          }
          default -> {
            unknown(field, path);
            parser.skipChildren();
          }
        }
      }
    }

    private CollocatedDatabase collocated(String lineAndName) {
      int colon = lineAndName.indexOf(':');
      String name = lineAndName.substring(colon + 1);
      try {
        return CollocatedDatabase.valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(file + ":" + lineAndName.substring(0, colon) + ": unknown collocated database \"" + name
            + "\"; one of archiving, monitoring, persistent_chat, persistent_chat_compliance");
        return null;
      }
    }

    private void unknown(String field, String where) {
      problems.add(file + ":" + line() + ": unknown field \"" + field + "\" in " + where);
    }

    private void expect(JsonToken actual, JsonToken expected, String message) {
      if (actual != expected) {
        problems.add(file + ":" + line() + ": " + message);
        throw new ShapeException();
      }
    }

    private int line() {
      return parser.currentTokenLocation().getLineNr();
    }
  }

  /** Writes {@code topology} as a topology file. */
  static void write(Topology topology, OutputStream out) throws IOException {
    try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      if (topology.centralManagementStorePool().isPresent()) {
        json.writeStringField("centralManagementStore", topology.centralManagementStorePool().get().toString());
      }
      json.writeArrayFieldStart("pools");
      for (Pool pool : topology.pools()) {
        json.writeStartObject();
        json.writeStringField("fqdn", pool.fqdn().toString());
        json.writeStringField("edition", pool instanceof EnterprisePool ? "enterprise" : "standard");
        json.writeStringField("product", PRODUCTS.entrySet().stream()
            .filter(entry -> entry.getValue() == pool.product()).findFirst().orElseThrow().getKey());
        if (pool instanceof EnterprisePool enterprise) {
          json.writeArrayFieldStart("upgradeDomains");
          for (UpgradeDomain domain : enterprise.upgradeDomains()) {
            json.writeStartObject();
            json.writeStringField("name", domain.name());
            json.writeArrayFieldStart("servers");
            for (Server server : domain.servers()) {
              json.writeString(server.toString());
            }
            json.writeEndArray();
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeObjectFieldStart("backEnd");
          json.writeStringField("sqlServer", enterprise.backEnd().sqlServer().toString());
          if (enterprise.backEnd().instanceName().isPresent()) {
            json.writeStringField("instance", enterprise.backEnd().instanceName().get());
          }
          json.writeArrayFieldStart("collocated");
          for (CollocatedDatabase database : enterprise.backEnd().collocatedDatabases()) {
            json.writeString(database.name().toLowerCase(Locale.ROOT));
          }
          json.writeEndArray();
          if (enterprise.backEnd().mirror().isPresent()) {
            json.writeStringField("mirror", enterprise.backEnd().mirror().get().toString());
          }
          if (enterprise.backEnd().listener().isPresent()) {
            json.writeStringField("listener", enterprise.backEnd().listener().get().toString());
          }
          json.writeEndObject();
        } else {
          json.writeStringField("server", ((StandardEditionPool) pool).server().toString());
        }
        if (pool.partnerPool().isPresent()) {
          json.writeStringField("partnerPool", pool.partnerPool().get().toString());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }
}
