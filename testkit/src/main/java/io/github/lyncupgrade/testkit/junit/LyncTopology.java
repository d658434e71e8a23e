package io.github.lyncupgrade.testkit.junit;

import io.github.lyncupgrade.core.model.Topology;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * Tells {@link FakeDeploymentExtension} which topology to fake, on a test method or class (the
 * method wins). Without it, the fake is of {@link io.github.lyncupgrade.testkit.SampleTopologies#contoso()}.
 *
 * <pre>{@code
 * static final class TwoPools implements Supplier<Topology> {
 *   public Topology get() { return ...; }
 * }
 *
 * @Test
 * @LyncTopology(TwoPools.class)
 * void upgradesBothPools(FakeDeployment fake) { ... }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface LyncTopology {
  /** A class with a no-argument constructor whose {@code get()} returns the topology. */
  Class<? extends Supplier<Topology>> value();
}
