package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.ConditionalAccessPolicy;
import io.github.m365kit.auth.ConditionalAccessPolicy.GrantControls;
import io.github.m365kit.auth.ConditionalAccessPolicy.State;
import io.github.m365kit.auth.ConditionalAccessPolicy.Users;
import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ImmutableAdUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.GroupStore.DynamicGroup;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Service rules and side effects of {@link InMemoryTenant} beyond {@link InMemoryTenantRulesTest}, seen through the public ports. */
class InMemoryTenantServiceRulesTest {
  private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
  private static final SmtpAddress JANE = SmtpAddress.of("jane.doe@contoso.com");
  private static final SmtpAddress RECEPTION = SmtpAddress.of("reception@contoso.com");
  private static final SmtpAddress BIG = SmtpAddress.of("big.mailbox@contoso.com");
  private final InMemoryTenant tenant = InMemoryTenant.demo();

  private static CloudUser user(String upn, License... licenses) {
    return CloudUser.builder().id(new ObjectId(UUID.nameUUIDFromBytes(upn.getBytes()))).userPrincipalName(Upn.of(upn)).addLicenses(licenses).build();
  }

  private static Mailbox mailbox(String upn, MailboxType type, Optional<String> umExtension) {
    return Mailbox.builder().primarySmtpAddress(SmtpAddress.of(upn)).userPrincipalName(Upn.of(upn)).alias(Upn.of(upn).localPart()).type(type)
        .exchangeGuid(UUID.nameUUIDFromBytes(("mbx:" + upn).getBytes())).umEnabled(umExtension.isPresent()).umExtension(umExtension).build();
  }

  // ------------------------------------------------------------------ identity, seeding

  @Test
  void unknownMailbox_isRefusedWithExchangesMessageNamingTheTenant() {
    assertThat(tenant.name()).isEqualTo("contoso.onmicrosoft.com");
    String before = TenantJson.write(tenant);
    assertThatThrownBy(() -> tenant.setType(SmtpAddress.of("nobody@contoso.com"), MailboxType.SHARED))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("The operation couldn't be performed because object 'nobody@contoso.com' couldn't be found on 'contoso.onmicrosoft.com'.")
        .satisfies(e -> assertThat(((NotFoundException) e).id()).isEqualTo("nobody@contoso.com"));
    assertThatThrownBy(() -> tenant.grantFullAccess(SmtpAddress.of("nobody@contoso.com"), DemoCast.ADMIN, true)).isInstanceOf(NotFoundException.class);
    assertThat(TenantJson.write(tenant)).isEqualTo(before);
  }

  @Test
  void seeding_chainsAndAUserMailboxWithoutExchangeLicenseStartsItsGracePeriodAtOnce() {
    SimulatedClock clock = new SimulatedClock(START);
    SignInEvent ev = new SignInEvent(START, "a@fabrikam.com", "id", "Browser", 0, "", "192.0.2.1", "Office 365 Exchange Online", true);
    InMemoryTenant t = new InMemoryTenant("fabrikam.onmicrosoft.com", clock)
        .addUser(user("a@fabrikam.com", License.OFFICE_365_E3)).addUser(user("b@fabrikam.com", License.POWER_BI_FREE))
        .addMailbox(mailbox("a@fabrikam.com", MailboxType.USER, Optional.empty()))
        .addMailbox(mailbox("b@fabrikam.com", MailboxType.USER, Optional.empty()))
        .addSignIns(List.of(ev));
    assertThat(t.name()).isEqualTo("fabrikam.onmicrosoft.com");
    assertThat(t.mailboxes()).hasSize(2);
    assertThat(t.unlicensedSince(Upn.of("a@fabrikam.com"))).isEmpty();
    assertThat(t.unlicensedSince(Upn.of("b@fabrikam.com"))).contains(START); // a license without an Exchange plan doesn't count
    List<SignInEvent> seen = new ArrayList<>();
    t.forEachSignIn(START, false, seen::add);
    assertThat(seen).containsExactly(ev);
  }

  @Test
  void addMailbox_withAnExtensionHeldByAnotherMailbox_isRefusedAndNotAdded() {
    tenant.addUser(user("new.desk@contoso.com", License.OFFICE_365_E3));
    assertThatThrownBy(() -> tenant.addMailbox(mailbox("new.desk@contoso.com", MailboxType.USER, Optional.of("4123"))))
        .isInstanceOf(ServiceRuleException.class)
        .hasMessage("The extension 4123 is already assigned to another user in the dial plan (held by reception@contoso.com). "
            + "Disable Unified Messaging on that mailbox first.")
        .extracting(e -> ((ServiceRuleException) e).rule()).isEqualTo(Rule.UM_EXTENSION_IN_USE);
    assertThat(tenant.findByUpn(Upn.of("new.desk@contoso.com"))).isEmpty();
    tenant.addMailbox(mailbox("new.desk@contoso.com", MailboxType.USER, Optional.of("4124")));
    assertThat(tenant.get(SmtpAddress.of("new.desk@contoso.com")).umExtension()).contains("4124");
  }

  // ------------------------------------------------------------------ the 30-day grace period, seen from every read

  private InMemoryTenant janeUnlicensedFor30Days() {
    InMemoryTenant t = InMemoryTenant.demo();
    t.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    t.simulatedClock().advance(InMemoryTenant.GRACE_PERIOD);
    return t;
  }

  @Test
  void gracePeriodEnd_isSeenByDisconnectedMailboxesFirst() {
    assertThat(janeUnlicensedFor30Days().disconnectedMailboxes()).isEqualTo(Map.of(DemoCast.JANE, START.plus(Duration.ofDays(30))));
  }

  @Test
  void gracePeriodEnd_isSeenByUnlicensedSinceFirst() {
    assertThat(janeUnlicensedFor30Days().unlicensedSince(DemoCast.JANE)).isEmpty();
  }

  @Test
  void gracePeriodEnd_isSeenByMailboxesFirst() {
    assertThat(janeUnlicensedFor30Days().mailboxes()).extracting(Mailbox::userPrincipalName).doesNotContain(DemoCast.JANE).contains(DemoCast.BIG);
  }

  @Test
  void gracePeriodEnd_isSeenByFindByUpnFirst() {
    assertThat(janeUnlicensedFor30Days().findByUpn(DemoCast.JANE)).isEmpty();
  }

  @Test
  void gracePeriodEnd_isSeenByDirectorySyncFirst() {
    InMemoryTenant t = janeUnlicensedFor30Days();
    InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
    AdUser jane = ad.findByUpn(DemoCast.JANE).orElseThrow();
    ad.setRecipientTypes(jane.dn(), io.github.m365kit.model.RemoteRecipientType.MIGRATED_SHARED,
        io.github.m365kit.model.RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty());
    // the mailbox is already gone when the sync runs: there is nothing to turn shared
    assertThat(t.directorySync(ad)).noneMatch(c -> c.startsWith("jane.doe"));
    assertThat(t.findByUpn(DemoCast.JANE)).isEmpty();
  }

  @Test
  void convertingAnUnlicensedSharedMailboxToUser_startsTheGracePeriod() {
    assertThat(tenant.unlicensedSince(DemoCast.RECEPTION)).isEmpty();
    tenant.simulatedClock().advance(Duration.ofHours(1));
    tenant.setType(RECEPTION, MailboxType.USER);
    assertThat(tenant.unlicensedSince(DemoCast.RECEPTION)).contains(START.plus(Duration.ofHours(1)));
    tenant.simulatedClock().advance(Duration.ofDays(30));
    assertThat(tenant.find(RECEPTION)).isEmpty();
  }

  @Test
  void assigningAnExchangeLicense_endsTheGracePeriod() {
    tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    assertThat(tenant.unlicensedSince(DemoCast.JANE)).contains(START);
    tenant.assignLicense(DemoCast.JANE, License.EXCHANGE_ONLINE_PLAN_1);
    assertThat(tenant.unlicensedSince(DemoCast.JANE)).isEmpty();
    tenant.simulatedClock().advance(Duration.ofDays(31));
    assertThat(tenant.get(JANE).totalItemSizeBytes()).isGreaterThan(12L << 30);
  }

  // ------------------------------------------------------------------ Unified Messaging

  @Test
  void disableUm_licenseValidationError_namesTheFirstLicenseOrUnlicensed() {
    assertThatThrownBy(() -> tenant.disableUnifiedMessaging(RECEPTION)).isInstanceOf(ServiceRuleException.class)
        .hasMessage("License validation error: the action 'Disable-UMMailbox' can't be performed on the user 'reception@contoso.com' "
            + "with license 'Unlicensed' (mailbox type Shared).");
    tenant.setType(JANE, MailboxType.SHARED);
    tenant.enableUnifiedMessaging(JANE, "4200");
    assertThatThrownBy(() -> tenant.disableUnifiedMessaging(JANE)).isInstanceOf(ServiceRuleException.class)
        .hasMessage("License validation error: the action 'Disable-UMMailbox' can't be performed on the user 'jane.doe@contoso.com' "
            + "with license 'ENTERPRISEPACK' (mailbox type Shared).");
    assertThat(tenant.get(JANE).umExtension()).contains("4200");
  }

  // ------------------------------------------------------------------ Full Access

  @Test
  void grantFullAccess_again_replacesTheTrusteesEntry_andRevokeRemovesOnlyThatTrustee() {
    tenant.grantFullAccess(RECEPTION, DemoCast.ADMIN, true);
    tenant.grantFullAccess(RECEPTION, DemoCast.JANE, true);
    tenant.grantFullAccess(RECEPTION, DemoCast.ADMIN, false);
    assertThat(tenant.fullAccess(RECEPTION)).containsExactly(new MailboxPermission(DemoCast.JANE, true), new MailboxPermission(DemoCast.ADMIN, false));
    tenant.revokeFullAccess(RECEPTION, DemoCast.ADMIN);
    assertThat(tenant.fullAccess(RECEPTION)).containsExactly(new MailboxPermission(DemoCast.JANE, true));
    assertThatThrownBy(() -> tenant.grantFullAccess(RECEPTION, Upn.of("ghost@contoso.com"), true)).isInstanceOf(NotFoundException.class)
        .hasMessage("The user 'ghost@contoso.com' couldn't be found.");
    assertThat(tenant.fullAccess(RECEPTION)).containsExactly(new MailboxPermission(DemoCast.JANE, true));
  }

  // ------------------------------------------------------------------ the shared-mailbox license rule

  @Test
  void largeSharedMailbox_isCoveredByPlan1PlusArchiving() {
    tenant.setType(BIG, MailboxType.SHARED);
    tenant.assignLicense(DemoCast.BIG, License.EXCHANGE_ONLINE_PLAN_1);
    tenant.assignLicense(DemoCast.BIG, License.EXCHANGE_ONLINE_ARCHIVING);
    tenant.removeLicenses(DemoCast.BIG, Set.of(License.OFFICE_365_E3.skuId()));
    assertThat(tenant.getUser(DemoCast.BIG).licenses()).containsExactly(License.EXCHANGE_ONLINE_PLAN_1, License.EXCHANGE_ONLINE_ARCHIVING);
  }

  @Test
  void largeSharedMailbox_isNotCoveredByTheArchivingAddOnAlone() {
    tenant.setType(BIG, MailboxType.SHARED);
    tenant.assignLicense(DemoCast.BIG, License.EXCHANGE_ONLINE_ARCHIVING);
    assertThatThrownBy(() -> tenant.removeLicenses(DemoCast.BIG, Set.of(License.OFFICE_365_E3.skuId())))
        .isInstanceOf(ServiceRuleException.class)
        .hasMessageStartingWith("The shared mailbox 'big.mailbox@contoso.com' must keep an Exchange Online Plan 2 (or Plan 1 + Exchange Online Archiving) license: ");
    assertThat(tenant.getUser(DemoCast.BIG).licenses()).containsExactly(License.OFFICE_365_E3, License.EXCHANGE_ONLINE_ARCHIVING);
  }

  // ------------------------------------------------------------------ directory sync

  @Test
  void directorySync_departmentChange_isAppliedButNotReportedAsAnAccountChange() {
    InMemoryOnPremDirectory ad = new InMemoryOnPremDirectory(DemoCast.BASE_DN);
    for (AdUser u : InMemoryOnPremDirectory.demo().users()) {
      ad.add(u.userPrincipalName().equals(Optional.of(DemoCast.JANE)) ? ImmutableAdUser.copyOf(u).withDepartment("Legal") : u);
    }
    assertThat(tenant.directorySync(ad)).isEmpty();
    assertThat(tenant.getUser(DemoCast.JANE).department()).contains("Legal");
    assertThat(tenant.getUser(DemoCast.JANE).accountEnabled()).isTrue();
  }

  // ------------------------------------------------------------------ look-ups

  @Test
  void mailboxLookups_bySecondaryProxyAddressOwnerAndPurpose() {
    Mailbox jane = tenant.get(JANE);
    assertThat(tenant.find(SmtpAddress.of("Jane.Doe@contoso.mail.onmicrosoft.com"))).contains(jane);
    assertThat(tenant.find(SmtpAddress.of("jane@contoso.com"))).isEmpty();
    assertThat(tenant.findByUpn(DemoCast.JANE)).contains(jane);
    assertThat(tenant.mailboxPurpose(DemoCast.JANE)).contains(io.github.m365kit.model.MailboxPurpose.of(MailboxType.USER));
    assertThat(tenant.mailboxPurpose(DemoCast.RECEPTION)).contains(io.github.m365kit.model.MailboxPurpose.of(MailboxType.SHARED));
    assertThat(tenant.mailboxPurpose(DemoCast.ADMIN)).isEmpty();
    List<Upn> visited = new ArrayList<>();
    tenant.forEachUser(u -> visited.add(u.userPrincipalName()));
    assertThat(visited).hasSize(tenant.users().size()).contains(DemoCast.JANE, DemoCast.ADMIN, DemoCast.CLOUD_ONLY);
  }

  @Test
  void directorySync_turningAnUnlicensedSharedMailboxBackIntoAUserMailbox_startsItsGracePeriod() {
    InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
    AdUser reception = ad.findByUpn(DemoCast.RECEPTION).orElseThrow();
    ad.setRecipientTypes(reception.dn(), io.github.m365kit.model.RemoteRecipientType.MIGRATED,
        io.github.m365kit.model.RecipientTypeDetails.REMOTE_USER_MAILBOX, Optional.empty());
    assertThat(tenant.directorySync(ad)).anyMatch(c -> c.startsWith("reception@contoso.com: mailbox type SHARED -> USER"));
    assertThat(tenant.unlicensedSince(DemoCast.RECEPTION)).contains(START);
    tenant.simulatedClock().advance(Duration.ofDays(30));
    assertThat(tenant.disconnectedMailboxes()).containsKey(DemoCast.RECEPTION);
  }

  @Test
  void policyAssignments_areReportedPerPolicyAndPerUser() {
    tenant.create(AuthPolicy.blockAll("Block Basic Auth"));
    tenant.create(AuthPolicy.builder().name("Allow SMTP").addAllowBasicAuth(BasicAuthProtocol.SMTP).build());
    tenant.assign(DemoCast.JANE, Optional.of("block basic auth"));
    tenant.assign(DemoCast.LEGACY.get(2), Optional.of("Allow SMTP"));
    assertThat(tenant.usersWith("Allow SMTP")).containsExactly(DemoCast.LEGACY.get(2));
    assertThat(tenant.usersWith("BLOCK BASIC AUTH")).containsExactly(DemoCast.JANE);
    assertThat(tenant.assigned(DemoCast.JANE)).contains("Block Basic Auth");
    assertThat(tenant.assigned(DemoCast.BIG)).isEmpty();
    tenant.refreshTokens(DemoCast.JANE, START);
    assertThat(tenant.refreshTokensValidFrom(DemoCast.JANE)).contains(START);
    assertThat(tenant.refreshTokensValidFrom(DemoCast.BIG)).isEmpty();
  }

  // ------------------------------------------------------------------ authentication policies

  @Test
  void authPolicies_listUpdateAndOrgDefault_keepTheStoredName() {
    tenant.create(AuthPolicy.blockAll("Block Basic Auth"));
    assertThat(tenant.list()).extracting(AuthPolicy::name).containsExactly("Block Basic Auth");
    tenant.update(AuthPolicy.builder().name("BLOCK BASIC AUTH").addAllowBasicAuth(BasicAuthProtocol.SMTP).build());
    assertThat(tenant.find("block basic auth")).get().satisfies(p -> {
      assertThat(p.name()).isEqualTo("Block Basic Auth");
      assertThat(p.allowBasicAuth()).containsExactly(BasicAuthProtocol.SMTP);
    });
    assertThatThrownBy(() -> tenant.update(AuthPolicy.blockAll("Nope"))).isInstanceOf(NotFoundException.class)
        .hasMessage("The operation couldn't be performed because object 'Nope' couldn't be found.");
    assertThat(tenant.list()).hasSize(1);
    assertThat(tenant.orgDefault()).isEmpty();
    tenant.setOrgDefault(Optional.of("block basic auth"));
    assertThat(tenant.orgDefault()).contains("Block Basic Auth");
    tenant.setOrgDefault(Optional.empty());
    assertThat(tenant.orgDefault()).isEmpty();
  }

  @Test
  void deleteAssignedPolicy_namesAtMostFiveHolders() {
    tenant.create(AuthPolicy.blockAll("Block Basic Auth"));
    List<Upn> holders = new ArrayList<>(DemoCast.FINANCE);
    holders.addAll(DemoCast.EXTRAS.subList(0, 2));
    holders.forEach(u -> tenant.assign(u, Optional.of("Block Basic Auth")));
    assertThatThrownBy(() -> tenant.delete("Block Basic Auth")).isInstanceOf(io.github.m365kit.ConflictException.class)
        .hasMessage("The authentication policy 'Block Basic Auth' is assigned to 5 user(s) (fiona.finance@contoso.com, frank.ledger@contoso.com, "
            + "fatima.audit@contoso.com, user1@contoso.com, user2@contoso.com) and can't be removed. Remove it from them first.");
    tenant.assign(DemoCast.EXTRAS.get(2), Optional.of("block basic auth"));
    assertThatThrownBy(() -> tenant.delete("Block Basic Auth")).isInstanceOf(io.github.m365kit.ConflictException.class)
        .hasMessage("The authentication policy 'Block Basic Auth' is assigned to 6 user(s) (fiona.finance@contoso.com, frank.ledger@contoso.com, "
            + "fatima.audit@contoso.com, user1@contoso.com, user2@contoso.com, …) and can't be removed. Remove it from them first.");
    assertThat(tenant.find("Block Basic Auth")).isPresent();
    assertThat(tenant.usersWith("Block Basic Auth")).hasSize(6);
  }

  // ------------------------------------------------------------------ sign-in log

  @Test
  void forEachSignIn_includesTheSinceInstant_andFiltersLegacy() {
    InMemoryTenant t = new InMemoryTenant("fabrikam.onmicrosoft.com", new SimulatedClock(START));
    SignInEvent modern = new SignInEvent(START, "a@f.com", "1", "Browser", 0, "", "192.0.2.1", "x", true);
    SignInEvent imap = new SignInEvent(START.plusSeconds(60), "a@f.com", "1", "IMAP4", 0, "", "192.0.2.1", "x", true);
    SignInEvent desktop = new SignInEvent(START.plusSeconds(120), "a@f.com", "1", "Mobile Apps and Desktop clients", 0, "", "192.0.2.1", "x", true);
    SignInEvent pop = new SignInEvent(START.plusSeconds(180), "a@f.com", "1", "POP3", 0, "", "192.0.2.1", "x", true);
    t.addSignIns(List.of(modern, imap, desktop, pop));
    List<SignInEvent> all = new ArrayList<>();
    t.forEachSignIn(START.plusSeconds(60), false, all::add);
    assertThat(all).containsExactly(imap, desktop, pop);
    List<SignInEvent> legacy = new ArrayList<>();
    t.forEachSignIn(START, true, legacy::add);
    assertThat(legacy).containsExactly(imap, pop);
    List<SignInEvent> none = new ArrayList<>();
    t.forEachSignIn(START.plusSeconds(181), false, none::add);
    assertThat(none).isEmpty();
  }

  // ------------------------------------------------------------------ dynamic groups

  @Test
  void pausingAnAlreadyPausedGroup_keepsTheFrozenMembership() {
    ObjectId id = tenant.createDynamicGroup(new DynamicGroup(Optional.empty(), "Finance", "finance", true, "user.department -eq \"Finance\"", false));
    tenant.setProcessingPaused(id, true);
    tenant.addUser(CloudUser.builder().id(new ObjectId(UUID.randomUUID())).userPrincipalName(Upn.of("new.hire@contoso.com")).department("Finance").build());
    tenant.setProcessingPaused(id, true);
    assertThat(tenant.members(id)).containsExactlyElementsOf(DemoCast.FINANCE);
    tenant.setProcessingPaused(id, false);
    assertThat(tenant.members(id)).hasSize(4).contains(Upn.of("new.hire@contoso.com"));
  }

  // ------------------------------------------------------------------ Conditional Access

  private static ConditionalAccessPolicy ca(String name) {
    return PortFaultInjectionTest.caPolicy(name);
  }

  @Test
  void conditionalAccess_createListAndFindByName() {
    assertThat(tenant.listConditionalAccessPolicies()).isEmpty();
    ConditionalAccessPolicy block = tenant.createConditionalAccessPolicy(ca("Block legacy authentication"));
    ConditionalAccessPolicy mfa = tenant.createConditionalAccessPolicy(ca("Require MFA"));
    assertThat(block.id()).isPresent();
    assertThat(block.id()).isNotEqualTo(mfa.id());
    assertThat(tenant.listConditionalAccessPolicies()).containsExactly(block, mfa);
    assertThat(tenant.findConditionalAccessPolicy("require mfa")).contains(mfa);
    assertThat(tenant.findConditionalAccessPolicy("Nope")).isEmpty();
  }

  @Test
  void conditionalAccess_findByADuplicatedName_refusesToGuessAndListsTheIds() {
    ConditionalAccessPolicy a = tenant.createConditionalAccessPolicy(ca("Block legacy authentication"));
    ConditionalAccessPolicy b = tenant.createConditionalAccessPolicy(ca("BLOCK LEGACY AUTHENTICATION"));
    assertThatThrownBy(() -> tenant.findConditionalAccessPolicy("Block legacy authentication")).isInstanceOf(AmbiguousMatchException.class)
        .satisfies(e -> assertThat(((AmbiguousMatchException) e).matches()).containsExactly(a.id().orElseThrow(), b.id().orElseThrow()));
  }

  @Test
  void conditionalAccess_anIncompletePolicyIsRefusedOnCreateAndOnUpdate() {
    ConditionalAccessPolicy noApps = new ConditionalAccessPolicy(Optional.empty(), "No apps", State.ENABLED, Set.of(), List.of(),
        new Users(List.of("All"), List.of(), List.of(), List.of()), Optional.of(new GrantControls("OR", List.of("block"))), false);
    assertThatThrownBy(() -> tenant.createConditionalAccessPolicy(noApps)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("a policy needs an applications rule, a users rule and a grant or session control: it has no applications rule");
    assertThat(tenant.listConditionalAccessPolicies()).isEmpty();

    ConditionalAccessPolicy stored = tenant.createConditionalAccessPolicy(ca("Block legacy authentication"));
    ConditionalAccessPolicy.Change noUsers = new ConditionalAccessPolicy.Change(Optional.of(State.ENABLED),
        Optional.of(new Users(List.of(), List.of(), List.of(), List.of())));
    assertThatThrownBy(() -> tenant.updateConditionalAccessPolicy(stored.id().orElseThrow(), noUsers)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("it has no users rule");
    assertThat(tenant.listConditionalAccessPolicies()).containsExactly(stored);

    tenant.updateConditionalAccessPolicy(stored.id().orElseThrow(), new ConditionalAccessPolicy.Change(Optional.of(State.ENABLED), Optional.empty()));
    assertThat(tenant.listConditionalAccessPolicies()).singleElement().extracting(ConditionalAccessPolicy::state).isEqualTo(State.ENABLED);
    assertThatThrownBy(() -> tenant.updateConditionalAccessPolicy("no-such-id", new ConditionalAccessPolicy.Change(Optional.of(State.DISABLED), Optional.empty())))
        .isInstanceOf(NotFoundException.class).hasMessage("Conditional Access policy 'no-such-id' does not exist.");
  }
}
