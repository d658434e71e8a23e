package io.github.lyncupgrade.core.model;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.internal.Text;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lync Server build number such as {@code 5.0.8308.1001} (major.minor.build.revision), as
 * cumulative updates and {@code Get-CsServerVersion} report it. Immutable and thread-safe.
 *
 * @param major the major version (5 for Lync Server 2013)
 * @param minor the minor version
 * @param build the build number
 * @param revision the revision
 */
public record BuildVersion(int major, int minor, int build, int revision) implements Comparable<BuildVersion> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})\\.(\\d{1,9})");
  private static final Comparator<BuildVersion> ORDER = Comparator.comparingInt(BuildVersion::major)
      .thenComparingInt(BuildVersion::minor)
      .thenComparingInt(BuildVersion::build)
      .thenComparingInt(BuildVersion::revision);

  /** Rejects negative parts. */
  public BuildVersion {
    checkArgument(major >= 0 && minor >= 0 && build >= 0 && revision >= 0, "version parts must not be negative: %s.%s.%s.%s",
        major, minor, build, revision);
  }

  /**
   * Parses {@code major.minor.build.revision}.
   *
   * @throws IllegalArgumentException if {@code text} is not four dot-separated numbers
   */
  public static BuildVersion parse(String text) {
    requireNonNull(text, "text");
    Matcher matcher = FORMAT.matcher(text.trim());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + Text.printable(text)
          + "' is not a build version; expected four numbers like 5.0.8308.1001");
    }
    return new BuildVersion(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)));
  }

  /** Whether this version is {@code other} or newer. */
  public boolean isAtLeast(BuildVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(BuildVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + build + "." + revision;
  }
}
