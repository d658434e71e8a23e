package io.github.lyncupgrade.powershell;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test only where the PowerShell of {@link PowerShellOptions#ofDefaults()} exists, and
 * skips it, with the reason, elsewhere (PowerShell cannot be installed on this project's build
 * machines).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfPowerShellCondition.class)
@interface EnabledIfPowerShell {}
