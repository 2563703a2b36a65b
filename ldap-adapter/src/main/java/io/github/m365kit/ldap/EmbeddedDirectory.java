package io.github.m365kit.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFWriter;
import io.github.m365kit.BackendException;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AD-like LDAP server in the JVM, for tests, demos and the CLI: UnboundID's {@link InMemoryDirectoryServer} on
 * {@code 127.0.0.1}, with schema checking on and the AD/Exchange attributes m365kit uses.
 *
 * <p>The schema is UnboundID's standard schema merged with {@code ad-exchange-schema.ldif}: the {@code user},
 * {@code group} and {@code computer} classes, {@code person} with {@code sn} optional, and the msExch* attributes as
 * 64-bit INTEGER (integer matching) or 16-byte octet strings (GUIDs). A misspelled attribute is rejected, as AD does.
 *
 * <p>Emulates: LDAP add, search (with paging), modify, ModifyDN, case-insensitive DNs, schema checks. Does not
 * emulate: AD's bitwise matching rules, its operational attributes (objectGUID is whatever the caller writes),
 * {@code userAccountControl=546} on add, MaxPageSize, ranged attributes, replication or referrals to
 * {@code CN=Configuration}. Starts in well under a second.
 *
 * <pre>{@code
 * try (EmbeddedDirectory ad = EmbeddedDirectory.startWithDemoData()) {
 *   OnPremDirectory dir = ad.directory();              // over a real socket to ad.ldapUrl()
 *   dir.findByUpn(Upn.of("jane.doe@contoso.com"));
 * }
 * }</pre>
 * Thread-safe.
 */
public final class EmbeddedDirectory implements AutoCloseable {
  /** The resource holding the AD/Exchange schema additions. */
  public static final String SCHEMA_RESOURCE = "/io/github/m365kit/ldap/ad-exchange-schema.ldif";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectory.class);
  private static final DistinguishedName CONTOSO = DistinguishedName.of("DC=contoso,DC=com");

  private final InMemoryDirectoryServer server;
  private final DistinguishedName baseDn;
  private LDAPConnectionPool pool;
  private LdapOnPremDirectory directory;

  private EmbeddedDirectory(InMemoryDirectoryServer server, DistinguishedName baseDn) {
    this.server = server;
    this.baseDn = baseDn;
  }

  /**
   * Starts an empty {@code DC=contoso,DC=com} on an ephemeral loopback port.
   *
   * @return the running server
   */
  public static EmbeddedDirectory start() {
    return start(CONTOSO, 0);
  }

  /**
   * Starts a server holding only its base entry.
   *
   * @param baseDn the domain root, made of DC= (or O=/OU=) RDNs
   * @param port the loopback port, 0 for an ephemeral one
   * @return the running server
   * @throws BackendException when the server cannot start (e.g. the port is taken)
   */
  public static EmbeddedDirectory start(DistinguishedName baseDn, int port) {
    Objects.requireNonNull(baseDn, "baseDn == null");
    long t0 = System.nanoTime();
    try {
      InMemoryDirectoryServerConfig cfg = new InMemoryDirectoryServerConfig(AdUserMapper.toLdap(baseDn));
      cfg.setSchema(schema());
      cfg.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
      cfg.setEnforceAttributeSyntaxCompliance(true);
      cfg.setEnforceSingleStructuralObjectClass(true);
      InMemoryDirectoryServer ds = new InMemoryDirectoryServer(cfg);
      ds.add(AdUserMapper.containerEntry(baseDn));
      ds.startListening();
      log.debug("Started embedded directory [base={}, port={}, millis={}]", baseDn, ds.getListenPort(), (System.nanoTime() - t0) / 1_000_000);
      return new EmbeddedDirectory(ds, baseDn);
    } catch (LDAPException e) {
      throw LdapErrors.translate(e, "start", "embedded directory", baseDn.toString());
    }
  }

  /**
   * Starts {@code DC=contoso,DC=com} seeded with the demo cast of {@link InMemoryOnPremDirectory#demo()}: its OUs and
   * users, written with the same mapping the adapter reads with.
   *
   * @return the running server
   */
  public static EmbeddedDirectory startWithDemoData() {
    EmbeddedDirectory d = start();
    InMemoryOnPremDirectory demo = InMemoryOnPremDirectory.demo();
    demo.containers().stream().sorted((a, b) -> Integer.compare(a.rdns().size(), b.rdns().size())).forEach(d::addContainer);
    demo.users().forEach(d::add);
    return d;
  }

  /**
   * The schema the server checks against: UnboundID's default standard schema merged with
   * {@link #SCHEMA_RESOURCE}.
   *
   * @return the merged schema
   */
  public static Schema schema() {
    try (InputStream in = EmbeddedDirectory.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the class path");
      }
      return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
    } catch (LDAPException | LDIFException e) {
      throw new IllegalStateException("the bundled schema " + SCHEMA_RESOURCE + " is invalid", e);
    }
  }

  /**
   * Adds an organisational unit and any missing parents under the base.
   *
   * @param ou the OU
   * @return this
   */
  public EmbeddedDirectory addContainer(DistinguishedName ou) {
    Deque<DistinguishedName> missing = new ArrayDeque<>();
    for (DistinguishedName d = ou; d.isAtOrUnder(baseDn) && !d.equals(baseDn); d = d.parent()) {
      missing.push(d);
    }
    for (DistinguishedName d : missing) {
      try {
        if (server.getEntry(AdUserMapper.toLdap(d).toString()) == null) {
          server.add(AdUserMapper.containerEntry(d));
        }
      } catch (LDAPException e) {
        throw LdapErrors.translate(e, "add", "container", d.toString());
      }
    }
    return this;
  }

  /**
   * Adds a user as an entry of class {@code user}; its parent container must exist.
   *
   * @param user the user
   * @return this
   * @throws io.github.m365kit.ConflictException when an entry with that DN exists
   * @throws io.github.m365kit.NotFoundException when the parent does not exist
   */
  public EmbeddedDirectory add(AdUser user) {
    return addEntry(AdUserMapper.toEntry(user));
  }

  /**
   * Adds any entry, checked against the schema.
   *
   * @param entry the entry
   * @return this
   * @throws BackendException when the schema rejects it (e.g. an unknown attribute: object class violation)
   */
  public EmbeddedDirectory addEntry(Entry entry) {
    try {
      server.add(entry);
    } catch (LDAPException e) {
      throw LdapErrors.translate(e, "add", "entry", entry.getDN());
    }
    return this;
  }

  /**
   * Replaces everything the server holds with the entries of an LDIF file (content records, as
   * {@link #exportLdif(Path)} writes them, including the base entry). On failure the server is left empty.
   *
   * @param ldif the file
   * @return the number of entries loaded
   * @throws BackendException when the file is not valid LDIF or an entry breaks the schema
   */
  public int loadLdif(Path ldif) {
    try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
      int n = server.importFromLDIF(true, reader);
      log.debug("Loaded LDIF [file={}, entries={}]", ldif.getFileName(), n);
      return n;
    } catch (LDAPException e) {
      throw LdapErrors.translate(e, "load LDIF", "file", ldif.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ldif, e);
    }
  }

  /**
   * Writes every entry (without the server-generated operational attributes) to an LDIF file.
   *
   * @param ldif the file, replaced if it exists
   * @return the number of entries written
   */
  public int exportLdif(Path ldif) {
    try {
      LDIFWriter writer = new LDIFWriter(ldif.toFile());
      int n = server.exportToLDIF(writer, true, true, true);
      log.debug("Exported LDIF [file={}, entries={}]", ldif.getFileName(), n);
      return n;
    } catch (LDAPException e) {
      throw LdapErrors.translate(e, "export LDIF", "file", ldif.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + ldif, e);
    }
  }

  /** @return the loopback port the server listens on */
  public int port() {
    return server.getListenPort();
  }

  /** @return e.g. {@code ldap://127.0.0.1:38211} */
  public String ldapUrl() {
    return "ldap://127.0.0.1:" + port();
  }

  /** @return the domain root */
  public DistinguishedName baseDn() {
    return baseDn;
  }

  /**
   * The underlying UnboundID server, for snapshots ({@code createSnapshot()}/{@code restoreSnapshot(..)}) and
   * fast in-process operations.
   *
   * @return the server
   */
  public InMemoryDirectoryServer server() {
    return server;
  }

  /**
   * A directory over a small connection pool to this server's socket (plain LDAP on loopback). The same instance
   * is returned on every call; {@link #close()} closes its pool.
   *
   * @return the directory
   */
  public synchronized LdapOnPremDirectory directory() {
    if (directory == null) {
      try {
        LDAPConnectionOptions opts = new LDAPConnectionOptions();
        opts.setResponseTimeoutMillis(30_000);
        opts.setConnectTimeoutMillis(5_000);
        pool = new LDAPConnectionPool(new LDAPConnection(opts, "127.0.0.1", port()), 1, 4);
      } catch (LDAPException e) {
        throw LdapErrors.translate(e, "connect", "embedded directory", ldapUrl());
      }
      directory = LdapBackend.create(pool, baseDn.toString());
    }
    return directory;
  }

  /** Closes the directory's pool and stops the server. */
  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.close();
      pool = null;
      directory = null;
    }
    server.shutDown(true);
  }

  @Override
  public String toString() {
    return "EmbeddedDirectory[" + ldapUrl() + ", base=" + baseDn + "]";
  }
}
