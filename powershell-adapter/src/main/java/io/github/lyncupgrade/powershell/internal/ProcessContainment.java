package io.github.lyncupgrade.powershell.internal;

import java.util.Locale;

/**
 * Makes sure a PowerShell process and everything it starts die with the JVM. On Windows a job
 * object with {@code KILL_ON_JOB_CLOSE}, assigned before the first command: the operating system
 * kills the tree even if the JVM is killed. Elsewhere, where no such kernel object exists, a
 * shutdown hook kills the process tree when the JVM exits normally or on a signal it can handle.
 */
public interface ProcessContainment {

  /** Contains {@code process} and its future children. */
  void contain(Process process);

  /** Releases what {@link #contain} took, after the process is gone. */
  void release();

  /** A short description, for logs. */
  String describe();

  /** The containment this platform offers. */
  static ProcessContainment forThisPlatform() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return windows ? new WindowsJobObject() : new ShutdownHookContainment();
  }

  /** Kills {@code process} and its descendants, children first. */
  static void killTree(Process process) {
    process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
