package io.github.lyncupgrade.testkit.junit;

import io.github.lyncupgrade.core.model.Topology;
import io.github.lyncupgrade.testkit.SampleTopologies;
import io.github.lyncupgrade.testkit.VirtualClock;
import io.github.lyncupgrade.testkit.fake.FakeDeployment;
import java.lang.reflect.Constructor;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Hands each test a fresh {@link FakeDeployment} (and its {@link VirtualClock}) as parameters,
 * built from the {@link LyncTopology} of the method or class, or from the built-in sample. The
 * fake is closed through JUnit's store when the test ends, so it cannot leak into another test.
 *
 * <pre>{@code
 * @ExtendWith(FakeDeploymentExtension.class)
 * class MyUpgradeTest {
 *   @Test
 *   void runsTheSample(FakeDeployment fake, VirtualClock clock) { ... }
 * }
 * }</pre>
 */
public final class FakeDeploymentExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FakeDeploymentExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakeDeployment.class || type == VirtualClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    FakeDeployment fake = context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(ClosingFake.class, key -> new ClosingFake(FakeDeployment.of(topology(context))),
            ClosingFake.class)
        .fake;
    return parameter.getParameter().getType() == VirtualClock.class ? fake.clock() : fake;
  }

  private static Topology topology(ExtensionContext context) {
    Optional<LyncTopology> annotation = context.getTestMethod()
        .flatMap(method -> AnnotationSupport.findAnnotation(method, LyncTopology.class))
        .or(() -> context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, LyncTopology.class)));
    if (annotation.isEmpty()) {
      return SampleTopologies.contoso();
    }
    Class<? extends Supplier<Topology>> supplier = annotation.get().value();
    try {
      Constructor<? extends Supplier<Topology>> constructor = supplier.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor.newInstance().get();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new ParameterResolutionException("@LyncTopology(" + supplier.getName() + ".class) could not give a topology:"
          + " the class needs a no-argument constructor, and get() must return a valid topology (" + e + ")", e);
    }
  }

  /** Closes the fake when JUnit discards the test's store. */
  @SuppressWarnings("deprecation")
  private static final class ClosingFake implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final FakeDeployment fake;

    ClosingFake(FakeDeployment fake) {
      this.fake = fake;
    }

    @Override
    public void close() {
      fake.close();
    }
  }
}
