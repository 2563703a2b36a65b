package io.github.m365kit.testkit.example;

import static io.github.m365kit.testkit.M365Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.memory.Faults;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.testkit.M365Sandbox;
import io.github.m365kit.testkit.Scenario;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests a user's own tool with the testkit: a sandbox per test, assertions on the tenant, injected faults. */
@M365Sandbox
class OffboardingToolTest {
  private static final Upn JANE = Upn.of("jane.doe@contoso.com");

  private InMemoryTenant tenant;
  private PlanRunner runner;
  private OffboardingTool tool;

  @BeforeEach
  void createTool(SimulatedClock clock) {
    runner = PlanRunner.builder().sleeper(clock.sleeper()).build();
    tool = new OffboardingTool(tenant, tenant, runner);
  }

  @Test
  void offboard_convertsToSharedThenRemovesLicenses() {
    RunResult result = tool.offboard(JANE);

    assertThat(result).succeeded().applied("convert-to-shared", "remove-licenses");
    assertThat(tenant).mailbox("jane.doe@contoso.com").isShared();
    assertThat(tenant).user("jane.doe@contoso.com").hasNoExchangeLicense();
  }

  @Test
  void offboard_twice_secondRunChangesNothing() {
    tool.offboard(JANE);
    RunResult again = new OffboardingTool(tenant, tenant, PlanRunner.create()).offboard(JANE);

    assertThat(again).succeeded().applied();
  }

  @Test
  void offboard_whenThrottled_waitsForRetryAfterAndFinishes(Faults faults, SimulatedClock clock) {
    faults.throttleNth("setType", 1, Duration.ofSeconds(30));
    Instant before = clock.instant();

    RunResult result = tool.offboard(JANE);

    assertThat(result).succeeded().tookAttempts("convert-to-shared", 2);
    assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(tenant).mailbox("jane.doe@contoso.com").isShared();
  }

  @Test
  void offboard_afterAPermanentFailure_resumesFromTheJournal(Faults faults) {
    faults.permanentNth("removeLicenses", 1);
    assertThat(tool.offboard(JANE)).failedAt("remove-licenses");
    assertThat(tenant).mailbox("jane.doe@contoso.com").isShared();

    RunResult resumed = tool.offboard(JANE);

    assertThat(resumed).succeeded().applied("remove-licenses");
    assertThat(tenant).user("jane.doe@contoso.com").hasNoExchangeLicense();
  }

  @Test
  void offboard_mailboxOnHold_stopsBeforeLeavingItUnlicensed() {
    RunResult result = tool.offboard(Upn.of("big.mailbox@contoso.com"));

    assertThat(result).failedAt("remove-licenses");
    assertThat(result.failure().orElseThrow().getCause()).isInstanceOf(ServiceRuleException.class);
    assertThat(tenant).mailbox("big.mailbox@contoso.com").isShared();
    assertThat(tenant).user("big.mailbox@contoso.com").hasLicense(io.github.m365kit.model.License.OFFICE_365_E3);
  }

  @Test
  @Scenario("um-trap")
  void offboard_inUmTrapScenario_convertsTheNewReceptionist() {
    assertThat(tool.offboard(Upn.of("new.receptionist@contoso.com"))).succeeded();
    assertThat(tenant).mailbox("new.receptionist@contoso.com").isShared().hasNoUmExtension();
  }
}
