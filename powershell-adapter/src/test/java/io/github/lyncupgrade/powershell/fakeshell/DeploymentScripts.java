package io.github.lyncupgrade.powershell.fakeshell;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Answers the SDK's deployment scripts from a fake deployment; filled in as the scripts arrive. */
final class DeploymentScripts implements BiFunction<String, Map<String, String>, List<Map<String, String>>> {
  DeploymentScripts(List<String> flags) {}

  @Override
  public List<Map<String, String>> apply(String script, Map<String, String> parameters) {
    throw new IllegalArgumentException("the fake shell does not know the script " + script);
  }
}
