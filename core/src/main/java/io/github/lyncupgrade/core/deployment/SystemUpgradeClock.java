package io.github.lyncupgrade.core.deployment;

import java.time.Duration;
import java.time.Instant;

/** Real time, for real deployments. */
enum SystemUpgradeClock implements UpgradeClock {
  INSTANCE;

  @Override
  public Instant now() {
    return Instant.now();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }
}
