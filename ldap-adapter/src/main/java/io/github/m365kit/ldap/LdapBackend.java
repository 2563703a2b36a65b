package io.github.m365kit.ldap;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllSSLSocketVerifier;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import io.github.m365kit.BackendException;
import io.github.m365kit.model.DistinguishedName;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the LDAP adapter: wraps a connection the caller built, or builds a secure pool from an
 * {@link LdapConnectionConfig}.
 *
 * <pre>{@code
 * // a connection, pool or InMemoryDirectoryServer you own:
 * OnPremDirectory ad = LdapBackend.create(pool, "DC=contoso,DC=com");
 *
 * // or a health-checked LDAPS pool the directory owns:
 * try (LdapOnPremDirectory ad = LdapBackend.connect(config, "DC=contoso,DC=com")) {
 *   ad.findByUpn(Upn.of("jane.doe@contoso.com"));
 * }
 * }</pre>
 */
public final class LdapBackend {
  private static final Logger log = LoggerFactory.getLogger(LdapBackend.class);

  private LdapBackend() {}

  /**
   * Wraps an LDAP interface the caller owns and closes; referrals are skipped.
   *
   * @param ldap an {@code LDAPConnection}, {@code LDAPConnectionPool} or {@code InMemoryDirectoryServer}
   * @param baseDn the domain root, e.g. {@code DC=contoso,DC=com}
   * @return the directory; its {@code close()} leaves {@code ldap} open
   * @throws io.github.m365kit.InvalidInputException when {@code baseDn} is not a valid DN
   */
  public static LdapOnPremDirectory create(LDAPInterface ldap, String baseDn) {
    return create(ldap, baseDn, ReferralPolicy.IGNORE);
  }

  /**
   * Wraps an LDAP interface the caller owns and closes.
   *
   * @param ldap an {@code LDAPConnection}, {@code LDAPConnectionPool} or {@code InMemoryDirectoryServer}
   * @param baseDn the domain root
   * @param referrals what searches do with referrals
   * @return the directory; its {@code close()} leaves {@code ldap} open
   * @throws io.github.m365kit.InvalidInputException when {@code baseDn} is not a valid DN
   */
  public static LdapOnPremDirectory create(LDAPInterface ldap, String baseDn, ReferralPolicy referrals) {
    Objects.requireNonNull(ldap, "ldap == null");
    Objects.requireNonNull(baseDn, "baseDn == null");
    return new LdapOnPremDirectory(ldap, DistinguishedName.of(baseDn), referrals, null);
  }

  /**
   * Opens a pool as {@link #openPool(LdapConnectionConfig)} does and returns a directory that owns it.
   *
   * @param config where and how to connect
   * @param baseDn the domain root
   * @return the directory; close it to close the pool
   * @throws io.github.m365kit.AccessDeniedException when the bind is refused (the message gives AD's reason)
   * @throws io.github.m365kit.TransientException when the server cannot be reached
   * @throws BackendException when TLS cannot be set up or the certificate or host name does not check out
   */
  public static LdapOnPremDirectory connect(LdapConnectionConfig config, String baseDn) {
    DistinguishedName base = DistinguishedName.of(Objects.requireNonNull(baseDn, "baseDn == null"));
    LDAPConnectionPool pool = openPool(config);
    return new LdapOnPremDirectory(pool, base, ReferralPolicy.IGNORE, pool);
  }

  /**
   * Opens a connection pool: TLS per {@link LdapConnectionConfig#tlsMode()} with certificate and host-name checks,
   * a simple bind on every connection, a response timeout on every operation, and health checks (a read of the root
   * DSE) on new connections, after errors and in the background.
   *
   * @param config where and how to connect
   * @return the pool; the caller closes it
   * @throws io.github.m365kit.AccessDeniedException when the bind is refused
   * @throws io.github.m365kit.TransientException when the server cannot be reached
   * @throws BackendException when TLS cannot be set up or the certificate or host name does not check out
   */
  public static LDAPConnectionPool openPool(LdapConnectionConfig config) {
    Objects.requireNonNull(config, "config == null");
    LDAPConnectionOptions opts = new LDAPConnectionOptions();
    opts.setConnectTimeoutMillis((int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
    opts.setResponseTimeoutMillis(config.responseTimeout().toMillis());
    opts.setAbandonOnTimeout(true);
    opts.setFollowReferrals(false);
    opts.setSSLSocketVerifier(config.verifyHostname() ? new HostNameSSLSocketVerifier(true) : TrustAllSSLSocketVerifier.getInstance());

    String where = config.host() + ":" + config.port();
    ServerSet servers;
    PostConnectProcessor postConnect = null;
    try {
      SSLUtil ssl = new SSLUtil(trustManager(config));
      switch (config.tlsMode()) {
        case LDAPS -> servers = new SingleServerSet(config.host(), config.port(), ssl.createSSLSocketFactory(), opts);
        case START_TLS -> {
          servers = new SingleServerSet(config.host(), config.port(), opts);
          postConnect = new StartTLSPostConnectProcessor(ssl.createSSLContext());
        }
        default -> servers = new SingleServerSet(config.host(), config.port(), opts);
      }
    } catch (GeneralSecurityException e) {
      throw new BackendException(LdapErrors.BACKEND, "tls", "cannot set up TLS for " + where + ": " + e.getMessage(), e);
    }

    BindRequest bind = null;
    if (config.bindDn().isPresent() && config.bindPassword().isPresent()) {
      char[] pw = config.bindPassword().get().reveal();
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(pw));
      byte[] raw = new byte[bytes.remaining()];
      bytes.get(raw);
      Arrays.fill(pw, '\0');
      // the pool keeps the request to bind every new connection, so raw stays alive as long as the pool
      bind = new SimpleBindRequest(config.bindDn().get(), raw);
    }

    try {
      LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 1, config.poolSize(), postConnect);
      long maxResponse = config.responseTimeout().toMillis();
      pool.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck("", maxResponse, true, true, false, false, true, true));
      pool.setHealthCheckIntervalMillis(config.healthCheckInterval().toMillis());
      pool.setMaxWaitTimeMillis(maxResponse);
      pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.SEARCH, OperationType.COMPARE));
      pool.setConnectionPoolName("m365kit-ldap " + where);
      log.debug("Opened LDAP pool [server={}, tls={}, size={}]", where, config.tlsMode(), config.poolSize());
      return pool;
    } catch (LDAPException e) {
      throw LdapErrors.translate(e, "connect", "LDAP server", where);
    }
  }

  private static TrustManager trustManager(LdapConnectionConfig config) {
    if (config.trustStore().isEmpty()) {
      return JVMDefaultTrustManager.getInstance();
    }
    char[] pin = config.trustStorePassword().map(LdapConnectionConfig.Secret::reveal).orElse(null);
    return new TrustStoreTrustManager(config.trustStore().get().toFile(), pin, config.trustStoreType(), true);
  }
}
