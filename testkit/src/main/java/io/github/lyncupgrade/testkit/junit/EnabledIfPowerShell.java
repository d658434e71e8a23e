package io.github.lyncupgrade.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test (or every test of a class) only where a PowerShell can be started, and skips it,
 * with the reason, elsewhere: for tests of your automation against a real PowerShell session,
 * which most build machines do not have (as Testcontainers' {@code @EnabledIfDockerAvailable}
 * skips tests without Docker).
 *
 * <p>Without {@link #value()}, the PowerShell the adapter starts by default
 * ({@code PowerShellOptions.ofDefaults()}): Windows PowerShell 5.1 at
 * {@code %SystemRoot%\System32\WindowsPowerShell\v1.0\powershell.exe} on Windows, {@code pwsh}
 * on the {@code PATH} elsewhere.
 *
 * <pre>{@code
 * @EnabledIfPowerShell
 * class MyRunbookParsesTest { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(EnabledIfPowerShellCondition.class)
public @interface EnabledIfPowerShell {
  /**
   * The executable to look for instead of the default: an absolute path, which must be executable,
   * or a name looked up on the {@code PATH} ({@code name} or {@code name.exe}).
   */
  String value() default "";
}
