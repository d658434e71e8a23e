package io.github.lyncupgrade.testkit.fake;

import static java.util.Objects.requireNonNull;

import io.github.lyncupgrade.core.deployment.DeploymentCapability;
import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.deployment.PoolReadiness;
import io.github.lyncupgrade.core.deployment.ServerStatus;
import io.github.lyncupgrade.core.deployment.UpgradeClock;
import io.github.lyncupgrade.core.model.Fqdn;
import io.github.lyncupgrade.core.model.ProductVersion;
import io.github.lyncupgrade.core.plan.UpdatePackage;
import io.github.lyncupgrade.core.procedure.DatabaseUpdateVariant;
import io.github.lyncupgrade.core.procedure.PoolFailoverMode;
import java.util.Optional;

/**
 * A deployment that forwards every operation to another, for wrappers that change a few: extend it
 * and override what your test needs (a {@code serverStatus} that takes time, a refusal no
 * {@link Fault} models); everything else behaves as the wrapped deployment does, its capabilities
 * ({@link #capability}) and its clock ({@link #ownClock}) included, so an executor built for the
 * wrapper runs on a wrapped fake's virtual clock. Thread-safe if the wrapped deployment and the
 * overrides are.
 *
 * <pre>{@code
 * LyncDeployment accessDenied = new ForwardingLyncDeployment(fake) {
 *   @Override
 *   public void restart(Fqdn server) {
 *     throw new DeploymentException("Restart-Computer", server, "Access is denied");
 *   }
 * };
 * }</pre>
 */
public abstract class ForwardingLyncDeployment implements LyncDeployment {
  private final LyncDeployment delegate;

  /** Forwards to {@code delegate}. */
  protected ForwardingLyncDeployment(LyncDeployment delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
  }

  /** The wrapped deployment. */
  protected LyncDeployment delegate() {
    return delegate;
  }

  @Override
  public <T extends DeploymentCapability> Optional<T> capability(Class<T> type) {
    return delegate.capability(type);
  }

  @Override
  public Optional<UpgradeClock> ownClock() {
    return delegate.ownClock();
  }

  @Override
  public PoolReadiness poolReadiness(Fqdn pool, Fqdn runOn, ProductVersion product) {
    return delegate.poolReadiness(pool, runOn, product);
  }

  @Override
  public void stopServices(Fqdn server, boolean graceful) {
    delegate.stopServices(server, graceful);
  }

  @Override
  public void startServices(Fqdn server) {
    delegate.startServices(server);
  }

  @Override
  public ServerStatus serverStatus(Fqdn server) {
    return delegate.serverStatus(server);
  }

  @Override
  public boolean isCsAdministrator(Fqdn server) {
    return delegate.isCsAdministrator(server);
  }

  @Override
  public void stageUpdate(Fqdn server, UpdatePackage update) {
    delegate.stageUpdate(server, update);
  }

  @Override
  public boolean installUpdate(Fqdn server, UpdatePackage update) {
    return delegate.installUpdate(server, update);
  }

  @Override
  public void restart(Fqdn server) {
    delegate.restart(server);
  }

  @Override
  public void stopWebService(Fqdn server) {
    delegate.stopWebService(server);
  }

  @Override
  public void startWebService(Fqdn server) {
    delegate.startWebService(server);
  }

  @Override
  public void updateDatabases(Fqdn pool, DatabaseUpdateVariant variant, Fqdn sqlServer) {
    delegate.updateDatabases(pool, variant, sqlServer);
  }

  @Override
  public void failOver(Fqdn pool, Fqdn partner, PoolFailoverMode mode) {
    delegate.failOver(pool, partner, mode);
  }

  @Override
  public void failBack(Fqdn pool, Fqdn partner) {
    delegate.failBack(pool, partner);
  }

  @Override
  public boolean isFailedOver(Fqdn pool) {
    return delegate.isFailedOver(pool);
  }
}
