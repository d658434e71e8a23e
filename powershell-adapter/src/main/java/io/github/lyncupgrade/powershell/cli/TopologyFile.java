package io.github.lyncupgrade.powershell.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.lyncupgrade.core.internal.Text;
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
import io.github.lyncupgrade.powershell.cli.LocatedJson.Value;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Read in two passes, each problem at its line: the file's shape first (one JSON object, every key
 * known, given once and of its type; nothing skipped), then, only when the shape is right, the
 * model's own validation. A file with a shape problem is refused with just those problems: a
 * value that cannot be read is never left out to plan the rest.
 */
final class TopologyFile {
  /** The names a topology file gives the products; a pool without one runs Lync Server 2013. */
  static final Map<String, ProductVersion> PRODUCTS = new TreeMap<>(Map.of(
      "lync-2013", ProductVersion.LYNC_SERVER_2013,
      "skype-2015", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2015,
      "skype-2019", ProductVersion.SKYPE_FOR_BUSINESS_SERVER_2019));

  private TopologyFile() {}

  /**
   * Reads and validates a topology file (JSON); {@link TopologyInput#read} sends a {@code --topology}
   * file here when it is not one of Lync's XML documents.
   *
   * @throws TopologyFileException naming the line of every problem; nothing is half-read
   */
  static Topology read(Path file) {
    String shown = Text.path(file.toString());
    if (Files.isDirectory(file)) {
      throw new TopologyFileException(shown, List.of(shown + ": cannot be read: it is a folder, not a topology file"));
    }
    Value root;
    try (InputStream in = Files.newInputStream(file)) {
      root = LocatedJson.read(in);
    } catch (LocatedJson.MalformedException e) {
      throw new TopologyFileException(shown, List.of(shown + ":" + e.line() + ": " + e.getMessage()));
    } catch (IOException e) {
      throw new TopologyFileException(shown, List.of(shown + ": cannot be read: " + Text.reason(e)));
    }
    TopologyFileShape reader = new TopologyFileShape(shown);
    Topology.Builder topology = reader.topology(root);
    if (!reader.problems().isEmpty()) {
      throw new TopologyFileException(shown, reader.problems());
    }
    try {
      return topology.build();
    } catch (InvalidTopologyException e) {
      List<String> located = new ArrayList<>();
      for (TopologyProblem problem : e.problems()) {
        String path = reader.inFileWords(problem.path());
        located.add(shown + ":" + reader.lineOf(path) + ": " + path + ": " + reader.inFileWords(problem.message()));
      }
      throw new TopologyFileException(shown, located);
    }
  }

  /** Writes {@code topology} as a topology file. */
  static void write(Topology topology, OutputStream out) throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
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
