package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import io.github.m365kit.AccessDeniedException;
import io.github.m365kit.BackendException;
import io.github.m365kit.ldap.LdapConnectionConfig.TlsMode;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.Upn;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LDAPS and StartTLS through {@link LdapBackend#connect}, against an in-memory server with a self-signed certificate
 * made at test time. The certificate names only IP 127.0.0.1, so connecting as "localhost" must fail the host-name
 * check.
 */
class LdapTlsTest {
  private static final String BIND_DN = "CN=svc-m365kit,DC=contoso,DC=com";
  private static final String PASSWORD = "Corr3ct-Horse!";
  private static final DistinguishedName BASE = DistinguishedName.of("DC=contoso,DC=com");

  @TempDir
  static Path dir;
  private static InMemoryDirectoryServer server;
  private static Path trust;
  private static Path otherTrust;

  private static void manageCertificates(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultCode rc = ManageCertificates.main(null, out, out, args);
    assertThat(rc).as(out.toString()).isEqualTo(ResultCode.SUCCESS);
  }

  private static Path selfSigned(String name, String... san) {
    Path ks = dir.resolve(name + ".p12");
    String[] base = {"generate-self-signed-certificate", "--keystore", ks.toString(), "--keystore-password", "ks-pin", "--keystore-type", "PKCS12",
        "--alias", "server", "--subject-dn", "CN=" + name, "--days-valid", "2", "--key-algorithm", "EC", "--key-size-bits", "256", "--signature-algorithm", "SHA256withECDSA"};
    String[] all = new String[base.length + san.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(san, 0, all, base.length, san.length);
    manageCertificates(all);
    return ks;
  }

  private static Path trustStoreFor(Path keyStore, String name) {
    Path pem = dir.resolve(name + ".pem");
    Path ts = dir.resolve(name + "-trust.p12");
    manageCertificates("export-certificate", "--keystore", keyStore.toString(), "--keystore-password", "ks-pin", "--alias", "server",
        "--output-file", pem.toString(), "--output-format", "PEM");
    manageCertificates("import-certificate", "--keystore", ts.toString(), "--keystore-type", "PKCS12", "--keystore-password", "trust-pin",
        "--alias", "ca", "--certificate-file", pem.toString(), "--no-prompt");
    return ts;
  }

  @BeforeAll
  static void start() throws Exception {
    Path ks = selfSigned("ldap.test", "--subject-alternative-name-ip-address", "127.0.0.1");
    trust = trustStoreFor(ks, "ldap.test");
    otherTrust = trustStoreFor(selfSigned("other.test", "--subject-alternative-name-ip-address", "127.0.0.1"), "other.test");

    SSLUtil serverSsl = new SSLUtil(new KeyStoreKeyManager(ks.toFile(), "ks-pin".toCharArray(), "PKCS12", "server"), new TrustAllTrustManager());
    InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(AdUserMapper.toLdap(BASE));
    cfg.setSchema(EmbeddedDirectory.schema());
    cfg.addAdditionalBindCredentials(BIND_DN, PASSWORD);
    InetAddress lo = InetAddress.getByName("127.0.0.1");
    cfg.setListenerConfigs(
        InMemoryListenerConfig.createLDAPSConfig("ldaps", lo, 0, serverSsl.createSSLServerSocketFactory(), null),
        InMemoryListenerConfig.createLDAPConfig("ldap", lo, 0, serverSsl.createSSLSocketFactory()));
    server = new InMemoryDirectoryServer(cfg);
    server.add(AdUserMapper.containerEntry(BASE));
    server.add(AdUserMapper.toEntry(AdUser.builder().dn(BASE.child("CN", "Jane Doe")).samAccountName(SamAccountName.of("jdoe"))
        .userPrincipalName(Upn.of("jane.doe@contoso.com")).build()));
    server.startListening();
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  private static LdapConnectionConfig.Builder config(TlsMode mode, String host) {
    return LdapConnectionConfig.builder().host(host).tlsMode(mode).port(server.getListenPort(mode == TlsMode.LDAPS ? "ldaps" : "ldap"))
        .bindDn(BIND_DN).bindPassword(PASSWORD.toCharArray()).trustStore(trust, "trust-pin".toCharArray(), "PKCS12").poolSize(2);
  }

  private static void assertWorks(LdapConnectionConfig cfg) {
    try (LdapOnPremDirectory d = LdapBackend.connect(cfg, BASE.toString())) {
      assertThat(d.findByUpn(Upn.of("jane.doe@contoso.com"))).map(u -> u.samAccountName().value()).contains("jdoe");
    }
  }

  @Test
  void connect_overLdapsWithTrustedCertificate_works() {
    assertWorks(config(TlsMode.LDAPS, "127.0.0.1").build());
  }

  @Test
  void connect_overStartTlsWithTrustedCertificate_works() {
    assertWorks(config(TlsMode.START_TLS, "127.0.0.1").build());
  }

  @Test
  void connect_whenHostNameNotInCertificate_isRefused() {
    assertThatThrownBy(() -> LdapBackend.connect(config(TlsMode.LDAPS, "localhost").build(), BASE.toString()))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo("tls"));
    assertThatThrownBy(() -> LdapBackend.connect(config(TlsMode.START_TLS, "localhost").build(), BASE.toString()))
        .isInstanceOfSatisfying(BackendException.class, e -> assertThat(e.code()).isEqualTo("tls"));
  }

  @Test
  void connect_whenHostNameCheckTurnedOff_acceptsOtherName() {
    assertWorks(config(TlsMode.LDAPS, "localhost").verifyHostname(false).build());
  }

  @Test
  void connect_whenCertificateNotTrusted_isRefused() {
    LdapConnectionConfig cfg = config(TlsMode.LDAPS, "127.0.0.1").trustStore(otherTrust, "trust-pin".toCharArray(), "PKCS12").build();
    assertThatThrownBy(() -> LdapBackend.connect(cfg, BASE.toString()))
        .isInstanceOfSatisfying(BackendException.class, e -> {
          assertThat(e.code()).isEqualTo("tls");
          assertThat(e.isTransient()).isFalse();
        });
  }

  @Test
  void connect_whenStartTlsCertificateNotTrusted_isRefused() {
    LdapConnectionConfig cfg = config(TlsMode.START_TLS, "127.0.0.1").trustStore(otherTrust, "trust-pin".toCharArray(), "PKCS12").build();
    assertThatThrownBy(() -> LdapBackend.connect(cfg, BASE.toString())).isInstanceOf(BackendException.class);
  }

  @Test
  void connect_whenPasswordWrong_isAccessDeniedWithoutThePassword() {
    LdapConnectionConfig cfg = config(TlsMode.LDAPS, "127.0.0.1").bindPassword("Wrong-Pass-9".toCharArray()).build();
    assertThatThrownBy(() -> LdapBackend.connect(cfg, BASE.toString()))
        .isInstanceOf(AccessDeniedException.class).hasMessageNotContaining("Wrong-Pass-9");
  }

  @Test
  void connect_overPlain_needsExplicitOptIn() {
    LdapConnectionConfig.Builder plain = config(TlsMode.PLAIN, "127.0.0.1");
    assertThatThrownBy(plain::build).isInstanceOf(IllegalStateException.class);
    assertWorks(plain.allowPlaintext(true).build());
  }

  @Test
  void connect_ldapsToThePlainPort_fails() {
    LdapConnectionConfig cfg = config(TlsMode.LDAPS, "127.0.0.1").port(server.getListenPort("ldap")).connectTimeout(java.time.Duration.ofSeconds(2))
        .responseTimeout(java.time.Duration.ofSeconds(2)).build();
    assertThatThrownBy(() -> LdapBackend.connect(cfg, BASE.toString())).isInstanceOf(io.github.m365kit.M365KitException.class);
  }
}
