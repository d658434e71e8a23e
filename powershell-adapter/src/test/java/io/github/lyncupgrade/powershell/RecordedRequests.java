package io.github.lyncupgrade.powershell;

import io.github.lyncupgrade.powershell.internal.Wire;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The requests the fake shell recorded with {@code --record=FILE}, in order. */
final class RecordedRequests {
  /** One request: the script's text and its values. */
  record Request(String text, Map<String, String> parameters) {
    /** The script's name, from its first line. */
    String script() {
      return text.lines().findFirst().orElse("").replace("# lync-upgrade:", "");
    }
  }

  private RecordedRequests() {}

  static List<Request> in(Path record) throws IOException {
    List<Request> requests = new ArrayList<>();
    if (!Files.exists(record)) {
      return requests;
    }
    for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
      String[] fields = line.split("\t");
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 1; i < fields.length; i++) {
        String[] nameAndValue = fields[i].split("=", 2);
        parameters.put(nameAndValue[0], Wire.decode(nameAndValue[1]));
      }
      requests.add(new Request(Wire.decode(fields[0]), parameters));
    }
    return requests;
  }

  /** The scripts, in order. */
  static List<String> scripts(Path record) throws IOException {
    return in(record).stream().map(Request::script).toList();
  }
}
