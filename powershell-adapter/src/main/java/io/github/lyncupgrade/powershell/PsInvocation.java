package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An SDK script and the values it runs with. Values travel to PowerShell as data (Base64 of
 * their UTF-8 bytes, decoded into the script's {@code $p} hashtable), so no value can change
 * what the script does, whatever characters it holds. Immutable; build with {@link #of}.
 */
public final class PsInvocation {
  private static final Pattern PARAMETER = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

  private final PsScript script;
  private final Map<String, String> parameters;
  private final Set<String> secrets;

  private PsInvocation(PsScript script, Map<String, String> parameters, Set<String> secrets) {
    this.script = script;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    this.secrets = Set.copyOf(secrets);
  }

  /** {@code script} with no values yet. */
  public static PsInvocation of(PsScript script) {
    return new PsInvocation(requireNonNull(script, "script"), Map.of(), Set.of());
  }

  /**
   * This invocation with {@code $p.<name>} set to {@code value}.
   *
   * @throws IllegalArgumentException if {@code name} is not letters and digits, starting with a letter
   */
  public PsInvocation with(String name, Object value) {
    return with(name, value, false);
  }

  /** This invocation with a secret value: it is passed like any other but never logged or shown. */
  public PsInvocation withSecret(String name, String value) {
    return with(name, value, true);
  }

  private PsInvocation with(String name, Object value, boolean secret) {
    requireNonNull(name, "name");
    requireNonNull(value, "value of " + name);
    if (!PARAMETER.matcher(name).matches()) {
      throw new IllegalArgumentException("a parameter name is letters and digits, starting with a letter: " + name);
    }
    Map<String, String> more = new LinkedHashMap<>(parameters);
    more.put(name, value.toString());
    Set<String> moreSecrets = new java.util.HashSet<>(secrets);
    if (secret) {
      moreSecrets.add(name);
    }
    return new PsInvocation(script, more, moreSecrets);
  }

  /** The script. */
  public PsScript script() {
    return script;
  }

  /** The values, by parameter name, in the order given. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** The script's name and its values, secrets masked: safe to log. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(script.name()).append('(');
    parameters.forEach((name, value) -> out.append(out.charAt(out.length() - 1) == '(' ? "" : ", ")
        .append(name).append('=').append(secrets.contains(name) ? "****" : value));
    return out.append(')').toString();
  }
}
