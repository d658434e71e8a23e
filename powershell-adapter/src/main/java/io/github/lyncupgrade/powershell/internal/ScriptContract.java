package io.github.lyncupgrade.powershell.internal;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.powershell.PsReply.PsValue;
import io.github.lyncupgrade.powershell.PsReply;
import io.github.lyncupgrade.powershell.ReplyProblem;
import io.github.lyncupgrade.powershell.UnreadableReplyException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one SDK script replies with, declared once: its record kinds (each record's {@code Kind}
 * field), their fields and types (see {@link ScriptContracts}). The script's projection follows it
 * (a test reads the script's text against it), the adapter reads replies only through it
 * ({@link #read}: every field present and of its type, nothing undeclared, else an
 * {@link UnreadableReplyException} naming each problem), the fake shell answers through it
 * ({@link #record}), and the probe checks a live deployment's replies with it ({@link #check}).
 * Immutable.
 */
public final class ScriptContract {
  /** Every record's own field, naming its kind. */
  public static final String KIND = "Kind";

  private final String script;
  private final List<ReplyKind> kinds;

  private ScriptContract(String script, List<ReplyKind> kinds) {
    this.script = requireNonNull(script, "script");
    this.kinds = List.copyOf(kinds);
  }

  /** The contract of {@code script}: records of these kinds. */
  public static ScriptContract of(String script, ReplyKind... kinds) {
    if (kinds.length == 0) {
      throw new IllegalArgumentException("a script that replies with nothing is noOutput(" + script + ")");
    }
    return new ScriptContract(script, List.of(kinds));
  }

  /** The contract of a script that acts and replies with nothing. */
  public static ScriptContract noOutput(String script) {
    return new ScriptContract(script, List.of());
  }

  /** The script's name, as {@code PsScript.named} takes it. */
  public String script() {
    return script;
  }

  /** The record kinds, in the order declared; empty for a script that replies with nothing. */
  public List<ReplyKind> kinds() {
    return kinds;
  }

  /** The kind named {@code name}, if declared. */
  public Optional<ReplyKind> kind(String name) {
    return kinds.stream().filter(kind -> kind.name().equals(name)).findFirst();
  }

  /** Every way {@code reply}'s output differs from this contract, in the order of the reply; empty when it holds. */
  public List<ReplyProblem> check(PsReply reply) {
    List<ReplyProblem> problems = new ArrayList<>();
    Map<ReplyKind, Integer> counts = new LinkedHashMap<>();
    kinds.forEach(kind -> counts.put(kind, 0));
    List<Map<String, PsValue>> output = reply.output();
    for (int i = 0; i < output.size(); i++) {
      Map<String, PsValue> object = output.get(i);
      Optional<ReplyKind> kind = kindOf(object, i, problems);
      if (kind.isEmpty()) {
        continue;
      }
      int position = counts.merge(kind.get(), 1, Integer::sum);
      String record = kind.get().name() + " record " + position;
      for (ReplyField<?> field : kind.get().fields()) {
        PsValue value = object.get(field.name());
        if (value == null || !field.type().accepts(value)) {
          problems.add(new ReplyProblem(script, kind.get().cmdlet(), record, field.name(), field.type().expected(),
              value == null ? "nothing: the reply has no such property" : value.rendering()));
        }
      }
      object.forEach((name, value) -> {
        if (!name.equals(KIND) && kind.get().fields().stream().noneMatch(field -> field.name().equals(name))) {
          problems.add(new ReplyProblem(script, kind.get().cmdlet(), record, name,
              "no such property (" + script + "'s contract does not declare it)", value.rendering()));
        }
      });
    }
    counts.forEach((kind, count) -> {
      if (!kind.count().allows(count)) {
        problems.add(new ReplyProblem(script, kind.cmdlet(), "the reply", kind.name() + " records",
            kind.count() + " " + kind.name() + " record", count + " records")); // a count refused is 0 or several
      }
    });
    return problems;
  }

  private Optional<ReplyKind> kindOf(Map<String, PsValue> object, int index, List<ReplyProblem> problems) {
    PsValue value = object.get(KIND);
    String expected = kinds.isEmpty() ? "no output at all"
        : "a Kind naming one of " + kinds.stream().map(ReplyKind::name).collect(Collectors.joining(", "));
    String record = "output object " + (index + 1);
    if (value == null || !ReplyType.TEXT.accepts(value)) {
      problems.add(new ReplyProblem(script, "the script", record, KIND, expected,
          value == null ? "nothing: the reply has no such property" : value.rendering()));
      return Optional.empty();
    }
    Optional<ReplyKind> kind = kind(value.text());
    if (kind.isEmpty()) {
      problems.add(new ReplyProblem(script, "the script", record, KIND, expected, value.rendering()));
    }
    return kind;
  }

  /**
   * {@code reply} read through this contract for {@code operation} on {@code target}.
   *
   * @throws UnreadableReplyException naming every problem, if the reply does not hold to the contract
   */
  public Reading read(PsReply reply, String operation, Fqdn target) {
    List<ReplyProblem> problems = check(reply);
    if (!problems.isEmpty()) {
      throw new UnreadableReplyException(operation, target, script, problems);
    }
    return new Reading(this, reply, operation, target);
  }

  /** A record of {@code kind} as the script replies it, for fakes that answer from the contract. */
  public RecordBuilder record(ReplyKind kind) {
    if (!kinds.contains(kind)) {
      throw new IllegalArgumentException(script + " does not reply with " + kind.name() + " records");
    }
    return new RecordBuilder(kind);
  }

  @Override
  public String toString() {
    return script + (kinds.isEmpty() ? ": no output" : ": " + kinds);
  }

  /** A reply read through its contract: every record of a kind, each field typed. */
  public static final class Reading {
    private final ScriptContract contract;
    private final String operation;
    private final Fqdn target;
    private final Map<ReplyKind, List<Row>> rows = new LinkedHashMap<>();

    private Reading(ScriptContract contract, PsReply reply, String operation, Fqdn target) {
      this.contract = contract;
      this.operation = operation;
      this.target = target;
      contract.kinds.forEach(kind -> rows.put(kind, new ArrayList<>()));
      for (Map<String, PsValue> object : reply.output()) {
        ReplyKind kind = contract.kind(object.get(KIND).text()).orElseThrow();
        List<Row> ofKind = rows.get(kind);
        ofKind.add(new Row(this, kind, ofKind.size() + 1, object));
      }
    }

    /** Every record of {@code kind}, in order. */
    public List<Row> all(ReplyKind kind) {
      return List.copyOf(declared(kind));
    }

    /** The one record of {@code kind}, which the contract says there is exactly one of. */
    public Row one(ReplyKind kind) {
      if (kind.count() != ReplyKind.Count.EXACTLY_ONE) {
        throw new IllegalArgumentException(kind.name() + " records are not declared exactly one");
      }
      return declared(kind).get(0);
    }

    private List<Row> declared(ReplyKind kind) {
      List<Row> ofKind = rows.get(kind);
      if (ofKind == null) {
        throw new IllegalArgumentException(contract.script + " does not reply with " + kind.name() + " records");
      }
      return ofKind;
    }

    /** The exception for a reply that held to the contract but not to what the SDK needs of it. */
    public UnreadableReplyException problem(ReplyKind kind, String property, String expected, String arrived) {
      return new UnreadableReplyException(operation, target, contract.script,
          List.of(new ReplyProblem(contract.script, kind.cmdlet(), "the reply", property, expected, arrived)));
    }
  }

  /** One record of a reading. */
  public static final class Row {
    private final Reading reading;
    private final ReplyKind kind;
    private final int position;
    private final Map<String, PsValue> values;

    private Row(Reading reading, ReplyKind kind, int position, Map<String, PsValue> values) {
      this.reading = reading;
      this.kind = kind;
      this.position = position;
      this.values = values;
    }

    /** The value of {@code field}, as its type reads. */
    public <T> T get(ReplyField<T> field) {
      return field.cast(field.type().read(value(field)));
    }

    /**
     * The text of {@code field} parsed by {@code parser}; what the parser refuses
     * ({@link IllegalArgumentException}) becomes an {@link UnreadableReplyException} that says
     * {@code expected}.
     */
    public <R> R parse(ReplyField<String> field, String expected, Function<String, R> parser) {
      try {
        return parser.apply(get(field));
      } catch (IllegalArgumentException e) {
        throw problem(field, expected + " (" + e.getMessage() + ")");
      }
    }

    /** The exception saying {@code field} of this record is not {@code expected}. */
    public UnreadableReplyException problem(ReplyField<?> field, String expected) {
      return new UnreadableReplyException(reading.operation, reading.target, reading.contract.script,
          List.of(new ReplyProblem(reading.contract.script, kind.cmdlet(), kind.name() + " record " + position,
              field.name(), expected, value(field).rendering())));
    }

    private PsValue value(ReplyField<?> field) {
      if (!kind.has(field)) {
        throw new IllegalArgumentException(field.name() + " is not a field of " + kind.name() + " records");
      }
      return values.get(field.name());
    }
  }

  /** Builds one record as a faithful script replies it: every declared field, each with its projection's type. */
  public static final class RecordBuilder {
    private final ReplyKind kind;
    private final Map<String, PsValue> values = new LinkedHashMap<>();

    private RecordBuilder(ReplyKind kind) {
      this.kind = kind;
      values.put(KIND, PsValue.text(kind.name()));
    }

    /** Sets {@code field} to {@code value}. */
    public <T> RecordBuilder with(ReplyField<T> field, T value) {
      if (!kind.has(field)) {
        throw new IllegalArgumentException(field.name() + " is not a field of " + kind.name() + " records");
      }
      values.put(field.name(), field.type().write(requireNonNull(value, field.name())));
      return this;
    }

    /**
     * The record.
     *
     * @throws IllegalStateException if a declared field was not set
     */
    public Map<String, PsValue> build() {
      for (ReplyField<?> field : kind.fields()) {
        if (!values.containsKey(field.name())) {
          throw new IllegalStateException(kind.name() + " record without its " + field.name());
        }
      }
      return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }
}
