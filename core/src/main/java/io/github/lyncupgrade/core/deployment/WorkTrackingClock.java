package io.github.lyncupgrade.core.deployment;

import java.util.concurrent.Callable;

/**
 * A clock whose time does not pass by itself (a virtual clock) and so must know which work is in
 * flight on the executor's threads, to move time on only when all of it waits. The executor hands
 * such a clock each step it starts on another thread; a real clock needs none of this.
 */
public interface WorkTrackingClock extends UpgradeClock {

  /**
   * Wraps a task the executor is about to hand to another thread. A virtual clock counts the
   * task as work in flight from this call until the matching {@link #workCollected()}, and
   * moves time on only while all work in flight waits in {@link #sleep}: so steps on different
   * threads overlap in virtual time as they would in real time.
   */
  <T> Callable<T> trackWork(Callable<T> task);

  /**
   * The executor has handled the result of one task from {@link #trackWork} (and submitted the
   * tasks it let start), or given up on a task that ended.
   */
  void workCollected();
}
