package io.github.lyncupgrade.core.internal.engine;

import java.util.concurrent.atomic.AtomicInteger;

/** Whether a run was asked to stop: at the next safe point, or before the next step whatever it is. */
public final class CancelSignal {
  private static final int NONE = 0;
  private static final int AT_SAFE_POINT = 1;
  private static final int NOW = 2;

  private final AtomicInteger level = new AtomicInteger(NONE);

  /** No stop asked for: a new run begins. */
  public void reset() {
    level.set(NONE);
  }

  /** Stop at the next safe point, unless a stop before the next step was asked already. */
  public void atSafePoint() {
    level.compareAndSet(NONE, AT_SAFE_POINT);
  }

  /** Stop before the next step, whatever it is. */
  public void now() {
    level.set(NOW);
  }

  /** Whether a stop of either kind was asked for. */
  public boolean isRequested() {
    return level.get() != NONE;
  }

  /** Whether a stop before the next step was asked for. */
  public boolean isNow() {
    return level.get() == NOW;
  }
}
