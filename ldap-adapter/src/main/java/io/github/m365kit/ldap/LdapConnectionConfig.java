package io.github.m365kit.ldap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link LdapBackend#connect} reaches a directory server: address, transport security, bind credentials, pool
 * size and timeouts. Immutable and thread-safe; {@link #toString()} never shows a password.
 *
 * <p>Secure by default: {@link TlsMode#LDAPS}, the server certificate checked against the trust store (the JVM's
 * when none is given) and the host name checked against the certificate. {@link TlsMode#PLAIN} is refused unless
 * {@link Builder#allowPlaintext(boolean) allowPlaintext(true)} is set.
 *
 * <pre>{@code
 * LdapConnectionConfig cfg = LdapConnectionConfig.builder()
 *     .host("dc1.contoso.com")
 *     .bindDn("CN=svc-m365kit,OU=Service,DC=contoso,DC=com")
 *     .bindPassword(System.getenv("M365KIT_LDAP_PASSWORD").toCharArray())
 *     .build();
 * }</pre>
 */
public final class LdapConnectionConfig {
  /** The transport security of every pooled connection. */
  public enum TlsMode {
    /** TLS from the first byte (port 636 by default). */
    LDAPS,
    /** A plain connection upgraded with the StartTLS extended operation before the bind (port 389 by default). */
    START_TLS,
    /** No encryption (port 389 by default); needs {@link Builder#allowPlaintext(boolean) allowPlaintext(true)}. */
    PLAIN
  }

  /** A password that never shows in {@code toString()}. Immutable; {@link #reveal()} returns a copy. */
  public static final class Secret {
    private final char[] value;

    private Secret(char[] value) {
      this.value = value.clone();
    }

    /**
     * @param value the secret; copied
     * @return the secret
     */
    public static Secret of(char[] value) {
      return new Secret(Objects.requireNonNull(value, "value == null"));
    }

    /** @return a copy of the secret's characters */
    public char[] reveal() {
      return value.clone();
    }

    /** @return {@code "******"}, always */
    @Override
    public String toString() {
      return "******";
    }
  }

  private final String host;
  private final int port;
  private final TlsMode tlsMode;
  private final String bindDn;
  private final Secret bindPassword;
  private final Path trustStore;
  private final Secret trustStorePassword;
  private final String trustStoreType;
  private final boolean verifyHostname;
  private final int poolSize;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final Duration healthCheckInterval;

  private LdapConnectionConfig(Builder b) {
    this.host = b.host;
    this.tlsMode = b.tlsMode;
    this.port = b.port > 0 ? b.port : (b.tlsMode == TlsMode.LDAPS ? 636 : 389);
    this.bindDn = b.bindDn;
    this.bindPassword = b.bindPassword;
    this.trustStore = b.trustStore;
    this.trustStorePassword = b.trustStorePassword;
    this.trustStoreType = b.trustStoreType;
    this.verifyHostname = b.verifyHostname;
    this.poolSize = b.poolSize;
    this.connectTimeout = b.connectTimeout;
    this.responseTimeout = b.responseTimeout;
    this.healthCheckInterval = b.healthCheckInterval;
  }

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the server's host name or address */
  public String host() {
    return host;
  }

  /** @return the port (636 for LDAPS, 389 otherwise, unless set) */
  public int port() {
    return port;
  }

  /** @return the transport security */
  public TlsMode tlsMode() {
    return tlsMode;
  }

  /** @return the bind DN, or empty for an anonymous connection */
  public Optional<String> bindDn() {
    return Optional.ofNullable(bindDn);
  }

  /** @return the bind password, or empty for an anonymous connection */
  public Optional<Secret> bindPassword() {
    return Optional.ofNullable(bindPassword);
  }

  /** @return the trust store file, or empty to use the JVM's trusted CAs */
  public Optional<Path> trustStore() {
    return Optional.ofNullable(trustStore);
  }

  /** @return the trust store password, if any */
  public Optional<Secret> trustStorePassword() {
    return Optional.ofNullable(trustStorePassword);
  }

  /** @return the trust store type, {@code PKCS12} unless set */
  public String trustStoreType() {
    return trustStoreType;
  }

  /** @return true (the default) to check the server's host name against its certificate */
  public boolean verifyHostname() {
    return verifyHostname;
  }

  /** @return the largest number of pooled connections */
  public int poolSize() {
    return poolSize;
  }

  /** @return how long a connection attempt may take */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return how long any operation may wait for its response (also the longest wait for a pooled connection) */
  public Duration responseTimeout() {
    return responseTimeout;
  }

  /** @return how often idle pooled connections are health-checked */
  public Duration healthCheckInterval() {
    return healthCheckInterval;
  }

  /** @return the settings, with passwords shown as {@code ******} */
  @Override
  public String toString() {
    return "LdapConnectionConfig{host=" + host + ", port=" + port + ", tlsMode=" + tlsMode + ", bindDn=" + bindDn
        + ", bindPassword=" + (bindPassword == null ? "none" : bindPassword) + ", trustStore=" + trustStore
        + ", trustStorePassword=" + (trustStorePassword == null ? "none" : trustStorePassword) + ", trustStoreType=" + trustStoreType
        + ", verifyHostname=" + verifyHostname + ", poolSize=" + poolSize + ", connectTimeout=" + connectTimeout
        + ", responseTimeout=" + responseTimeout + ", healthCheckInterval=" + healthCheckInterval + "}";
  }

  /** Builds an {@link LdapConnectionConfig}. Not thread-safe. */
  public static final class Builder {
    private String host;
    private int port;
    private TlsMode tlsMode = TlsMode.LDAPS;
    private boolean allowPlaintext;
    private String bindDn;
    private Secret bindPassword;
    private Path trustStore;
    private Secret trustStorePassword;
    private String trustStoreType = "PKCS12";
    private boolean verifyHostname = true;
    private int poolSize = 4;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration healthCheckInterval = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * @param host the server's host name (checked against its certificate) or address
     * @return this
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /**
     * @param port 1 to 65535; 0 for the mode's default
     * @return this
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * @param tlsMode the transport security
     * @return this
     */
    public Builder tlsMode(TlsMode tlsMode) {
      this.tlsMode = Objects.requireNonNull(tlsMode, "tlsMode == null");
      return this;
    }

    /**
     * Confirms that {@link TlsMode#PLAIN} is wanted: bind passwords and directory data then cross the network in
     * clear text. Use it only on loopback or for tests.
     *
     * @param allow true to permit PLAIN
     * @return this
     */
    public Builder allowPlaintext(boolean allow) {
      this.allowPlaintext = allow;
      return this;
    }

    /**
     * @param bindDn the DN (or, against AD, the UPN) to bind as
     * @return this
     */
    public Builder bindDn(String bindDn) {
      this.bindDn = Objects.requireNonNull(bindDn, "bindDn == null");
      return this;
    }

    /**
     * @param password the bind password; copied, so the caller may wipe its array
     * @return this
     */
    public Builder bindPassword(char[] password) {
      this.bindPassword = Secret.of(password);
      return this;
    }

    /**
     * @param path a trust store holding the CA (or the server certificate) to trust instead of the JVM's CAs
     * @param password its password, may be null when it has none
     * @param type its type, e.g. {@code PKCS12} or {@code JKS}
     * @return this
     */
    public Builder trustStore(Path path, char[] password, String type) {
      this.trustStore = Objects.requireNonNull(path, "path == null");
      this.trustStorePassword = password == null ? null : Secret.of(password);
      this.trustStoreType = Objects.requireNonNull(type, "type == null");
      return this;
    }

    /**
     * Turns host-name checking off. The certificate chain is still checked; use only when connecting by an address
     * the certificate cannot name.
     *
     * @param verify false to skip the host-name check
     * @return this
     */
    public Builder verifyHostname(boolean verify) {
      this.verifyHostname = verify;
      return this;
    }

    /**
     * @param size the largest number of pooled connections, at least 1
     * @return this
     */
    public Builder poolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("poolSize must be at least 1, got " + size);
      }
      this.poolSize = size;
      return this;
    }

    /**
     * @param timeout how long a connection attempt may take
     * @return this
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * @param timeout how long any operation may wait for its response
     * @return this
     */
    public Builder responseTimeout(Duration timeout) {
      this.responseTimeout = positive("responseTimeout", timeout);
      return this;
    }

    /**
     * @param interval how often idle pooled connections are health-checked
     * @return this
     */
    public Builder healthCheckInterval(Duration interval) {
      this.healthCheckInterval = positive("healthCheckInterval", interval);
      return this;
    }

    /**
     * @return the configuration
     * @throws IllegalStateException when the host is missing, PLAIN was chosen without {@code allowPlaintext(true)},
     *     or only one of bind DN and password was given
     */
    public LdapConnectionConfig build() {
      if (host == null || host.isBlank()) {
        throw new IllegalStateException("host is required");
      }
      if (tlsMode == TlsMode.PLAIN && !allowPlaintext) {
        throw new IllegalStateException("TLS mode PLAIN sends the bind password in clear text; choose LDAPS or START_TLS, or confirm with allowPlaintext(true)");
      }
      if ((bindDn == null) != (bindPassword == null)) {
        throw new IllegalStateException("bindDn and bindPassword go together; give both or neither");
      }
      if (bindPassword != null && Arrays.equals(bindPassword.value, new char[0])) {
        throw new IllegalStateException("bindPassword is empty; an empty password makes an unauthenticated bind");
      }
      return new LdapConnectionConfig(this);
    }

    private static Duration positive(String name, Duration d) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
