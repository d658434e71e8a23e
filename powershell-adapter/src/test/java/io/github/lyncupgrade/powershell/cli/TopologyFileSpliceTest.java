package io.github.lyncupgrade.powershell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.core.plan.PlanOptions;
import io.github.lyncupgrade.core.plan.PlanRefusedException;
import io.github.lyncupgrade.core.plan.Planner;
import io.github.lyncupgrade.core.plan.UpgradePlan;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepKind;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.Simulation;
import io.github.lyncupgrade.testkit.gen.Theories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * A JSON value (a string, a number, null, an array, an object, a repeated key) spliced into any
 * position of a valid topology file: the file is refused with a line number, or it means a
 * topology that holds everything the file says (each of its strings, as often) and whose plan
 * names every pool and server the file names (the same plan when it is the same topology); never
 * a value ignored, never a pool or server dropped silently.
 */
@Tag("reliability")
class TopologyFileSpliceTest {
  private static final List<String> VALUES = List.of(
      "\"fe99.contoso.com\"", "\"pool01.contoso.com\"", "\"x\"", "\"\"", "\"UpgradeDomain1\"", "\"enterprise\"",
      "\"standard\"", "\"skype-2015\"", "\"\\u001b[2J\"", "\"sql01.contoso.com\"",
      "0", "-1", "1e400", "12345678901234567890",
      "null", "true", "false",
      "[]", "[\"fe99.contoso.com\"]", "[null]", "[[]]",
      "{}", "{\"fqdn\": \"pool99.contoso.com\", \"edition\": \"standard\"}",
      "{\"name\": \"UD9\", \"servers\": [\"fe99.contoso.com\"]}",
      "[{\"fqdn\": \"pool99.contoso.com\", \"edition\": \"standard\"}]", "[{\"name\": \"UD9\", \"servers\": [\"fe99.contoso.com\"]}]",
      "\"fqdn\": \"pool99.contoso.com\"", "\"servers\": []", "\"pools\": []", "\"edition\": \"standard\"",
      "\"partnerPool\": \"pool02.contoso.com\"", "\"upgradeDomains\": []", "\"name\": \"UD9\"",
      "\"sqlServer\": \"sql09.contoso.com\"", "\"collocated\": [\"archiving\"]");
  private static final List<String> FORMS = List.of("%s", "%s,", ", %s", "\n%s,\n", ",%s,");

  @TempDir
  Path directory;

  private record Splice(int base, int position, String value, String form) {
    String into(String text) {
      int at = Math.min(position, text.length());
      return text.substring(0, at) + String.format(form, value) + text.substring(at);
    }
  }

  @Test
  void aSplicedValueIsRefusedAtItsLineOrChangesNothingSilently() {
    List<Topology> bases = List.of(SampleTopologies.contoso(), SampleTopologies.skypeForBusiness2015());
    List<String> texts = bases.stream().map(TopologyFileSpliceTest::written).toList();
    int longest = texts.stream().mapToInt(String::length).max().orElseThrow();
    Gen<Splice> splices = SourceDSL.integers().between(0, bases.size() - 1)
        .zip(SourceDSL.integers().between(0, longest), Generate.pick(VALUES), Generate.pick(FORMS),
            Splice::new);
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger unsafe = new AtomicInteger();
    AtomicInteger same = new AtomicInteger();
    AtomicInteger changed = new AtomicInteger();
    AtomicInteger cases = new AtomicInteger();

    Theories.qt(1500).forAll(splices).checkAssert(splice -> {
      cases.incrementAndGet();
      String text = splice.into(texts.get(splice.base()));
      Path file = directory.resolve("spliced.json");
      write(file, text);
      Topology read;
      try {
        read = TopologyFile.read(file);
      } catch (TopologyFileException e) {
        refused.incrementAndGet();
        long lines = text.lines().count() + 1;
        Pattern located = Pattern.compile(Pattern.quote(file.toString()) + ":(\\d+): .+");
        assertThat(e.problems()).as(text).isNotEmpty().allSatisfy(problem -> {
          var matcher = located.matcher(problem);
          assertThat(matcher.matches()).as("a line number in '%s'", problem).isTrue();
          assertThat(Long.parseLong(matcher.group(1))).as(problem).isBetween(1L, lines);
        });
        return;
      }
      UpgradePlan plan;
      try {
        plan = plan(read);
      } catch (PlanRefusedException e) {
        unsafe.incrementAndGet();
        assertThat(e.problems()).isNotEmpty(); // a valid topology unsafe to plan (quorum) is refused whole, by pool
        return;
      }
      assertThat(poolsOf(plan)).as(text).containsAll(named(text, "fqdn"));
      Map<String, Integer> kept = strings(written(read));
      strings(text).forEach((value, count) -> assertThat(kept.getOrDefault(value, 0))
          .as("the file's \"%s\" is in the topology read (as often)%n%s", value, text).isGreaterThanOrEqualTo(count));
      assertThat(installedOn(plan)).as("every server of the file is upgraded:%n%s", text).containsAll(named(text, "servers"));
      if (read.equals(bases.get(splice.base()))) {
        same.incrementAndGet();
        assertThat(plan.fingerprint()).isEqualTo(plan(bases.get(splice.base())).fingerprint());
      } else {
        changed.incrementAndGet();
      }
    });
    System.out.printf("RELIABILITY topology file, a JSON value spliced anywhere: %d cases (seed %d): %d refused with"
        + " their line, %d the same topology and plan, %d another valid topology with every pool and server planned,"
        + " %d valid but refused by the planner, 0 failures%n", cases.get(),
        Long.getLong("lyncupgrade.seed", Theories.DEFAULT_SEED), refused.get(), same.get(), changed.get(), unsafe.get());
    assertThat(refused.get()).as("the splices reach the reader's refusals").isPositive();
    assertThat(changed.get()).as("the splices reach places where the file stays valid too").isPositive();
  }

  private static UpgradePlan plan(Topology topology) {
    return Planner.create(PlanOptions.builder().updatePackage(Simulation.sampleUpdate(topology)).build()).plan(topology);
  }

  private static Set<Fqdn> poolsOf(UpgradePlan plan) {
    Set<Fqdn> pools = new HashSet<>();
    plan.topology().pools().forEach(pool -> pools.add(pool.fqdn()));
    return pools;
  }

  private static Set<Fqdn> installedOn(UpgradePlan plan) {
    Set<Fqdn> servers = new HashSet<>();
    for (Step step : plan.steps()) {
      if (step.kind() == StepKind.INSTALL_UPDATE) {
        servers.add(step.target());
      }
    }
    return servers;
  }

  /**
   * Every string the file gives as {@code key} (or in an array under it), read with jackson-core
   * directly: an oracle independent of the reader under test.
   */
  private static Set<Fqdn> named(String text, String key) {
    Set<Fqdn> names = new HashSet<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      Deque<String> arrays = new ArrayDeque<>();
      String field = null;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        switch (token) {
          case FIELD_NAME -> field = parser.currentName();
          case START_ARRAY -> {
            arrays.push(field == null ? "" : field);
            field = null;
          }
          case END_ARRAY -> arrays.pop();
          case START_OBJECT -> field = null;
          case VALUE_STRING -> {
            if (key.equals(field) || (field == null && !arrays.isEmpty() && arrays.peek().equals(key))) {
              names.add(Fqdn.of(parser.getText()));
            }
            field = null;
          }
          default -> field = null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  /** Every string value of the file, lower case, with how often it occurs. */
  private static Map<String, Integer> strings(String text) {
    Map<String, Integer> strings = new HashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.VALUE_STRING) {
          strings.merge(parser.getText().toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return strings;
  }

  private static String written(Topology topology) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      TopologyFile.write(topology, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
