package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import io.github.lyncupgrade.core.model.CollocatedDatabase;
import io.github.lyncupgrade.core.model.Pool;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.powershell.cli.LocatedJson.Arr;
import io.github.lyncupgrade.powershell.cli.LocatedJson.Member;
import io.github.lyncupgrade.powershell.cli.LocatedJson.Obj;
import io.github.lyncupgrade.powershell.cli.LocatedJson.Str;
import io.github.lyncupgrade.powershell.cli.LocatedJson.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first pass over a topology file: walks its JSON values into builders, recording each
 * value's line by its path and every problem of its shape (a value of the wrong type, a key
 * unknown or given twice, a key missing or not allowed for the pool's edition). Nothing is
 * skipped: what cannot be read is a problem. One instance reads one file.
 */
final class TopologyFileShape {
  private static final List<String> EDITIONS = List.of("enterprise", "standard");
  private static final Set<String> TOP_LEVEL = Set.of("centralManagementStore", "pools");
  private static final Set<String> POOL = Set.of("fqdn", "edition", "product", "partnerPool", "upgradeDomains",
      "backEnd", "server");
  private static final Set<String> DOMAIN = Set.of("name", "servers");
  private static final Set<String> BACK_END = Set.of("sqlServer", "instance", "collocated", "mirror", "listener");

  private final String file;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Integer> lines = new HashMap<>();
  /** Standard Edition pools, whose one server the model calls {@code servers[0]} and the file {@code server}. */
  private final List<String> standardPools = new ArrayList<>();

  TopologyFileShape(String file) {
    this.file = file;
  }

  /** The problems found, each as {@code file:line: what}; the builders are only good when there are none. */
  List<String> problems() {
    return problems;
  }

  Topology.Builder topology(Value root) {
    Topology.Builder topology = Topology.builder();
    Map<String, Member> fields = fields(root, "the file", TOP_LEVEL);
    if (fields == null) {
      return topology;
    }
    String store = string(fields, "centralManagementStore", "centralManagementStore", false);
    if (store != null) {
      topology.centralManagementStore(store);
    }
    Arr pools = array(fields, "pools", "pools", true);
    if (pools != null && pools.items().isEmpty()) {
      problem(pools.line(), "pools is empty: the file lists no pool");
    }
    if (pools != null) {
      for (int i = 0; i < pools.items().size(); i++) {
        Pool.Builder pool = pool(pools.items().get(i), "pools[" + i + "]");
        if (pool != null) {
          topology.pool(pool);
        }
      }
    }
    return topology;
  }

  private Pool.Builder pool(Value value, String path) {
    Map<String, Member> fields = fields(value, path, POOL);
    if (fields == null) {
      return null;
    }
    String fqdn = string(fields, "fqdn", path + ".fqdn", true);
    String edition = choice(fields, "edition", path, EDITIONS);
    String productName = fields.containsKey("product")
        ? choice(fields, "product", path, TopologyFile.PRODUCTS.keySet()) : null;
    String partner = string(fields, "partnerPool", path + ".partnerPool", false);
    if (fqdn == null || edition == null) {
      return null;
    }
    Pool.Builder pool;
    if (edition.equals("enterprise")) {
      pool = Pool.enterprise(fqdn);
      notFor(fields, "server", path, "an Enterprise Edition pool lists its Front End servers in \"upgradeDomains\"");
      upgradeDomains(fields, path, pool);
      backEnd(fields, path, pool);
    } else {
      pool = Pool.standard(fqdn);
      standardPools.add(path);
      notFor(fields, "upgradeDomains", path, "a Standard Edition pool is one server, without upgrade domains");
      notFor(fields, "backEnd", path, "a Standard Edition server holds its own databases (SQL Server Express, BE-11c)");
      String server = string(fields, "server", path + ".server", false);
      if (server != null) {
        pool.server(server);
      }
    }
    if (productName != null) {
      pool.product(TopologyFile.PRODUCTS.get(productName));
    }
    if (partner != null) {
      pool.partnerPool(partner);
    }
    return pool;
  }

  private void upgradeDomains(Map<String, Member> fields, String path, Pool.Builder pool) {
    Arr domains = array(fields, "upgradeDomains", path + ".upgradeDomains", false);
    if (domains == null) {
      return;
    }
    for (int j = 0; j < domains.items().size(); j++) {
      String domainPath = path + ".upgradeDomains[" + j + "]";
      Map<String, Member> domain = fields(domains.items().get(j), domainPath, DOMAIN);
      if (domain == null) {
        continue;
      }
      String name = string(domain, "name", domainPath + ".name", true);
      List<String> servers = strings(domain, "servers", domainPath + ".servers", true);
      if (name != null && servers != null) {
        pool.upgradeDomain(name, servers);
      }
    }
  }

  private void backEnd(Map<String, Member> fields, String path, Pool.Builder pool) {
    if (!fields.containsKey("backEnd")) {
      problem(lines.get(path), path + " has no \"backEnd\": an Enterprise Edition pool names its Back End SQL Server,"
          + " as in \"backEnd\": { \"sqlServer\": \"sql01.contoso.com\" }");
      return;
    }
    String backEndPath = path + ".backEnd";
    Map<String, Member> backEnd = fields(fields.get("backEnd").value(), backEndPath, BACK_END);
    if (backEnd == null) {
      return;
    }
    String sqlServer = string(backEnd, "sqlServer", backEndPath + ".sqlServer", true);
    String instance = string(backEnd, "instance", backEndPath + ".instance", false);
    String mirror = string(backEnd, "mirror", backEndPath + ".mirror", false);
    String listener = string(backEnd, "listener", backEndPath + ".listener", false);
    List<String> collocatedNames = strings(backEnd, "collocated", backEndPath + ".collocated", false);
    List<CollocatedDatabase> collocated = new ArrayList<>();
    if (collocatedNames != null) {
      for (int k = 0; k < collocatedNames.size(); k++) {
        String name = collocatedNames.get(k);
        String itemPath = backEndPath + ".collocated[" + k + "]";
        try {
          collocated.add(CollocatedDatabase.valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          problem(lines.get(itemPath), itemPath + " must be one of " + collocatedNames() + ", not \""
              + Text.printable(name) + "\"");
        }
      }
    }
    if (sqlServer != null) {
      pool.backEnd(sqlServer, collocated.toArray(CollocatedDatabase[]::new));
    }
    if (instance != null) {
      pool.sqlInstance(instance);
    }
    if (mirror != null) {
      pool.mirroredTo(mirror);
    }
    if (listener != null) {
      pool.alwaysOnListener(listener);
    }
  }

  private static String collocatedNames() {
    List<String> names = new ArrayList<>();
    for (CollocatedDatabase database : CollocatedDatabase.values()) {
      names.add(database.name().toLowerCase(Locale.ROOT));
    }
    return String.join(", ", names);
  }

  /**
   * The members of an object by key (the first of a repeated one); null when the value is not
   * an object. A repeated or unknown key is a problem, recorded; the rest is read on, so that
   * every problem of the file is named at once.
   */
  private Map<String, Member> fields(Value value, String path, Set<String> known) {
    if (!(value instanceof Obj object)) {
      problem(value.line(), (path.equals("the file") ? "the file must be one JSON object" : path + " must be an object")
          + ", not " + value.kind());
      return null;
    }
    lines.put(path, object.line());
    Map<String, Member> fields = new LinkedHashMap<>();
    for (Member member : object.members()) {
      Member first = fields.putIfAbsent(member.key(), member);
      String where = path.equals("the file") ? "the top level" : path;
      if (!known.contains(member.key())) {
        problem(member.line(), "unknown key \"" + Text.printable(member.key()) + "\" in " + where + "; the keys there are "
            + String.join(", ", new TreeSet<>(known)));
      } else if (first != null) {
        problem(member.line(), "\"" + member.key() + "\" is given twice in " + where + " (first at line " + first.line()
            + "); a key may appear once");
      } else {
        lines.put(prefixed(path, member.key()), member.value().line());
      }
    }
    return fields;
  }

  private static String prefixed(String path, String key) {
    return path.equals("the file") ? key : path + "." + key;
  }

  private String string(Map<String, Member> fields, String key, String path, boolean required) {
    Value value = present(fields, key, path, required);
    if (value == null) {
      return null;
    }
    if (value instanceof Str text) {
      return text.text();
    }
    problem(value.line(), path + " must be a string, not " + value.kind());
    return null;
  }

  private Arr array(Map<String, Member> fields, String key, String path, boolean required) {
    Value value = present(fields, key, path, required);
    if (value == null) {
      return null;
    }
    if (value instanceof Arr array) {
      return array;
    }
    problem(value.line(), path + " must be an array, not " + value.kind() + shownIfString(value));
    return null;
  }

  /** An array of strings, each recorded at its line; null if it is missing or any item is not a string. */
  private List<String> strings(Map<String, Member> fields, String key, String path, boolean required) {
    Arr array = array(fields, key, path, required);
    if (array == null) {
      return null;
    }
    List<String> strings = new ArrayList<>();
    boolean usable = true;
    for (int k = 0; k < array.items().size(); k++) {
      Value item = array.items().get(k);
      lines.put(path + "[" + k + "]", item.line());
      if (item instanceof Str text) {
        strings.add(text.text());
      } else {
        problem(item.line(), path + "[" + k + "] must be a string, not " + item.kind());
        usable = false;
      }
    }
    return usable ? strings : null;
  }

  /** A string that must be one of {@code choices}, compared without case; the canonical choice, or null. */
  private String choice(Map<String, Member> fields, String key, String path, Collection<String> choices) {
    String text = string(fields, key, path + "." + key, true);
    if (text == null) {
      return null;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (choices.contains(lower)) {
      return lower;
    }
    problem(lines.get(path + "." + key), path + "." + key + " must be one of " + String.join(", ", choices) + ", not \""
        + Text.printable(text) + "\"");
    return null;
  }

  private Value present(Map<String, Member> fields, String key, String path, boolean required) {
    Member member = fields.get(key);
    if (member == null) {
      if (required) {
        String owner = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "the file";
        problem(lines.getOrDefault(owner, 1), (owner.equals("the file") ? "the file" : owner) + " has no \"" + key
            + "\"");
      }
      return null;
    }
    return member.value();
  }

  private void notFor(Map<String, Member> fields, String key, String path, String why) {
    Member member = fields.get(key);
    if (member != null) {
      problem(member.line(), path + "." + key + " is not allowed here: " + why);
    }
  }

  private static String shownIfString(Value value) {
    return value instanceof Str text ? " (\"" + Text.printable(text.text()) + "\")" : "";
  }

  private void problem(Integer line, String message) {
    problems.add(file + ":" + (line == null ? 1 : line) + ": " + message);
  }

  /** A model's path, or a message naming paths, in the file's words: its keys, not the builder's. */
  String inFileWords(String modelText) {
    String text = modelText.replace(".backEnd.sqlInstance", ".backEnd.instance");
    for (String standard : standardPools) {
      text = text.replace(standard + ".servers[0]", standard + ".server");
    }
    return text;
  }

  /** The line of the longest recorded path that {@code path} starts with. */
  int lineOf(String path) {
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
}
