package io.github.lyncupgrade.testkit.fake;

/** The state of a server in a {@link FakeDeployment}. */
public enum ServerState {
  /** Lync services run; it accepts new connections. */
  RUNNING,
  /** {@code Stop-CsWindowsService -Graceful}: finishing existing connections, taking no new ones. */
  DRAINING,
  /** Lync services stopped. */
  STOPPED,
  /** The update installer runs. */
  INSTALLING,
  /** Rebooting. */
  RESTARTING,
  /** Does not answer: did not come back from a restart. */
  UNREACHABLE;

  /** Whether the server serves users: only {@link #RUNNING} does. */
  public boolean isUp() {
    return this == RUNNING;
  }
}
