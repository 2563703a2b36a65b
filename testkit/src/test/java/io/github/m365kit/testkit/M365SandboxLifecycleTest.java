package io.github.m365kit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.testkit.ProbeRunner.Outcome;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.TestExecutionResult.Status;

/** Runs probe classes through the JUnit Platform to check sandbox lifetimes and configuration errors. */
class M365SandboxLifecycleTest {
  private static final SmtpAddress JANE = SmtpAddress.of(DemoCast.JANE.value());

  @M365Sandbox
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerMethodProbe {
    @Test
    @Order(1)
    void first(InMemoryTenant tenant) {
      tenant.setType(JANE, MailboxType.SHARED);
    }

    @Test
    @Order(2)
    void second(InMemoryTenant tenant) {
      assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.USER);
    }
  }

  @M365Sandbox(lifecycle = M365Sandbox.Lifecycle.PER_CLASS)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class PerClassProbe {
    static InMemoryTenant seeded;

    @BeforeAll
    static void seed(InMemoryTenant tenant) {
      seeded = tenant;
    }

    @Test
    @Order(1)
    void first(InMemoryTenant tenant) {
      assertThat(tenant).isSameAs(seeded);
      tenant.setType(JANE, MailboxType.SHARED);
    }

    @Test
    @Order(2)
    void second(InMemoryTenant tenant) {
      assertThat(tenant).isSameAs(seeded);
      assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.SHARED);
    }
  }

  @M365Sandbox
  static class BeforeAllWithPerMethodProbe {
    @BeforeAll
    static void seed(InMemoryTenant tenant) {
      tenant.users();
    }

    @Test
    void test() {}
  }

  @M365Sandbox
  static class UnknownScenarioProbe {
    @Test
    @Scenario("no-such-scenario")
    void test(InMemoryTenant tenant) {
      tenant.users();
    }
  }

  @M365Sandbox
  static class BrokenScenarioProbe {
    @Test
    @Scenario("broken")
    void test(InMemoryTenant tenant) {
      tenant.users();
    }
  }

  @M365Sandbox
  static class BadScenarioNameProbe {
    @Test
    @Scenario("../demo")
    void test(InMemoryTenant tenant) {
      tenant.users();
    }
  }

  @M365Sandbox(lifecycle = M365Sandbox.Lifecycle.PER_CLASS)
  static class MethodScenarioInPerClassProbe {
    @Test
    @Scenario("um-trap")
    void test(InMemoryTenant tenant) {
      tenant.users();
    }
  }

  @Test
  void perMethod_eachTestGetsAFreshSandbox() {
    assertThat(ProbeRunner.tests(PerMethodProbe.class)).extracting(Outcome::name, Outcome::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("first(InMemoryTenant)", Status.SUCCESSFUL),
            org.assertj.core.groups.Tuple.tuple("second(InMemoryTenant)", Status.SUCCESSFUL));
  }

  @Test
  void perClass_testsAndBeforeAllShareOneSandbox() {
    assertThat(ProbeRunner.tests(PerClassProbe.class)).extracting(Outcome::status).containsExactly(Status.SUCCESSFUL, Status.SUCCESSFUL);
  }

  @Test
  void perMethodSandboxInBeforeAll_failsSayingWhatToChange() {
    List<Outcome> outcomes = ProbeRunner.run(BeforeAllWithPerMethodProbe.class);
    assertThat(outcomes).filteredOn(o -> o.status() == Status.FAILED).singleElement()
        .satisfies(o -> assertThat(o.message()).contains("@BeforeAll").contains("lifecycle = PER_CLASS"));
  }

  @Test
  void unknownScenario_failsNamingTheResourcePath() {
    assertThat(ProbeRunner.tests(UnknownScenarioProbe.class)).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.FAILED);
      assertThat(o.message()).contains("m365kit/scenarios/no-such-scenario/tenant.json").contains("not on the test class path");
    });
  }

  @Test
  void invalidScenario_failsNamingTheFileAndTheProblem() {
    assertThat(ProbeRunner.tests(BrokenScenarioProbe.class)).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.FAILED);
      assertThat(o.message()).contains("m365kit/scenarios/broken/tenant.json").contains("no-at-sign");
    });
  }

  @Test
  void scenarioNameWithPath_isRefused() {
    assertThat(ProbeRunner.tests(BadScenarioNameProbe.class)).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.FAILED);
      assertThat(o.message()).contains("a scenario name is letters");
    });
  }

  @Test
  void scenarioOnMethodWithPerClassSandbox_failsSayingWhereToPutIt() {
    assertThat(ProbeRunner.tests(MethodScenarioInPerClassProbe.class)).singleElement().satisfies(o -> {
      assertThat(o.status()).isEqualTo(Status.FAILED);
      assertThat(o.message()).contains("put @Scenario on the class");
    });
  }
}
