package io.github.m365kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRenderer;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RetryPolicy;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepResult;
import io.github.m365kit.plan.StepStatus;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailboxAccessTest {
  private static final SmtpAddress RECEPTION = SmtpAddress.of("reception@contoso.com");
  private static final Upn ADMIN = DemoCast.ADMIN;
  private InMemoryTenant tenant;
  private MailboxAccess access;

  @BeforeEach
  void setUp() {
    tenant = InMemoryTenant.demo();
    access = MailboxAccess.using(tenant, tenant);
  }

  /** A fresh runner per run: a shared journal would (rightly) skip a plan id it has seen finish. */
  private static RunResult run(Plan plan) {
    return PlanRunner.builder().sleeper(d -> { }).build().run(plan);
  }

  @Test
  void grantThenRevoke_roundTripsOnTheDemoTenant() {
    Plan grant = access.grant(RECEPTION, ADMIN, false);

    assertThat(PlanRenderer.render(grant, PlanRenderer.Format.POWERSHELL))
        .contains("Add-MailboxPermission -Identity 'reception@contoso.com' -User 'admin@contoso.onmicrosoft.com' -AccessRights 'FullAccess' -AutoMapping $false");
    assertThat(grant.notes()).anySatisfy(n -> assertThat(n).contains("15-60 minutes").contains("UNCONFIRMED"));
    run(grant).orThrow();

    assertThat(access.permission(RECEPTION, ADMIN)).contains(new MailboxPermission(ADMIN, false));
    assertThat(tenant.fullAccess(RECEPTION)).containsExactly(new MailboxPermission(ADMIN, false));

    Plan revoke = access.revoke(RECEPTION, ADMIN);
    assertThat(PlanRenderer.render(revoke, PlanRenderer.Format.POWERSHELL))
        .contains("Remove-MailboxPermission -Identity 'reception@contoso.com' -User 'admin@contoso.onmicrosoft.com' -AccessRights 'FullAccess' -Confirm:$false");
    run(revoke).orThrow();

    assertThat(access.permission(RECEPTION, ADMIN)).isEmpty();
    assertThat(run(access.revoke(RECEPTION, ADMIN)).steps()).extracting(StepResult::status).containsExactly(StepStatus.ALREADY_DONE);
  }

  @Test
  void grant_whenAlreadyInPlace_isAlreadyDone() {
    run(access.grant(RECEPTION, ADMIN, true)).orThrow();

    RunResult again = run(access.grant(RECEPTION, ADMIN, true));

    assertThat(again.steps()).extracting(StepResult::status).containsExactly(StepStatus.ALREADY_DONE);
    assertThat(tenant.faults().calls("grantFullAccess")).isEqualTo(1);
  }

  @Test
  void grant_whenAutoMappingDiffers_removesThenAddsAgain() {
    run(access.grant(RECEPTION, ADMIN, true)).orThrow();

    Plan change = access.grant(RECEPTION, ADMIN, false);
    RunResult r = run(change);

    assertThat(change.stepIds()).containsExactly("remove-full-access", "add-full-access");
    assertThat(r.steps()).extracting(StepResult::status).containsExactly(StepStatus.APPLIED, StepStatus.APPLIED);
    assertThat(access.permission(RECEPTION, ADMIN)).contains(new MailboxPermission(ADMIN, false));
    assertThat(tenant.faults().calls("revokeFullAccess")).isEqualTo(1);
  }

  @Test
  void grant_dryRun_changesNothing() {
    RunResult dry = PlanRunner.create().dryRun(access.grant(RECEPTION, ADMIN, false));

    assertThat(dry.steps()).extracting(StepResult::status).containsExactly(StepStatus.WOULD_APPLY);
    assertThat(access.permission(RECEPTION, ADMIN)).isEmpty();
    assertThat(tenant.faults().calls("grantFullAccess")).isZero();
  }

  @Test
  void grant_whenTransientFailure_retriesAndVerifies() {
    tenant.faults().throttleNth("grantFullAccess", 1, Duration.ofSeconds(30));

    run(access.grant(RECEPTION, ADMIN, false)).orThrow();

    assertThat(tenant.faults().calls("grantFullAccess")).isEqualTo(2);
    assertThat(access.permission(RECEPTION, ADMIN)).isPresent();
  }

  @Test
  void grant_whenPermanentFailure_stopsAndLeavesNoGrant() {
    tenant.faults().permanentNth("grantFullAccess", 1);

    RunResult r = PlanRunner.builder().retryPolicy(RetryPolicy.none()).build().run(access.grant(RECEPTION, ADMIN, false));

    assertThat(r.failure()).isPresent();
    assertThat(access.permission(RECEPTION, ADMIN)).isEmpty();
  }

  @Test
  void grant_whenMailboxOrTrusteeMissing_throwsNotFound() {
    assertThatThrownBy(() -> access.grant(SmtpAddress.of("nobody@contoso.com"), ADMIN, false)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nobody@contoso.com");
    assertThatThrownBy(() -> access.grant(RECEPTION, Upn.of("ghost@contoso.com"), false)).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("ghost@contoso.com");
  }

  @Test
  void check_forUnlicensedAdminWithoutMailbox_explainsTheUrlRoute() {
    AccessCheck before = access.check(ADMIN, RECEPTION);

    assertThat(before.adminHasMailbox()).isFalse();
    assertThat(before.adminLicensed()).isFalse();
    assertThat(before.needsDirectUrl()).isTrue();
    assertThat(before.hasFullAccess()).isFalse();
    assertThat(before.render())
        .contains("no license or mailbox")
        .contains("not granted yet")
        .contains("https://outlook.office.com/owa/reception@contoso.com/?offline=disabled")
        .contains("https://outlook.office.com/mail/reception@contoso.com/")
        .contains("UNCONFIRMED")
        .contains("Sign in with another account");

    run(access.grant(RECEPTION, ADMIN, false)).orThrow();
    AccessCheck after = access.check(ADMIN, RECEPTION);

    assertThat(after.hasFullAccess()).isTrue();
    assertThat(after.render()).contains("FullAccess: granted (AutoMapping off)").contains("15-60 minutes");
  }

  @Test
  void check_forUserWithMailbox_doesNotNeedTheUrlRoute() {
    AccessCheck c = access.check(DemoCast.JANE, RECEPTION);

    assertThat(c.adminHasMailbox()).isTrue();
    assertThat(c.adminLicensed()).isTrue();
    assertThat(c.needsDirectUrl()).isFalse();
    assertThat(c.render()).contains("'Open another mailbox' in Outlook on the web also works");
  }

  @Test
  void outlookProfileRoute_namesTheMailboxAndTheOtherAccountSignIn() {
    assertThat(MailboxAccess.outlookProfileRoute(RECEPTION))
        .anySatisfy(l -> assertThat(l).contains("Email address: reception@contoso.com"))
        .anySatisfy(l -> assertThat(l).contains("Sign in with another account"));
  }

  @Test
  void permission_readsTheGrantOfThatTrustee_notAnother() {
    run(access.grant(RECEPTION, DemoCast.JANE, true)).orThrow();
    assertThat(access.permission(RECEPTION, ADMIN)).isEmpty();
    run(access.grant(RECEPTION, ADMIN, false)).orThrow();
    assertThat(access.permission(RECEPTION, ADMIN)).hasValueSatisfying(p -> assertThat(p.autoMapping()).isFalse());
    assertThat(access.permission(RECEPTION, DemoCast.JANE)).hasValueSatisfying(p -> assertThat(p.autoMapping()).isTrue());
    Plan again = access.grant(RECEPTION, ADMIN, true);
    assertThat(again.stepIds()).containsExactly("remove-full-access", "add-full-access");
    assertThat(again.steps().get(1).isDone()).as("held with AutoMapping off, wanted on").isFalse();
  }

  @Test
  void grant_planIdNamesMailboxAndTrusteeCaseInsensitively() {
    assertThat(access.grant(RECEPTION, ADMIN, false).id()).isEqualTo("grant-full-access:reception@contoso.com:admin@contoso.onmicrosoft.com:automapping=false");
    assertThat(access.revoke(RECEPTION, ADMIN).id()).isEqualTo("revoke-full-access:reception@contoso.com:admin@contoso.onmicrosoft.com");
  }

  @Test
  void check_describesLicenseAndMailboxOfTheAdminExactly() {
    assertThat(access.check(ADMIN, RECEPTION).lines()).contains("  " + ADMIN + " holds no Exchange Online license and has no mailbox");
    assertThat(access.check(DemoCast.JANE, RECEPTION).lines()).contains("  " + DemoCast.JANE + " holds an Exchange Online license and has a mailbox");
  }
}
