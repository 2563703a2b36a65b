package io.github.m365kit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.ImmutableAdUser;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.spi.OnPremDirectory.RemoteMailboxRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OnPremDirectory} must show, whatever its backend.
 *
 * <p>A backend test extends this class and implements {@link #newDirectory(List, List)}; every test method asks for a
 * fresh directory seeded with {@link #fixtureUsers()} and {@link #fixtureContainers()}. The assertions name exception
 * <em>types</em> ({@link NotFoundException}, {@link ConflictException}), so every backend must translate its native
 * errors the same way. Multi-valued attributes ({@code proxyAddresses}) are compared without regard to order, since
 * LDAP does not promise one.
 */
public abstract class OnPremDirectoryContract {
  /** The domain root every fixture lives under. */
  protected static final DistinguishedName BASE = DistinguishedName.of("DC=contoso,DC=com");
  /** Where most fixture users live. */
  protected static final DistinguishedName STAFF = DistinguishedName.of("OU=Staff,DC=contoso,DC=com");
  /** An empty OU users are moved to. */
  protected static final DistinguishedName DEPARTED = DistinguishedName.of("OU=Departed,DC=contoso,DC=com");
  /** A second OU holding one user, to test search bases. */
  protected static final DistinguishedName OTHER = DistinguishedName.of("OU=Other,DC=contoso,DC=com");
  /** An OU that does not exist. */
  protected static final DistinguishedName MISSING_OU = DistinguishedName.of("OU=Nowhere,DC=contoso,DC=com");
  /** A value with every character RFC 4514 must escape, used as a CN. */
  protected static final String HOSTILE_CN = "Doe, Jane + \"JD\" <x>; #1 \\ =";

  /** userAccountControl DONT_EXPIRE_PASSWD (65536). */
  protected static final int DONT_EXPIRE_PASSWD = 0x10000;

  /** A remote user mailbox with every attribute the port reads. */
  protected static final AdUser JANE = AdUser.builder()
      .dn(STAFF.child("CN", "Jane Doe"))
      .samAccountName(SamAccountName.of("jdoe"))
      .userPrincipalName(Upn.of("jane.doe@contoso.com"))
      .mail(SmtpAddress.of("jane.doe@contoso.com"))
      .displayName("Jane Doe")
      .department("Sales")
      .addProxyAddresses("SMTP:jane.doe@contoso.com", "smtp:jane@contoso.mail.onmicrosoft.com", "smtp:jd@contoso.com")
      .targetAddress("SMTP:jane@contoso.mail.onmicrosoft.com")
      .mailNickname("jane")
      .userAccountControl(AdUser.NORMAL_ACCOUNT | DONT_EXPIRE_PASSWD)
      .remoteRecipientType(RemoteRecipientType.MIGRATED)
      .recipientTypeDetails(RecipientTypeDetails.REMOTE_USER_MAILBOX)
      .recipientDisplayType(RecipientDisplayType.SYNCED_MAILBOX_USER)
      .mailboxGuid(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"))
      .objectGuid(UUID.fromString("f0e1d2c3-b4a5-9687-7869-5a4b3c2d1e0f"))
      .build();

  /** A UM-enabled shared mailbox: an extension EUM proxy, a SIP EUM proxy and msExchUMEnabledFlags. */
  protected static final AdUser RECEPTION = AdUser.builder()
      .dn(STAFF.child("CN", "Reception"))
      .samAccountName(SamAccountName.of("reception"))
      .userPrincipalName(Upn.of("reception@contoso.com"))
      .mail(SmtpAddress.of("reception@contoso.com"))
      .displayName("Reception")
      .department("Front Office")
      .addProxyAddresses("SMTP:reception@contoso.com", "EUM:4123;phone-context=ContosoDialPlan.contoso.com",
          "eum:reception@contoso.com;phone-context=ContosoDialPlan.contoso.com", "smtp:reception@contoso.mail.onmicrosoft.com")
      .targetAddress("SMTP:reception@contoso.mail.onmicrosoft.com")
      .mailNickname("reception")
      .remoteRecipientType(RemoteRecipientType.MIGRATED_SHARED)
      .recipientTypeDetails(RecipientTypeDetails.REMOTE_SHARED_MAILBOX)
      .recipientDisplayType(RecipientDisplayType.SYNCED_MAILBOX_USER)
      .umEnabledFlags(3L)
      .build();

  /** A plain user with no Exchange attributes (a mailbox created in the cloud first). */
  protected static final AdUser CLOUD_FIRST = AdUser.builder()
      .dn(STAFF.child("CN", "Cloud First"))
      .samAccountName(SamAccountName.of("cfirst"))
      .userPrincipalName(Upn.of("cloud.first@contoso.com"))
      .displayName("Cloud First")
      .department("Marketing")
      .build();

  /** Holds {@code shared@contoso.com} as its mail. */
  protected static final AdUser SHARED_BY_MAIL = AdUser.builder()
      .dn(STAFF.child("CN", "Shared One"))
      .samAccountName(SamAccountName.of("shared1"))
      .mail(SmtpAddress.of("shared@contoso.com"))
      .addProxyAddresses("SMTP:shared@contoso.com")
      .build();

  /** Holds {@code shared@contoso.com} as a secondary proxy, in another case. */
  protected static final AdUser SHARED_BY_PROXY = AdUser.builder()
      .dn(OTHER.child("CN", "Shared Two"))
      .samAccountName(SamAccountName.of("shared2"))
      .mail(SmtpAddress.of("shared.two@contoso.com"))
      .addProxyAddresses("SMTP:shared.two@contoso.com", "smtp:Shared@Contoso.com")
      .build();

  /** A CN made of RFC 4514 special characters. */
  protected static final AdUser HOSTILE = AdUser.builder()
      .dn(STAFF.child("CN", HOSTILE_CN))
      .samAccountName(SamAccountName.of("hostile"))
      .userPrincipalName(Upn.of("hostile@contoso.com"))
      .displayName(HOSTILE_CN)
      .build();

  /** A legitimate address containing a filter metacharacter ({@code *}). */
  protected static final AdUser STAR = AdUser.builder()
      .dn(STAFF.child("CN", "Star"))
      .samAccountName(SamAccountName.of("star"))
      .mail(SmtpAddress.of("star*@contoso.com"))
      .addProxyAddresses("SMTP:star*@contoso.com")
      .build();

  /** Non-ASCII names. */
  protected static final AdUser ZOE = AdUser.builder()
      .dn(STAFF.child("CN", "Zoë Ñúñez 山田"))
      .samAccountName(SamAccountName.of("zoë"))
      .userPrincipalName(Upn.of("zoe@contoso.com"))
      .displayName("Zoë Ñúñez 山田")
      .department("Forschung & Entwicklung")
      .build();

  /**
   * Creates a fresh directory holding exactly the given users and containers, plus the base {@code DC=contoso,DC=com}.
   *
   * @param seed the users to add, in order
   * @param containers the organisational units to create (each directly or indirectly under the base)
   * @return the directory; never shared between tests
   */
  protected abstract OnPremDirectory newDirectory(List<AdUser> seed, List<DistinguishedName> containers);

  /** @return the users every test starts with */
  protected List<AdUser> fixtureUsers() {
    return List.of(JANE, RECEPTION, CLOUD_FIRST, SHARED_BY_MAIL, SHARED_BY_PROXY, HOSTILE, STAR, ZOE);
  }

  /** @return the containers every test starts with */
  protected List<DistinguishedName> fixtureContainers() {
    return List.of(STAFF, DEPARTED, OTHER);
  }

  /** @return a fresh directory with the fixture */
  protected final OnPremDirectory directory() {
    return newDirectory(fixtureUsers(), fixtureContainers());
  }

  /**
   * Compares two users attribute by attribute, ignoring the order of {@code proxyAddresses}.
   *
   * @param actual the user read back
   * @param expected the user expected
   */
  protected static void assertSameUser(AdUser actual, AdUser expected) {
    assertThat(normalized(actual)).isEqualTo(normalized(expected));
  }

  private static AdUser normalized(AdUser u) {
    return ImmutableAdUser.copyOf(u).withProxyAddresses(u.proxyAddresses().stream().sorted().toList());
  }

  private static List<DistinguishedName> dns(List<AdUser> users) {
    return users.stream().map(AdUser::dn).toList();
  }

  // --- findByUpn -------------------------------------------------------------------------------------------------

  @Test
  void findByUpn_whenPresent_returnsEveryAttribute() {
    Optional<AdUser> found = directory().findByUpn(Upn.of("jane.doe@contoso.com"));
    assertThat(found).isPresent();
    assertSameUser(found.get(), JANE);
  }

  @Test
  void findByUpn_whenCaseDiffers_findsUser() {
    assertThat(directory().findByUpn(Upn.of("JANE.DOE@Contoso.COM"))).map(AdUser::dn).contains(JANE.dn());
  }

  @Test
  void findByUpn_whenAbsent_isEmpty() {
    assertThat(directory().findByUpn(Upn.of("nobody@contoso.com"))).isEmpty();
  }

  @Test
  void findByUpn_whenUserHasNoExchangeAttributes_returnsThemEmpty() {
    AdUser u = directory().findByUpn(Upn.of("cloud.first@contoso.com")).orElseThrow();
    assertSameUser(u, CLOUD_FIRST);
    assertThat(u.remoteRecipientType()).isEmpty();
    assertThat(u.mailboxGuid()).isEmpty();
    assertThat(u.userAccountControl()).isEqualTo(AdUser.NORMAL_ACCOUNT);
  }

  // --- findBySamAccountName --------------------------------------------------------------------------------------

  @Test
  void findBySamAccountName_whenPresent_returnsUser() {
    assertThat(directory().findBySamAccountName(SamAccountName.of("reception")).map(u -> {
      assertSameUser(u, RECEPTION);
      return u.dn();
    })).contains(RECEPTION.dn());
  }

  @Test
  void findBySamAccountName_whenCaseDiffers_findsUser() {
    assertThat(directory().findBySamAccountName(SamAccountName.of("JDOE"))).map(AdUser::dn).contains(JANE.dn());
  }

  @Test
  void findBySamAccountName_whenAbsent_isEmpty() {
    assertThat(directory().findBySamAccountName(SamAccountName.of("nobody"))).isEmpty();
  }

  @Test
  void findBySamAccountName_whenNonAscii_findsThatUser() {
    OnPremDirectory d = directory();
    AdUser zoe = d.findBySamAccountName(SamAccountName.of("zoë")).orElseThrow();
    assertSameUser(zoe, ZOE);
    assertThat(d.findByUpn(Upn.of("zoe@contoso.com"))).map(AdUser::displayName).contains(ZOE.displayName());
  }

  // --- findByAddress ---------------------------------------------------------------------------------------------

  @Test
  void findByAddress_whenMail_findsUser() {
    assertThat(dns(directory().findByAddress(SmtpAddress.of("jane.doe@contoso.com")))).containsExactly(JANE.dn());
  }

  @Test
  void findByAddress_whenSecondaryLowerCaseProxy_findsUser() {
    assertThat(dns(directory().findByAddress(SmtpAddress.of("jd@contoso.com")))).containsExactly(JANE.dn());
  }

  @Test
  void findByAddress_whenPrimaryUpperCaseProxyOnly_findsUser() {
    assertThat(dns(directory().findByAddress(SmtpAddress.of("reception@contoso.mail.onmicrosoft.com")))).containsExactly(RECEPTION.dn());
  }

  @Test
  void findByAddress_whenCaseDiffers_findsUser() {
    assertThat(dns(directory().findByAddress(SmtpAddress.of("JD@CONTOSO.com")))).containsExactly(JANE.dn());
  }

  @Test
  void findByAddress_whenOnTwoUsers_returnsBoth() {
    assertThat(dns(directory().findByAddress(SmtpAddress.of("shared@contoso.com"))))
        .containsExactlyInAnyOrder(SHARED_BY_MAIL.dn(), SHARED_BY_PROXY.dn());
  }

  @Test
  void findByAddress_whenOnlyInEumProxy_isEmpty() {
    OnPremDirectory d = newDirectory(List.of(AdUser.builder()
        .dn(STAFF.child("CN", "Sip Only"))
        .samAccountName(SamAccountName.of("siponly"))
        .addProxyAddresses("EUM:sip.only@contoso.com;phone-context=ContosoDialPlan.contoso.com")
        .build()), List.of(STAFF));
    assertThat(d.findByAddress(SmtpAddress.of("sip.only@contoso.com"))).isEmpty();
  }

  @Test
  void findByAddress_whenAbsent_isEmpty() {
    assertThat(directory().findByAddress(SmtpAddress.of("nobody@contoso.com"))).isEmpty();
  }

  // --- get -------------------------------------------------------------------------------------------------------

  @Test
  void get_whenPresent_returnsUser() {
    assertSameUser(directory().get(JANE.dn()), JANE);
  }

  @Test
  void get_whenDnCaseDiffers_returnsUser() {
    assertThat(directory().get(DistinguishedName.of("cn=jane doe,ou=staff,dc=CONTOSO,dc=com")).samAccountName()).isEqualTo(JANE.samAccountName());
  }

  @Test
  void get_whenMissing_throwsNotFoundNamingDn() {
    assertThatThrownBy(() -> directory().get(STAFF.child("CN", "Nobody Here")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("Nobody Here");
  }

  @Test
  void get_whenDnIsAnOu_throwsNotFound() {
    assertThatThrownBy(() -> directory().get(STAFF)).isInstanceOf(NotFoundException.class);
  }

  // --- forEachUser -----------------------------------------------------------------------------------------------

  @Test
  void forEachUser_fromBase_visitsEveryUserOnce() {
    List<DistinguishedName> seen = new ArrayList<>();
    directory().forEachUser(BASE, u -> seen.add(u.dn()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(dns(fixtureUsers()));
  }

  @Test
  void forEachUser_underOu_visitsOnlyThatOu() {
    List<DistinguishedName> seen = new ArrayList<>();
    directory().forEachUser(OTHER, u -> seen.add(u.dn()));
    assertThat(seen).containsExactly(SHARED_BY_PROXY.dn());
  }

  @Test
  void forEachUser_underEmptyOu_visitsNothing() {
    List<AdUser> seen = new ArrayList<>();
    directory().forEachUser(DEPARTED, seen::add);
    assertThat(seen).isEmpty();
  }

  @Test
  void forEachUser_readsFullUsers() {
    List<AdUser> seen = new ArrayList<>();
    directory().forEachUser(STAFF, seen::add);
    AdUser jane = seen.stream().filter(u -> u.dn().equals(JANE.dn())).findFirst().orElseThrow();
    assertSameUser(jane, JANE);
  }

  // --- setRecipientTypes -----------------------------------------------------------------------------------------

  @Test
  void setRecipientTypes_whenRemoteShared_roundTripsSixtyFourBitValue() {
    OnPremDirectory d = directory();
    d.setRecipientTypes(JANE.dn(), JANE.remoteRecipientType().orElseThrow().withShared(), RecipientTypeDetails.REMOTE_SHARED_MAILBOX,
        Optional.of(RecipientDisplayType.SYNCED_MAILBOX_USER));
    AdUser after = d.get(JANE.dn());
    assertThat(after.remoteRecipientType()).contains(RemoteRecipientType.of(100L));
    assertThat(after.recipientTypeDetails()).map(RecipientTypeDetails::value).contains(34359738368L);
    assertThat(after.recipientDisplayType()).contains(RecipientDisplayType.of(-2147483642L));
    assertSameUser(ImmutableAdUser.copyOf(after).withRemoteRecipientType(JANE.remoteRecipientType()).withRecipientTypeDetails(JANE.recipientTypeDetails()), JANE);
  }

  @Test
  void setRecipientTypes_whenDisplayEmpty_keepsDisplayType() {
    OnPremDirectory d = directory();
    d.setRecipientTypes(JANE.dn(), RemoteRecipientType.MIGRATED_SHARED, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty());
    assertThat(d.get(JANE.dn()).recipientDisplayType()).isEqualTo(JANE.recipientDisplayType());
  }

  @Test
  void setRecipientTypes_whenUserHadNone_addsThem() {
    OnPremDirectory d = directory();
    d.setRecipientTypes(CLOUD_FIRST.dn(), RemoteRecipientType.PROVISION_MAILBOX, RecipientTypeDetails.REMOTE_USER_MAILBOX, Optional.empty());
    AdUser after = d.get(CLOUD_FIRST.dn());
    assertThat(after.remoteRecipientType()).contains(RemoteRecipientType.PROVISION_MAILBOX);
    assertThat(after.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_USER_MAILBOX);
    assertThat(after.recipientDisplayType()).isEmpty();
  }

  @Test
  void setRecipientTypes_whenUnknownNumbers_keepsThem() {
    OnPremDirectory d = directory();
    long unknownRemote = (1L << 40) | 4L;
    long unknownDetails = 1L << 62;
    long unknownDisplay = -123456789L;
    d.setRecipientTypes(JANE.dn(), RemoteRecipientType.of(unknownRemote), RecipientTypeDetails.of(unknownDetails), Optional.of(RecipientDisplayType.of(unknownDisplay)));
    AdUser after = d.get(JANE.dn());
    assertThat(after.remoteRecipientType().orElseThrow().value()).isEqualTo(unknownRemote);
    assertThat(after.remoteRecipientType().orElseThrow().unknownBits()).isEqualTo(1L << 40);
    assertThat(after.recipientTypeDetails().orElseThrow().value()).isEqualTo(unknownDetails);
    assertThat(after.recipientTypeDetails().orElseThrow().known()).isEmpty();
    assertThat(after.recipientDisplayType().orElseThrow().value()).isEqualTo(unknownDisplay);
  }

  @Test
  void setRecipientTypes_whenMissing_throwsNotFound() {
    assertThatThrownBy(() -> directory().setRecipientTypes(STAFF.child("CN", "Nobody"), RemoteRecipientType.MIGRATED_SHARED,
        RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty()))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Nobody");
  }

  // --- stampRemoteMailbox ----------------------------------------------------------------------------------------

  @Test
  void stampRemoteMailbox_onPlainUser_roundTripsEveryValue() {
    OnPremDirectory d = directory();
    UUID guid = UUID.fromString("6f1c1ab2-93d0-4e1f-8a3b-0c9d8e7f6a5b");
    RemoteMailboxRecord record = new RemoteMailboxRecord("SMTP:cloud.first@contoso.mail.onmicrosoft.com",
        List.of("SMTP:cloud.first@contoso.com", "smtp:cloud.first@contoso.mail.onmicrosoft.com"), "cloud.first",
        RemoteRecipientType.PROVISION_MAILBOX, RecipientTypeDetails.REMOTE_USER_MAILBOX, RecipientDisplayType.SYNCED_MAILBOX_USER, guid);
    d.stampRemoteMailbox(CLOUD_FIRST.dn(), record);
    AdUser after = d.get(CLOUD_FIRST.dn());
    assertSameUser(after, ImmutableAdUser.copyOf(CLOUD_FIRST)
        .withTargetAddress(record.targetAddress())
        .withProxyAddresses(record.proxyAddresses())
        .withMailNickname("cloud.first")
        .withRemoteRecipientType(RemoteRecipientType.PROVISION_MAILBOX)
        .withRecipientTypeDetails(RecipientTypeDetails.REMOTE_USER_MAILBOX)
        .withRecipientDisplayType(RecipientDisplayType.SYNCED_MAILBOX_USER)
        .withMailboxGuid(guid));
    assertThat(after.hasRemoteMailboxRecord()).isTrue();
    assertThat(d.findByAddress(SmtpAddress.of("cloud.first@contoso.mail.onmicrosoft.com"))).map(AdUser::dn).containsExactly(CLOUD_FIRST.dn());
  }

  @Test
  void stampRemoteMailbox_whenRecordPresent_replacesProxiesAndGuid() {
    OnPremDirectory d = directory();
    UUID guid = UUID.randomUUID();
    d.stampRemoteMailbox(JANE.dn(), new RemoteMailboxRecord("SMTP:jane2@contoso.mail.onmicrosoft.com", List.of("SMTP:jane.doe@contoso.com"),
        "jane2", RemoteRecipientType.MIGRATED, RecipientTypeDetails.REMOTE_USER_MAILBOX, RecipientDisplayType.SYNCED_MAILBOX_USER, guid));
    AdUser after = d.get(JANE.dn());
    assertThat(after.proxyAddresses()).containsExactly("SMTP:jane.doe@contoso.com");
    assertThat(after.mailboxGuid()).contains(guid);
    assertThat(after.objectGuid()).isEqualTo(JANE.objectGuid());
    assertThat(after.mailNickname()).contains("jane2");
  }

  @Test
  void stampRemoteMailbox_whenMissing_throwsNotFound() {
    assertThatThrownBy(() -> directory().stampRemoteMailbox(STAFF.child("CN", "Nobody"), new RemoteMailboxRecord("SMTP:x@contoso.mail.onmicrosoft.com",
        List.of("SMTP:x@contoso.com"), "x", RemoteRecipientType.PROVISION_MAILBOX, RecipientTypeDetails.REMOTE_USER_MAILBOX,
        RecipientDisplayType.SYNCED_MAILBOX_USER, UUID.randomUUID())))
        .isInstanceOf(NotFoundException.class);
  }

  // --- clearUnifiedMessaging -------------------------------------------------------------------------------------

  @Test
  void clearUnifiedMessaging_whenUmEnabled_removesEumProxiesAndFlagsOnly() {
    OnPremDirectory d = directory();
    d.clearUnifiedMessaging(RECEPTION.dn());
    AdUser after = d.get(RECEPTION.dn());
    assertThat(after.umEnabled()).isFalse();
    assertThat(after.umExtension()).isEmpty();
    assertSameUser(after, ImmutableAdUser.copyOf(RECEPTION)
        .withProxyAddresses("SMTP:reception@contoso.com", "smtp:reception@contoso.mail.onmicrosoft.com")
        .withUmEnabledFlags(Optional.empty()));
  }

  @Test
  void clearUnifiedMessaging_whenNotUmEnabled_changesNothing() {
    OnPremDirectory d = directory();
    d.clearUnifiedMessaging(JANE.dn());
    d.clearUnifiedMessaging(JANE.dn());
    assertSameUser(d.get(JANE.dn()), JANE);
  }

  @Test
  void clearUnifiedMessaging_whenMissing_throwsNotFound() {
    assertThatThrownBy(() -> directory().clearUnifiedMessaging(STAFF.child("CN", "Nobody"))).isInstanceOf(NotFoundException.class);
  }

  // --- setAccountDisabled ----------------------------------------------------------------------------------------

  @Test
  void setAccountDisabled_whenTrue_setsOnlyTheDisableBit() {
    OnPremDirectory d = directory();
    d.setAccountDisabled(JANE.dn(), true);
    AdUser after = d.get(JANE.dn());
    assertThat(after.userAccountControl()).isEqualTo(AdUser.NORMAL_ACCOUNT | DONT_EXPIRE_PASSWD | AdUser.ACCOUNTDISABLE);
    assertThat(after.isDisabled()).isTrue();
  }

  @Test
  void setAccountDisabled_whenRepeated_isIdempotent() {
    OnPremDirectory d = directory();
    d.setAccountDisabled(JANE.dn(), true);
    d.setAccountDisabled(JANE.dn(), true);
    assertThat(d.get(JANE.dn()).userAccountControl()).isEqualTo(66050);
  }

  @Test
  void setAccountDisabled_whenFalse_clearsOnlyTheDisableBit() {
    OnPremDirectory d = directory();
    d.setAccountDisabled(JANE.dn(), true);
    d.setAccountDisabled(JANE.dn(), false);
    assertThat(d.get(JANE.dn()).userAccountControl()).isEqualTo(AdUser.NORMAL_ACCOUNT | DONT_EXPIRE_PASSWD);
  }

  @Test
  void setAccountDisabled_whenAddedWithoutPasswordState546_keepsPasswdNotReqd() {
    int passwdNotReqd = 0x20;
    OnPremDirectory d = newDirectory(List.of(ImmutableAdUser.copyOf(CLOUD_FIRST).withUserAccountControl(546)), List.of(STAFF));
    d.setAccountDisabled(CLOUD_FIRST.dn(), false);
    assertThat(d.get(CLOUD_FIRST.dn()).userAccountControl()).isEqualTo(AdUser.NORMAL_ACCOUNT | passwdNotReqd);
  }

  @Test
  void setAccountDisabled_whenMissing_throwsNotFound() {
    assertThatThrownBy(() -> directory().setAccountDisabled(STAFF.child("CN", "Nobody"), true)).isInstanceOf(NotFoundException.class);
  }

  // --- move ------------------------------------------------------------------------------------------------------

  @Test
  void containerExists_forTheDomainAndEachOu_notForAMissingOuAUserOrAHostileName() {
    OnPremDirectory d = directory();
    assertThat(d.containerExists(BASE)).isTrue();
    assertThat(d.containerExists(STAFF)).isTrue();
    assertThat(d.containerExists(DEPARTED)).as("an empty OU").isTrue();
    assertThat(d.containerExists(MISSING_OU)).isFalse();
    assertThat(d.containerExists(JANE.dn())).as("a user holds no users").isFalse();
    assertThat(d.containerExists(BASE.child("OU", HOSTILE_CN))).isFalse();
    assertThat(d.containerExists(BASE.child("OU", "Staff\u0000"))).isFalse();
  }

  @Test
  void move_toOu_returnsNewDnAndOldIsGone() {
    OnPremDirectory d = directory();
    DistinguishedName moved = d.move(JANE.dn(), DEPARTED);
    assertThat(moved).isEqualTo(DEPARTED.child("CN", "Jane Doe"));
    assertThatThrownBy(() -> d.get(JANE.dn())).isInstanceOf(NotFoundException.class);
    AdUser after = d.get(moved);
    assertSameUser(after, ImmutableAdUser.copyOf(JANE).withDn(moved));
    assertThat(d.findByUpn(Upn.of("jane.doe@contoso.com"))).map(AdUser::dn).contains(moved);
  }

  @Test
  void move_toMissingOu_throwsNotFoundAndKeepsUser() {
    OnPremDirectory d = directory();
    assertThatThrownBy(() -> d.move(JANE.dn(), MISSING_OU)).isInstanceOf(NotFoundException.class).hasMessageContaining("Nowhere");
    assertSameUser(d.get(JANE.dn()), JANE);
  }

  @Test
  void move_whenUserMissing_throwsNotFound() {
    assertThatThrownBy(() -> directory().move(STAFF.child("CN", "Nobody"), DEPARTED)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void move_ontoExistingName_throwsConflict() {
    AdUser twin = ImmutableAdUser.copyOf(CLOUD_FIRST).withDn(DEPARTED.child("CN", "Jane Doe")).withSamAccountName(SamAccountName.of("jdoe2"))
        .withUserPrincipalName(Upn.of("jane.twin@contoso.com"));
    OnPremDirectory d = newDirectory(List.of(JANE, twin), List.of(STAFF, DEPARTED));
    assertThatThrownBy(() -> d.move(JANE.dn(), DEPARTED)).isInstanceOf(ConflictException.class);
    assertSameUser(d.get(JANE.dn()), JANE);
  }

  // --- hostile values --------------------------------------------------------------------------------------------

  @Test
  void findByAddress_whenWildcardAddress_matchesNothing() {
    OnPremDirectory d = directory();
    assertThat(d.findByAddress(SmtpAddress.of("*@contoso.com"))).isEmpty();
    assertThat(d.findByAddress(SmtpAddress.of("j*@contoso.com"))).isEmpty();
    assertThat(d.findByAddress(SmtpAddress.of("*.doe@contoso.com"))).isEmpty();
  }

  @Test
  void findByAddress_whenAddressHoldsAsterisk_matchesOnlyExactValue() {
    OnPremDirectory d = directory();
    assertThat(dns(d.findByAddress(SmtpAddress.of("star*@contoso.com")))).containsExactly(STAR.dn());
    assertThat(d.findByAddress(SmtpAddress.of("starry@contoso.com"))).isEmpty();
  }

  @Test
  void findByAddress_whenFilterOperators_matchesNothing() {
    OnPremDirectory d = directory();
    for (String hostile : List.of("|jane.doe@contoso.com", "&!x=y@contoso.com", "jane.doe=*@contoso.com", "{}~`%$#@contoso.com")) {
      assertThat(d.findByAddress(SmtpAddress.of(hostile))).as(hostile).isEmpty();
    }
  }

  @Test
  void findBySamAccountName_whenFilterMetacharacters_matchesNothing() {
    OnPremDirectory d = directory();
    for (String hostile : List.of(")(&(objectClass", "jdoe)(", "(jdoe", "j!doe", "Ä)(&(", "jdoe%00", "jdoe 00")) {
      assertThat(d.findBySamAccountName(SamAccountName.of(hostile))).as(hostile).isEmpty();
    }
  }

  @Test
  void findByUpn_whenOddButValidCharacters_matchesNothing() {
    OnPremDirectory d = directory();
    assertThat(d.findByUpn(Upn.of("jane.doe!#^~'@contoso.com"))).isEmpty();
    assertThat(d.findByUpn(Upn.of("'_-@contoso.com"))).isEmpty();
  }

  @Test
  void lookUps_whenVeryLong_matchNothing() {
    OnPremDirectory d = directory();
    String local = "a".repeat(64);
    String domain = ("b".repeat(60) + ".").repeat(3) + "com";
    assertThat(d.findByAddress(SmtpAddress.of(local + "@" + domain))).isEmpty();
    assertThat(d.findByUpn(Upn.of(local + "@" + "c".repeat(40) + ".com"))).isEmpty();
    assertThat(d.findBySamAccountName(SamAccountName.of("x".repeat(20)))).isEmpty();
  }

  @Test
  void get_whenDnValueHoldsWildcardOrControlCharacters_throwsNotFound() {
    OnPremDirectory d = directory();
    for (String value : List.of("*", "Jane*", "Jane Doe\u0000", "\\00", "Jane Doe)(cn=*", "\u00e9\u0301")) {
      assertThatThrownBy(() -> d.get(STAFF.child("CN", value))).as(value).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void get_whenCnHoldsRfc4514Specials_returnsUser() {
    OnPremDirectory d = directory();
    AdUser u = d.get(STAFF.child("CN", HOSTILE_CN));
    assertSameUser(u, HOSTILE);
    assertThat(u.dn().rdn().value()).isEqualTo(HOSTILE_CN);
    assertThat(d.get(DistinguishedName.of(HOSTILE.dn().toString())).dn()).isEqualTo(HOSTILE.dn());
  }

  @Test
  void writes_whenCnHoldsRfc4514Specials_work() {
    OnPremDirectory d = directory();
    d.setAccountDisabled(HOSTILE.dn(), true);
    d.setRecipientTypes(HOSTILE.dn(), RemoteRecipientType.MIGRATED_SHARED, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty());
    DistinguishedName moved = d.move(HOSTILE.dn(), DEPARTED);
    assertThat(moved.rdn().value()).isEqualTo(HOSTILE_CN);
    AdUser after = d.get(moved);
    assertThat(after.isDisabled()).isTrue();
    assertThat(after.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_SHARED_MAILBOX);
    assertThat(d.findBySamAccountName(SamAccountName.of("hostile"))).map(AdUser::dn).contains(moved);
  }

  @Test
  void forEachUser_whenBaseHasSpecialCharacters_visitsThem() {
    DistinguishedName odd = BASE.child("OU", "R&D, \"Lab\" + Co");
    AdUser u = ImmutableAdUser.copyOf(CLOUD_FIRST).withDn(odd.child("CN", "Lab, User"));
    OnPremDirectory d = newDirectory(List.of(u, JANE), List.of(odd, STAFF));
    List<DistinguishedName> seen = new ArrayList<>();
    d.forEachUser(odd, x -> seen.add(x.dn()));
    assertThat(seen).containsExactly(u.dn());
    assertThat(seen.stream().map(DistinguishedName::toString).collect(Collectors.joining())).contains("Lab\\, User");
  }
}
