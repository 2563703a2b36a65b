package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.Step;
import io.github.m365kit.plan.StepStatus;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanTest {
  private final Fixture f = new Fixture();

  private static String ps(Plan plan) {
    return String.join("\n", plan.steps().stream().flatMap(s -> s.powershell().stream()).toList());
  }

  @Test
  void plan_whenDepartingSyncedUser_ordersOnPremThenCloudThenCleanup() {
    Plan plan = f.converter.plan(DemoCast.JANE.value(), Fixture.departing());
    assertThat(plan.id()).isEqualTo("mailbox-to-shared:jane.doe@contoso.com");
    assertThat(plan.stepIds()).containsExactly("on-prem-remote-shared", "set-mailbox-shared", "remove-licenses", "disable-account",
        "move-account", "revoke-sessions");
    assertThat(ps(plan))
        .contains("Set-RemoteMailbox -Identity 'jane.doe@contoso.com' -Type Shared")
        .contains("Set-ADUser -Identity 'CN=Jane Doe,OU=Staff,DC=contoso,DC=com' -Replace @{msExchRemoteRecipientType=100;msExchRecipientTypeDetails=34359738368}")
        .contains("Set-Mailbox -Identity 'jane.doe@contoso.com' -Type Shared")
        .contains("Set-MgUserLicense -UserId 'jane.doe@contoso.com' -AddLicenses @() -RemoveLicenses @('" + License.OFFICE_365_E3.skuId() + "')")
        .contains("Disable-ADAccount -Identity 'CN=Jane Doe,OU=Staff,DC=contoso,DC=com'")
        .contains("Move-ADObject -Identity 'CN=Jane Doe,OU=Staff,DC=contoso,DC=com' -TargetPath 'OU=Departed,DC=contoso,DC=com'")
        .contains("Revoke-MgUserSignInSession -UserId 'jane.doe@contoso.com'");

    RunResult r = f.runner().run(plan).orThrow();
    assertThat(r.applied()).containsExactlyElementsOf(plan.stepIds());
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.user(DemoCast.JANE).licenses()).isEmpty();
    AdUser a = f.adUser(DemoCast.JANE);
    assertThat(a.remoteRecipientType()).contains(RemoteRecipientType.MIGRATED_SHARED);
    assertThat(a.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_SHARED_MAILBOX);
    assertThat(a.recipientDisplayType()).contains(RecipientDisplayType.SYNCED_MAILBOX_USER);
    assertThat(a.isDisabled()).isTrue();
    assertThat(a.dn().parent()).isEqualTo(DemoCast.DEPARTED_OU);
    assertThat(f.user(DemoCast.JANE).signInSessionsValidFrom()).isPresent();
    f.assertInvariant();

    // the next directory sync keeps it shared and carries the disabled account to the cloud
    f.tenant.directorySync(f.ad);
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.user(DemoCast.JANE).accountEnabled()).isFalse();
    // a month later the shared mailbox is still there
    f.tenant.simulatedClock().advance(Duration.ofDays(45));
    f.assertInvariant();
  }

  @Test
  void run_whenSyncedUserDisabled_changesAdNotCloud() {
    f.runner().run(f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared().withDisableAccount(true))).orThrow();
    assertThat(f.tenant.faults().calls("setAccountEnabled")).isZero();
    assertThat(f.adUser(DemoCast.JANE).isDisabled()).isTrue();
    assertThat(f.user(DemoCast.JANE).accountEnabled()).as("cloud follows only after sync").isTrue();
    f.tenant.directorySync(f.ad);
    assertThat(f.user(DemoCast.JANE).accountEnabled()).isFalse();
  }

  @Test
  void plan_whenCloudOnly_skipsOnPremAndBlocksCloudSignIn() {
    Plan plan = f.converter.plan(DemoCast.CLOUD_ONLY.value(), Fixture.departing());
    assertThat(plan.stepIds()).containsExactly("set-mailbox-shared", "remove-licenses", "block-sign-in", "revoke-sessions");
    assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("moveTo").contains("ignored"));
    assertThat(ps(plan)).contains("Update-MgUser -UserId 'cloud.only@contoso.com' -AccountEnabled:$false").doesNotContain("Set-RemoteMailbox");
    f.runner().run(plan).orThrow();
    assertThat(f.mailbox(DemoCast.CLOUD_ONLY).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.user(DemoCast.CLOUD_ONLY).accountEnabled()).isFalse();
    assertThat(f.user(DemoCast.CLOUD_ONLY).licenses()).isEmpty();
    f.assertInvariant();
  }

  @Test
  void plan_whenAlreadySharedBothSides_isEmptyWithNothingToDo() {
    f.runner().run(f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared())).orThrow();
    Plan again = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared());
    assertThat(again.isEmpty()).isTrue();
    assertThat(again.notes()).anySatisfy(n -> assertThat(n).contains("nothing to do"));
    assertThat(f.converter.preflight(DemoCast.JANE.value()).alreadyDone()).isTrue();
  }

  @Test
  void plan_whenBigMailboxAndRemoveLicenses_keepsLicenseAndSaysWhy() {
    Plan plan = f.converter.plan(DemoCast.BIG.value(), ConversionOptions.toShared().withRemoveLicenses(true));
    assertThat(plan.stepIds()).containsExactly("on-prem-remote-shared", "set-mailbox-shared");
    assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("license removal refused").contains("55.0 GB").contains("Litigation Hold")
        .contains("stay assigned"));
    f.runner().run(plan).orThrow();
    assertThat(f.mailbox(DemoCast.BIG).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.user(DemoCast.BIG).licenses()).containsExactly(License.OFFICE_365_E3);
    // big.mailbox keeps its migrated + archive flags and gains shared: 6 -> 102
    assertThat(f.adUser(DemoCast.BIG).remoteRecipientType()).contains(RemoteRecipientType.of(102L));
  }

  @Test
  void run_whenHoldAppearsAfterPlanning_guardRefusesLicenseRemoval() {
    PreflightTest.ForwardingMailboxStore store = new PreflightTest.ForwardingMailboxStore(f.tenant);
    MailboxConverter converter = MailboxConverter.using(store, f.tenant, f.ad, f.tenant.clock());
    Plan plan = converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared().withRemoveLicenses(true));
    assertThat(plan.stepIds()).contains("remove-licenses");
    store.pretendHold = true;
    RunResult r = f.runner().run(plan);
    assertThat(r.failure()).hasValueSatisfying(e -> assertThat(e.stepId()).isEqualTo("remove-licenses"));
    assertThat(r.failure().orElseThrow()).hasMessageContaining("license removal refused").hasMessageContaining("Litigation Hold");
    assertThat(f.user(DemoCast.JANE).licenses()).containsExactly(License.OFFICE_365_E3);
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.SHARED);
  }

  @Test
  void run_whenOnPremRevertedAfterPlanning_guardRefusesCloudConversion() {
    Plan plan = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared().withRemoveLicenses(true));
    Step onPrem = plan.steps().get(0);
    onPrem.apply();
    // someone puts the on-prem object back to a remote user mailbox between the steps
    AdUser a = f.adUser(DemoCast.JANE);
    f.ad.setRecipientTypes(a.dn(), RemoteRecipientType.MIGRATED, RecipientTypeDetails.REMOTE_USER_MAILBOX, java.util.Optional.empty());
    Step cloud = plan.steps().get(1);
    assertThat(cloud.guard()).hasValueSatisfying(g -> assertThat(g).contains("directory sync"));
  }

  @Test
  void plan_whenSyncedAndNoDirectory_stopsBeforeTheCloudConversion() {
    MailboxConverter cloudOnly = MailboxConverter.using(f.tenant, f.tenant, f.tenant.clock());
    Plan plan = cloudOnly.plan(DemoCast.JANE.value(), ConversionOptions.toShared().withDisableAccount(true));
    assertThat(plan.stepIds()).containsExactly("on-prem-remote-shared", "set-mailbox-shared", "disable-account");
    assertThat(ps(plan)).contains("Set-ADUser -Identity ((Get-Recipient 'jane.doe@contoso.com').SamAccountName) -Replace @{msExchRemoteRecipientType=100;");
    RunResult r = f.runner().run(plan);
    assertThat(r.failure()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("no on-prem directory"));
    assertThat(r.failure().orElseThrow().stepId()).isEqualTo("on-prem-remote-shared");
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.USER);
  }

  @Test
  void plan_whenUmTrap_licensesConvertsBackDisablesUmAndRestores() {
    Plan plan = f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared());
    assertThat(plan.stepIds()).containsExactly("license-temporarily", "convert-to-regular", "disable-um", "clear-um-on-prem",
        "on-prem-remote-shared", "set-mailbox-shared", "restore-licenses");
    assertThat(ps(plan)).contains("Set-Mailbox -Identity 'reception@contoso.com' -Type Regular")
        .contains("Disable-UMMailbox -Identity 'reception@contoso.com' -Confirm:$false")
        .contains("-AddLicenses @(@{SkuId='" + License.OFFICE_365_E3.skuId() + "'})");
    f.runner(new InvariantListener(f)).run(plan).orThrow();
    assertThat(f.mailbox(DemoCast.RECEPTION).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.mailbox(DemoCast.RECEPTION).umEnabled()).isFalse();
    assertThat(f.mailbox(DemoCast.RECEPTION).umExtension()).isEmpty();
    assertThat(f.user(DemoCast.RECEPTION).licenses()).as("license state restored: reception was unlicensed").isEmpty();
    assertThat(f.adUser(DemoCast.RECEPTION).umEnabled()).isFalse();
    assertThat(f.adUser(DemoCast.RECEPTION).proxyAddresses()).noneMatch(p -> p.startsWith("EUM:"));
    // the extension is free again
    f.tenant.enableUnifiedMessaging(SmtpAddress.of(DemoCast.JANE.value()), "4123");
    assertThat(f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared()).isEmpty()).isTrue();
  }

  @Test
  void plan_whenUmTrapAndLicenseNotUmCapable_refuses() {
    assertThatThrownBy(() -> f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared().withLicense(License.EXCHANGE_ONLINE_PLAN_1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UM-capable");
  }

  @Test
  void plan_whenUserMailboxWithUm_disablesUmBeforeConverting() {
    f.tenant.enableUnifiedMessaging(SmtpAddress.of(DemoCast.JANE.value()), "4200");
    Plan plan = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared().withRemoveLicenses(true));
    assertThat(plan.stepIds()).containsExactly("disable-um", "on-prem-remote-shared", "set-mailbox-shared", "remove-licenses");
    f.runner().run(plan).orThrow();
    assertThat(f.mailbox(DemoCast.JANE).umExtension()).isEmpty();
  }

  @Test
  void plan_whenTheTargetOuIsMistyped_refusesBeforeAnythingChanges_andNamesIt() {
    String before = f.snapshot();
    io.github.m365kit.model.DistinguishedName typo = DemoCast.BASE_DN.child("OU", "Departd");
    assertThatThrownBy(() -> f.converter.plan(DemoCast.JANE.value(), Fixture.departing().withMoveTo(typo)))
        .isInstanceOf(io.github.m365kit.NotFoundException.class)
        .hasMessage("organizational unit 'OU=Departd,DC=contoso,DC=com' to move the account of jane.doe@contoso.com to was not found in AD;"
            + " nothing was changed");
    assertThat(f.snapshot()).isEqualTo(before);
    // a cloud-only user has no AD account to move: the option is ignored with a note, the OU is not looked up
    Plan cloudOnly = f.converter.plan(DemoCast.CLOUD_ONLY.value(), Fixture.departing().withMoveTo(typo));
    assertThat(cloudOnly.notes()).anyMatch(n -> n.contains("ignored") && n.contains("cloud-only"));
    // a resumed run whose account already sits in the OU plans without looking the OU up again
    f.runner().run(f.converter.plan(DemoCast.JANE.value(), Fixture.departing())).orThrow();
    f.ad.faults().permanentNth("containerExists", 1);
    assertThat(f.converter.plan(DemoCast.JANE.value(), Fixture.departing()).stepIds()).isEmpty();
  }

  @Test
  void plan_whenReturningEmployee_licensesFirstThenTypesThenAccount() {
    f.runner().run(f.converter.plan(DemoCast.JANE.value(), Fixture.departing())).orThrow();
    Plan back = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toRegular().withMoveTo(DemoCast.STAFF_OU));
    assertThat(back.id()).isEqualTo("mailbox-to-regular:jane.doe@contoso.com");
    assertThat(back.stepIds()).containsExactly("assign-license", "on-prem-remote-regular", "set-mailbox-regular", "enable-account", "move-account");
    assertThat(ps(back)).contains("Set-RemoteMailbox -Identity 'jane.doe@contoso.com' -Type Regular")
        .contains("@{msExchRemoteRecipientType=4;msExchRecipientTypeDetails=2147483648}")
        .contains("Enable-ADAccount -Identity 'CN=Jane Doe,OU=Departed,DC=contoso,DC=com'");
    f.runner(new InvariantListener(f)).run(back).orThrow();
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.USER);
    assertThat(f.user(DemoCast.JANE).licenses()).containsExactly(License.OFFICE_365_E3);
    AdUser a = f.adUser(DemoCast.JANE);
    assertThat(a.remoteRecipientType()).contains(RemoteRecipientType.MIGRATED);
    assertThat(a.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_USER_MAILBOX);
    assertThat(a.isDisabled()).isFalse();
    assertThat(a.dn().parent()).isEqualTo(DemoCast.STAFF_OU);
    f.tenant.directorySync(f.ad);
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.USER);
    assertThat(f.user(DemoCast.JANE).accountEnabled()).isTrue();
  }

  @Test
  void plan_whenCloudOnlyReturns_allowsSignIn() {
    f.runner().run(f.converter.plan(DemoCast.CLOUD_ONLY.value(), Fixture.departing())).orThrow();
    Plan back = f.converter.plan(DemoCast.CLOUD_ONLY.value(), ConversionOptions.toRegular());
    assertThat(back.stepIds()).containsExactly("assign-license", "set-mailbox-regular", "allow-sign-in");
    f.runner().run(back).orThrow();
    assertThat(f.user(DemoCast.CLOUD_ONLY).accountEnabled()).isTrue();
    assertThat(f.mailbox(DemoCast.CLOUD_ONLY).type()).isEqualTo(MailboxType.USER);
    f.assertInvariant();
  }

  @Test
  void repair_whenCreatedInCloudFirst_stampsTheOnPremRecord() {
    Plan plan = f.converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    assertThat(plan.id()).isEqualTo("mailbox-repair:cloud.first@contoso.com");
    assertThat(plan.stepIds()).containsExactly("stamp-remote-mailbox");
    java.util.UUID guid = f.mailbox(DemoCast.CLOUD_FIRST).exchangeGuid();
    assertThat(ps(plan))
        .contains("Enable-RemoteMailbox -Identity 'CN=Cloud First,OU=Staff,DC=contoso,DC=com' -RemoteRoutingAddress 'cloud.first@contoso.mail.onmicrosoft.com'")
        .contains("Set-RemoteMailbox -Identity 'CN=Cloud First,OU=Staff,DC=contoso,DC=com' -ExchangeGuid '" + guid + "'");
    f.runner().run(plan).orThrow();
    AdUser a = f.adUser(DemoCast.CLOUD_FIRST);
    assertThat(a.targetAddress()).contains("SMTP:cloud.first@contoso.mail.onmicrosoft.com");
    assertThat(a.proxyAddresses()).containsExactly("SMTP:cloud.first@contoso.com", "smtp:cloud.first@contoso.mail.onmicrosoft.com");
    assertThat(a.mailNickname()).contains("cloud.first");
    assertThat(a.remoteRecipientType()).contains(RemoteRecipientType.PROVISION_MAILBOX);
    assertThat(a.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_USER_MAILBOX);
    assertThat(a.mailboxGuid()).contains(guid);
    assertThat(a.hasRemoteMailboxRecord()).isTrue();
    assertThat(f.converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN)).isEmpty()).isTrue();
  }

  @Test
  void plan_whenCreatedInCloudFirst_repairsThenConverts() {
    Plan plan = f.converter.plan(DemoCast.CLOUD_FIRST.value(), Fixture.departing());
    assertThat(plan.stepIds()).startsWith("stamp-remote-mailbox", "on-prem-remote-shared", "set-mailbox-shared");
    f.runner(new InvariantListener(f)).run(plan).orThrow();
    AdUser a = f.adUser(DemoCast.CLOUD_FIRST);
    assertThat(a.remoteRecipientType()).contains(RemoteRecipientType.of(97L));
    assertThat(a.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_SHARED_MAILBOX);
    f.tenant.directorySync(f.ad);
    assertThat(f.mailbox(DemoCast.CLOUD_FIRST).type()).isEqualTo(MailboxType.SHARED);
  }

  @Test
  void plan_whenRepairNeededWithoutRoutingDomain_refusesToPlan() {
    assertThatThrownBy(() -> f.converter.plan(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("routing domain");
  }

  @Test
  void plan_whenCloudConvertedButOnPremLeftAsUser_detectsMismatchAndFixesOnPremFirst() {
    // an admin converted in the portal only and removed the license
    f.tenant.setType(SmtpAddress.of(DemoCast.JANE.value()), MailboxType.SHARED);
    f.tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    Preflight before = f.converter.preflight(DemoCast.JANE.value());
    assertThat(before.has(Finding.Kind.ON_PREM_MISMATCH)).isTrue();
    assertThat(before.findings(Finding.Kind.ON_PREM_MISMATCH).get(0).reason()).contains("directory sync");
    Plan early = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared());
    assertThat(early.stepIds()).containsExactly("on-prem-remote-shared", "set-mailbox-shared");

    // directory sync reverts the cloud side: an unlicensed user mailbox, 30 days to lose it
    assertThat(f.tenant.directorySync(f.ad)).anySatisfy(c -> assertThat(c).contains("SHARED -> USER"));
    f.tenant.simulatedClock().advance(Duration.ofDays(3));
    Preflight after = f.converter.preflight(DemoCast.JANE.value());
    assertThat(after.graceRemaining()).contains(Duration.ofDays(27));
    Plan plan = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared());
    assertThat(plan.stepIds()).containsExactly("license-temporarily", "on-prem-remote-shared", "set-mailbox-shared", "restore-licenses");
    f.runner(new InvariantListener(f)).run(plan).orThrow();
    assertThat(f.tenant.directorySync(f.ad)).isEmpty();
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.user(DemoCast.JANE).licenses()).isEmpty();
    f.tenant.simulatedClock().advance(Duration.ofDays(60));
    f.assertInvariant();
  }

  @Test
  void dryRun_leavesBothSidesByteForByteEqual() {
    for (String id : new String[] {DemoCast.JANE.value(), DemoCast.RECEPTION.value(), DemoCast.CLOUD_FIRST.value(), DemoCast.CLOUD_ONLY.value(),
        DemoCast.BIG.value()}) {
      String before = f.snapshot();
      Plan plan = f.converter.plan(id, Fixture.departing());
      RunResult dry = f.runner().dryRun(plan);
      assertThat(dry.dryRun()).isTrue();
      assertThat(dry.steps()).extracting(s -> s.status()).isSubsetOf(StepStatus.WOULD_APPLY, StepStatus.WOULD_SKIP).contains(StepStatus.WOULD_APPLY);
      io.github.m365kit.plan.PlanRenderer.render(plan, java.util.Optional.of(dry), io.github.m365kit.plan.PlanRenderer.Format.JSON);
      assertThat(f.snapshot()).as(id).isEqualTo(before);
    }
  }

  @Test
  void convert_whenGivenARunner_plansAndRunsInOneCall() {
    MailboxConverter converter = MailboxConverter.using(f.tenant, f.tenant, java.util.Optional.of(f.ad), f.tenant.clock());
    RunResult r = converter.convert(DemoCast.JANE.value(), ConversionOptions.toShared().withRemoveLicenses(true), f.runner());
    assertThat(r.succeeded()).isTrue();
    assertThat(r.planId()).isEqualTo("mailbox-to-shared:jane.doe@contoso.com");
    assertThat(f.mailbox(DemoCast.JANE).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.user(DemoCast.JANE).licenses()).isEmpty();
  }

  @Test
  void options_whenInvalid_areRefused() {
    assertThatThrownBy(() -> new ConversionOptions(MailboxType.ROOM, false, false, java.util.Optional.empty(), false, java.util.Optional.empty(),
        License.OFFICE_365_E3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ROOM");
    assertThatThrownBy(() -> ConversionOptions.toShared().withLicense(License.EXCHANGE_ONLINE_ARCHIVING))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Exchange Online plan");
    assertThatThrownBy(() -> ConversionOptions.toShared().withRoutingDomain("not a domain"))
        .isInstanceOf(io.github.m365kit.InvalidInputException.class).hasMessageContaining("routing domain");
  }

  @Test
  void run_whenDirectorySyncRevertsMidUmTrap_stillReleasesTheExtension() {
    Plan plan = f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared());
    io.github.m365kit.plan.ProgressListener syncAfterConvertBack = new io.github.m365kit.plan.ProgressListener() {
      @Override
      public void stepFinished(String planId, io.github.m365kit.plan.StepResult result) {
        if (result.stepId().equals("convert-to-regular")) {
          assertThat(f.tenant.directorySync(f.ad)).anySatisfy(c -> assertThat(c).contains("USER -> SHARED"));
        }
      }
    };
    f.runner(syncAfterConvertBack).run(plan).orThrow();
    assertThat(f.mailbox(DemoCast.RECEPTION).umExtension()).isEmpty();
    assertThat(f.mailbox(DemoCast.RECEPTION).type()).isEqualTo(MailboxType.SHARED);
    assertThat(f.user(DemoCast.RECEPTION).licenses()).isEmpty();
    f.assertInvariant();
  }
}
