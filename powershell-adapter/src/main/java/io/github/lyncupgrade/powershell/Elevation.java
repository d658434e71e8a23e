package io.github.lyncupgrade.powershell;

import com.sun.jna.platform.unix.LibC;
import com.sun.jna.platform.win32.Advapi32Util;
import java.util.Locale;

/**
 * Whether this process runs elevated, asked of the operating system through JNA: the process
 * token on Windows (the Lync cmdlets need an elevated administrator), the effective user id on
 * POSIX systems (root is elevated).
 */
public final class Elevation {
  private Elevation() {}

  /** Whether the JVM's process is elevated. */
  public static boolean isElevated() {
    return isWindows() ? Advapi32Util.isCurrentProcessElevated() : LibC.INSTANCE.geteuid() == 0;
  }

  /** Whether elevation is required here: on Windows, where the Lync cmdlets run in this process's shell. */
  public static boolean isRequired() {
    return isWindows();
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }
}
