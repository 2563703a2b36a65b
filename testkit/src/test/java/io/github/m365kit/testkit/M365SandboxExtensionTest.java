package io.github.m365kit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.Faults;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.spi.SignInLog;
import java.lang.reflect.Proxy;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@M365Sandbox
class M365SandboxExtensionTest {
  private static final SmtpAddress JANE = SmtpAddress.of(DemoCast.JANE.value());

  private InMemoryTenant tenantField;
  private MailboxStore mailboxField;
  private InMemoryOnPremDirectory directoryField;
  private final MailboxStore ownStore = (MailboxStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MailboxStore.class},
      (proxy, method, args) -> method.getName().equals("toString") ? "own store" : null);
  private MailboxStore ownNonFinalStore = ownStore;
  private InMemoryTenant fromBeforeEach;

  @BeforeEach
  void seed(InMemoryTenant tenant) {
    fromBeforeEach = tenant;
  }

  @Test
  void everyInjectableType_comesFromTheSameSandbox(InMemoryTenant tenant, MailboxStore mailboxes, CloudDirectory users, AuthPolicyStore policies,
      SignInLog signIns, SimulatedClock clock, Faults faults, InMemoryOnPremDirectory directory, OnPremDirectory onPrem) {
    assertThat(mailboxes).isSameAs(tenant);
    assertThat(users).isSameAs(tenant);
    assertThat(policies).isSameAs(tenant);
    assertThat(signIns).isSameAs(tenant);
    assertThat(clock).isSameAs(tenant.simulatedClock());
    assertThat(faults).isSameAs(tenant.faults());
    assertThat(onPrem).isSameAs(directory);
  }

  @Test
  void withoutScenario_theSandboxIsTheDemoCast(InMemoryTenant tenant, InMemoryOnPremDirectory directory, SimulatedClock clock) {
    assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.USER);
    assertThat(directory.findByUpn(DemoCast.JANE)).isPresent();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
  }

  @Test
  void fields_areInjectedFromTheTestsSandbox(InMemoryTenant tenant, InMemoryOnPremDirectory directory) {
    assertThat(tenantField).isSameAs(tenant);
    assertThat(mailboxField).isSameAs(tenant);
    assertThat(directoryField).isSameAs(directory);
  }

  @Test
  void fieldsHoldingYourOwnObjects_areLeftAlone() {
    assertThat(ownNonFinalStore).isSameAs(ownStore);
  }

  @Test
  void beforeEach_seesTheSameSandboxAsTheTest(InMemoryTenant tenant) {
    assertThat(fromBeforeEach).isSameAs(tenant);
  }

  @Test
  @Scenario("um-trap")
  void scenarioOnMethod_loadsItsTenantWithTheDemoDirectory(InMemoryTenant tenant, InMemoryOnPremDirectory directory) {
    assertThat(tenant.findByUpn(Upn.of("new.receptionist@contoso.com"))).isPresent();
    assertThat(tenant.findByUpn(DemoCast.JANE)).isEmpty();
    assertThat(tenant.get(SmtpAddress.of("reception@contoso.com")).umExtension()).contains("4123");
    assertThat(directory.findByUpn(DemoCast.RECEPTION)).isPresent();
  }

  @Test
  @Scenario(value = "empty", onPrem = Scenario.OnPrem.EMPTY)
  void emptyScenarioWithEmptyOnPrem_hasNoUsersButTheOus(InMemoryTenant tenant, InMemoryOnPremDirectory directory) {
    assertThat(tenant.users()).isEmpty();
    assertThat(directory.users()).isEmpty();
    assertThat(directory.containers()).contains(DemoCast.STAFF_OU, DemoCast.DEPARTED_OU);
  }

  @Test
  @Scenario("custom")
  void scenarioFromTheTestClassPath_isLoadedWithItsClock(InMemoryTenant tenant, SimulatedClock clock) {
    assertThat(tenant.name()).isEqualTo("fabrikam.onmicrosoft.com");
    assertThat(tenant.findUser(Upn.of("custom.user@fabrikam.com"))).isPresent();
    assertThat(clock.instant()).isEqualTo(Instant.parse("2027-01-04T08:30:00Z"));
  }

  @Nested
  class InANestedClass {
    private InMemoryTenant nestedField;

    @Test
    void fieldsOfBothInstances_holdTheSameSandbox(InMemoryTenant tenant) {
      assertThat(nestedField).isSameAs(tenant);
      assertThat(tenantField).isSameAs(tenant);
    }
  }
}
