package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.model.UserType;
import io.github.m365kit.spi.MailboxStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PreflightTest {
  private final Fixture f = new Fixture();

  @Test
  void preflight_whenDepartingSyncedUser_reportsSyncedOnly() {
    String before = f.snapshot();
    Preflight p = f.converter.preflight("jane.doe@contoso.com");
    assertThat(p.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.SYNCED);
    assertThat(p.synced()).isTrue();
    assertThat(p.onPrem()).map(AdUser::samAccountName).contains(SamAccountName.of("jdoe"));
    assertThat(p.licenseRemovalRefusal()).isEmpty();
    assertThat(p.alreadyDone()).isFalse();
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void preflight_whenGivenUpnOrProxyAddress_findsTheSameMailbox() {
    assertThat(f.converter.preflight("jane.doe@contoso.mail.onmicrosoft.com").mailbox().userPrincipalName()).isEqualTo(DemoCast.JANE);
    assertThat(f.converter.preflight(" JANE.DOE@contoso.com ").mailbox().userPrincipalName()).isEqualTo(DemoCast.JANE);
  }

  @Test
  void preflight_whenCloudOnly_saysSo() {
    Preflight p = f.converter.preflight(DemoCast.CLOUD_ONLY.value());
    assertThat(p.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.CLOUD_ONLY);
    assertThat(p.synced()).isFalse();
    assertThat(p.onPrem()).isEmpty();
  }

  @Test
  void preflight_whenBigMailbox_refusesLicenseRemovalWithReasons() {
    Preflight p = f.converter.preflight(DemoCast.BIG.value());
    assertThat(p.findings()).extracting(Finding::kind)
        .contains(Finding.Kind.OVER_SHARED_LIMIT, Finding.Kind.ARCHIVE, Finding.Kind.HOLD).doesNotContain(Finding.Kind.NEAR_SHARED_LIMIT);
    assertThat(p.licenseRemovalRefusal()).hasValueSatisfying(r -> assertThat(r)
        .contains("big.mailbox@contoso.com").contains("55.0 GB").contains("archive").contains("Litigation Hold"));
  }

  @Test
  void preflight_whenFortyNinePointFiveGb_warnsButAllowsLicenseRemoval() {
    addCloudOnly("near@contoso.com", MailboxType.USER, (long) (49.5 * (1L << 30)), License.OFFICE_365_E3, UserType.MEMBER);
    Preflight p = f.converter.preflight("near@contoso.com");
    assertThat(p.findings()).extracting(Finding::kind).contains(Finding.Kind.NEAR_SHARED_LIMIT).doesNotContain(Finding.Kind.OVER_SHARED_LIMIT);
    assertThat(p.findings(Finding.Kind.NEAR_SHARED_LIMIT).get(0).reason()).contains("49.5 GB");
    assertThat(p.licenseRemovalRefusal()).isEmpty();
  }

  @Test
  void preflight_whenUmTrap_reportsSharedAndExtension() {
    Preflight p = f.converter.preflight(DemoCast.RECEPTION.value());
    assertThat(p.findings()).extracting(Finding::kind).contains(Finding.Kind.ALREADY_SHARED, Finding.Kind.UM_ENABLED)
        .doesNotContain(Finding.Kind.UNLICENSED, Finding.Kind.ON_PREM_MISMATCH);
    assertThat(p.findings(Finding.Kind.UM_ENABLED).get(0).reason()).contains("4123");
    assertThat(p.alreadyDone()).isFalse();
  }

  @Test
  void preflight_whenCreatedInCloudFirst_asksForRepair() {
    Preflight p = f.converter.preflight(DemoCast.CLOUD_FIRST.value());
    assertThat(p.findings()).extracting(Finding::kind).contains(Finding.Kind.SYNCED, Finding.Kind.MISSING_ON_PREM_RECORD);
    assertThat(p.findings(Finding.Kind.MISSING_ON_PREM_RECORD).get(0).reason()).contains("Enable-RemoteMailbox");
  }

  @Test
  void preflight_whenUnlicensedTenDays_reportsTwentyDaysLeft() {
    f.tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    f.tenant.simulatedClock().advance(Duration.ofDays(10));
    Preflight p = f.converter.preflight(DemoCast.JANE.value());
    assertThat(p.has(Finding.Kind.UNLICENSED)).isTrue();
    assertThat(p.graceRemaining()).contains(Duration.ofDays(20));
    assertThat(p.findings(Finding.Kind.UNLICENSED).get(0).reason()).contains("20 days 0 hours").contains("temporarily");
  }

  @Test
  void preflight_whenBackendCannotTellGraceStart_saysWhatIsKnown() {
    f.tenant.removeLicenses(DemoCast.JANE, Set.of(License.OFFICE_365_E3.skuId()));
    MailboxStore generic = new ForwardingMailboxStore(f.tenant);
    Preflight p = MailboxConverter.using(generic, f.tenant, f.ad, f.tenant.clock()).preflight(DemoCast.JANE.value());
    assertThat(p.graceRemaining()).isEmpty();
    assertThat(p.findings(Finding.Kind.UNLICENSED).get(0).reason()).contains("does not report").contains("30 days");
  }

  @Test
  void preflight_whenNoDirectoryForSyncedUser_reportsOnPremUnavailable() {
    Preflight p = MailboxConverter.using(f.tenant, f.tenant, f.tenant.clock()).preflight(DemoCast.JANE.value());
    assertThat(p.findings()).extracting(Finding::kind).containsExactly(Finding.Kind.SYNCED, Finding.Kind.ON_PREM_UNAVAILABLE);
  }

  @Test
  void preflight_whenTwoAdUsersShareTheMail_throwsAmbiguousAndChangesNothing() {
    f.ad.add(AdUser.builder().dn(DemoCast.STAFF_OU.child("CN", "Jane Doe 2")).samAccountName(SamAccountName.of("jdoe2"))
        .mail(SmtpAddress.of("jane.doe@contoso.com")).build());
    String before = f.snapshot();
    assertThatThrownBy(() -> f.converter.preflight(DemoCast.JANE.value())).isInstanceOf(AmbiguousMatchException.class)
        .hasMessageContaining("CN=Jane Doe,OU=Staff").hasMessageContaining("CN=Jane Doe 2,OU=Staff");
    assertThatThrownBy(() -> f.converter.plan(DemoCast.JANE.value(), Fixture.departing())).isInstanceOf(AmbiguousMatchException.class);
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void preflight_whenRoomMailbox_throwsUnsupported() {
    addCloudOnly("room1@contoso.com", MailboxType.ROOM, 0, License.OFFICE_365_E3, UserType.MEMBER);
    String before = f.snapshot();
    assertThatThrownBy(() -> f.converter.plan("room1@contoso.com", ConversionOptions.toShared()))
        .isInstanceOfSatisfying(ServiceRuleException.class, e -> assertThat(e.rule()).isEqualTo(ServiceRuleException.Rule.UNSUPPORTED_RECIPIENT))
        .hasMessageContaining("Room");
    assertThat(f.snapshot()).isEqualTo(before);
  }

  @Test
  void preflight_whenEquipmentMailbox_throwsUnsupported() {
    addCloudOnly("projector@contoso.com", MailboxType.EQUIPMENT, 0, License.OFFICE_365_E3, UserType.MEMBER);
    assertThatThrownBy(() -> f.converter.preflight("projector@contoso.com"))
        .isInstanceOfSatisfying(ServiceRuleException.class, e -> assertThat(e.rule()).isEqualTo(ServiceRuleException.Rule.UNSUPPORTED_RECIPIENT));
  }

  @Test
  void preflight_whenGuest_throwsUnsupported() {
    Upn guest = Upn.of("pat_fabrikam.com#EXT#@contoso.onmicrosoft.com");
    f.tenant.addUser(CloudUser.builder().id(new ObjectId(UUID.randomUUID())).userPrincipalName(guest).userType(UserType.GUEST).build());
    assertThatThrownBy(() -> f.converter.preflight(guest.value()))
        .isInstanceOfSatisfying(ServiceRuleException.class, e -> assertThat(e.rule()).isEqualTo(ServiceRuleException.Rule.UNSUPPORTED_RECIPIENT));
  }

  @Test
  void preflight_whenGuestWithMailbox_throwsUnsupported() {
    addCloudOnly("visitor@contoso.com", MailboxType.USER, 0, License.OFFICE_365_E3, UserType.GUEST);
    assertThatThrownBy(() -> f.converter.preflight("visitor@contoso.com"))
        .isInstanceOfSatisfying(ServiceRuleException.class, e -> assertThat(e.rule()).isEqualTo(ServiceRuleException.Rule.UNSUPPORTED_RECIPIENT));
  }

  @Test
  void preflight_whenUnknown_throwsNotFound() {
    assertThatThrownBy(() -> f.converter.preflight("nobody@contoso.com")).isInstanceOf(NotFoundException.class).hasMessageContaining("nobody@contoso.com");
  }

  private void addCloudOnly(String address, MailboxType type, long size, License license, UserType userType) {
    Upn upn = Upn.of(address);
    f.tenant.addUser(CloudUser.builder().id(new ObjectId(DemoCast.guid("aad:" + address))).userPrincipalName(upn).mail(SmtpAddress.of(address))
        .userType(userType).licenses(List.of(license)).build());
    f.tenant.addMailbox(Mailbox.builder().primarySmtpAddress(SmtpAddress.of(address)).userPrincipalName(upn).alias(upn.localPart()).type(type)
        .totalItemSizeBytes(size).exchangeGuid(DemoCast.guid("mbx:" + address)).addEmailAddresses("SMTP:" + address).build());
  }

  /** A mailbox store that is not the in-memory tenant, for the port-generic paths; can pretend a hold appeared. */
  static final class ForwardingMailboxStore implements MailboxStore {
    private final MailboxStore delegate;
    volatile boolean pretendHold;

    ForwardingMailboxStore(MailboxStore delegate) {
      this.delegate = delegate;
    }

    private Optional<Mailbox> adjust(Optional<Mailbox> m) {
      return pretendHold ? m.map(x -> io.github.m365kit.model.ImmutableMailbox.copyOf(x).withLitigationHoldEnabled(true)) : m;
    }

    @Override
    public Optional<Mailbox> find(SmtpAddress address) {
      return adjust(delegate.find(address));
    }

    @Override
    public Optional<Mailbox> findByUpn(Upn upn) {
      return adjust(delegate.findByUpn(upn));
    }

    @Override
    public void setType(SmtpAddress address, MailboxType type) {
      delegate.setType(address, type);
    }

    @Override
    public void disableUnifiedMessaging(SmtpAddress address) {
      delegate.disableUnifiedMessaging(address);
    }

    @Override
    public List<MailboxPermission> fullAccess(SmtpAddress address) {
      return delegate.fullAccess(address);
    }

    @Override
    public void grantFullAccess(SmtpAddress address, Upn trustee, boolean autoMapping) {
      delegate.grantFullAccess(address, trustee, autoMapping);
    }

    @Override
    public void revokeFullAccess(SmtpAddress address, Upn trustee) {
      delegate.revokeFullAccess(address, trustee);
    }
  }
}
