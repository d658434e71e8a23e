package io.github.lyncupgrade.powershell.internal;

/** Outside Windows: a JVM shutdown hook kills the contained process tree. */
final class ShutdownHookContainment implements ProcessContainment {
  private Thread hook;

  @Override
  public synchronized void contain(Process process) {
    hook = new Thread(() -> ProcessContainment.killTree(process), "lync-ps-kill-" + process.pid());
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public synchronized void release() {
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is exiting: the hook runs anyway and finds the process gone.
      }
      hook = null;
    }
  }

  @Override
  public String describe() {
    return "a JVM shutdown hook kills the process tree";
  }
}
