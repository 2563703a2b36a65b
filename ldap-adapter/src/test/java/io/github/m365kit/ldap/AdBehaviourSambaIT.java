package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.BackendException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.OnPremDirectory.RemoteMailboxRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a real AD-compatible DC (Samba AD DC) does that the embedded server does not, checked through the adapter:
 * referrals from the domain root, binary GUIDs, 546 on add, AD's bind diagnostics, strong authentication, LDAPS and
 * StartTLS with certificate validation, and paging over 3,000 users.
 */
class AdBehaviourSambaIT {
  private static final DistinguishedName ROOT = DistinguishedName.of(SambaDc.DOMAIN_ROOT);
  private static final DistinguishedName OU = ROOT.child("OU", "behaviour");
  /**
   * 3,000 users for the paging test. They stay between runs (the DC is throwaway): adding them costs 15-75 s and a
   * tree delete of them several minutes, since AD keeps a tombstone per object.
   */
  private static final DistinguishedName BULK = ROOT.child("OU", "bulk");
  private static final int BULK_USERS = 3000;

  private static SambaDc dc;
  private static LDAPConnectionPool admin;
  private static LdapOnPremDirectory root;

  @BeforeAll
  static void seed() throws Exception {
    dc = SambaDc.fromEnvironment();
    admin = dc.adminPool();
    SambaDc.deleteTree(admin, OU);
    SambaDc.addContainers(admin, List.of(OU));
    root = LdapBackend.connect(dc.ldaps().build(), ROOT.toString());
    int[] existing = {0};
    if (admin.getEntry(AdUserMapper.toLdap(BULK).toString(), "1.1") != null) {
      root.forEachUser(BULK, u -> existing[0]++);
    }
    if (existing[0] != BULK_USERS) {
      long t = System.nanoTime();
      SambaDc.deleteTree(admin, BULK);
      SambaDc.addContainers(admin, List.of(BULK));
      addBulkUsers();
      System.out.printf("[samba] added %d users in %.1f s%n", BULK_USERS, (System.nanoTime() - t) / 1e9);
    }
  }

  /** Adds the bulk users over 4 LDAPS connections (about 25 per second on a 2-core machine): no password, so 546. */
  private static void addBulkUsers() throws Exception {
    int workers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try (LDAPConnectionPool bulk = LdapBackend.openPool(dc.ldaps().poolSize(workers).build())) {
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int worker = w;
        jobs.add(pool.submit(() -> {
          for (int i = worker; i < BULK_USERS; i += workers) {
            String sam = String.format("bulk%05d", i);
            Entry e = new Entry(AdUserMapper.toLdap(BULK.child("CN", "Bulk User " + i)));
            e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
            e.addAttribute("sAMAccountName", sam);
            e.addAttribute("userPrincipalName", sam + "@contoso.test");
            e.addAttribute("msExchRecipientTypeDetails", "2147483648");
            bulk.add(e);
          }
          return null;
        }));
      }
      for (Future<?> f : jobs) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  @AfterAll
  static void cleanUp() throws LDAPException {
    if (root != null) {
      root.close();
    }
    if (admin != null) {
      SambaDc.deleteTree(admin, OU);
      admin.close();
    }
  }

  private static AdUser addUser(String cn, String sam, boolean withPassword) throws LDAPException {
    Entry e = new Entry(AdUserMapper.toLdap(OU.child("CN", cn)));
    e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
    e.addAttribute("sAMAccountName", sam);
    e.addAttribute("userPrincipalName", sam + "@contoso.test");
    if (withPassword) {
      e.addAttribute("unicodePwd", ("\"" + SambaDc.USER_PASSWORD + "\"").getBytes(StandardCharsets.UTF_16LE));
      e.addAttribute("userAccountControl", "512");
    }
    admin.add(e);
    return root.get(OU.child("CN", cn));
  }

  private static void deleteUser(AdUser u) throws LDAPException {
    admin.delete(AdUserMapper.toLdap(u.dn()).toString());
  }

  // --- referrals -------------------------------------------------------------------------------------------------

  @Test
  void searchFromDomainRoot_skipsTheConfigurationReferral_andFindsUsers() throws Exception {
    SearchResult raw = admin.search(new SearchRequest(SambaDc.DOMAIN_ROOT, SearchScope.SUB, "(sAMAccountName=Administrator)", "1.1"));
    assertThat(raw.getReferenceCount()).as("the DC returns continuation references from the domain root").isPositive();

    assertThat(root.findBySamAccountName(SamAccountName.of("Administrator"))).map(u -> u.dn().toString())
        .contains("CN=Administrator,CN=Users," + SambaDc.DOMAIN_ROOT);
    List<AdUser> all = new ArrayList<>();
    root.forEachUser(ROOT, all::add);
    assertThat(all).hasSizeGreaterThan(BULK_USERS).anyMatch(u -> u.samAccountName().value().equals("krbtgt"));
  }

  // --- binary attributes -----------------------------------------------------------------------------------------

  @Test
  void objectGuid_isReadFromBinary_asTheDcFormatsIt() throws Exception {
    AdUser u = addUser("Guid Reader", "guidreader", false);
    try {
      assertThat(u.objectGuid()).contains(SambaDc.assignedGuid(admin, AdUserMapper.toLdap(u.dn()).toString()));
    } finally {
      deleteUser(u);
    }
  }

  @Test
  void msExchMailboxGuid_isWrittenAsSixteenBytesInAdOrder_andReadBack() throws Exception {
    AdUser u = addUser("Guid Writer", "guidwriter", false);
    try {
      UUID mailbox = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
      root.stampRemoteMailbox(u.dn(), new RemoteMailboxRecord("SMTP:gw@contoso.mail.onmicrosoft.com",
          List.of("SMTP:gw@contoso.test", "smtp:gw@contoso.mail.onmicrosoft.com"), "gw", RemoteRecipientType.PROVISION_MAILBOX,
          RecipientTypeDetails.REMOTE_USER_MAILBOX, RecipientDisplayType.SYNCED_MAILBOX_USER, mailbox));
      byte[] stored = admin.getEntry(AdUserMapper.toLdap(u.dn()).toString(), "msExchMailboxGuid").getAttributeValueBytes("msExchMailboxGuid");
      assertThat(stored).containsExactly(0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff);
      assertThat(root.get(u.dn()).mailboxGuid()).contains(mailbox);
      assertThat(root.findByAddress(SmtpAddress.of("gw@contoso.mail.onmicrosoft.com"))).extracting(AdUser::dn).containsExactly(u.dn());
    } finally {
      deleteUser(u);
    }
  }

  @Test
  void schemaViolations_areBackendErrorsNamingAdsCode() throws Exception {
    AdUser u = addUser("Schema Check", "schemacheck", false);
    try {
      admin.modify(AdUserMapper.toLdap(u.dn()).toString(), new Modification(ModificationType.REPLACE, "msExchMailboxGuid", new byte[] {1, 2, 3}));
    } catch (LDAPException e) {
      BackendException translated = (BackendException) LdapErrors.translate(e, "modify", "AD user", u.dn().toString());
      assertThat(translated.code()).isIn("19 (constraint violation)", "21 (invalid attribute syntax)");
      return;
    } finally {
      deleteUser(u);
    }
    throw new AssertionError("the DC accepted a 3-byte msExchMailboxGuid (rangeLower 16)");
  }

  // --- userAccountControl ----------------------------------------------------------------------------------------

  @Test
  void userAddedWithoutPassword_is546_andEnablingKeepsPasswdNotReqd() throws Exception {
    AdUser u = addUser("New Hire", "newhire", false);
    try {
      assertThat(u.userAccountControl()).isEqualTo(546);
      assertThat(u.isDisabled()).isTrue();
      root.setAccountDisabled(u.dn(), false);
      assertThat(root.get(u.dn()).userAccountControl()).isEqualTo(544);
      root.setAccountDisabled(u.dn(), true);
      assertThat(root.get(u.dn()).userAccountControl()).isEqualTo(546);
    } finally {
      deleteUser(u);
    }
  }

  // --- binds -----------------------------------------------------------------------------------------------------

  private static LdapConnectionConfig bindAs(String dn, String password) {
    return dc.ldaps().bindDn(dn).bindPassword(password.toCharArray()).build();
  }

  @Test
  void bind_withWrongPassword_isAccessDeniedWithData52e() throws Exception {
    AdUser u = addUser("Wrong Password", "wrongpw", true);
    try {
      assertThatThrownBy(() -> LdapBackend.openPool(bindAs(u.dn().toString(), "Not-the-Pa55word"))).isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("the password is wrong").hasMessageContaining("AD data 52e");
    } finally {
      deleteUser(u);
    }
  }

  @Test
  void bind_asDisabledUser_isAccessDeniedWithData533() throws Exception {
    AdUser u = addUser("Disabled Bind", "disabledbind", true);
    try {
      root.setAccountDisabled(u.dn(), true);
      assertThatThrownBy(() -> LdapBackend.openPool(bindAs(u.dn().toString(), SambaDc.USER_PASSWORD))).isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("the account is disabled").hasMessageContaining("AD data 533");
    } finally {
      deleteUser(u);
    }
  }

  @Test
  void bind_whenPasswordMustChange_isAccessDeniedWithData773() throws Exception {
    AdUser u = addUser("Must Change", "mustchange", true);
    try {
      admin.modify(AdUserMapper.toLdap(u.dn()).toString(), new Modification(ModificationType.REPLACE, "pwdLastSet", "0"));
      assertThatThrownBy(() -> LdapBackend.openPool(bindAs(u.dn().toString(), SambaDc.USER_PASSWORD))).isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("the password must be reset").hasMessageContaining("AD data 773");
    } finally {
      deleteUser(u);
    }
  }

  @Test
  void bind_whenAccountExpired_isAccessDeniedWithData701() throws Exception {
    AdUser u = addUser("Expired Account", "expiredacct", true);
    try {
      // accountExpires: 1 (100 ns after 1601-01-01) is long past
      admin.modify(AdUserMapper.toLdap(u.dn()).toString(), new Modification(ModificationType.REPLACE, "accountExpires", "1"));
      assertThatThrownBy(() -> LdapBackend.openPool(bindAs(u.dn().toString(), SambaDc.USER_PASSWORD))).isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("the account has expired").hasMessageContaining("AD data 701");
    } finally {
      deleteUser(u);
    }
  }

  @Test
  void bind_outsideLogonHours_isAccessDeniedWithData530() throws Exception {
    AdUser u = addUser("Night Shift", "nightshift", true);
    try {
      admin.modify(AdUserMapper.toLdap(u.dn()).toString(), new Modification(ModificationType.REPLACE, "logonHours", new byte[21]));
      assertThatThrownBy(() -> LdapBackend.openPool(bindAs(u.dn().toString(), SambaDc.USER_PASSWORD))).isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("may not log on at this time").hasMessageContaining("AD data 530");
    } finally {
      deleteUser(u);
    }
  }

  @Test
  void plainSimpleBind_isRefusedAsStrongAuthRequired() {
    LdapConnectionConfig plain = dc.ldaps().port(dc.ldapPort).tlsMode(LdapConnectionConfig.TlsMode.PLAIN).allowPlaintext(true).build();
    assertThatThrownBy(() -> LdapBackend.openPool(plain)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("8 (strong auth required)");
  }

  // --- TLS -------------------------------------------------------------------------------------------------------

  @Test
  void startTls_withTheDcCertificate_works() {
    try (LdapOnPremDirectory d = LdapBackend.connect(dc.startTls().build(), ROOT.toString())) {
      assertThat(d.findBySamAccountName(SamAccountName.of("bulk00042"))).map(AdUser::userPrincipalName).contains(java.util.Optional.of(Upn.of("bulk00042@contoso.test")));
    }
  }

  @Test
  void ldaps_whenTheDcCertificateIsNotTrusted_isTlsFailureNotTransient() {
    LdapConnectionConfig jvmCas = LdapConnectionConfig.builder().host(dc.host).port(dc.ldapsPort).bindDn(dc.bindDn).bindPassword(dc.password).build();
    assertThatThrownBy(() -> LdapBackend.openPool(jvmCas)).as("the JVM's CAs do not trust the DC's certificate").isInstanceOf(BackendException.class)
        .satisfies(e -> assertThat(((BackendException) e).code()).isEqualTo("tls"));
    LdapConnectionConfig startTls = LdapConnectionConfig.builder().host(dc.host).port(dc.ldapPort).tlsMode(LdapConnectionConfig.TlsMode.START_TLS)
        .bindDn(dc.bindDn).bindPassword(dc.password).build();
    assertThatThrownBy(() -> LdapBackend.openPool(startTls)).isInstanceOf(BackendException.class)
        .satisfies(e -> assertThat(((BackendException) e).code()).isEqualTo("tls"));
  }

  // --- paging ----------------------------------------------------------------------------------------------------

  @Test
  void forEachUser_overThreeThousandUsers_pagesAtMostOneThousandAndVisitsEachOnce() {
    List<SearchRequest> searches = new ArrayList<>();
    Set<String> sams = new HashSet<>();
    List<AdUser> seen = new ArrayList<>();
    try (LDAPConnectionPool pool = LdapBackend.openPool(dc.ldaps().build())) {
      LdapBackend.create(recording(pool, searches), ROOT.toString()).forEachUser(BULK, u -> {
        seen.add(u);
        sams.add(u.samAccountName().value());
      });
    }
    assertThat(seen).hasSize(BULK_USERS);
    assertThat(sams).hasSize(BULK_USERS);
    assertThat(seen).allSatisfy(u -> {
      assertThat(u.userAccountControl()).isEqualTo(546);
      assertThat(u.recipientTypeDetails()).contains(RecipientTypeDetails.REMOTE_USER_MAILBOX);
    });
    assertThat(searches).hasSizeGreaterThanOrEqualTo(3);
    for (SearchRequest r : searches) {
      SimplePagedResultsControl c = (SimplePagedResultsControl) r.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
      assertThat(c.getSize()).isBetween(1, 1000);
    }
  }

  /** Passes every call to {@code target}, recording search requests. */
  private static LDAPInterface recording(LDAPConnectionPool target, List<SearchRequest> searches) {
    return (LDAPInterface) Proxy.newProxyInstance(LDAPInterface.class.getClassLoader(), new Class<?>[] {LDAPInterface.class}, (p, m, args) -> {
      if (m.getName().equals("search") && args != null && args.length == 1 && args[0] instanceof SearchRequest r) {
        searches.add(r);
      }
      try {
        return m.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }
}
