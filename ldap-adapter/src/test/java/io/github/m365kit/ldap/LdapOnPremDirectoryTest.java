package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServerSnapshot;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.github.m365kit.AmbiguousMatchException;
import io.github.m365kit.BackendException;
import io.github.m365kit.M365KitException;
import io.github.m365kit.TransientException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.ImmutableAdUser;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.spi.OnPremDirectory.RemoteMailboxRecord;
import io.github.m365kit.testkit.OnPremDirectoryContract;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the on-prem directory contract against {@link LdapOnPremDirectory} over a real loopback socket to the
 * {@link EmbeddedDirectory}, plus LDAP-specific checks: paging, referrals, escaping on the wire, stored bytes and
 * error translation.
 */
class LdapOnPremDirectoryTest extends OnPremDirectoryContract {
  private static EmbeddedDirectory ad;
  private static InMemoryDirectoryServerSnapshot empty;

  @BeforeAll
  static void startServer() {
    ad = EmbeddedDirectory.start();
    empty = ad.server().createSnapshot();
  }

  @AfterAll
  static void stopServer() {
    ad.close();
  }

  @BeforeEach
  void restore() {
    ad.server().restoreSnapshot(empty);
  }

  @Override
  protected OnPremDirectory newDirectory(List<AdUser> seed, List<DistinguishedName> containers) {
    ad.server().restoreSnapshot(empty);
    containers.stream().sorted(Comparator.comparingInt(c -> c.rdns().size())).forEach(ad::addContainer);
    seed.forEach(ad::add);
    return ad.directory();
  }

  /** Records every search request, then passes each call to the in-process server. */
  private static LDAPInterface recording(List<SearchRequest> searches) {
    return (LDAPInterface) Proxy.newProxyInstance(LDAPInterface.class.getClassLoader(), new Class<?>[] {LDAPInterface.class}, (p, m, args) -> {
      if (m.getName().equals("search") && args != null && args.length == 1 && args[0] instanceof SearchRequest r) {
        searches.add(r);
      }
      try {
        return m.invoke(ad.server(), args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }

  private static void addBulkUsers(int n) throws Exception {
    ad.addContainer(BASE.child("OU", "Bulk"));
    for (int i = 0; i < n; i++) {
      ad.server().add(AdUserMapper.toEntry(AdUser.builder()
          .dn(BASE.child("OU", "Bulk").child("CN", "Bulk User " + i))
          .samAccountName(SamAccountName.of("bulk" + i))
          .userPrincipalName(Upn.of("bulk" + i + "@contoso.com"))
          .remoteRecipientType(RemoteRecipientType.MIGRATED)
          .recipientTypeDetails(RecipientTypeDetails.REMOTE_USER_MAILBOX)
          .build()));
    }
  }

  @Test
  void forEachUser_whenFiveThousandUsers_pagesAThousandAtATime() throws Exception {
    newDirectory(List.of(JANE), List.of(STAFF));
    addBulkUsers(5000);
    List<SearchRequest> searches = new ArrayList<>();
    AtomicInteger seen = new AtomicInteger();
    List<String> sams = new ArrayList<>();
    LdapBackend.create(recording(searches), BASE.toString()).forEachUser(BASE, u -> {
      seen.incrementAndGet();
      sams.add(u.samAccountName().value());
    });
    assertThat(seen.get()).isEqualTo(5001);
    assertThat(sams).doesNotHaveDuplicates();
    assertThat(searches).hasSize(6);
    for (SearchRequest r : searches) {
      SimplePagedResultsControl c = (SimplePagedResultsControl) r.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
      assertThat(c.getSize()).isEqualTo(1000);
    }
  }

  @Test
  void forEachUser_overSocketPool_visitsFiveThousandUsers() throws Exception {
    newDirectory(List.of(), List.of());
    addBulkUsers(5000);
    AtomicInteger seen = new AtomicInteger();
    ad.directory().forEachUser(BASE.child("OU", "Bulk"), u -> seen.incrementAndGet());
    assertThat(seen.get()).isEqualTo(5000);
  }

  @Test
  void findByAddress_whenWildcard_sendsEscapedFilter() {
    newDirectory(List.of(JANE), List.of(STAFF));
    List<SearchRequest> searches = new ArrayList<>();
    assertThat(LdapBackend.create(recording(searches), BASE.toString()).findByAddress(SmtpAddress.of("*@contoso.com"))).isEmpty();
    String filter = searches.get(0).getFilter().toString();
    assertThat(filter).contains("(mail=\\2a@contoso.com)").contains("(proxyAddresses=smtp:\\2a@contoso.com)");
    assertThat(filter).doesNotContain("=*");
  }

  @Test
  void findBySamAccountName_whenParentheses_sendsEscapedFilter() {
    newDirectory(List.of(JANE), List.of(STAFF));
    List<SearchRequest> searches = new ArrayList<>();
    LdapBackend.create(recording(searches), BASE.toString()).findBySamAccountName(SamAccountName.of(")(&(objectClass"));
    Filter f = searches.get(0).getFilter();
    assertThat(f.toString()).contains("(sAMAccountName=\\29\\28&\\28objectClass)");
    assertThat(f.getComponents()).hasSize(2);
  }

  @Test
  void findByUpn_whenTwoUsersShareUpn_throwsAmbiguous() {
    AdUser twin = ImmutableAdUser.copyOf(CLOUD_FIRST).withSamAccountName(SamAccountName.of("twin")).withUserPrincipalName(JANE.userPrincipalName());
    OnPremDirectory d = newDirectory(List.of(JANE, twin), List.of(STAFF));
    assertThatThrownBy(() -> d.findByUpn(Upn.of("jane.doe@contoso.com")))
        .isInstanceOf(AmbiguousMatchException.class)
        .hasMessageContaining("Jane Doe").hasMessageContaining("Cloud First");
  }

  @Test
  void forEachUser_whenReferralUnderBase_keepsGoingWithEitherPolicy() throws Exception {
    newDirectory(List.of(JANE, SHARED_BY_PROXY), List.of(STAFF, OTHER));
    ad.server().add(new Entry("OU=Configuration,DC=contoso,DC=com",
        new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "referral", "extensibleObject"),
        new com.unboundid.ldap.sdk.Attribute("ou", "Configuration"),
        new com.unboundid.ldap.sdk.Attribute("ref", "ldap://127.0.0.1:1/OU=Configuration,DC=contoso,DC=com")));
    // the server does send a continuation reference for it
    assertThat(ad.server().search(new SearchRequest("DC=contoso,DC=com", SearchScope.SUB, "(objectClass=*)")).getReferenceCount()).isEqualTo(1);
    for (ReferralPolicy policy : ReferralPolicy.values()) {
      List<DistinguishedName> seen = new ArrayList<>();
      ad.directory().withReferralPolicy(policy).forEachUser(BASE, u -> seen.add(u.dn()));
      assertThat(seen).as(policy.name()).containsExactlyInAnyOrder(JANE.dn(), SHARED_BY_PROXY.dn());
      assertThat(ad.directory().withReferralPolicy(policy).findByUpn(Upn.of("jane.doe@contoso.com"))).as(policy.name()).isPresent();
    }
  }

  @Test
  void forEachUser_whenBaseIsAReferral_returnsNothingAndDoesNotThrow() throws Exception {
    newDirectory(List.of(JANE), List.of(STAFF));
    ad.server().add(new Entry("OU=Remote,DC=contoso,DC=com",
        new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "referral", "extensibleObject"),
        new com.unboundid.ldap.sdk.Attribute("ou", "Remote"),
        new com.unboundid.ldap.sdk.Attribute("ref", "ldap://127.0.0.1:1/OU=Remote,DC=contoso,DC=com")));
    List<AdUser> seen = new ArrayList<>();
    ad.directory().forEachUser(BASE.child("OU", "Remote"), seen::add);
    assertThat(seen).isEmpty();
  }

  @Test
  void clearUnifiedMessaging_removesEveryUmAttributeAndKeepsTheRest() throws Exception {
    newDirectory(List.of(RECEPTION), List.of(STAFF));
    String dn = AdUserMapper.toLdap(RECEPTION.dn()).toString();
    ad.server().modify("dn: " + dn, "changetype: modify",
        "add: msExchUMDtmfMap", "msExchUMDtmfMap: reversedPhone:3214", "msExchUMDtmfMap: firstNameLastName:73767",
        "-", "add: msExchUMRecipientDialPlanLink", "msExchUMRecipientDialPlanLink: CN=ContosoDialPlan,CN=UM DialPlan Container,DC=contoso,DC=com",
        "-", "add: msExchUMTemplateLink", "msExchUMTemplateLink: CN=Default Policy,CN=UM Mailbox Policies,DC=contoso,DC=com",
        "-", "add: telephoneNumber", "telephoneNumber: +1 425 555 4123");
    ad.directory().clearUnifiedMessaging(RECEPTION.dn());
    Entry after = ad.server().getEntry(dn);
    for (String um : AdUserMapper.UM_ATTRIBUTES) {
      assertThat(after.hasAttribute(um)).as(um).isFalse();
    }
    assertThat(after.getAttributeValue("telephoneNumber")).isEqualTo("+1 425 555 4123");
    assertThat(after.getAttributeValues("proxyAddresses")).containsExactlyInAnyOrder("SMTP:reception@contoso.com", "smtp:reception@contoso.mail.onmicrosoft.com");
    assertThat(after.getAttributeValue("department")).isEqualTo("Front Office");
  }

  @Test
  void stampRemoteMailbox_storesGuidInAdByteOrder() throws Exception {
    newDirectory(List.of(CLOUD_FIRST), List.of(STAFF));
    UUID guid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    ad.directory().stampRemoteMailbox(CLOUD_FIRST.dn(), new RemoteMailboxRecord("SMTP:cloud.first@contoso.mail.onmicrosoft.com",
        List.of("SMTP:cloud.first@contoso.com"), "cloud.first", RemoteRecipientType.PROVISION_MAILBOX, RecipientTypeDetails.REMOTE_USER_MAILBOX,
        io.github.m365kit.model.RecipientDisplayType.SYNCED_MAILBOX_USER, guid));
    byte[] stored = ad.server().getEntry(AdUserMapper.toLdap(CLOUD_FIRST.dn()).toString()).getAttributeValueBytes("msExchMailboxGuid");
    assertThat(stored).containsExactly(0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff);
  }

  @Test
  void setRecipientTypes_storesSixtyFourBitIntegerThatIntegerFiltersMatch() throws Exception {
    newDirectory(List.of(JANE, CLOUD_FIRST), List.of(STAFF));
    ad.directory().setRecipientTypes(JANE.dn(), RemoteRecipientType.MIGRATED_SHARED, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty());
    assertThat(ad.server().search("DC=contoso,DC=com", SearchScope.SUB, Filter.createEqualityFilter("msExchRecipientTypeDetails", "34359738368")).getEntryCount()).isEqualTo(1);
    assertThat(ad.server().search("DC=contoso,DC=com", SearchScope.SUB, Filter.createGreaterOrEqualFilter("msExchRecipientTypeDetails", "9")).getEntryCount()).isEqualTo(1);
    assertThat(ad.server().getEntry(AdUserMapper.toLdap(JANE.dn()).toString()).getAttributeValue("msExchRemoteRecipientType")).isEqualTo("100");
  }

  @Test
  void move_whenCnHasSpecials_storesEscapedDn() throws Exception {
    newDirectory(List.of(HOSTILE), List.of(STAFF, DEPARTED));
    DistinguishedName moved = ad.directory().move(HOSTILE.dn(), DEPARTED);
    Entry e = ad.server().getEntry(AdUserMapper.toLdap(moved).toString());
    assertThat(e).isNotNull();
    assertThat(e.getParsedDN().getRDN().getAttributeValues()).containsExactly(HOSTILE_CN);
    assertThat(e.getParsedDN().getParent().toString()).isEqualToIgnoringCase("OU=Departed,DC=contoso,DC=com");
    assertThat(ad.server().getEntry(AdUserMapper.toLdap(HOSTILE.dn()).toString())).isNull();
  }

  @Test
  void setRecipientTypes_onAnOu_throwsBackendExceptionNamingTheCode() {
    OnPremDirectory d = newDirectory(List.of(), List.of(STAFF));
    assertThatThrownBy(() -> d.setRecipientTypes(STAFF, RemoteRecipientType.MIGRATED, RecipientTypeDetails.REMOTE_USER_MAILBOX, Optional.empty()))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.backend()).isEqualTo("ldap");
          assertThat(e.code()).startsWith("65 ");
          assertThat(e.isTransient()).isFalse();
        });
  }

  @Test
  void anyCall_whenConnectionClosed_throwsTransient() throws Exception {
    newDirectory(List.of(JANE), List.of(STAFF));
    LDAPConnection c = new LDAPConnection("127.0.0.1", ad.port());
    OnPremDirectory d = LdapBackend.create(c, BASE.toString());
    assertThat(d.get(JANE.dn()).samAccountName()).isEqualTo(JANE.samAccountName());
    c.close();
    assertThatThrownBy(() -> d.get(JANE.dn())).isInstanceOf(TransientException.class).matches(e -> ((M365KitException) e).isTransient());
    assertThatThrownBy(() -> d.forEachUser(BASE, u -> { })).isInstanceOf(TransientException.class);
    assertThatThrownBy(() -> d.setAccountDisabled(JANE.dn(), true)).isInstanceOf(TransientException.class);
  }

  @Test
  void forEachUser_whenBaseMissing_throwsNotFound() {
    OnPremDirectory d = newDirectory(List.of(JANE), List.of(STAFF));
    assertThatThrownBy(() -> d.forEachUser(MISSING_OU, u -> { })).isInstanceOf(io.github.m365kit.NotFoundException.class).hasMessageContaining("Nowhere");
  }

  @Test
  void read_whenStoredValueIsMalformed_throwsBackendExceptionNamingAttributeAndDn() throws Exception {
    newDirectory(List.of(JANE), List.of(STAFF));
    ad.server().modify("dn: " + AdUserMapper.toLdap(JANE.dn()), "changetype: modify", "replace: objectGUID", "objectGUID: short");
    assertThatThrownBy(() -> ad.directory().get(JANE.dn()))
        .isInstanceOf(BackendException.class).hasMessageContaining("objectGUID").hasMessageContaining("Jane Doe");
  }

  @Test
  void setAccountDisabled_whenUacChangesBetweenReadAndWrite_retriesAndKeepsBothChanges() throws Exception {
    newDirectory(List.of(JANE), List.of(STAFF));
    String dn = AdUserMapper.toLdap(JANE.dn()).toString();
    AtomicInteger modifies = new AtomicInteger();
    LDAPInterface racing = (LDAPInterface) Proxy.newProxyInstance(LDAPInterface.class.getClassLoader(), new Class<?>[] {LDAPInterface.class}, (p, m, args) -> {
      if (m.getName().equals("modify") && modifies.getAndIncrement() == 0) {
        // another admin sets PASSWORD_EXPIRED (0x800000) after our read
        ad.server().modify("dn: " + dn, "changetype: modify", "replace: userAccountControl", "userAccountControl: " + (66048 | 0x800000));
      }
      try {
        return m.invoke(ad.server(), args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
    LdapBackend.create(racing, BASE.toString()).setAccountDisabled(JANE.dn(), true);
    assertThat(modifies.get()).isEqualTo(2);
    assertThat(ad.directory().get(JANE.dn()).userAccountControl()).isEqualTo(66048 | 0x800000 | AdUser.ACCOUNTDISABLE);
  }
}
