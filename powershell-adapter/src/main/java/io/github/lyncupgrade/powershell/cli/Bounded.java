package io.github.lyncupgrade.powershell.cli;

import io.github.lyncupgrade.core.internal.Text;
import java.math.BigInteger;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The whole-number options and the range each accepts, read without a Java type in the message
 * ("'abc' is not a whole number", "100000 is out of range: 1 to 64"). The limits are written in
 * the options' help and in docs/command.md; each is far above what a real night needs and low enough
 * that no estimate, wait or count can overflow.
 */
abstract class Bounded implements ITypeConverter<Integer> {
  static final int MAX_POOLS_AT_ONCE = 100;
  /** A Skype for Business Server 2019 pool, the largest, has 16 Front Ends. */
  static final int MAX_SERVERS_AT_ONCE = 16;
  static final int MAX_STAGING_COPIES = 100;
  /** A PowerShell process is tens of megabytes. */
  static final int MAX_SESSIONS = 64;
  /** {@code Invoke-CsComputerFailOver}'s default {@code -WaitTime} is an hour; the drain must end before it. */
  static final int MAX_DRAINING_MINUTES = 60;
  /** Microsoft's settle time is 20 minutes; four hours is a night. */
  static final int MAX_SETTLE_MINUTES = 240;
  static final int MAX_CRASH_AFTER = 1_000_000;
  static final int MAX_CHECKS = 100;
  static final int MAX_START_SECONDS = 3_600;
  /** A day: the longest a single PowerShell command (an installer) may be given. */
  static final int MAX_COMMAND_MINUTES = 1_440;

  private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");

  private final int min;
  private final int max;

  Bounded(int min, int max) {
    this.min = min;
    this.max = max;
  }

  @Override
  public Integer convert(String text) {
    return parse(text, min, max);
  }

  /** {@code text} as a whole number from {@code min} to {@code max}. */
  static int parse(String text, int min, int max) {
    String trimmed = text.strip();
    if (!WHOLE.matcher(trimmed).matches()) {
      throw new TypeConversionException("'" + Text.printable(text) + "' is not a whole number (" + min + " to " + max
          + ")");
    }
    BigInteger value = new BigInteger(trimmed);
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new TypeConversionException(Text.printable(trimmed) + " is out of range: " + min + " to " + max);
    }
    return value.intValueExact();
  }

  static final class PoolsAtOnce extends Bounded {
    PoolsAtOnce() {
      super(1, MAX_POOLS_AT_ONCE);
    }
  }

  static final class ServersAtOnce extends Bounded {
    ServersAtOnce() {
      super(1, MAX_SERVERS_AT_ONCE);
    }
  }

  static final class StagingCopies extends Bounded {
    StagingCopies() {
      super(1, MAX_STAGING_COPIES);
    }
  }

  static final class Sessions extends Bounded {
    Sessions() {
      super(1, MAX_SESSIONS);
    }
  }

  static final class DrainingMinutes extends Bounded {
    DrainingMinutes() {
      super(1, MAX_DRAINING_MINUTES);
    }
  }

  static final class SettleMinutes extends Bounded {
    SettleMinutes() {
      super(0, MAX_SETTLE_MINUTES);
    }
  }

  static final class CrashAfter extends Bounded {
    CrashAfter() {
      super(1, MAX_CRASH_AFTER);
    }
  }

  static final class StartSeconds extends Bounded {
    StartSeconds() {
      super(1, MAX_START_SECONDS);
    }
  }

  static final class CommandMinutes extends Bounded {
    CommandMinutes() {
      super(1, MAX_COMMAND_MINUTES);
    }
  }
}
