package io.github.lyncupgrade.core.step;

/**
 * The kinds of {@link Step}, one per step type, so that code written for Java 17 can
 * {@code switch} over a step's {@link Step#kind()} and have the compiler check that every
 * kind is handled.
 */
public enum StepKind {
  /** {@link CheckPoolReadiness}: FE-1. */
  CHECK_POOL_READINESS,
  /** {@link CheckDomainReadiness}: FE-2. */
  CHECK_DOMAIN_READINESS,
  /** {@link StopServices}: FE-2a, BE-4, BE-9. */
  STOP_SERVICES,
  /** {@link InstallUpdate}: FE-2b, BE-7. */
  INSTALL_UPDATE,
  /** {@link RestartServer}: FE-2c. */
  RESTART_SERVER,
  /** {@link VerifyServer}: FE-2c, SDK-2. */
  VERIFY_SERVER,
  /** {@link StartServices}: SDK-2. */
  START_SERVICES,
  /** {@link FailOverPool}: FE-1c, contingent. */
  FAIL_OVER_POOL,
  /** {@link FailBackPool}: SDK-3, contingent. */
  FAIL_BACK_POOL,
  /** {@link CheckAdministratorRole}: BE-1. */
  CHECK_ADMINISTRATOR_ROLE,
  /** {@link StageUpdate}: BE-2. */
  STAGE_UPDATE,
  /** {@link ManualStep}: BE-3, BE-6, BE-8. */
  MANUAL,
  /** {@link StopWebService}: BE-5. */
  STOP_WEB_SERVICE,
  /** {@link StartWebService}: BE-10. */
  START_WEB_SERVICE,
  /** {@link UpdateDatabases}: BE-11a, BE-11b, BE-11c. */
  UPDATE_DATABASES,
  /** {@link CustomStep}: SDK-6, a step the plan's user added. */
  CUSTOM,
  /** {@link CheckFabricState}: CR-3. */
  CHECK_FABRIC_STATE,
  /** {@link FailOverServer}: CR-3a. */
  FAIL_OVER_SERVER,
  /** {@link FailBackServer}: CR-3c. */
  FAIL_BACK_SERVER,
  /** {@link SettlePool}: CR-2. */
  SETTLE_POOL,
  /** {@link VerifyDatabases}: CR-7. */
  VERIFY_DATABASES,
  /** {@link PublishTopology}: CR-6. */
  PUBLISH_TOPOLOGY,
  /** {@link FailOverCentralManagementStore}: CR-9, contingent. */
  FAIL_OVER_CENTRAL_MANAGEMENT_STORE
}
