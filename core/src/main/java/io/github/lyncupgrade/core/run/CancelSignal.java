package io.github.lyncupgrade.core.run;

import java.util.concurrent.atomic.AtomicInteger;

/** Whether a run was asked to stop: at the next safe point, or before the next step whatever it is. */
final class CancelSignal {
  private static final int NONE = 0;
  private static final int AT_SAFE_POINT = 1;
  private static final int NOW = 2;

  private final AtomicInteger level = new AtomicInteger(NONE);

  void reset() {
    level.set(NONE);
  }

  void atSafePoint() {
    level.compareAndSet(NONE, AT_SAFE_POINT);
  }

  void now() {
    level.set(NOW);
  }

  boolean isRequested() {
    return level.get() != NONE;
  }

  boolean isNow() {
    return level.get() == NOW;
  }
}
