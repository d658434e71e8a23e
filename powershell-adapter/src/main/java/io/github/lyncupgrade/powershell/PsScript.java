package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A script the SDK owns, loaded from this module's resources; never text built from values.
 * Each begins with {@code # lync-upgrade:<name>} and takes its values as one hashtable
 * parameter, {@code param($p)}, filled from the invocation's parameters as data. Immutable.
 *
 * @param name the script's name, for example {@code pool-readiness}
 * @param text the script's text
 */
public record PsScript(String name, String text) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  /** Checks that the text declares the name. */
  public PsScript {
    requireNonNull(name, "name");
    requireNonNull(text, "text");
    if (!NAME.matcher(name).matches() || !text.startsWith("# lync-upgrade:" + name + "\n")) {
      throw new IllegalArgumentException("script " + name + " must be named in lower case and begin with '# lync-upgrade:"
          + name + "'");
    }
  }

  /**
   * The script {@code name} from {@code io/github/lyncupgrade/powershell/scripts/<name>.ps1}.
   *
   * @throws IllegalArgumentException if there is no such script
   */
  public static PsScript named(String name) {
    String resource = "scripts/" + name + ".ps1";
    try (InputStream in = PsScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no SDK script named " + name);
      }
      return new PsScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the SDK script " + name, e);
    }
  }
}
