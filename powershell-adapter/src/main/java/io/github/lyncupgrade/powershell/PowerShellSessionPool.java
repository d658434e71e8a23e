package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Up to a number of {@link PowerShellSession}s, started when first needed and each lent to one
 * request at a time, so that steps on several servers run side by side: one session serialises
 * its requests, and an install holds its session for as long as the installer runs. A request
 * that finds every session busy and the pool full waits for one to come back.
 *
 * <p>Thread-safe. Closing the pool closes every session (closing it again does nothing); a
 * request still running is cut off with its session.
 */
public final class PowerShellSessionPool implements AutoCloseable {
  private final PowerShellOptions options;
  private final int maxSessions;
  private final Deque<PowerShellSession> idle = new ArrayDeque<>();
  private final List<PowerShellSession> all = new ArrayList<>();
  private int starting;
  private boolean closed;

  private PowerShellSessionPool(PowerShellOptions options, int maxSessions) {
    this.options = options;
    this.maxSessions = maxSessions;
  }

  /**
   * A pool of at most {@code maxSessions} sessions started with {@code options}; the first
   * starts now, so that a PowerShell that cannot start fails here rather than mid-run.
   *
   * @throws IllegalArgumentException if {@code maxSessions} is below 1
   * @throws PowerShellException if the first session does not start
   */
  public static PowerShellSessionPool start(PowerShellOptions options, int maxSessions) {
    requireNonNull(options, "options");
    if (maxSessions < 1) {
      throw new IllegalArgumentException("a pool needs at least one session, was " + maxSessions);
    }
    PowerShellSessionPool pool = new PowerShellSessionPool(options, maxSessions);
    PowerShellSession first = PowerShellSession.start(options);
    pool.all.add(first);
    pool.idle.add(first);
    return pool;
  }

  /**
   * Runs {@code invocation} on an idle session, a new one if the pool may grow, or the first
   * to come back, with the options' command timeout.
   *
   * @throws PowerShellException as {@link PowerShellSession#invoke(PsInvocation)} does
   * @throws IllegalStateException if the pool is closed, or the waiting thread is interrupted
   */
  public PsReply invoke(PsInvocation invocation) {
    requireNonNull(invocation, "invocation");
    return withSession(session -> session.invoke(invocation));
  }

  /**
   * Runs {@code invocation} as {@link #invoke(PsInvocation)} does, with {@code timeout}.
   *
   * @throws PowerShellException as {@link PowerShellSession#invoke(PsInvocation, java.time.Duration)} does
   * @throws IllegalStateException if the pool is closed, or the waiting thread is interrupted
   */
  public PsReply invoke(PsInvocation invocation, java.time.Duration timeout) {
    requireNonNull(invocation, "invocation");
    requireNonNull(timeout, "timeout");
    return withSession(session -> session.invoke(invocation, timeout));
  }

  /** The options its sessions start with. */
  public PowerShellOptions options() {
    return options;
  }

  /**
   * Lends {@code work} a session of its own until it returns, as {@link #invoke} does: for
   * work that needs a session, such as {@link Preflight#check}.
   *
   * @throws IllegalStateException if the pool is closed, or the waiting thread is interrupted
   */
  public <T> T withSession(Function<PowerShellSession, T> work) {
    requireNonNull(work, "work");
    PowerShellSession session = borrow();
    try {
      return work.apply(session);
    } finally {
      giveBack(session);
    }
  }

  /** How many sessions have been started and are open. */
  public synchronized int size() {
    return all.size();
  }

  private PowerShellSession borrow() {
    synchronized (this) {
      while (idle.isEmpty() && all.size() + starting >= maxSessions && !closed) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a PowerShell session", e);
        }
      }
      if (closed) {
        throw new IllegalStateException("this PowerShellSessionPool is closed");
      }
      if (!idle.isEmpty()) {
        return idle.pop();
      }
      starting++;
    }
    PowerShellSession started = null;
    try {
      started = PowerShellSession.start(options);
      return started;
    } finally {
      synchronized (this) {
        starting--;
        if (started != null) {
          all.add(started);
        }
        notifyAll();
      }
    }
  }

  private synchronized void giveBack(PowerShellSession session) {
    if (closed) {
      session.close();
      return;
    }
    idle.push(session);
    notifyAll();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    all.forEach(PowerShellSession::close);
    idle.clear();
    notifyAll();
  }

  @Override
  public synchronized String toString() {
    return "PowerShellSessionPool[" + all.size() + " of at most " + maxSessions + " sessions, " + idle.size()
        + " idle]";
  }
}
