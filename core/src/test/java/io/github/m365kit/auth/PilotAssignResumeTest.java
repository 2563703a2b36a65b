package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepResult;
import io.github.m365kit.plan.StepStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class PilotAssignResumeTest {

  @Test
  void assign_whenTheRefreshFailedAfterTheAssignment_theRerunWithTheJournalStillRefreshes() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    AuthPolicyManager m = AuthPolicyManager.using(tenant, tenant, tenant.clock());
    PlanRunner.builder().sleeper(tenant.simulatedClock().sleeper()).build().run(m.create("Block Basic Auth")).orThrow();
    List<Upn> pilot = List.of(DemoCast.JANE, DemoCast.CLOUD_ONLY);
    Journal journal = Journal.inMemory();
    PlanRunner runner = PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).build();
    tenant.faults().permanentNth("refreshTokens", 1);
    RunResult first = runner.run(m.assign("Block Basic Auth", pilot, TokenRefresh.EXCHANGE_STS, journal));
    assertThat(first.failure()).isPresent();
    assertThat(tenant.assigned(DemoCast.JANE)).contains("Block Basic Auth");
    assertThat(tenant.refreshTokensValidFrom(DemoCast.JANE)).isEmpty();
    RunResult rerun = runner.run(m.assign("Block Basic Auth", pilot, TokenRefresh.EXCHANGE_STS, journal));
    assertThat(rerun.succeeded()).isTrue();
    assertThat(tenant.refreshTokensValidFrom(DemoCast.JANE)).as("the owed refresh is done on the rerun").isPresent();
    assertThat(tenant.refreshTokensValidFrom(DemoCast.CLOUD_ONLY)).isPresent();
    // without the journal a fresh plan would think nothing changed and skip it: that is what the overload is for
    assertThat(tenant.faults().calls("assign")).isEqualTo(2);
  }
  @Test
  void assign_whenTheAssignmentReachedTheServiceButItsStepFailed_theRerunWithTheJournalStillRefreshes() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    AuthPolicyManager m = AuthPolicyManager.using(tenant, tenant, tenant.clock());
    PlanRunner.builder().sleeper(tenant.simulatedClock().sleeper()).build().run(m.create("Block Basic Auth")).orThrow();
    List<Upn> pilot = List.of(DemoCast.JANE);
    Journal journal = Journal.inMemory();
    PlanRunner runner = PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).build();
    // 1st read: is it done? 2nd read: the check after Set-User, which fails: the step is FAILED though the policy is set
    tenant.faults().permanentNth("assigned", 2);
    RunResult first = runner.run(m.assign("Block Basic Auth", pilot, TokenRefresh.EXCHANGE_STS, journal));
    assertThat(first.steps()).extracting(StepResult::status).containsExactly(StepStatus.FAILED, StepStatus.NOT_RUN);
    assertThat(tenant.assigned(DemoCast.JANE)).contains("Block Basic Auth");
    assertThat(tenant.refreshTokensValidFrom(DemoCast.JANE)).isEmpty();

    RunResult rerun = runner.run(m.assign("Block Basic Auth", pilot, TokenRefresh.EXCHANGE_STS, journal));

    assertThat(rerun.steps()).extracting(StepResult::status).containsExactly(StepStatus.ALREADY_DONE, StepStatus.APPLIED);
    assertThat(tenant.refreshTokensValidFrom(DemoCast.JANE)).as("the refresh owed since the failed step is done on the rerun").isPresent();
  }
}
