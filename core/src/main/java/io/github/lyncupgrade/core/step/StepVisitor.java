package io.github.lyncupgrade.core.step;

/**
 * Code that handles every kind of step, one method per step type, called by {@link Step#accept}:
 * the compiler then checks every handler. A new step type adds a method here, so every visitor
 * (the executor's, the runbook writer's, your own) fails to compile until it handles it, instead of
 * failing at run time. Java 17 has no pattern {@code switch}; this is what stands in for it.
 *
 * <pre>{@code
 * String command = step.accept(new MyRunbookWriter());
 * }</pre>
 *
 * @param <R> what handling a step gives
 */
public interface StepVisitor<R> {

  /** {@link CheckPoolReadiness} (FE-1). */
  R visit(CheckPoolReadiness step);

  /** {@link CheckDomainReadiness} (FE-2). */
  R visit(CheckDomainReadiness step);

  /** {@link SettlePool} (CR-2). */
  R visit(SettlePool step);

  /** {@link FailOverPool} (FE-1c, SDK-7). */
  R visit(FailOverPool step);

  /** {@link FailOverCentralManagementStore} (CR-9). */
  R visit(FailOverCentralManagementStore step);

  /** {@link FailBackPool} (SDK-3). */
  R visit(FailBackPool step);

  /** {@link StopServices} (FE-2a, BE-4, BE-9). */
  R visit(StopServices step);

  /** {@link InstallUpdate} (FE-2b, BE-7, CR-3b). */
  R visit(InstallUpdate step);

  /** {@link RestartServer} (FE-2c, CR-3b). */
  R visit(RestartServer step);

  /** {@link VerifyServer} (FE-2c, CR-3c, SDK-2). */
  R visit(VerifyServer step);

  /** {@link StartServices} (SDK-2). */
  R visit(StartServices step);

  /** {@link CheckAdministratorRole} (BE-1). */
  R visit(CheckAdministratorRole step);

  /** {@link StageUpdate} (BE-2, SDK-5). */
  R visit(StageUpdate step);

  /** {@link ManualStep} (BE-3, BE-6, BE-8). */
  R visit(ManualStep step);

  /** {@link StopWebService} (BE-5). */
  R visit(StopWebService step);

  /** {@link StartWebService} (BE-10). */
  R visit(StartWebService step);

  /** {@link UpdateDatabases} (BE-11a, b, c; CR-6). */
  R visit(UpdateDatabases step);

  /** {@link VerifyDatabases} (CR-7). */
  R visit(VerifyDatabases step);

  /** {@link PublishTopology} (CR-6). */
  R visit(PublishTopology step);

  /** {@link CheckFabricState} (CR-3). */
  R visit(CheckFabricState step);

  /** {@link FailOverServer} (CR-3a). */
  R visit(FailOverServer step);

  /** {@link FailBackServer} (CR-3c). */
  R visit(FailBackServer step);

  /** {@link CustomStep} (SDK-6). */
  R visit(CustomStep step);
}
