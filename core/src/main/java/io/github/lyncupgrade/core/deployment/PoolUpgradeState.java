package io.github.lyncupgrade.core.deployment;

/** The {@code PoolUpgradeState} that {@code Get-CsPoolUpgradeReadinessState} reports (FE-1). */
public enum PoolUpgradeState {
  /** Go on to FE-2 (FE-1d). */
  READY,
  /** Wait and check again (FE-1a); several in a row are a pool problem (FE-1b). */
  BUSY,
  /** Too few Front Ends are active: a pool problem (FE-1b). */
  INSUFFICIENT_ACTIVE_FRONT_ENDS
}
