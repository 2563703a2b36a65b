package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.model.UserType;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.Step;
import io.github.m365kit.plan.StepStatus;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each step re-checks the world when it runs, not when it was planned: these tests change the state between planning
 * and running and pin what every guard and every "already done" check then says.
 */
class StepGuardsTest {
  private final Fixture f = new Fixture();

  /** A licensed, directory-synced owner of a user mailbox {@code <name>@contoso.com}, with no AD object yet. */
  private Upn addSyncedMailboxOwner(String name) {
    Upn upn = Upn.of(name + "@contoso.com");
    f.tenant.addUser(CloudUser.builder().id(new ObjectId(DemoCast.guid("aad:" + name))).userPrincipalName(upn).mail(SmtpAddress.of(upn.value()))
        .licenses(List.of(License.OFFICE_365_E3)).build());
    f.tenant.addMailbox(Mailbox.builder().primarySmtpAddress(SmtpAddress.of(upn.value())).userPrincipalName(upn).alias(name)
        .type(MailboxType.USER).exchangeGuid(DemoCast.guid("mbx:" + name)).dirSynced(true).addEmailAddresses("SMTP:" + upn.value()).build());
    return upn;
  }

  private static Step step(Plan plan, String id) {
    return plan.steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError(id + " not in " + plan.stepIds()));
  }

  private static String ps(Plan plan, String id) {
    return String.join("\n", step(plan, id).powershell());
  }

  // ------------------------------------------------------------------ the UM trap, step by step

  @Test
  void umTrap_eachStepRefusesUntilTheOneBeforeItHasRun() {
    Plan plan = f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared());
    Step license = step(plan, "license-temporarily");
    Step regular = step(plan, "convert-to-regular");
    Step disable = step(plan, "disable-um");
    assertThat(license.description()).contains("for the conversion and for Disable-UMMailbox (UM-capable)");
    assertThat(disable.description()).isEqualTo("Disable Unified Messaging on reception@contoso.com, freeing extension 4123");

    assertThat(license.isDone()).isFalse();
    assertThat(regular.guard()).contains("reception@contoso.com holds no Exchange Online license: "
        + "a regular mailbox without a license starts the 30-day countdown to data loss");
    assertThat(disable.guard()).contains("reception@contoso.com holds no UM-capable license: Disable-UMMailbox fails with a license validation error");

    license.apply();
    assertThat(license.isDone()).isTrue();
    assertThat(regular.guard()).isEmpty();
    assertThat(regular.isDone()).isFalse();
    assertThat(disable.guard()).isEmpty();
    assertThat(disable.isDone()).isFalse();

    regular.apply();
    assertThat(regular.isDone()).isTrue();
    disable.apply();
    assertThat(disable.isDone()).isTrue();
    assertThat(f.mailbox(DemoCast.RECEPTION).umExtension()).isEmpty();
  }

  @Test
  void umTrap_aLicenseWithoutUnifiedMessagingNeitherCompletesTheLicenseStepNorPassesTheDisableGuard() {
    Plan plan = f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared());
    f.tenant.assignLicense(DemoCast.RECEPTION, License.EXCHANGE_ONLINE_PLAN_1);
    assertThat(step(plan, "license-temporarily").isDone()).as("Plan 1 has no UM: Disable-UMMailbox would still fail").isFalse();
    assertThat(step(plan, "convert-to-regular").guard()).as("but it does license a regular mailbox").isEmpty();
    assertThat(step(plan, "disable-um").guard()).hasValueSatisfying(g -> assertThat(g).contains("no UM-capable license"));
    // a license with the UM flag but no Exchange plan does not help either
    License umOnly = new License(UUID.fromString("00000000-0000-0000-0000-0000000000a1"), "UM_ONLY", License.ExchangePlan.NONE, false, true);
    f.tenant.assignLicense(DemoCast.RECEPTION, umOnly);
    assertThat(step(plan, "disable-um").guard()).isPresent();
    f.tenant.assignLicense(DemoCast.RECEPTION, License.EXCHANGE_ONLINE_PLAN_2);
    assertThat(step(plan, "license-temporarily").isDone()).as("an Exchange license with UM already held").isTrue();
    assertThat(step(plan, "disable-um").guard()).isEmpty();
  }

  @Test
  void umTrap_aRerunAfterTheWholePlanDoesNotLicenseAgain() {
    Plan plan = f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared());
    f.runner().run(plan).orThrow();
    assertThat(f.user(DemoCast.RECEPTION).licenses()).isEmpty();
    assertThat(step(plan, "license-temporarily").isDone()).as("shared and UM off: nothing left that needs the license").isTrue();
    assertThat(step(plan, "convert-to-regular").isDone()).isTrue();
  }

  @Test
  void umTrap_clearsOnlyTheEumProxiesOnPrem() {
    Plan plan = f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared());
    AdUser a = f.adUser(DemoCast.RECEPTION);
    List<String> eum = a.proxyAddresses().stream().filter(p -> p.toUpperCase().startsWith("EUM:")).toList();
    List<String> smtp = a.proxyAddresses().stream().filter(p -> p.toUpperCase().startsWith("SMTP:")).toList();
    assertThat(eum).isNotEmpty();
    assertThat(smtp).isNotEmpty();
    String clear = ps(plan, "clear-um-on-prem");
    eum.forEach(p -> assertThat(clear).contains(p));
    smtp.forEach(p -> assertThat(clear).doesNotContain(p));
  }

  // ------------------------------------------------------------------ conversion and clean-up

  @Test
  void setMailboxShared_refusesAMailboxThatLostItsLicenseAfterPlanning() {
    Plan plan = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared().withRemoveLicenses(true));
    step(plan, "on-prem-remote-shared").apply();
    assertThat(step(plan, "set-mailbox-shared").guard()).isEmpty();
    f.tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    assertThat(step(plan, "set-mailbox-shared").guard())
        .contains("jane.doe@contoso.com holds no Exchange Online license: Set-Mailbox -Type Shared needs a licensed mailbox");
  }

  @Test
  void setMailboxShared_withoutADirectory_namesTheMissingDirectory() {
    MailboxConverter cloudSide = MailboxConverter.using(f.tenant, f.tenant, f.tenant.clock());
    Plan plan = cloudSide.plan(DemoCast.JANE.value(), ConversionOptions.toShared());
    assertThat(step(plan, "set-mailbox-shared").guard()).hasValueSatisfying(g -> assertThat(g).startsWith("no on-prem directory is configured"));
  }

  @Test
  void removeLicenses_waitsForTheConversion_thenIsDoneOnlyWhenEveryLicenseIsGone() {
    Plan plan = f.converter.plan(DemoCast.JANE.value(), ConversionOptions.toShared().withRemoveLicenses(true).withRevokeSessions(true));
    Step remove = step(plan, "remove-licenses");
    assertThat(remove.description()).isEqualTo("Remove the licenses of jane.doe@contoso.com now that the mailbox is shared");
    assertThat(remove.isDone()).isFalse();
    assertThat(remove.guard()).contains("jane.doe@contoso.com reads back as Regular, not Shared: this step runs only after the conversion is verified");
    assertThat(step(plan, "revoke-sessions").guard()).isEqualTo(remove.guard());
    step(plan, "on-prem-remote-shared").apply();
    step(plan, "set-mailbox-shared").apply();
    assertThat(remove.guard()).isEmpty();
    f.tenant.assignLicense(DemoCast.JANE, License.POWER_BI_FREE);
    assertThat(remove.isDone()).isFalse();
    remove.apply();
    assertThat(remove.isDone()).as("a license assigned after planning is not this step's business").isTrue();
    assertThat(f.user(DemoCast.JANE).licenses()).containsExactly(License.POWER_BI_FREE);
  }

  @Test
  void onPremSteps_ofASyncedMailboxWithoutAdObject_sayNoAdUserWasFound() {
    Upn pat = addSyncedMailboxOwner("pat");
    Plan plan = f.converter.plan("pat@contoso.com", ConversionOptions.toShared());
    assertThat(step(plan, "on-prem-remote-shared").guard()).contains("no AD user was found for pat@contoso.com");
    assertThat(step(plan, "on-prem-remote-shared").isDone()).isFalse();
    assertThat(step(plan, "set-mailbox-shared").guard()).contains("no AD user was found for pat@contoso.com");
  }

  @Test
  void restoreLicenses_isDescribedAsRestoringTheLicenseState() {
    Plan plan = f.converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared());
    assertThat(step(plan, "restore-licenses").description())
        .isEqualTo("Remove the temporary " + License.OFFICE_365_E3 + " license from reception@contoso.com, restoring its license state");
  }

  @Test
  void revokeSessions_isDoneAfterARevocationSincePlanning_orWhenTheAccountCanNoLongerSignIn() {
    Plan plan = f.converter.plan(DemoCast.CLOUD_ONLY.value(), ConversionOptions.toShared().withRevokeSessions(true));
    Step revoke = step(plan, "revoke-sessions");
    assertThat(revoke.isDone()).isFalse();
    f.tenant.setAccountEnabled(DemoCast.CLOUD_ONLY, false);
    assertThat(revoke.isDone()).as("sessions were never revoked, but a disabled account cannot sign in").isFalse();
    f.tenant.setAccountEnabled(DemoCast.CLOUD_ONLY, true);
    f.tenant.revokeSignInSessions(DemoCast.CLOUD_ONLY);
    assertThat(revoke.isDone()).isTrue();
    f.tenant.simulatedClock().advance(java.time.Duration.ofDays(1));
    Plan later = f.converter.plan(DemoCast.CLOUD_ONLY.value(), ConversionOptions.toShared().withRevokeSessions(true));
    assertThat(step(later, "revoke-sessions").isDone()).as("revoked before this plan was made, account still enabled").isFalse();
    f.tenant.setAccountEnabled(DemoCast.CLOUD_ONLY, false);
    assertThat(step(later, "revoke-sessions").isDone()).as("revoked earlier and disabled since: nothing to revoke").isTrue();
  }

  @Test
  void revokeSessions_forASyncedUser_countsTheDisabledAdAccount() {
    f.tenant.revokeSignInSessions(DemoCast.JANE);
    f.tenant.simulatedClock().advance(java.time.Duration.ofHours(1));
    Plan plan = f.converter.plan(DemoCast.JANE.value(), Fixture.departing());
    Step revoke = step(plan, "revoke-sessions");
    assertThat(revoke.isDone()).isFalse();
    f.ad.setAccountDisabled(f.adUser(DemoCast.JANE).dn(), true);
    assertThat(revoke.isDone()).isTrue();
  }

  // ------------------------------------------------------------------ repair

  @Test
  void onPremRemoteShared_refusesAnObjectWithoutRemoteMailboxRecord_untilItIsStamped() {
    Plan plan = f.converter.plan(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    assertThat(plan.stepIds()).startsWith("stamp-remote-mailbox");
    String dn = f.adUser(DemoCast.CLOUD_FIRST).dn().toString();
    assertThat(step(plan, "on-prem-remote-shared").guard()).contains(dn + " has no remote-mailbox record: repair it first");
    assertThat(step(plan, "on-prem-remote-shared").description()).contains("msExchRemoteRecipientType 97");
    step(plan, "stamp-remote-mailbox").apply();
    assertThat(step(plan, "stamp-remote-mailbox").isDone()).isTrue();
    assertThat(step(plan, "on-prem-remote-shared").guard()).isEmpty();
  }

  @Test
  void repair_ofACloudOnlyUser_saysThereIsNothingOnPrem_andOfAStampedUserIsEmptyWithoutThatNote() {
    Plan cloudOnly = f.converter.repair(DemoCast.CLOUD_ONLY.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    assertThat(cloudOnly.isEmpty()).isTrue();
    assertThat(cloudOnly.notes()).contains("cloud-only user: there is no on-prem record to repair");
    Plan synced = f.converter.repair(DemoCast.JANE.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    assertThat(synced.isEmpty()).isTrue();
    assertThat(synced.notes()).noneMatch(n -> n.contains("cloud-only"));
  }

  @Test
  void stamp_ofASharedCloudMailbox_writesRemoteSharedValues() {
    f.tenant.setType(SmtpAddress.of(DemoCast.CLOUD_FIRST.value()), MailboxType.SHARED);
    Plan plan = f.converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    assertThat(String.join("\n", step(plan, "stamp-remote-mailbox").powershell())).contains("-Shared");
    f.runner().run(plan).orThrow();
    AdUser a = f.adUser(DemoCast.CLOUD_FIRST);
    assertThat(a.remoteRecipientType()).contains(RemoteRecipientType.PROVISION_MAILBOX.withShared());
    assertThat(a.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_SHARED_MAILBOX);
  }

  @Test
  void remoteRecord_addsTheRoutingProxyOnce() {
    AdUser a = f.adUser(DemoCast.CLOUD_FIRST);
    Mailbox m = f.mailbox(DemoCast.CLOUD_FIRST);
    var first = MailboxConverter.remoteRecord(a, m, DemoCast.ROUTING_DOMAIN);
    assertThat(first.proxyAddresses()).containsExactly("SMTP:cloud.first@contoso.com", "smtp:cloud.first@" + DemoCast.ROUTING_DOMAIN);
    AdUser already = AdUser.builder().from(a).proxyAddresses(List.of("SMTP:cloud.first@contoso.com",
        "SMTP:CLOUD.FIRST@" + DemoCast.ROUTING_DOMAIN.toUpperCase())).build();
    assertThat(MailboxConverter.remoteRecord(already, m, DemoCast.ROUTING_DOMAIN).proxyAddresses()).hasSize(2);
  }

  @Test
  void toRegular_ofACloudFirstMailbox_repairsThenProvisions_andWithoutDirectoryRendersTheRecipientLookup() {
    f.tenant.setType(SmtpAddress.of(DemoCast.CLOUD_FIRST.value()), MailboxType.SHARED);
    Plan plan = f.converter.plan(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toRegular().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    assertThat(step(plan, "on-prem-remote-regular").description()).contains("msExchRemoteRecipientType 1,");
    assertThat(ps(plan, "on-prem-remote-regular")).contains("Set-ADUser -Identity 'CN=");
    Plan jane = MailboxConverter.using(f.tenant, f.tenant, f.tenant.clock()).plan(DemoCast.JANE.value(), ConversionOptions.toRegular());
    assertThat(ps(jane, "on-prem-remote-regular")).contains("Get-Recipient 'jane.doe@contoso.com'");
  }

  // ------------------------------------------------------------------ preflight details

  private Upn addCloudOnly(String address, long size, boolean litigationHold, List<String> inPlaceHolds) {
    Upn upn = Upn.of(address);
    f.tenant.addUser(CloudUser.builder().id(new ObjectId(DemoCast.guid("aad:" + address))).userPrincipalName(upn).mail(SmtpAddress.of(address))
        .userType(UserType.MEMBER).licenses(List.of(License.OFFICE_365_E3)).build());
    f.tenant.addMailbox(Mailbox.builder().primarySmtpAddress(SmtpAddress.of(address)).userPrincipalName(upn).alias(upn.localPart())
        .type(MailboxType.USER).totalItemSizeBytes(size).litigationHoldEnabled(litigationHold).inPlaceHolds(inPlaceHolds)
        .exchangeGuid(DemoCast.guid("mbx:" + address)).addEmailAddresses("SMTP:" + address).build());
    return upn;
  }

  @Test
  void preflight_warnsFromExactly49GbOn() {
    addCloudOnly("at49@contoso.com", Mailbox.SHARED_WARN_BYTES, false, List.of());
    addCloudOnly("below49@contoso.com", Mailbox.SHARED_WARN_BYTES - 1, false, List.of());
    assertThat(f.converter.preflight("at49@contoso.com").has(Finding.Kind.NEAR_SHARED_LIMIT)).isTrue();
    assertThat(f.converter.preflight("below49@contoso.com").has(Finding.Kind.NEAR_SHARED_LIMIT)).isFalse();
  }

  @Test
  void preflight_namesEachKindOfHold() {
    addCloudOnly("inplace@contoso.com", 0, false, List.of("UniH7d1a"));
    addCloudOnly("litigation@contoso.com", 0, true, List.of());
    assertThat(f.converter.preflight("inplace@contoso.com").findings(Finding.Kind.HOLD).get(0).reason())
        .isEqualTo("it is on In-Place hold [UniH7d1a], which needs a license");
    assertThat(f.converter.preflight("litigation@contoso.com").findings(Finding.Kind.HOLD).get(0).reason())
        .isEqualTo("it is on Litigation Hold, which needs a license");
  }

  @Test
  void identity_withAControlCharacterIsRefusedBeforeAnyLookUp_andLongValuesAreCut() {
    assertThatThrownBy(() -> f.converter.preflight("jane.doe@contoso.com\u0000")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.value()).isEqualTo("jane.doe@contoso.com\u0000")).hasMessageContaining("control character");
    assertThatThrownBy(() -> f.converter.preflight("jane.doe@contoso.com\n")).isInstanceOf(InvalidInputException.class);
    assertThat(f.converter.preflight("\tjane.doe@contoso.com ").mailbox().userPrincipalName()).isEqualTo(DemoCast.JANE);
    String exactly200 = "\u0007" + "a".repeat(199);
    assertThatThrownBy(() -> f.converter.preflight(exactly200))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.value()).isEqualTo(exactly200));
    assertThatThrownBy(() -> f.converter.preflight(exactly200 + "b"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.value()).isEqualTo(exactly200 + "…"));
  }

  @Test
  void identity_thatIsNeitherAnAddressNorAUpn_reportsTheAddressError() {
    assertThatThrownBy(() -> f.converter.preflight("not an address")).isInstanceOfSatisfying(InvalidInputException.class,
        e -> assertThat(e.what()).containsIgnoringCase("address"));
  }

  @Test
  void adUser_isFoundByUpnWhenTheMailDiffers_andTwoDifferentMatchesAreAmbiguous() {
    Upn pat = addSyncedMailboxOwner("pat");
    // the AD object's mail is not the mailbox's address: found by UPN
    f.ad.add(AdUser.builder().dn(DemoCast.STAFF_OU.child("CN", "Pat")).samAccountName(SamAccountName.of("pat")).userPrincipalName(pat)
        .mail(SmtpAddress.of("patricia@contoso.com")).build());
    assertThat(f.converter.preflight("pat@contoso.com").onPrem()).map(AdUser::samAccountName).contains(SamAccountName.of("pat"));
    // a second object carries the mail while the UPN points to the first
    f.ad.add(AdUser.builder().dn(DemoCast.STAFF_OU.child("CN", "Pat Mail")).samAccountName(SamAccountName.of("patmail"))
        .mail(SmtpAddress.of("pat@contoso.com")).build());
    assertThatThrownBy(() -> f.converter.preflight("pat@contoso.com")).isInstanceOf(AmbiguousMatchException.class)
        .hasMessageContaining("(by mail)").hasMessageContaining("CN=Pat Mail").hasMessageContaining("CN=Pat,");
  }

  @Test
  void adUser_isFoundByMailWhenNoObjectHasTheUpn() {
    Upn sam = addSyncedMailboxOwner("sam");
    f.ad.add(AdUser.builder().dn(DemoCast.STAFF_OU.child("CN", "Sam")).samAccountName(SamAccountName.of("sam"))
        .userPrincipalName(Upn.of("sam@corp.contoso.local")).mail(SmtpAddress.of("sam@contoso.com")).build());
    assertThat(f.converter.preflight("sam@contoso.com").onPrem()).map(AdUser::samAccountName).contains(SamAccountName.of("sam"));
  }

  // ------------------------------------------------------------------ resuming

  @Test
  void resume_onlyAnAppliedOrFailedTemporaryLicenseOfThisPlanIsRemovedAgain() {
    Journal journal = Journal.inMemory();
    ConversionOptions o = ConversionOptions.toShared();
    String planId = "mailbox-to-shared:" + DemoCast.JANE.value();
    journal.record("mailbox-to-shared:someone@contoso.com", "license-temporarily", StepStatus.APPLIED, "");
    journal.record(planId, "license-temporarily", StepStatus.ALREADY_DONE, "");
    journal.record(planId, "set-mailbox-shared", StepStatus.APPLIED, "");
    assertThat(f.converter.plan(DemoCast.JANE.value(), o, journal).stepIds()).doesNotContain("license-temporarily", "restore-licenses");
    journal.record(planId, "license-temporarily", StepStatus.FAILED, "read-back failed");
    assertThat(f.converter.plan(DemoCast.JANE.value(), o, journal).stepIds()).contains("license-temporarily", "restore-licenses");
  }
}
