package io.github.lyncupgrade.core.plan;

/**
 * SDK-1: where a pool's Back End procedure (BE-1..BE-11) goes relative to its Front End upgrade
 * domains. The source topics give no order; docs/decisions.md explains the default (SDK-1).
 */
public enum BackEndOrder {
  /**
   * The default: every upgrade domain first, then the Back End and {@code Install-CsDatabase}.
   * Microsoft's cumulative-update instructions apply the database update once the pool's
   * servers run the new build, and the Front Ends keep serving users from the old schema
   * until then.
   */
  AFTER_FRONT_ENDS,
  /** The Back End procedure first, then the upgrade domains. */
  BEFORE_FRONT_ENDS
}
