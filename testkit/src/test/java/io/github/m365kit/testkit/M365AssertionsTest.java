package io.github.m365kit.testkit;

import static io.github.m365kit.testkit.M365Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.BulkReport;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanFailedException;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.Step;
import io.github.m365kit.plan.StepResult;
import io.github.m365kit.plan.StepStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

@M365Sandbox
class M365AssertionsTest {
  private static final SmtpAddress JANE = SmtpAddress.of("jane.doe@contoso.com");

  @Test
  void mailboxIsShared_whenUser_failsShowingTypeSizeAndLicenses(InMemoryTenant tenant) {
    assertThatThrownBy(() -> assertThat(tenant).mailbox("jane.doe@contoso.com").isShared()).isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected mailbox jane.doe@contoso.com to be Shared but was User (size 12.")
        .hasMessageContaining("licenses [ENTERPRISEPACK]");
  }

  @Test
  void mailboxIsShared_afterConversion_passes(InMemoryTenant tenant) {
    tenant.setType(JANE, MailboxType.SHARED);
    assertThat(tenant).mailbox("jane.doe@contoso.com").isShared();
    assertThat(tenant.get(JANE)).isShared().hasNoUmExtension();
  }

  @Test
  void isUserMailbox_whenShared_failsShowingUmExtension(InMemoryTenant tenant) {
    assertThat(tenant).mailbox("jane.doe@contoso.com").isUserMailbox();
    assertThatThrownBy(() -> assertThat(tenant.get(SmtpAddress.of("reception@contoso.com"))).isUserMailbox())
        .hasMessageContaining("to be User but was Shared").hasMessageContaining("UM enabled with extension 4123");
  }

  @Test
  void umExtensionAssertions_showTheExtensionHeld(InMemoryTenant tenant) {
    assertThat(tenant).mailbox("reception@contoso.com").hasUmExtension("4123");
    assertThatThrownBy(() -> assertThat(tenant).mailbox("reception@contoso.com").hasNoUmExtension())
        .hasMessageContaining("to hold no UM extension but it holds extension 4123").hasMessageContaining("licenses []");
    assertThatThrownBy(() -> assertThat(tenant).mailbox("jane.doe@contoso.com").hasUmExtension("4123"))
        .hasMessageContaining("to hold UM extension 4123 but it holds none");
  }

  @Test
  void tenantMailbox_whenMissingOrDisconnected_saysSo(InMemoryTenant tenant) {
    assertThatThrownBy(() -> assertThat(tenant).mailbox("nobody@contoso.com"))
        .hasMessageContaining("expected tenant contoso.onmicrosoft.com to have a mailbox nobody@contoso.com but it has none");
    tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    tenant.simulatedClock().advance(Duration.ofDays(31));
    assertThatThrownBy(() -> assertThat(tenant).mailbox("jane.doe@contoso.com")).hasMessageContaining("disconnected after the grace period");
  }

  @Test
  void userAssertions_showLicensesAndSignInState(InMemoryTenant tenant) {
    assertThat(tenant).user("jane.doe@contoso.com").hasLicense(License.OFFICE_365_E3);
    assertThatThrownBy(() -> assertThat(tenant).user("jane.doe@contoso.com").hasNoExchangeLicense())
        .hasMessageContaining("expected user jane.doe@contoso.com to have no Exchange Online license but has [ENTERPRISEPACK]");
    assertThatThrownBy(() -> assertThat(tenant).user("jane.doe@contoso.com").isSignInBlocked())
        .hasMessageContaining("accountEnabled is true").hasMessageContaining("synced from AD");
    assertThatThrownBy(() -> assertThat(tenant).user("jane.doe@contoso.com").hasLicense(License.EXCHANGE_ONLINE_ARCHIVING))
        .hasMessageContaining("to have license EXCHANGEARCHIVE_ADDON but has [ENTERPRISEPACK]");
    tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    assertThat(tenant).user("jane.doe@contoso.com").hasNoExchangeLicense();
    tenant.setAccountEnabled(DemoCast.CLOUD_ONLY, false);
    assertThat(tenant).user(DemoCast.CLOUD_ONLY.value()).isSignInBlocked();
    assertThatThrownBy(() -> assertThat(tenant).user("nobody@contoso.com")).hasMessageContaining("to have a user nobody@contoso.com but it has none");
  }

  @Test
  void adUserAssertions_showRecipientAttributes(InMemoryOnPremDirectory ad) {
    AdUser jane = ad.findByUpn(DemoCast.JANE).orElseThrow();
    assertThat(jane).hasRecipientTypeDetails(RecipientTypeDetails.REMOTE_USER_MAILBOX).isIn(DemoCast.STAFF_OU);
    long remote = jane.remoteRecipientType().orElseThrow().value();
    assertThat(jane).hasRemoteRecipientType(remote).hasRemoteRecipientType(RemoteRecipientType.of(remote));
    assertThatThrownBy(() -> assertThat(jane).hasRemoteRecipientType(100L))
        .hasMessageContaining("expected jane.doe@contoso.com to have msExchRemoteRecipientType").hasMessageContaining("(100)")
        .hasMessageContaining("but has msExchRemoteRecipientType " + jane.remoteRecipientType().orElseThrow());
    assertThatThrownBy(() -> assertThat(jane).hasRecipientTypeDetails(RecipientTypeDetails.REMOTE_SHARED_MAILBOX))
        .hasMessageContaining("RemoteUserMailbox");
    assertThatThrownBy(() -> assertThat(jane).isDisabled()).hasMessageContaining("to be disabled but it is enabled").hasMessageContaining("userAccountControl 512");
    assertThatThrownBy(() -> assertThat(jane).isIn(DemoCast.DEPARTED_OU)).hasMessageContaining("but is in OU=Staff,DC=contoso,DC=com");
    ad.setAccountDisabled(jane.dn(), true);
    assertThat(ad.get(jane.dn())).isDisabled();
  }

  private static Step step(String id) {
    return Step.builder().id(id).description(id).isDone(() -> false).apply(() -> {}).build();
  }

  @Test
  void planAssertions_listTheSteps() {
    Plan plan = new Plan("p", "a plan", List.of(step("a"), step("b")), List.of("a note"));
    assertThat(plan).hasStepsInOrder("a", "b");
    assertThatThrownBy(() -> assertThat(plan).hasStepsInOrder("b", "a")).hasMessageContaining("to have steps [b, a] but has [a, b] (notes [a note])");
    assertThatThrownBy(() -> assertThat(plan).isEmpty()).hasMessageContaining("expected plan p to be empty but has steps [a, b]");
    assertThat(new Plan("q", "nothing", List.of(), List.of("already shared"))).isEmpty();
  }

  @Test
  void runResultAssertions_showEveryStepAndTheFailure() {
    RunResult ok = new RunResult("p", List.of(new StepResult("a", StepStatus.APPLIED, 2, Optional.empty()),
        new StepResult("b", StepStatus.ALREADY_DONE, 0, Optional.empty())), Optional.empty(), false);
    assertThat(ok).succeeded().applied("a").tookAttempts("a", 2);
    assertThatThrownBy(() -> assertThat(ok).applied("a", "b")).hasMessageContaining("to apply [a, b] but it applied [a]: [a=APPLIED after 2 attempts, b=ALREADY_DONE]");
    assertThatThrownBy(() -> assertThat(ok).failedAt("b")).hasMessageContaining("expected plan p to fail at step b but");
    RunResult failed = new RunResult("p", List.of(new StepResult("a", StepStatus.FAILED, 1, Optional.of("boom")),
        new StepResult("b", StepStatus.NOT_RUN, 0, Optional.empty())), Optional.of(new PlanFailedException("p", "a", "boom", null)), false);
    assertThat(failed).failedAt("a");
    assertThatThrownBy(() -> assertThat(failed).succeeded()).hasMessageContaining("expected plan p to succeed but [a=FAILED, b=NOT_RUN], failure:")
        .hasMessageContaining("boom");
  }

  @Test
  void bulkReportAssertions_showTheTargetsOutcome() {
    BulkReport report = new BulkReport(List.of(new BulkOutcome("x@contoso.com", BulkOutcome.Status.APPLIED, Optional.empty(), Optional.empty()),
        new BulkOutcome("y@contoso.com", BulkOutcome.Status.FAILED, Optional.of("no license"), Optional.empty())), 2, 0);
    assertThat(report).hasApplied("x@contoso.com").hasFailed("y@contoso.com");
    assertThatThrownBy(() -> assertThat(report).hasApplied("y@contoso.com"))
        .hasMessageContaining("expected target y@contoso.com to be APPLIED but it is FAILED (no license); 2 targets: 1 applied");
    assertThatThrownBy(() -> assertThat(report).hasFailed("z@contoso.com")).hasMessageContaining("not in the report");
    assertThatThrownBy(() -> assertThat(report).hasNoFailures()).hasMessageContaining("y@contoso.com (no license)");
  }
}
