package io.github.lyncupgrade.core.run;

import io.github.lyncupgrade.core.deployment.LyncDeployment;
import io.github.lyncupgrade.core.step.CustomStep;

/**
 * What a {@link CustomStep} does (SDK-6): registered with the executor under the step's action
 * name. It returns a line for the journal; anything it throws fails the step, which is checked
 * and done again on resume, so make it safe to repeat (take out of a load balancer a server
 * already out of it, for example).
 */
@FunctionalInterface
public interface CustomAction {

  /**
   * Carries out {@code step} on {@code deployment}.
   *
   * @return what was done, in a line for the journal
   * @throws Exception anything that went wrong; the step fails with its message
   */
  String perform(CustomStep step, LyncDeployment deployment) throws Exception;
}
