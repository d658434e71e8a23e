package io.github.lyncupgrade.core.run;

/**
 * Receives a run's events. Called on the thread that caused the event, possibly several
 * threads at once when a domain's servers run in parallel. An exception thrown here is logged
 * and ignored: a listener never breaks a run.
 */
@FunctionalInterface
public interface RunListener {
  /** Called for every event of the run. */
  void onEvent(RunEvent event);
}
