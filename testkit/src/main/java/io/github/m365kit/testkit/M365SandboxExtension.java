package io.github.m365kit.testkit;

import io.github.m365kit.M365KitException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.Faults;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.spi.SignInLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link M365Sandbox}; register it with the annotation (or with
 * {@code @ExtendWith(M365SandboxExtension.class)}, which behaves as {@code @M365Sandbox} with the defaults).
 *
 * <p>Parameters of the types listed on {@link M365Sandbox} are resolved from the current sandbox. Before each test,
 * every non-static, non-final field of those types in the test instance (and its enclosing {@code @Nested}
 * instances) is set, if it is null or holds an m365kit in-memory object (from an earlier sandbox); a field holding
 * anything else, such as your own adapter, is left alone. Static fields are never set: take the sandbox as a
 * {@code @BeforeAll} parameter instead (with {@link M365Sandbox.Lifecycle#PER_CLASS}).
 *
 * <p>Configuration errors (an unknown scenario, a per-method sandbox asked for in {@code @BeforeAll}) fail the test
 * with a message that says what to change.
 */
public final class M365SandboxExtension implements ParameterResolver, BeforeEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(M365SandboxExtension.class);
  private static final Set<Class<?>> INJECTABLE = Set.of(InMemoryTenant.class, InMemoryOnPremDirectory.class, SimulatedClock.class, Faults.class,
      MailboxStore.class, CloudDirectory.class, AuthPolicyStore.class, SignInLog.class, OnPremDirectory.class);

  /** Creates the extension; JUnit does this. */
  public M365SandboxExtension() {}

  /** One tenant and one directory. */
  private record Sandbox(InMemoryTenant tenant, InMemoryOnPremDirectory directory) {
    Object get(Class<?> type) {
      if (type == InMemoryOnPremDirectory.class || type == OnPremDirectory.class) {
        return directory;
      }
      if (type == SimulatedClock.class) {
        return tenant.simulatedClock();
      }
      if (type == Faults.class) {
        return tenant.faults();
      }
      return tenant;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return INJECTABLE.contains(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    try {
      return sandbox(extensionContext).get(parameterContext.getParameter().getType());
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    Sandbox sandbox = null;
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          int mod = f.getModifiers();
          if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || !INJECTABLE.contains(f.getType())) {
            continue;
          }
          f.setAccessible(true);
          Object current = f.get(instance);
          if (current == null || isInMemory(current)) {
            if (sandbox == null) {
              sandbox = sandbox(context);
            }
            f.set(instance, sandbox.get(f.getType()));
          }
        }
      }
    }
  }

  private static boolean isInMemory(Object o) {
    return o instanceof InMemoryTenant || o instanceof InMemoryOnPremDirectory || o instanceof SimulatedClock || o instanceof Faults;
  }

  // ---------------------------------------------------------------- which sandbox

  private static Sandbox sandbox(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    Optional<Class<?>> annotated = annotatedClass(testClass);
    M365Sandbox.Lifecycle lifecycle = annotated.flatMap(c -> AnnotationSupport.findAnnotation(c, M365Sandbox.class))
        .map(M365Sandbox::lifecycle).orElse(M365Sandbox.Lifecycle.PER_METHOD);
    if (lifecycle == M365Sandbox.Lifecycle.PER_CLASS) {
      Class<?> owner = annotated.orElse(testClass);
      context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Scenario.class)).ifPresent(s -> {
        throw new ExtensionConfigurationException("@Scenario(\"" + s.value() + "\") on " + context.getRequiredTestMethod().getName()
            + ": with @M365Sandbox(lifecycle = PER_CLASS) the whole class shares one sandbox, so put @Scenario on the class");
      });
      ExtensionContext classContext = classContext(context, owner);
      Optional<Scenario> scenario = classScenario(owner);
      return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Sandbox.class, k -> create(scenario, owner), Sandbox.class);
    }
    if (context.getTestMethod().isEmpty()) {
      throw new ExtensionConfigurationException("the m365kit sandbox of " + testClass.getSimpleName()
          + " is created per test method, so it does not exist in @BeforeAll or a constructor of a per-class test instance;"
          + " use @M365Sandbox(lifecycle = PER_CLASS) or take it in @BeforeEach");
    }
    Optional<Scenario> scenario = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Scenario.class).or(() -> classScenario(testClass));
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(Sandbox.class, k -> create(scenario, testClass), Sandbox.class);
  }

  private static Optional<Class<?>> annotatedClass(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      if (AnnotationSupport.isAnnotated(c, M365Sandbox.class)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Optional<Scenario> classScenario(Class<?> testClass) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<Scenario> s = AnnotationSupport.findAnnotation(c, Scenario.class);
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  private static ExtensionContext classContext(ExtensionContext context, Class<?> owner) {
    ExtensionContext c = context;
    while (c.getParent().isPresent() && !(c.getTestMethod().isEmpty() && c.getTestClass().map(owner::equals).orElse(false))) {
      c = c.getParent().get();
    }
    return c;
  }

  // ---------------------------------------------------------------- creating one

  private static Sandbox create(Optional<Scenario> scenario, Class<?> testClass) {
    if (scenario.isEmpty()) {
      return new Sandbox(InMemoryTenant.demo(), InMemoryOnPremDirectory.demo());
    }
    Scenario s = scenario.get();
    InMemoryTenant tenant = loadTenant(s.value(), testClass.getClassLoader());
    InMemoryOnPremDirectory directory = switch (s.onPrem()) {
      case DEMO -> InMemoryOnPremDirectory.demo();
      case EMPTY -> new InMemoryOnPremDirectory(DemoCast.BASE_DN).addContainer(DemoCast.STAFF_OU).addContainer(DemoCast.DEPARTED_OU);
    };
    return new Sandbox(tenant, directory);
  }

  /**
   * Loads {@code m365kit/scenarios/<name>/tenant.json} from a class loader.
   *
   * @param name the scenario
   * @param loader where to look
   * @return a new tenant on a simulated clock
   * @throws ExtensionConfigurationException when the scenario is missing or not valid tenant JSON
   */
  static InMemoryTenant loadTenant(String name, ClassLoader loader) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.contains("..")) {
      throw new ExtensionConfigurationException("@Scenario(\"" + name + "\"): a scenario name is letters, digits, '.', '_' and '-'");
    }
    String path = "m365kit/scenarios/" + name + "/tenant.json";
    ClassLoader cl = loader != null ? loader : ClassLoader.getSystemClassLoader();
    String json;
    try (InputStream in = cl.getResourceAsStream(path)) {
      if (in == null) {
        throw new ExtensionConfigurationException("@Scenario(\"" + name + "\"): " + path + " is not on the test class path;"
            + " put it under src/test/resources (shipped scenarios: demo, um-trap, empty)");
      }
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ExtensionConfigurationException("@Scenario(\"" + name + "\"): cannot read " + path + ": " + e.getMessage(), e);
    }
    try {
      return TenantJson.parse(json);
    } catch (M365KitException e) {
      throw new ExtensionConfigurationException("@Scenario(\"" + name + "\"): " + path + " is not valid tenant JSON: " + e.getMessage(), e);
    }
  }
}
