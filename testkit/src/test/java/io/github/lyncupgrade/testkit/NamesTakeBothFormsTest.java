package io.github.lyncupgrade.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.lyncupgrade.core.model.Fqdn;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The testkit's one rule for names: every public method that names a server or a pool takes it as
 * a {@code String} (a test's literal) and as an {@link Fqdn} (a name read from a topology), with the
 * same meaning. Only the deployment SPI, which core defines with {@code Fqdn}, and the events'
 * records, which are values, take one form. Checked over every public method of every exported
 * package, so a method added later keeps the rule.
 */
class NamesTakeBothFormsTest {
  /** What the testkit calls a parameter that names a server or a pool. */
  private static final Set<String> NAMES = Set.of("server", "servers", "pool", "partner", "target", "serverOrPool",
      "sqlServer");
  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void everyMethodThatNamesAServerOrPoolTakesAStringAndAnFqdn() throws Exception {
    List<Method> methods = publicMethods();
    List<String> missing = new ArrayList<>();
    for (Method method : methods) {
      if (overridesCore(method)) {
        continue;
      }
      Class<?>[] types = method.getParameterTypes();
      Parameter[] parameters = method.getParameters();
      Class<?>[] twin = types.clone();
      boolean names = false;
      for (int i = 0; i < types.length; i++) {
        assertThat(parameters[i].isNamePresent()).as("compiled with -parameters (testkit/pom.xml)").isTrue();
        if (types[i] == Fqdn.class || types[i] == Fqdn[].class) {
          twin[i] = types[i] == Fqdn.class ? String.class : String[].class;
          names = true;
        } else if ((types[i] == String.class || types[i] == String[].class)
            && NAMES.contains(parameters[i].getName())) {
          twin[i] = types[i] == String.class ? Fqdn.class : Fqdn[].class;
          names = true;
        }
      }
      if (names && !hasMethod(method.getDeclaringClass(), method.getName(), twin)) {
        missing.add(method.getDeclaringClass().getName() + "." + method.getName() + Arrays.toString(twin));
      }
    }

    assertThat(methods).as("public methods found").hasSizeGreaterThan(100);
    assertThat(missing).as("methods that name a server or pool in one form only: the missing overloads").isEmpty();
  }

  private static boolean hasMethod(Class<?> type, String name, Class<?>[] parameters) {
    try {
      return Modifier.isPublic(type.getDeclaredMethod(name, parameters).getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Whether {@code method} implements a method of core's SPI, whose signature core defines. */
  private static boolean overridesCore(Method method) {
    List<Class<?>> supertypes = new ArrayList<>();
    for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
      collectInterfaces(type, supertypes);
      supertypes.add(type.getSuperclass());
    }
    return supertypes.stream()
        .filter(type -> type != null && type.getPackageName().startsWith("io.github.lyncupgrade.core"))
        .anyMatch(type -> hasMethodAnyVisibility(type, method));
  }

  private static void collectInterfaces(Class<?> type, List<Class<?>> into) {
    for (Class<?> implemented : type.getInterfaces()) {
      into.add(implemented);
      collectInterfaces(implemented, into);
    }
  }

  private static boolean hasMethodAnyVisibility(Class<?> type, Method method) {
    try {
      type.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Every public method of every public type (nested ones too) of the testkit's exported packages. */
  private static List<Method> publicMethods() throws IOException, ClassNotFoundException {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    List<Method> methods = new ArrayList<>();
    for (ModuleDescriptor.Exports exports : module.exports()) {
      Path folder = CLASSES.resolve(exports.source().replace('.', '/'));
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
          String binaryName = exports.source() + "." + file.getFileName().toString().replace(".class", "");
          Class<?> type = Class.forName(binaryName, false, NamesTakeBothFormsTest.class.getClassLoader());
          if (isPublicAllTheWay(type)) {
            Arrays.stream(type.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge())
                .forEach(methods::add);
          }
        }
      }
    }
    return methods;
  }

  private static boolean isPublicAllTheWay(Class<?> type) {
    for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
      if (!Modifier.isPublic(at.getModifiers())) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isLocalClass();
  }
}
