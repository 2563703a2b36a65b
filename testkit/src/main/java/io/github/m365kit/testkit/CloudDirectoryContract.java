package io.github.m365kit.testkit;

import static io.github.m365kit.testkit.TenantFixture.BIG_SHARED;
import static io.github.m365kit.testkit.TenantFixture.HOSTILE;
import static io.github.m365kit.testkit.TenantFixture.LICENSED;
import static io.github.m365kit.testkit.TenantFixture.MISSING;
import static io.github.m365kit.testkit.TenantFixture.NO_MAILBOX;
import static io.github.m365kit.testkit.TenantFixture.SYNCED;
import static io.github.m365kit.testkit.TenantFixture.UNLICENSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxPurpose;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.CloudDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CloudDirectory} must have, error types included. Extend it and return a fresh directory
 * holding the {@link TenantFixture} from {@link #newDirectory(TenantFixture)}.
 *
 * <p>Optional behaviour: {@link Capability#REFUSES_NONCOMPLIANT_LICENSE_REMOVAL}. A backend over a real tenant may
 * hold more users than the fixture (admins, service accounts); the contract only requires the fixture's users to be
 * there.
 */
public abstract class CloudDirectoryContract extends PortContract {
  /** The directory under test, fresh for each test. */
  protected CloudDirectory directory;

  /** Creates the contract. */
  protected CloudDirectoryContract() {}

  /**
   * Creates a fresh backend holding exactly the fixture. Called before each test.
   *
   * @param fixture the state to create
   * @return the directory to test
   */
  protected abstract CloudDirectory newDirectory(TenantFixture fixture);

  /** Creates the directory for the next test. */
  @BeforeEach
  final void createDirectory() {
    directory = newDirectory(TenantFixture.standard());
  }

  @Test
  void findUser_whenPresent_returnsTheSeededFields() {
    CloudUser u = directory.findUser(LICENSED).orElseThrow();
    assertThat(u.userPrincipalName()).isEqualTo(LICENSED);
    assertThat(u.displayName()).isEqualTo("Licensed User");
    assertThat(u.mail()).contains(SmtpAddress.of(LICENSED.value()));
    assertThat(u.accountEnabled()).isTrue();
    assertThat(u.onPremisesSyncEnabled()).isFalse();
    assertThat(u.licenses()).containsExactly(License.OFFICE_365_E3);
    assertThat(u.hasExchangeLicense()).isTrue();
  }

  @Test
  void findUser_whenSynced_reportsOnPremisesSync() {
    assertThat(directory.findUser(SYNCED)).map(CloudUser::onPremisesSyncEnabled).contains(true);
  }

  @Test
  void findUser_whenHostileButValidUpn_returnsUser() {
    assertThat(directory.findUser(HOSTILE)).map(CloudUser::displayName).contains("Siobhan O'Brien");
  }

  @Test
  void findUser_whenUpnDiffersInCase_returnsUser() {
    assertThat(directory.findUser(Upn.of(LICENSED.value().toUpperCase(java.util.Locale.ROOT)))).map(CloudUser::userPrincipalName).contains(LICENSED);
  }

  @Test
  void mailboxPurpose_followsTheMailboxType() {
    assumeCapable(Capability.MAILBOX_PURPOSE);
    assertThat(directory.mailboxPurpose(LICENSED)).map(MailboxPurpose::kind).contains(MailboxPurpose.Kind.USER);
    assertThat(directory.mailboxPurpose(BIG_SHARED)).map(MailboxPurpose::kind).contains(MailboxPurpose.Kind.SHARED);
    assertThat(directory.mailboxPurpose(HOSTILE)).map(MailboxPurpose::kind).contains(MailboxPurpose.Kind.USER);
  }

  @Test
  void mailboxPurpose_withoutMailboxOrUser_isEmpty() {
    assertThat(directory.mailboxPurpose(NO_MAILBOX)).isEmpty();
    assertThat(directory.mailboxPurpose(MISSING)).isEmpty();
  }

  @Test
  void findUser_whenMissing_isEmpty() {
    assertThat(directory.findUser(MISSING)).isEmpty();
  }

  @Test
  void getUser_whenMissing_throwsNotFoundNamingTheUser() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> directory.getUser(MISSING));
    assertThat(e).hasMessageContaining(MISSING.value());
    assertThat(e.kind()).isEqualTo("user");
  }

  @Test
  void forEachUser_visitsEveryFixtureUserOnce() {
    List<Upn> seen = new ArrayList<>();
    directory.forEachUser(u -> seen.add(u.userPrincipalName()));
    assertThat(seen).doesNotHaveDuplicates();
    assertThat(seen).containsAll(TenantFixture.standard().users().stream().map(CloudUser::userPrincipalName).toList());
  }

  @Test
  void assignLicense_isVisibleOnRead() {
    directory.assignLicense(UNLICENSED, License.EXCHANGE_ONLINE_PLAN_1);
    eventually(() -> assertThat(directory.getUser(UNLICENSED).licenses()).containsExactly(License.EXCHANGE_ONLINE_PLAN_1));
  }

  @Test
  void assignLicense_whenAlreadyAssigned_isNoOp() {
    directory.assignLicense(LICENSED, License.OFFICE_365_E3);
    eventually(() -> assertThat(directory.getUser(LICENSED).licenses()).containsExactly(License.OFFICE_365_E3));
  }

  @Test
  void assignLicense_addsToExistingLicenses() {
    directory.assignLicense(NO_MAILBOX, License.OFFICE_365_E3);
    eventually(() -> assertThat(directory.getUser(NO_MAILBOX).licenses()).containsExactlyInAnyOrder(License.POWER_BI_FREE, License.OFFICE_365_E3));
  }

  @Test
  void assignLicense_whenUserMissing_throwsNotFound() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> directory.assignLicense(MISSING, License.OFFICE_365_E3));
    assertThat(e).hasMessageContaining(MISSING.value());
  }

  @Test
  void removeLicenses_removesOnlyTheGivenSkus() {
    directory.assignLicense(NO_MAILBOX, License.OFFICE_365_E3);
    directory.removeLicenses(NO_MAILBOX, Set.of(License.POWER_BI_FREE.skuId()));
    eventually(() -> assertThat(directory.getUser(NO_MAILBOX).licenses()).containsExactly(License.OFFICE_365_E3));
  }

  @Test
  void removeLicenses_lastExchangeLicense_leavesUserWithoutExchangeLicense() {
    directory.removeLicenses(HOSTILE, Set.of(License.OFFICE_365_E3.skuId()));
    eventually(() -> {
      CloudUser u = directory.getUser(HOSTILE);
      assertThat(u.licenses()).isEmpty();
      assertThat(u.hasExchangeLicense()).isFalse();
    });
  }

  @Test
  void removeLicenses_whenNotAssigned_isNoOp() {
    directory.removeLicenses(LICENSED, Set.of(License.EXCHANGE_ONLINE_ARCHIVING.skuId()));
    assertThat(directory.getUser(LICENSED).licenses()).containsExactly(License.OFFICE_365_E3);
  }

  @Test
  void removeLicenses_whenUserMissing_throwsNotFound() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> directory.removeLicenses(MISSING, Set.of(License.OFFICE_365_E3.skuId())));
    assertThat(e).hasMessageContaining(MISSING.value());
  }

  @Test
  void removeLicenses_fromSharedMailboxThatMustKeepOne_isRefusedNamingTheMailbox() {
    assumeCapable(Capability.REFUSES_NONCOMPLIANT_LICENSE_REMOVAL);
    ServiceRuleException e = expectThrows(ServiceRuleException.class, () -> directory.removeLicenses(BIG_SHARED, Set.of(License.OFFICE_365_E3.skuId())));
    assertThat(e.rule()).isEqualTo(Rule.SHARED_MAILBOX_REQUIRES_LICENSE);
    assertThat(e).hasMessageContaining(BIG_SHARED.value());
    assertThat(directory.getUser(BIG_SHARED).licenses()).containsExactly(License.OFFICE_365_E3);
  }

  @Test
  void setAccountEnabled_onCloudUser_roundTrips() {
    directory.setAccountEnabled(LICENSED, false);
    eventually(() -> assertThat(directory.getUser(LICENSED).accountEnabled()).isFalse());
    directory.setAccountEnabled(LICENSED, true);
    eventually(() -> assertThat(directory.getUser(LICENSED).accountEnabled()).isTrue());
  }

  @Test
  void setAccountEnabled_whenSameValue_isNoOp() {
    directory.setAccountEnabled(HOSTILE, true);
    assertThat(directory.getUser(HOSTILE).accountEnabled()).isTrue();
  }

  @Test
  void setAccountEnabled_onSyncedUser_throwsOnPremisesMasteredAndChangesNothing() {
    ServiceRuleException e = expectThrows(ServiceRuleException.class, () -> directory.setAccountEnabled(SYNCED, false));
    assertThat(e.rule()).isEqualTo(Rule.ON_PREMISES_MASTERED);
    assertThat(e).hasMessageContaining(SYNCED.value());
    assertThat(directory.getUser(SYNCED).accountEnabled()).isTrue();
  }

  @Test
  void setAccountEnabled_whenUserMissing_throwsNotFound() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> directory.setAccountEnabled(MISSING, false));
    assertThat(e).hasMessageContaining(MISSING.value());
  }

  @Test
  void revokeSignInSessions_recordsWhenSessionsBecameInvalid() {
    assertThat(directory.getUser(LICENSED).signInSessionsValidFrom()).isEmpty();
    directory.revokeSignInSessions(LICENSED);
    eventually(() -> assertThat(directory.getUser(LICENSED).signInSessionsValidFrom()).isPresent());
  }

  @Test
  void revokeSignInSessions_onSyncedUser_isAllowed() {
    directory.revokeSignInSessions(SYNCED);
    eventually(() -> assertThat(directory.getUser(SYNCED).signInSessionsValidFrom()).isPresent());
  }

  @Test
  void revokeSignInSessions_whenUserMissing_throwsNotFound() {
    NotFoundException e = expectThrows(NotFoundException.class, () -> directory.revokeSignInSessions(MISSING));
    assertThat(e).hasMessageContaining(MISSING.value());
  }
}
