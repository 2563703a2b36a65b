package io.github.m365kit.testkit;

import static io.github.m365kit.testkit.TenantFixture.BIG_SHARED;
import static io.github.m365kit.testkit.TenantFixture.HOSTILE;
import static io.github.m365kit.testkit.TenantFixture.HOSTILE_ADDRESS;
import static io.github.m365kit.testkit.TenantFixture.HOSTILE_PROXY;
import static io.github.m365kit.testkit.TenantFixture.LICENSED;
import static io.github.m365kit.testkit.TenantFixture.MISSING;
import static io.github.m365kit.testkit.TenantFixture.NO_MAILBOX;
import static io.github.m365kit.testkit.TenantFixture.SHARED_UM;
import static io.github.m365kit.testkit.TenantFixture.SHARED_UM_EXTENSION;
import static io.github.m365kit.testkit.TenantFixture.TRUSTEE;
import static io.github.m365kit.testkit.TenantFixture.UM_USER;
import static io.github.m365kit.testkit.TenantFixture.UM_USER_EXTENSION;
import static io.github.m365kit.testkit.TenantFixture.UNLICENSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MailboxStore} must have, error types included. Extend it in your backend's test and
 * return a fresh store holding the {@link TenantFixture}:
 *
 * <pre>{@code
 * class InMemoryMailboxStoreTest extends MailboxStoreContract {
 *   private InMemoryTenant tenant;
 *
 *   protected MailboxStore newStore(TenantFixture fixture) {
 *     tenant = fixture.toInMemoryTenant();
 *     return tenant;
 *   }
 *
 *   protected void advanceClock(Duration d) {
 *     tenant.simulatedClock().advance(d);
 *   }
 * }
 * }</pre>
 *
 * Optional behaviour: {@link Capability#CONTROLLABLE_CLOCK} (the 30-day grace period). Everything else is required.
 */
public abstract class MailboxStoreContract extends PortContract {
  /** The store under test, fresh for each test. */
  protected MailboxStore store;

  /** Creates the contract. */
  protected MailboxStoreContract() {}

  /**
   * Creates a fresh backend holding exactly the fixture. Called before each test.
   *
   * @param fixture the state to create
   * @return the store to test
   */
  protected abstract MailboxStore newStore(TenantFixture fixture);

  /** Creates the store for the next test. */
  @BeforeEach
  final void createStore() {
    store = newStore(TenantFixture.standard());
  }

  private static SmtpAddress addr(Upn upn) {
    return SmtpAddress.of(upn.value());
  }

  private static SmtpAddress missing() {
    return SmtpAddress.of(MISSING.value());
  }

  // ------------------------------------------------------------------ find / findByUpn / get

  @Test
  void find_whenPrimaryAddress_returnsMailboxAsSeeded() {
    Mailbox m = store.find(addr(UM_USER)).orElseThrow();
    assertThat(m.primarySmtpAddress()).isEqualTo(addr(UM_USER));
    assertThat(m.userPrincipalName()).isEqualTo(UM_USER);
    assertThat(m.type()).isEqualTo(MailboxType.USER);
    assertThat(m.umEnabled()).isTrue();
    assertThat(m.umExtension()).contains(UM_USER_EXTENSION);
  }

  @Test
  void find_whenSecondaryProxyAddress_returnsOwnersMailbox() {
    assertThat(store.find(HOSTILE_PROXY)).map(Mailbox::userPrincipalName).contains(HOSTILE);
  }

  @Test
  void find_whenAddressDiffersInCase_returnsMailbox() {
    assertThat(store.find(SmtpAddress.of(LICENSED.value().toUpperCase(java.util.Locale.ROOT)))).map(Mailbox::userPrincipalName).contains(LICENSED);
  }

  @Test
  void find_whenHostileButValidAddress_returnsMailbox() {
    assertThat(store.find(HOSTILE_ADDRESS)).map(Mailbox::primarySmtpAddress).contains(HOSTILE_ADDRESS);
  }

  @Test
  void find_whenSharedMailbox_reportsSharedType() {
    assertThat(store.find(addr(BIG_SHARED))).map(Mailbox::type).contains(MailboxType.SHARED);
    assertThat(store.find(addr(BIG_SHARED))).map(Mailbox::litigationHoldEnabled).contains(true);
  }

  @Test
  void find_whenMissing_isEmpty() {
    assertThat(store.find(missing())).isEmpty();
  }

  @Test
  void findByUpn_whenHostileUpn_returnsMailboxWithHostileAddress() {
    assertThat(store.findByUpn(HOSTILE)).map(Mailbox::primarySmtpAddress).contains(HOSTILE_ADDRESS);
  }

  @Test
  void findByUpn_whenOwnerHasMailbox_returnsIt() {
    assertThat(store.findByUpn(TRUSTEE)).map(Mailbox::primarySmtpAddress).contains(addr(TRUSTEE));
  }

  @Test
  void findByUpn_whenUserHasNoMailbox_isEmpty() {
    assertThat(store.findByUpn(NO_MAILBOX)).isEmpty();
  }

  @Test
  void findByUpn_whenUnknownUser_isEmpty() {
    assertThat(store.findByUpn(MISSING)).isEmpty();
  }

  @Test
  void get_whenMissing_throwsNotFoundNamingTheAddress() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> store.get(missing()));
    assertThat(e).as("get of a missing mailbox must throw NotFoundException").isNotNull();
    assertThat(e).hasMessageContaining(MISSING.value());
    assertThat(e.kind()).isEqualTo("mailbox");
  }

  // ------------------------------------------------------------------ setType

  @Test
  void setType_toSharedWhenLicensed_isVisibleOnRead() {
    store.setType(addr(LICENSED), MailboxType.SHARED);
    eventually(() -> assertThat(store.get(addr(LICENSED)).type()).isEqualTo(MailboxType.SHARED));
  }

  @Test
  void setType_sharedThenUser_roundTrips() {
    store.setType(addr(LICENSED), MailboxType.SHARED);
    store.setType(addr(LICENSED), MailboxType.USER);
    eventually(() -> assertThat(store.get(addr(LICENSED)).type()).isEqualTo(MailboxType.USER));
  }

  @Test
  void setType_whenSameType_isNoOp() {
    Mailbox before = store.get(addr(LICENSED));
    store.setType(addr(LICENSED), MailboxType.USER);
    store.setType(addr(BIG_SHARED), MailboxType.SHARED);
    Mailbox after = store.get(addr(LICENSED));
    assertThat(after.type()).isEqualTo(MailboxType.USER);
    assertThat(after.totalItemSizeBytes()).isEqualTo(before.totalItemSizeBytes());
    assertThat(after.emailAddresses()).containsExactlyInAnyOrderElementsOf(before.emailAddresses());
    assertThat(store.get(addr(BIG_SHARED)).type()).isEqualTo(MailboxType.SHARED);
  }

  @Test
  void setType_whenHostileButValidAddress_converts() {
    store.setType(HOSTILE_ADDRESS, MailboxType.SHARED);
    eventually(() -> assertThat(store.get(HOSTILE_ADDRESS).type()).isEqualTo(MailboxType.SHARED));
  }

  @Test
  void setType_whenGivenProxyAddress_convertsOwnersMailbox() {
    store.setType(HOSTILE_PROXY, MailboxType.SHARED);
    eventually(() -> assertThat(store.get(HOSTILE_ADDRESS).type()).isEqualTo(MailboxType.SHARED));
  }

  @Test
  void setType_toSharedWhenUnlicensed_throwsConversionRequiresLicenseAndChangesNothing() {
    ServiceRuleException e = catchThrowableOfType(ServiceRuleException.class, () -> store.setType(addr(UNLICENSED), MailboxType.SHARED));
    assertThat(e).as("converting an unlicensed mailbox must throw ServiceRuleException").isNotNull();
    assertThat(e.rule()).isEqualTo(Rule.CONVERSION_REQUIRES_LICENSE);
    assertThat(e).hasMessageContaining(UNLICENSED.value());
    assertThat(store.get(addr(UNLICENSED)).type()).isEqualTo(MailboxType.USER);
  }

  @Test
  void setType_whenMissing_throwsNotFoundNamingTheAddress() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> store.setType(missing(), MailboxType.SHARED));
    assertThat(e).as("setType on a missing mailbox must throw NotFoundException").isNotNull();
    assertThat(e).hasMessageContaining(MISSING.value());
  }

  @Test
  void setType_toShared_keepsTheUmExtension() {
    store.setType(addr(UM_USER), MailboxType.SHARED);
    eventually(() -> {
      Mailbox m = store.get(addr(UM_USER));
      assertThat(m.type()).isEqualTo(MailboxType.SHARED);
      assertThat(m.umExtension()).as("the UM trap: conversion keeps the extension").contains(UM_USER_EXTENSION);
    });
  }

  // ------------------------------------------------------------------ disableUnifiedMessaging

  @Test
  void disableUnifiedMessaging_whenLicensedUserMailbox_freesTheExtension() {
    store.disableUnifiedMessaging(addr(UM_USER));
    eventually(() -> {
      Mailbox m = store.get(addr(UM_USER));
      assertThat(m.umEnabled()).isFalse();
      assertThat(m.umExtension()).isEmpty();
    });
  }

  @Test
  void disableUnifiedMessaging_whenSharedMailbox_throwsUmLicenseValidationAndKeepsExtension() {
    ServiceRuleException e = catchThrowableOfType(ServiceRuleException.class, () -> store.disableUnifiedMessaging(addr(SHARED_UM)));
    assertThat(e).as("Disable-UMMailbox on a shared mailbox must throw ServiceRuleException").isNotNull();
    assertThat(e.rule()).isEqualTo(Rule.UM_LICENSE_VALIDATION);
    assertThat(e).hasMessageContaining(SHARED_UM.value());
    assertThat(store.get(addr(SHARED_UM)).umExtension()).contains(SHARED_UM_EXTENSION);
  }

  @Test
  void disableUnifiedMessaging_whenNoUm_throwsUmAlreadyDisabled() {
    ServiceRuleException e = catchThrowableOfType(ServiceRuleException.class, () -> store.disableUnifiedMessaging(addr(LICENSED)));
    assertThat(e).as("Disable-UMMailbox on a mailbox without UM must throw ServiceRuleException").isNotNull();
    assertThat(e.rule()).isEqualTo(Rule.UM_ALREADY_DISABLED);
    assertThat(e).hasMessageContaining(LICENSED.value());
  }

  @Test
  void disableUnifiedMessaging_twice_secondCallReportsAlreadyDisabled() {
    store.disableUnifiedMessaging(addr(UM_USER));
    ServiceRuleException e = catchThrowableOfType(ServiceRuleException.class, () -> store.disableUnifiedMessaging(addr(UM_USER)));
    assertThat(e).isNotNull();
    assertThat(e.rule()).isEqualTo(Rule.UM_ALREADY_DISABLED);
  }

  @Test
  void disableUnifiedMessaging_whenMissing_throwsNotFound() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> store.disableUnifiedMessaging(missing()));
    assertThat(e).isNotNull().hasMessageContaining(MISSING.value());
  }

  // ------------------------------------------------------------------ FullAccess

  @Test
  void fullAccess_whenNoGrants_isEmpty() {
    assertThat(store.fullAccess(addr(LICENSED))).isEmpty();
  }

  @Test
  void grantFullAccess_isVisibleWithItsAutoMapping() {
    store.grantFullAccess(addr(LICENSED), TRUSTEE, false);
    eventually(() -> assertThat(store.fullAccess(addr(LICENSED))).containsExactly(new MailboxPermission(TRUSTEE, false)));
  }

  @Test
  void grantFullAccess_onHostileAddressToHostileTrustee_roundTrips() {
    // autoMapping=false: Exchange's Get-MailboxPermission does not report AutoMapping, so the Exchange adapter reads
    // every grant back as false; this test is about the addresses.
    store.grantFullAccess(addr(LICENSED), HOSTILE, false);
    store.grantFullAccess(HOSTILE_ADDRESS, TRUSTEE, false);
    eventually(() -> {
      assertThat(store.fullAccess(addr(LICENSED))).containsExactly(new MailboxPermission(HOSTILE, false));
      assertThat(store.fullAccess(HOSTILE_ADDRESS)).containsExactly(new MailboxPermission(TRUSTEE, false));
    });
  }

  @Test
  void grantFullAccess_twice_keepsOneGrantWithTheLatestAutoMapping() {
    store.grantFullAccess(addr(LICENSED), TRUSTEE, true);
    store.grantFullAccess(addr(LICENSED), TRUSTEE, false);
    eventually(() -> assertThat(store.fullAccess(addr(LICENSED))).containsExactly(new MailboxPermission(TRUSTEE, false)));
  }

  @Test
  void revokeFullAccess_removesOnlyThatTrustee() {
    store.grantFullAccess(addr(LICENSED), TRUSTEE, true);
    store.grantFullAccess(addr(LICENSED), UM_USER, false);
    store.revokeFullAccess(addr(LICENSED), TRUSTEE);
    eventually(() -> assertThat(store.fullAccess(addr(LICENSED))).containsExactly(new MailboxPermission(UM_USER, false)));
  }

  @Test
  void revokeFullAccess_whenNotGranted_isNoOp() {
    store.revokeFullAccess(addr(LICENSED), TRUSTEE);
    assertThat(store.fullAccess(addr(LICENSED))).isEmpty();
  }

  @Test
  void grantFullAccess_whenTrusteeUnknown_throwsNotFoundNamingTheTrustee() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> store.grantFullAccess(addr(LICENSED), MISSING, true));
    assertThat(e).as("granting to an unknown trustee must throw NotFoundException").isNotNull();
    assertThat(e).hasMessageContaining(MISSING.value());
    assertThat(e.kind()).isEqualTo("user");
    assertThat(store.fullAccess(addr(LICENSED))).isEmpty();
  }

  @Test
  void grantFullAccess_whenMailboxMissing_throwsNotFound() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> store.grantFullAccess(missing(), TRUSTEE, true));
    assertThat(e).isNotNull().hasMessageContaining(MISSING.value());
    assertThat(e.kind()).isEqualTo("mailbox");
  }

  @Test
  void fullAccess_whenMailboxMissing_throwsNotFound() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> store.fullAccess(missing()));
    assertThat(e).isNotNull().hasMessageContaining(MISSING.value());
  }

  @Test
  void revokeFullAccess_whenMailboxMissing_throwsNotFound() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> store.revokeFullAccess(missing(), TRUSTEE));
    assertThat(e).isNotNull().hasMessageContaining(MISSING.value());
  }

  // ------------------------------------------------------------------ grace period (optional: needs a clock)

  @Test
  void unlicensedUserMailbox_withinGracePeriod_isStillThere() {
    assumeCapable(Capability.CONTROLLABLE_CLOCK);
    advanceClock(Duration.ofDays(29));
    assertThat(store.find(addr(UNLICENSED))).isPresent();
  }

  @Test
  void unlicensedUserMailbox_afterGracePeriod_isGoneAndGetThrowsNotFound() {
    assumeCapable(Capability.CONTROLLABLE_CLOCK);
    advanceClock(Duration.ofDays(30));
    assertThat(store.find(addr(UNLICENSED))).isEmpty();
    assertThat(store.findByUpn(UNLICENSED)).isEmpty();
    assertThat(catchThrowableOfType(NotFoundException.class, () -> store.get(addr(UNLICENSED)))).isNotNull();
  }

  @Test
  void unlicensedSharedMailbox_afterGracePeriod_isKept() {
    assumeCapable(Capability.CONTROLLABLE_CLOCK);
    advanceClock(Duration.ofDays(400));
    assertThat(store.find(addr(SHARED_UM))).isPresent();
  }
}
