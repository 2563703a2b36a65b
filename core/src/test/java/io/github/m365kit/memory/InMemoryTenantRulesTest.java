package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.ConflictException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.ThrottledException;
import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryTenantRulesTest {
  private final InMemoryTenant tenant = InMemoryTenant.demo();
  private final InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
  private static final SmtpAddress JANE = SmtpAddress.of("jane.doe@contoso.com");
  private static final SmtpAddress RECEPTION = SmtpAddress.of("reception@contoso.com");
  private static final SmtpAddress BIG = SmtpAddress.of("big.mailbox@contoso.com");

  private void unlicense(Upn upn) {
    tenant.removeLicenses(upn, Set.of(License.OFFICE_365_E3.skuId()));
  }

  @Test
  void setTypeShared_whenUnlicensed_isRefusedAndNothingChanges() {
    unlicense(DemoCast.JANE);
    assertThatThrownBy(() -> tenant.setType(JANE, MailboxType.SHARED)).isInstanceOf(ServiceRuleException.class)
        .hasMessageContaining("no Exchange Online license").extracting(e -> ((ServiceRuleException) e).rule()).isEqualTo(Rule.CONVERSION_REQUIRES_LICENSE);
    assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.USER);
  }

  @Test
  void setTypeShared_whenLicensed_converts() {
    tenant.setType(JANE, MailboxType.SHARED);
    assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.SHARED);
  }

  @Test
  void unlicensedUserMailbox_isDisconnectedAfter30DaysAndDataIsGone() {
    unlicense(DemoCast.JANE);
    assertThat(tenant.unlicensedSince(DemoCast.JANE)).contains(tenant.clock().instant());
    tenant.simulatedClock().advance(Duration.ofDays(29));
    assertThat(tenant.find(JANE)).isPresent();
    tenant.simulatedClock().advance(Duration.ofDays(1));
    assertThat(tenant.find(JANE)).isEmpty();
    assertThat(tenant.disconnectedMailboxes()).containsKey(DemoCast.JANE);
    assertThatThrownBy(() -> tenant.get(JANE)).isInstanceOf(NotFoundException.class).hasMessageContaining("couldn't be found");
    // a license now gives a new, empty mailbox: the 12 GB are gone
    tenant.assignLicense(DemoCast.JANE, License.OFFICE_365_E3);
    assertThat(tenant.get(JANE).totalItemSizeBytes()).isZero();
  }

  @Test
  void unlicensedSharedMailbox_isNotDisconnected() {
    tenant.setType(JANE, MailboxType.SHARED);
    unlicense(DemoCast.JANE);
    tenant.simulatedClock().advance(Duration.ofDays(400));
    assertThat(tenant.find(JANE)).isPresent();
    assertThat(tenant.unlicensedSince(DemoCast.JANE)).isEmpty();
  }

  @Test
  void sharedMailboxOver50GbOnHoldWithArchive_mustKeepItsLicense() {
    tenant.setType(BIG, MailboxType.SHARED);
    assertThatThrownBy(() -> unlicense(DemoCast.BIG)).isInstanceOf(ServiceRuleException.class)
        .hasMessageContaining("55.0 GB").hasMessageContaining("archive").hasMessageContaining("Litigation Hold")
        .extracting(e -> ((ServiceRuleException) e).rule()).isEqualTo(Rule.SHARED_MAILBOX_REQUIRES_LICENSE);
    assertThat(tenant.getUser(DemoCast.BIG).licenses()).contains(License.OFFICE_365_E3);
    // Plan 1 alone does not cover it, Plan 2 does
    tenant.assignLicense(DemoCast.BIG, License.EXCHANGE_ONLINE_PLAN_1);
    assertThatThrownBy(() -> unlicense(DemoCast.BIG)).isInstanceOf(ServiceRuleException.class);
    tenant.assignLicense(DemoCast.BIG, License.EXCHANGE_ONLINE_PLAN_2);
    unlicense(DemoCast.BIG);
    assertThat(tenant.getUser(DemoCast.BIG).licenses()).contains(License.EXCHANGE_ONLINE_PLAN_2);
  }

  @Test
  void umExtension_staysWithTheSharedMailboxAndCannotBeReused() {
    assertThat(tenant.get(RECEPTION).umExtension()).contains("4123");
    assertThatThrownBy(() -> tenant.enableUnifiedMessaging(JANE, "4123")).isInstanceOf(ServiceRuleException.class)
        .hasMessageContaining("4123").hasMessageContaining("reception@contoso.com");
    tenant.enableUnifiedMessaging(JANE, "4124");
    assertThat(tenant.get(JANE).umExtension()).contains("4124");
  }

  @Test
  void disableUm_onSharedMailbox_failsWithLicenseValidationError() {
    assertThatThrownBy(() -> tenant.disableUnifiedMessaging(RECEPTION)).isInstanceOf(ServiceRuleException.class)
        .hasMessageStartingWith("License validation error: the action 'Disable-UMMailbox' can't be performed on the user 'reception@contoso.com'")
        .extracting(e -> ((ServiceRuleException) e).rule()).isEqualTo(Rule.UM_LICENSE_VALIDATION);
    assertThat(tenant.get(RECEPTION).umEnabled()).isTrue();
  }

  @Test
  void disableUm_whenNotEnabled_saysAlreadyDisabled() {
    assertThatThrownBy(() -> tenant.disableUnifiedMessaging(JANE)).isInstanceOf(ServiceRuleException.class)
        .hasMessage("The user \"jane.doe@contoso.com\" is already disabled for Unified Messaging.");
  }

  @Test
  void umTrapFix_regularThenLicenseThenDisableFreesTheExtension() {
    tenant.setType(RECEPTION, MailboxType.USER);
    tenant.assignLicense(DemoCast.RECEPTION, License.OFFICE_365_E3);
    tenant.disableUnifiedMessaging(RECEPTION);
    assertThat(tenant.get(RECEPTION).umExtension()).isEmpty();
    tenant.enableUnifiedMessaging(JANE, "4123");
  }

  @Test
  void directorySync_revertsACloudOnlyConversionWhenAdStillSaysUserMailbox() {
    tenant.setType(JANE, MailboxType.SHARED);
    assertThat(tenant.directorySync(ad)).anyMatch(c -> c.contains("jane.doe@contoso.com: mailbox type SHARED -> USER"));
    assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.USER);
  }

  @Test
  void directorySync_keepsSharedWhenAdSaysRemoteShared() {
    tenant.setType(JANE, MailboxType.SHARED);
    AdUser a = ad.findByUpn(DemoCast.JANE).orElseThrow();
    ad.setRecipientTypes(a.dn(), a.remoteRecipientType().get().withShared(), RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty());
    assertThat(tenant.directorySync(ad)).noneMatch(c -> c.startsWith("jane.doe"));
    assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.SHARED);
    assertThat(ad.findByUpn(DemoCast.JANE).get().remoteRecipientType()).contains(RemoteRecipientType.MIGRATED_SHARED);
  }

  @Test
  void directorySync_accountEnabledFollowsAd() {
    AdUser a = ad.findByUpn(DemoCast.JANE).orElseThrow();
    ad.setAccountDisabled(a.dn(), true);
    tenant.directorySync(ad);
    assertThat(tenant.getUser(DemoCast.JANE).accountEnabled()).isFalse();
  }

  @Test
  void accountEnabled_ofSyncedUserCannotChangeInTheCloud() {
    assertThatThrownBy(() -> tenant.setAccountEnabled(DemoCast.JANE, false)).isInstanceOf(ServiceRuleException.class)
        .hasMessageContaining("on-premises mastered").hasMessageContaining("Active Directory");
    assertThat(tenant.getUser(DemoCast.JANE).accountEnabled()).isTrue();
    tenant.setAccountEnabled(DemoCast.CLOUD_ONLY, false);
    assertThat(tenant.getUser(DemoCast.CLOUD_ONLY).accountEnabled()).isFalse();
  }

  @Test
  void authPolicy_deleteRefusedWhileAssignedOrDefault_namingHolders() {
    tenant.create(AuthPolicy.blockAll("Block Basic Auth"));
    assertThatThrownBy(() -> tenant.create(AuthPolicy.blockAll("block basic auth"))).isInstanceOf(ConflictException.class);
    tenant.assign(DemoCast.JANE, Optional.of("Block Basic Auth"));
    assertThatThrownBy(() -> tenant.delete("Block Basic Auth")).isInstanceOf(ConflictException.class).hasMessageContaining("jane.doe@contoso.com");
    tenant.assign(DemoCast.JANE, Optional.empty());
    tenant.setOrgDefault(Optional.of("Block Basic Auth"));
    assertThatThrownBy(() -> tenant.delete("Block Basic Auth")).isInstanceOf(ConflictException.class).hasMessageContaining("default");
    tenant.setOrgDefault(Optional.empty());
    tenant.delete("Block Basic Auth");
    assertThat(tenant.list()).isEmpty();
    assertThatThrownBy(() -> AuthPolicy.blockAll("x".repeat(65))).isInstanceOf(InvalidInputException.class).hasMessageContaining("64");
    assertThatThrownBy(() -> tenant.assign(DemoCast.JANE, Optional.of("nope"))).isInstanceOf(NotFoundException.class);
  }

  @Test
  void faults_failTheNthCallBeforeAnythingChanges() {
    tenant.faults().throttleNth("setType", 2, Duration.ofSeconds(9));
    tenant.setType(JANE, MailboxType.SHARED);
    assertThatThrownBy(() -> tenant.setType(JANE, MailboxType.USER)).isInstanceOf(ThrottledException.class)
        .satisfies(e -> assertThat(((ThrottledException) e).retryAfter()).contains(Duration.ofSeconds(9)));
    assertThat(tenant.get(JANE).type()).isEqualTo(MailboxType.SHARED);
    tenant.setType(JANE, MailboxType.USER);
    assertThat(tenant.faults().calls("setType")).isEqualTo(3);
  }

  @Test
  void tenantJson_roundTripsTheWholeState() {
    tenant.create(AuthPolicy.builder().name("Allow SMTP").addAllowBasicAuth(BasicAuthProtocol.SMTP).build());
    tenant.assign(DemoCast.LEGACY.get(2), Optional.of("Allow SMTP"));
    tenant.grantFullAccess(RECEPTION, DemoCast.ADMIN, false);
    unlicense(DemoCast.JANE);
    String json = TenantJson.write(tenant);
    InMemoryTenant copy = TenantJson.parse(json);
    assertThat(TenantJson.write(copy)).isEqualTo(json);
    assertThat(copy.unlicensedSince(DemoCast.JANE)).isPresent();
    assertThat(copy.find(RECEPTION).get().umExtension()).contains("4123");
  }

  @Test
  void tenantJson_whenNotJson_saysWhere() {
    assertThatThrownBy(() -> TenantJson.parse("{\"users\": [}")).isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> TenantJson.parse("[1]")).isInstanceOf(InvalidInputException.class).hasMessageContaining("object");
    assertThatThrownBy(() -> TenantJson.parse("{\"users\":[{\"userPrincipalName\":\"bad\"}]}")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'bad'");
  }

  @Test
  void onPremDirectory_refusesToGuessBetweenTwoUsersWithOneUpnAndNamesAMissingBase() {
    AdUser jane = ad.findByUpn(DemoCast.JANE).orElseThrow();
    ad.add(io.github.m365kit.model.ImmutableAdUser.copyOf(jane).withDn(DemoCast.STAFF_OU.child("CN", "Jane Doe 2"))
        .withSamAccountName(io.github.m365kit.model.SamAccountName.of("jdoe2")));
    assertThatThrownBy(() -> ad.findByUpn(DemoCast.JANE)).isInstanceOf(io.github.m365kit.AmbiguousMatchException.class).hasMessageContaining("Jane Doe 2");
    assertThatThrownBy(() -> ad.forEachUser(io.github.m365kit.model.DistinguishedName.of("OU=Nowhere,DC=contoso,DC=com"), u -> { }))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("OU=Nowhere");
  }
}
