package io.github.m365kit.ldap;

import com.unboundid.asn1.ASN1Integer;
import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.asn1.ASN1Sequence;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.ImmutableAdUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Samba AD domain controller started by {@code src/test/samba/start-dc.sh}, as the {@code *SambaIT} suite sees
 * it: connection details from the properties file the script writes (path in system property
 * {@code m365kit.samba.properties}; any key may be overridden by a system property of the same name), a PKCS12 trust
 * store made from the DC's certificate, and seeding helpers. Missing details fail the test: the suite only runs
 * under {@code -Psamba}, where a DC is expected.
 */
final class SambaDc {
  /** The provisioned domain's root. */
  static final String DOMAIN_ROOT = "DC=contoso,DC=test";
  /** AD's extended-DN control (LDAP_SERVER_EXTENDED_DN_OID); flag 1 asks for the string form of GUID and SID. */
  static final String EXTENDED_DN_OID = "1.2.840.113556.1.4.529";
  private static final Pattern GUID_PART = Pattern.compile("<GUID=([0-9a-fA-F-]{36})>");
  /** A password meeting AD's default complexity rules, given to seeded users that are not PASSWD_NOTREQD. */
  static final String USER_PASSWORD = "Fixture-Pa55word!";
  private static final char[] STORE_PIN = "changeit".toCharArray();

  final String host;
  final int ldapPort;
  final int ldapsPort;
  final String bindDn;
  final char[] password;
  final Path caCert;
  final Path trustStore;

  private SambaDc(Properties p) {
    host = get(p, "host");
    ldapPort = Integer.parseInt(get(p, "ldapPort"));
    ldapsPort = Integer.parseInt(get(p, "ldapsPort"));
    bindDn = get(p, "bindDn");
    try {
      password = Files.readString(Path.of(get(p, "passwordFile")), StandardCharsets.UTF_8).strip().toCharArray();
      caCert = Path.of(get(p, "caCert"));
      trustStore = trustStoreFor(caCert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the DC's details; fails when start-dc.sh has not run */
  static SambaDc fromEnvironment() {
    String file = System.getProperty("m365kit.samba.properties", System.getenv().getOrDefault("M365KIT_SAMBA_PROPERTIES", ""));
    if (file.isBlank()) {
      throw new IllegalStateException("m365kit.samba.properties is not set: run src/test/samba/run-suite.sh, or start-dc.sh and -Psamba");
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the Samba DC details from " + file + " (did start-dc.sh run?)", e);
    }
    return new SambaDc(p);
  }

  private static String get(Properties p, String key) {
    String full = "m365kit.samba." + key;
    String v = System.getProperty(full, p.getProperty(full));
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(full + " is missing");
    }
    return v.strip();
  }

  private static Path trustStoreFor(Path pem) throws IOException {
    try (InputStream in = Files.newInputStream(pem)) {
      Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setCertificateEntry("samba-dc", cert);
      Path out = Files.createTempFile("samba-dc-trust", ".p12");
      out.toFile().deleteOnExit();
      try (OutputStream os = Files.newOutputStream(out)) {
        ks.store(os, STORE_PIN);
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust store from " + pem, e);
    }
  }

  /** @return LDAPS to the DC, certificate and host name checked, bound as Administrator */
  LdapConnectionConfig.Builder ldaps() {
    return LdapConnectionConfig.builder().host(host).port(ldapsPort).tlsMode(LdapConnectionConfig.TlsMode.LDAPS)
        .bindDn(bindDn).bindPassword(password).trustStore(trustStore, STORE_PIN, "PKCS12");
  }

  /** @return StartTLS on the DC's LDAP port, certificate and host name checked, bound as Administrator */
  LdapConnectionConfig.Builder startTls() {
    return ldaps().port(ldapPort).tlsMode(LdapConnectionConfig.TlsMode.START_TLS);
  }

  /** @return an administrative pool for seeding and inspection, over LDAPS */
  LDAPConnectionPool adminPool() {
    return LdapBackend.openPool(ldaps().poolSize(2).build());
  }

  /** Deletes {@code dn} and everything under it, if it exists (AD's tree-delete control). */
  static void deleteTree(LDAPConnectionPool pool, DistinguishedName dn) throws LDAPException {
    try {
      com.unboundid.ldap.sdk.DeleteRequest del = new com.unboundid.ldap.sdk.DeleteRequest(AdUserMapper.toLdap(dn));
      del.addControl(new SubtreeDeleteRequestControl(true));
      pool.delete(del);
    } catch (LDAPException e) {
      if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) {
        throw e;
      }
    }
  }

  /** Adds organisational units, parents first. */
  static void addContainers(LDAPConnectionPool pool, List<DistinguishedName> containers) throws LDAPException {
    List<DistinguishedName> sorted = new ArrayList<>(containers);
    sorted.sort(Comparator.comparingInt(c -> c.rdns().size()));
    for (DistinguishedName c : sorted) {
      pool.add(AdUserMapper.containerEntry(c));
    }
  }

  /**
   * Adds a user the way a provisioning tool would: its fixture values, and a password unless the fixture's
   * userAccountControl says PASSWD_NOTREQD (AD refuses an enabled account without one). AD assigns objectGUID itself
   * and refuses one on add (Samba: 53 "not allowed to add an object with objectGUID", even with the RELAX control), so
   * the fixture's objectGUID is left out and the GUID the DC assigned is returned, as the DC itself formats it.
   *
   * @return the DC-assigned objectGUID, read with AD's extended-DN control (string form), not through the adapter
   */
  static UUID addUser(LDAPConnectionPool pool, AdUser u) throws LDAPException {
    Entry e = AdUserMapper.toEntry(ImmutableAdUser.copyOf(u).withObjectGuid(Optional.empty()));
    boolean passwdNotReqd = (u.userAccountControl() & 0x20) != 0;
    if (!passwdNotReqd) {
      e.addAttribute("unicodePwd", ("\"" + USER_PASSWORD + "\"").getBytes(StandardCharsets.UTF_16LE));
    }
    pool.add(e);
    return assignedGuid(pool, e.getDN());
  }

  /** @return the objectGUID the DC reports in the {@code <GUID=...>} part of an extended DN */
  static UUID assignedGuid(LDAPConnectionPool pool, String dn) throws LDAPException {
    SearchRequest read = new SearchRequest(dn, SearchScope.BASE, "(objectClass=*)", "1.1");
    read.addControl(new Control(EXTENDED_DN_OID, false, new ASN1OctetString(new ASN1Sequence(new ASN1Integer(1)).encode())));
    String extended = pool.search(read).getSearchEntries().get(0).getDN();
    Matcher m = GUID_PART.matcher(extended);
    if (!m.find()) {
      throw new IllegalStateException("no <GUID=...> in the extended DN '" + extended + "'");
    }
    return UUID.fromString(m.group(1));
  }

  /** @return the DN as UnboundID parses it */
  static DN dn(String text) throws LDAPException {
    return new DN(text);
  }
}
