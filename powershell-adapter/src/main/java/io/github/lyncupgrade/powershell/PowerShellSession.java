package io.github.lyncupgrade.powershell;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.powershell.internal.ProcessContainment;
import io.github.lyncupgrade.powershell.internal.Wire;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived PowerShell process that runs SDK scripts one at a time.
 *
 * <p>The process starts once, runs a bootstrap that defines the request function, then answers
 * one-line requests whose script and values travel Base64-encoded (see {@link PsInvocation}).
 * Replies are framed by the request's random id, so output boundaries, errors and status are
 * never guessed; anything outside the frame is noise and is logged, not parsed. Standard output
 * and standard error are drained by their own threads, as UTF-8, with a leading byte-order mark
 * dropped, so a full pipe never blocks the process.
 *
 * <p>A request that outlives its timeout gets the process tree killed and a fresh session
 * started, and throws {@link PowerShellTimeoutException}: what the script did is unknown. A
 * process that dies is noticed at once ({@link PowerShellDiedException}) and replaced. Timeouts
 * are real time: they watch a real process.
 *
 * <p>Thread-safe; requests are serialised. {@link #close()} ends the process and its children.
 */
public final class PowerShellSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PowerShellSession.class);
  private static final String END_OF_STREAM = "\u0000end-of-stream\u0000";
  private static final int STDERR_TAIL = 64 * 1024;
  private static final PsScript PING = PsScript.named("ping");

  private final PowerShellOptions options;
  private final String bootstrap;
  private Running running;
  private boolean closed;

  /** The process of the moment, with its pipes and reader threads. */
  private static final class Running {
    final Process process;
    final ProcessContainment containment;
    final Writer stdin;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final StringBuilder stderr = new StringBuilder();

    Running(Process process, ProcessContainment containment) {
      this.process = process;
      this.containment = containment;
      this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    String stderrTail() {
      synchronized (stderr) {
        return stderr.toString();
      }
    }
  }

  private PowerShellSession(PowerShellOptions options) {
    this.options = options;
    this.bootstrap = readBootstrap();
  }

  /**
   * Starts the process, runs the bootstrap and checks that the session answers.
   *
   * @throws PowerShellException if the process cannot start or does not answer in its start timeout
   */
  public static PowerShellSession start(PowerShellOptions options) {
    PowerShellSession session = new PowerShellSession(requireNonNull(options, "options"));
    session.launch();
    return session;
  }

  /** Runs {@code invocation} with the options' command timeout. */
  public PsReply invoke(PsInvocation invocation) {
    return invoke(invocation, options.commandTimeout());
  }

  /**
   * Runs {@code invocation} and returns its reply.
   *
   * @throws PowerShellTimeoutException if it does not answer within {@code timeout}; the session is restarted
   * @throws PowerShellDiedException if the process ends first; the session is restarted
   * @throws IllegalStateException if the session is closed
   */
  public synchronized PsReply invoke(PsInvocation invocation, Duration timeout) {
    requireNonNull(invocation, "invocation");
    requireNonNull(timeout, "timeout");
    if (closed) {
      throw new IllegalStateException("this PowerShell session is closed");
    }
    if (!running.process.isAlive()) {
      LOG.warn("PowerShell (pid {}) ended between requests; starting a new one", running.process.pid());
      relaunch();
    }
    long started = System.nanoTime();
    try {
      PsReply reply = exchange(invocation, timeout);
      LOG.debug("{} answered in {} ms", invocation, (System.nanoTime() - started) / 1_000_000);
      return reply;
    } catch (NoAnswer e) {
      String tail = running.stderrTail();
      String exit = exitDescription(running.process);
      LOG.warn("{}: {}; restarting PowerShell (pid {})", invocation, e.getMessage(), running.process.pid());
      relaunch();
      switch (e.kind) {
        case TIMED_OUT:
          throw new PowerShellTimeoutException(invocation.toString(), timeout, tail);
        case GARBLED:
          throw new PowerShellGarbledReplyException(invocation.toString(), e.getMessage(), tail);
        default:
          throw new PowerShellDiedException(invocation.toString(), exit + ", " + e.getMessage(), tail);
      }
    }
  }

  /** The request got no usable reply: it timed out, the process's pipes closed, or the reply was garbled. */
  private static final class NoAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    enum Kind { TIMED_OUT, DIED, GARBLED }

    final Kind kind;

    NoAnswer(String message, Kind kind) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }

  /** Sends one request and reads its framed reply; never restarts anything. */
  private PsReply exchange(PsInvocation invocation, Duration timeout) throws NoAnswer {
    String id = UUID.randomUUID().toString().replace("-", "");
    try {
      send(Wire.request(id, invocation));
    } catch (IOException e) {
      throw new NoAnswer("its input closed: " + e.getMessage(), NoAnswer.Kind.DIED);
    }
    return awaitReply(id, timeout);
  }

  /** The options it was started with. */
  public PowerShellOptions options() {
    return options;
  }

  /** Whether the process runs. */
  public synchronized boolean isAlive() {
    return !closed && running.process.isAlive();
  }

  /** The current process's id. */
  public synchronized long pid() {
    return running.process.pid();
  }

  /** The end of what the current process wrote to its error stream. */
  public synchronized String stderrTail() {
    return running.stderrTail();
  }

  /** Asks PowerShell to exit, waits briefly, then kills whatever is left of the process tree. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(running, true);
  }

  private PsReply awaitReply(String id, Duration timeout) throws NoAnswer {
    long deadline = System.nanoTime() + timeout.toNanos();
    String begin = Wire.begin(id);
    boolean inReply = false;
    List<String> records = new ArrayList<>();
    while (true) {
      String line = poll(deadline);
      if (line == null) {
        throw new NoAnswer("no answer within " + timeout, NoAnswer.Kind.TIMED_OUT);
      }
      if (line == END_OF_STREAM) {
        throw new NoAnswer(inReply ? "its output ended in the middle of the reply" : "its output ended",
            NoAnswer.Kind.DIED);
      }
      if (!inReply) {
        if (line.equals(begin)) {
          inReply = true;
        } else {
          LOG.debug("noise from PowerShell: {}", line.length() > 200 ? line.substring(0, 200) + "..." : line);
        }
      } else if (Wire.isEnd(line, id)) {
        if (!line.equals(Wire.end(id, true)) && !line.equals(Wire.end(id, false))) {
          throw new NoAnswer("a closing line that says neither OK nor ERROR: " + line, NoAnswer.Kind.GARBLED);
        }
        PsReply reply;
        try {
          reply = Wire.reply(records);
        } catch (IllegalArgumentException garbled) {
          throw new NoAnswer(garbled.getMessage().length() > 200 ? garbled.getMessage().substring(0, 200) + "..."
              : garbled.getMessage(), NoAnswer.Kind.GARBLED);
        }
        if (Wire.endSaysError(line) && reply.succeeded()) {
          return new PsReply(reply.output(), List.of(new PsReply.PsError("the script failed without an error record",
              "")), reply.warnings(), reply.exitCode());
        }
        return reply;
      } else {
        records.add(line);
      }
    }
  }

  private String poll(long deadline) {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      return null;
    }
    try {
      return running.lines.poll(remaining, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for PowerShell", e);
    }
  }

  private void send(String line) throws IOException {
    running.stdin.write(line);
    running.stdin.write('\n');
    running.stdin.flush();
  }

  private void launch() {
    Process process;
    try {
      process = new ProcessBuilder(options.command()).start();
    } catch (IOException e) {
      throw new PowerShellException("cannot start " + options.command().get(0) + ": " + e.getMessage(), "");
    }
    ProcessContainment containment = ProcessContainment.forThisPlatform();
    try {
      containment.contain(process);
    } catch (RuntimeException e) {
      ProcessContainment.killTree(process);
      throw new PowerShellException("cannot contain PowerShell's process tree (" + containment.describe() + "): "
          + e.getMessage(), "");
    }
    running = new Running(process, containment);
    drain(process.getInputStream(), "stdout", this::readLines);
    drain(process.getErrorStream(), "stderr", this::keepTail);
    try {
      send(Wire.bootstrapLine(bootstrap));
      PsReply pong = exchange(PsInvocation.of(PING).with("Echo", "ready"), options.startTimeout());
      LOG.info("PowerShell {} started (pid {}, {}); {}", pong.first().map(o -> o.get("PSVersion")).orElse("?"),
          process.pid(), options.command().get(0), containment.describe());
    } catch (IOException | NoAnswer | RuntimeException e) {
      String tail = running.stderrTail();
      stop(running, false);
      throw new PowerShellException("PowerShell started but did not answer its first request: " + e.getMessage(), tail);
    }
  }

  private void relaunch() {
    stop(running, false);
    launch();
  }

  private void stop(Running current, boolean politely) {
    List<ProcessHandle> tree = current.process.toHandle().descendants().toList();
    if (politely && current.process.isAlive()) {
      try {
        send("exit");
        current.process.waitFor(2, TimeUnit.SECONDS);
      } catch (IOException e) {
        LOG.debug("PowerShell's input was already closed", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Children of a process that exited are orphans, no longer its descendants: kill the tree seen before.
    tree.forEach(ProcessHandle::destroyForcibly);
    ProcessContainment.killTree(current.process);
    current.containment.release();
  }

  @FunctionalInterface
  private interface StreamHandler {
    void handle(InputStream in, Running owner) throws IOException;
  }

  private void drain(InputStream in, String name, StreamHandler handler) {
    Running owner = running;
    Thread thread = new Thread(() -> {
      try {
        handler.handle(in, owner);
      } catch (IOException e) {
        LOG.debug("PowerShell's {} closed: {}", name, e.getMessage());
      }
    }, "lync-ps-" + owner.process.pid() + "-" + name);
    thread.setDaemon(true);
    thread.start();
  }

  private void readLines(InputStream in, Running owner) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = reader.readLine();
      if (line != null && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      while (line != null) {
        owner.lines.add(line);
        line = reader.readLine();
      }
    } finally {
      owner.lines.add(END_OF_STREAM);
    }
  }

  private void keepTail(InputStream in, Running owner) throws IOException {
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      char[] buffer = new char[8192];
      int read;
      while ((read = reader.read(buffer)) >= 0) {
        synchronized (owner.stderr) {
          owner.stderr.append(buffer, 0, read);
          if (owner.stderr.length() > STDERR_TAIL) {
            owner.stderr.delete(0, owner.stderr.length() - STDERR_TAIL);
          }
        }
      }
    }
  }

  private static String exitDescription(Process process) {
    try {
      return process.waitFor(1, TimeUnit.SECONDS) ? "exit code " + process.exitValue() : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String readBootstrap() {
    try (InputStream in = PowerShellSession.class.getResourceAsStream("bootstrap.ps1")) {
      if (in == null) {
        throw new IllegalStateException("bootstrap.ps1 is missing from the adapter's resources");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "PowerShellSession[" + options.command().get(0) + (closed ? ", closed" : ", pid " + running.process.pid()) + "]";
  }
}
