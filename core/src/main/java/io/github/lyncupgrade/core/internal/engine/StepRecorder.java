package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.journal.Journal;
import io.github.lyncupgrade.core.journal.JournalContents;
import io.github.lyncupgrade.core.journal.JournalRecord;
import io.github.lyncupgrade.core.journal.StepStatus;
import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.step.Step;
import io.github.lyncupgrade.core.step.StepId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each step transition to the journal first, then to the in-memory status and the
 * listeners, so nothing is reported that the journal does not hold. Once the run is dead (a
 * crash), it writes nothing more.
 */
final class StepRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(StepRecorder.class);

  /** Thrown inside the run once it is dead, so no thread records anything after a crash. */
  static final class RunIsDead extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RunIsDead() {
      super("the run has crashed", null, false, false);
    }
  }

  private final Journal journal;
  private final UpgradeClock clock;
  private final EventDispatcher events;
  private final AtomicLong sequence;
  private final Map<StepId, StepStatus> statuses = new ConcurrentHashMap<>();
  private volatile boolean dead;

  StepRecorder(Journal journal, UpgradeClock clock, EventDispatcher events, JournalContents contents) {
    this.journal = journal;
    this.clock = clock;
    this.events = events;
    this.sequence = new AtomicLong(contents.nextSequence());
    statuses.putAll(contents.latestStatuses());
  }

  void started(Step step) {
    append(step, StepStatus.STARTED, "");
    LOG.info("{} [{}] started: {}", step.id(), step.rule(), step.description());
    events.emit(new RunEvent.StepStarted(clock.now(), step));
  }

  void succeeded(Step step, String detail) {
    append(step, StepStatus.SUCCEEDED, detail);
    LOG.info("{} succeeded: {}", step.id(), detail);
    events.emit(new RunEvent.StepSucceeded(clock.now(), step, detail));
  }

  void failed(Step step, String reason) {
    append(step, StepStatus.FAILED, reason);
    LOG.warn("{} failed: {}", step.id(), reason);
    events.emit(new RunEvent.StepFailed(clock.now(), step, reason));
  }

  void skipped(Step step, String reason) {
    append(step, StepStatus.SKIPPED, reason);
    LOG.info("{} skipped: {}", step.id(), reason);
    events.emit(new RunEvent.StepSkipped(clock.now(), step, reason));
  }

  StepStatus status(StepId step) {
    return statuses.getOrDefault(step, StepStatus.PENDING);
  }

  Map<StepId, StepStatus> statuses() {
    return Map.copyOf(statuses);
  }

  void die() {
    dead = true;
  }

  private synchronized void append(Step step, StepStatus status, String detail) {
    if (dead) {
      throw new RunIsDead();
    }
    journal.append(new JournalRecord(sequence.getAndIncrement(), clock.now(), step.id(), status, detail));
    statuses.put(step.id(), status);
  }
}
