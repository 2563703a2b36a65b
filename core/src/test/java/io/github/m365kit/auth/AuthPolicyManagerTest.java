package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.M365KitException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.memory.SimulatedClock;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.ProgressListener;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthPolicyManagerTest {
  private static final String BLOCK = "Block Basic Auth";
  private final SimulatedClock clock = new SimulatedClock(Instant.parse("2026-03-01T09:00:00Z"));
  private final FakeAuthPolicyStore store = new FakeAuthPolicyStore();
  private final AuthPolicyManager auth = AuthPolicyManager.using(store, store, clock);
  private final PlanRunner runner = PlanRunner.builder().sleeper(clock.sleeper()).build();
  private final Upn pilot = Upn.of("testuser@contoso.com");

  private static List<String> powershell(Plan plan) {
    return plan.steps().stream().flatMap(s -> s.powershell().stream()).toList();
  }

  @Test
  void create_byDefault_blocksEveryProtocolAndRendersBareNew() {
    Plan plan = auth.create(BLOCK);
    assertThat(powershell(plan)).containsExactly("New-AuthenticationPolicy -Name 'Block Basic Auth'");
    runner.run(plan).orThrow();
    assertThat(auth.get(BLOCK).allowBasicAuth()).isEmpty();
    assertThat(BasicAuthProtocol.values()).noneMatch(p -> auth.get(BLOCK).allows(p));
    RunResult again = PlanRunner.create().run(auth.create(BLOCK));
    assertThat(again.steps().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
  }

  @Test
  void createException_rendersBareSwitchesForAllowedProtocols() {
    Plan plan = auth.createException("Allow SMTP and IMAP", EnumSet.of(BasicAuthProtocol.SMTP, BasicAuthProtocol.IMAP));
    assertThat(powershell(plan)).containsExactly("New-AuthenticationPolicy -Name 'Allow SMTP and IMAP' -AllowBasicAuthImap -AllowBasicAuthSmtp");
    runner.run(plan).orThrow();
    assertThat(auth.get("Allow SMTP and IMAP").allowBasicAuth()).containsExactlyInAnyOrder(BasicAuthProtocol.SMTP, BasicAuthProtocol.IMAP);
  }

  @Test
  void create_whenSameNameHasOtherSwitches_guardRefuses() {
    runner.run(auth.create(BLOCK)).orThrow();
    RunResult r = runner.run(auth.createException(BLOCK, EnumSet.of(BasicAuthProtocol.POP)));
    assertThat(r.failure()).isPresent();
    assertThat(r.failure().get().getMessage()).contains("already exists with different switches").contains("Set-AuthenticationPolicy");
  }

  @Test
  void create_withHostileName_isQuotedSafely() {
    Plan plan = auth.create("O'Brien'; Remove-Mailbox -Identity x; '$(calc)");
    assertThat(powershell(plan)).containsExactly("New-AuthenticationPolicy -Name 'O''Brien''; Remove-Mailbox -Identity x; ''$(calc)'");
  }

  @Test
  void create_withNameOver64Characters_isRejected() {
    assertThatThrownBy(() -> auth.create("x".repeat(65))).isInstanceOf(io.github.m365kit.InvalidInputException.class).hasMessageContaining("64");
  }

  @Test
  void update_rendersBareSwitchToAllowAndFalseToBlock_andKeepsOthers() {
    runner.run(auth.createException("Exceptions", EnumSet.of(BasicAuthProtocol.POP, BasicAuthProtocol.SMTP))).orThrow();
    Plan plan = auth.update("Exceptions", Map.of(BasicAuthProtocol.IMAP, true, BasicAuthProtocol.POP, false));
    assertThat(powershell(plan)).containsExactly("Set-AuthenticationPolicy -Identity 'Exceptions' -AllowBasicAuthImap -AllowBasicAuthPop:$false");
    runner.run(plan).orThrow();
    assertThat(auth.get("Exceptions").allowBasicAuth()).containsExactlyInAnyOrder(BasicAuthProtocol.IMAP, BasicAuthProtocol.SMTP);
  }

  @Test
  void update_whenPolicyMissing_throwsNotFound() {
    assertThatThrownBy(() -> auth.update("Nope", Map.of(BasicAuthProtocol.IMAP, true))).isInstanceOf(NotFoundException.class).hasMessageContaining("Nope");
  }

  @Test
  void list_returnsEveryPolicy() {
    runner.run(auth.create(BLOCK)).orThrow();
    runner.run(auth.createException("Allow POP", EnumSet.of(BasicAuthProtocol.POP))).orThrow();
    assertThat(auth.list()).extracting(AuthPolicy::name).containsExactlyInAnyOrder(BLOCK, "Allow POP");
    assertThat(auth.find("missing")).isEmpty();
  }

  @Test
  void delete_whileAssigned_isRefusedNamingTheHolder_thenSucceedsOnceFree() {
    runner.run(auth.create(BLOCK)).orThrow();
    runner.run(auth.assign(BLOCK, List.of(pilot), TokenRefresh.NONE)).orThrow();
    Plan delete = auth.delete(BLOCK);
    assertThat(powershell(delete)).containsExactly("Remove-AuthenticationPolicy -Identity 'Block Basic Auth' -Confirm:$false");
    RunResult refused = runner.run(delete);
    assertThat(refused.failure()).isPresent();
    assertThat(refused.failure().get().getMessage()).contains("testuser@contoso.com");
    assertThat(auth.find(BLOCK)).isPresent();
    assertThat(auth.holders(BLOCK).isFree()).isFalse();

    runner.run(auth.unassign(pilot)).orThrow();
    assertThat(auth.holders(BLOCK).isFree()).isTrue();
    PlanRunner.create().run(auth.delete(BLOCK)).orThrow();
    assertThat(auth.find(BLOCK)).isEmpty();
  }

  @Test
  void delete_whileOrgDefault_isRefused() {
    runner.run(auth.create(BLOCK)).orThrow();
    runner.run(auth.setOrgDefault(BLOCK)).orThrow();
    RunResult refused = runner.run(auth.delete(BLOCK));
    assertThat(refused.failure().get().getMessage()).contains("organisation default");
  }

  @Test
  void assign_withExchangeRefresh_assignsAndMovesTokenCutOffToNow() {
    runner.run(auth.create(BLOCK)).orThrow();
    Plan plan = auth.assign(BLOCK, List.of(pilot), TokenRefresh.EXCHANGE_STS);
    assertThat(powershell(plan)).containsExactly(
        "Set-User -Identity 'testuser@contoso.com' -AuthenticationPolicy 'Block Basic Auth'",
        "Set-User -Identity 'testuser@contoso.com' -STSRefreshTokensValidFrom $([System.DateTime]::UtcNow)");
    assertThat(plan.notes()).anyMatch(n -> n.contains("30 minutes"));
    runner.run(plan).orThrow();
    assertThat(store.assigned(pilot)).contains(BLOCK);
    assertThat(store.refreshedAt(pilot)).contains(clock.instant());
    assertThat(store.revokedCount(pilot)).isZero();
  }

  @Test
  void assign_withGraphRefresh_revokesSessionsAndSaysSo() {
    runner.run(auth.create(BLOCK)).orThrow();
    Plan plan = auth.assign(BLOCK, List.of(pilot), TokenRefresh.GRAPH_REVOKE_SESSIONS);
    assertThat(powershell(plan)).contains("Revoke-MgUserSignInSession -UserId 'testuser@contoso.com'");
    assertThat(plan.steps().get(1).description()).contains("revokeSignInSessions").contains("alternative to Set-User -STSRefreshTokensValidFrom");
    runner.run(plan).orThrow();
    assertThat(store.revokedCount(pilot)).isEqualTo(1);
    assertThat(store.refreshedAt(pilot)).isEmpty();
  }

  @Test
  void assign_whenPolicyMissing_guardRefuses() {
    RunResult r = runner.run(auth.assign("Missing", List.of(pilot), TokenRefresh.NONE));
    assertThat(r.failure().get().getMessage()).contains("does not exist");
    assertThat(store.assigned(pilot)).isEmpty();
  }

  @Test
  void assign_userAlreadyHoldingPolicy_getsNoRefresh() {
    runner.run(auth.create(BLOCK)).orThrow();
    runner.run(auth.assign(BLOCK, List.of(pilot), TokenRefresh.NONE)).orThrow();
    RunResult r = PlanRunner.create().run(auth.assign(BLOCK, List.of(pilot), TokenRefresh.EXCHANGE_STS));
    assertThat(r.steps()).extracting(s -> s.status()).containsOnly(StepStatus.ALREADY_DONE);
    assertThat(store.refreshedAt(pilot)).isEmpty();
  }

  @Test
  void unassign_rendersNull() {
    assertThat(powershell(auth.unassign(pilot))).containsExactly("Set-User -Identity 'testuser@contoso.com' -AuthenticationPolicy $null");
  }

  @Test
  void holders_listsUsersAndOrgDefault() {
    runner.run(auth.create(BLOCK)).orThrow();
    Upn other = Upn.of("other@contoso.com");
    runner.run(auth.assign(BLOCK, List.of(pilot, other), TokenRefresh.NONE)).orThrow();
    PolicyHolders h = auth.holders(BLOCK);
    assertThat(h.users()).containsExactly(other, pilot);
    assertThat(h.orgDefault()).isFalse();
    assertThat(h.powershell().get(0)).isEqualTo("$dn = (Get-AuthenticationPolicy -Identity 'Block Basic Auth').DistinguishedName");
  }

  @Test
  void orgDefault_setAndUndo() {
    runner.run(auth.create(BLOCK)).orThrow();
    Plan set = auth.setOrgDefault(BLOCK);
    assertThat(powershell(set)).containsExactly("Set-OrganizationConfig -DefaultAuthenticationPolicy 'Block Basic Auth'");
    assertThat(set.notes()).anyMatch(n -> n.contains("Set-OrganizationConfig -DefaultAuthenticationPolicy $null") && n.contains("previous default: none"));
    runner.run(set).orThrow();
    assertThat(store.orgDefault()).contains(BLOCK);
    assertThat(auth.holders(BLOCK).orgDefault()).isTrue();

    Plan undo = auth.restoreOrgDefault(Optional.empty());
    assertThat(powershell(undo)).containsExactly("Set-OrganizationConfig -DefaultAuthenticationPolicy $null");
    runner.run(undo).orThrow();
    assertThat(store.orgDefault()).isEmpty();
  }

  @Test
  void sharePoint_isManualStepThatRendersAndRefusesToRun() {
    Plan plan = auth.disableSharePointLegacyAuth();
    assertThat(powershell(plan)).containsExactly("Set-SPOTenant -LegacyAuthProtocolsEnabled $false");
    assertThat(plan.steps().get(0).description()).startsWith("MANUAL");
    RunResult r = runner.run(plan);
    assertThat(r.failure().get().getMessage()).contains("manual step").contains("no SharePoint port");
  }

  @Test
  void rollout_withTenPercentTransientFaultsAnd429s_appliesEveryUserExactlyOnce() {
    store.addUsers(300);
    runner.run(auth.create(BLOCK)).orThrow();
    runner.run(auth.createException("Allow SMTP", EnumSet.of(BasicAuthProtocol.SMTP))).orThrow();
    Set<Upn> exceptions = Set.of(Upn.of("user7@contoso.com"), Upn.of("user42@contoso.com"));
    store.faults.randomly("*", 0.05, 0.05, 20260301L);
    AtomicInteger finished = new AtomicInteger();
    RolloutReport report = auth.rollout(BLOCK).except(exceptions, "Allow SMTP").sleeper(clock.sleeper())
        .listener(new ProgressListener() {
          @Override
          public void targetFinished(int done, int total, BulkOutcome outcome) {
            finished.incrementAndGet();
          }
        }).concurrency(8, 16).run();
    store.faults.clear();

    assertThat(report.failed()).isEmpty();
    assertThat(report.users()).hasSize(300);
    assertThat(finished).hasValue(300);
    assertThat(report.bulk().throttleEvents()).isPositive();
    for (RolloutReport.UserOutcome u : report.users()) {
      assertThat(store.appliedCount(u.user())).as(u.user().value()).isEqualTo(1);
      assertThat(store.assigned(u.user())).contains(exceptions.contains(u.user()) ? "Allow SMTP" : BLOCK);
      // a fault during verification makes the retry find the change in place: ALREADY_DONE, still applied once
      assertThat(u.outcome().status()).isIn(BulkOutcome.Status.APPLIED, BulkOutcome.Status.ALREADY_DONE);
    }
    assertThat(report.summary()).contains("300 targets").contains("0 failed");
  }

  @Test
  void rollout_killedMidway_resumesWithoutReapplyingFinishedUsers(@TempDir Path dir) {
    store.addUsers(50);
    runner.run(auth.create(BLOCK)).orThrow();
    Path journalFile = dir.resolve("rollout.jsonl");
    AtomicInteger assigns = new AtomicInteger();
    store.beforeAssign = u -> {
      if (assigns.incrementAndGet() > 20) {
        throw new KilledProcess();
      }
    };
    try (Journal j = Journal.jsonLines(journalFile, clock)) {
      assertThatThrownBy(() -> auth.rollout(BLOCK).journal(j).concurrency(1, 1).sleeper(clock.sleeper()).run()).isInstanceOf(M365KitException.class);
    }
    awaitBulkWorkersGone();
    assertThat(store.usersWith(BLOCK)).hasSize(20);

    store.beforeAssign = u -> {};
    RolloutReport resumed;
    try (Journal j = Journal.jsonLines(journalFile, clock)) {
      resumed = auth.rollout(BLOCK).journal(j).sleeper(clock.sleeper()).run();
    }
    assertThat(resumed.failed()).isEmpty();
    assertThat(resumed.bulk().count(BulkOutcome.Status.ALREADY_DONE)).isEqualTo(20);
    assertThat(resumed.bulk().count(BulkOutcome.Status.APPLIED)).isEqualTo(30);
    for (RolloutReport.UserOutcome u : resumed.users()) {
      assertThat(store.appliedCount(u.user())).as(u.user().value()).isEqualTo(1);
    }
  }

  @Test
  void rollout_targets_giveExceptionsTheExceptionPolicy() {
    store.addUser("a@contoso.com");
    store.addUser("b@contoso.com");
    Map<Upn, String> t = auth.rollout(BLOCK).except(Set.of(Upn.of("B@contoso.com")), "Allow POP").targets();
    assertThat(t).containsExactly(Map.entry(Upn.of("a@contoso.com"), BLOCK), Map.entry(Upn.of("b@contoso.com"), "Allow POP"));
  }

  /** A dead process has no threads left: wait for the killed run's workers so none of them acts during the resume. */
  private static void awaitBulkWorkersGone() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("m365kit-bulk")) {
        try {
          t.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Stands for the process dying: not an exception the runner may catch and journal. */
  private static final class KilledProcess extends Error {
    private static final long serialVersionUID = 1L;
  }
}
