package io.github.lyncupgrade.core.plan;

import io.github.lyncupgrade.core.model.ProductVersion;

/** How a pool's Front End servers are taken down and patched. */
public enum FrontEndStrategy {
  /**
   * The seed procedure (FE-0..FE-3): one upgrade domain at a time, gated by the pool's readiness
   * report, with the settle wait between domains (CR-2). Every product.
   */
  BY_UPGRADE_DOMAIN,
  /**
   * Skype for Business Server 2015 and 2019 (CR-3): one server at a time, each after
   * {@code Get-CsPoolFabricState}, drained and stopped by {@code Invoke-CsComputerFailOver} and
   * brought back by {@code Invoke-CsComputerFailBack}.
   */
  SERVER_BY_SERVER;

  /** The strategy a pool of {@code product} gets unless the plan's options say otherwise. */
  public static FrontEndStrategy defaultFor(ProductVersion product) {
    return product.hasComputerFailover() ? SERVER_BY_SERVER : BY_UPGRADE_DOMAIN;
  }
}
