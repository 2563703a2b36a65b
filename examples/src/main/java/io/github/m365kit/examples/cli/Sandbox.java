package io.github.m365kit.examples.cli;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.EnvironmentCredentialBuilder;
import io.github.m365kit.graph.GraphBackend;
import io.github.m365kit.ldap.EmbeddedDirectory;
import io.github.m365kit.ldap.LdapBackend;
import io.github.m365kit.ldap.LdapConnectionConfig;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.Sleeper;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.spi.SignInLog;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backends a CLI command runs on. By default: the in-memory cloud tenant and the on-prem directory served by the
 * embedded LDAP server on 127.0.0.1 (real LDAP over a socket), from {@code --sandbox DIR} ({@code tenant.json},
 * {@code directory.ldif}, {@code journal.jsonl}) or a fresh demo. {@code --tenant-id} switches the cloud to Microsoft
 * Graph and Exchange Online (credentials from azure-identity's environment variables); {@code --ldap-url} switches the
 * on-prem side to a real domain controller. Closing it saves a sandbox back to its files and stops what it started.
 */
final class Sandbox implements AutoCloseable {
  static final String TENANT_FILE = "tenant.json";
  static final String DIRECTORY_FILE = "directory.ldif";
  static final String JOURNAL_FILE = "journal.jsonl";

  /** The in-memory tenant, when the cloud side is not real. */
  final InMemoryTenant tenant;
  final MailboxStore mailboxes;
  final CloudDirectory cloud;
  final AuthPolicyStore policies;
  final SignInLog signIns;
  /** Conditional Access policies: Graph {@code /identity/conditionalAccess/policies} with {@code --tenant-id}, else the in-memory tenant. */
  final io.github.m365kit.spi.ConditionalAccessStore conditionalAccess;
  /** Dynamic groups: Graph {@code /groups} with {@code --tenant-id}, else the in-memory tenant. */
  final io.github.m365kit.spi.GroupStore groupStore;
  /** Item insights and MyAnalytics settings: Graph + Exchange with {@code --tenant-id}, else the in-memory tenant's. */
  final io.github.m365kit.spi.InsightsStore insightsStore;
  final OnPremDirectory onPrem;
  final Clock clock;
  /** The embedded LDAP server, when the on-prem side is not real. */
  final EmbeddedDirectory ldap;
  private final Sleeper sleeper;
  private final Optional<Path> dir;
  private final List<AutoCloseable> owned = new ArrayList<>();
  private Journal journal;

  private Sandbox(InMemoryTenant tenant, GraphBackend graph, EmbeddedDirectory ldap, OnPremDirectory onPrem, Optional<Path> dir) {
    this.tenant = tenant;
    this.ldap = ldap;
    this.onPrem = onPrem;
    this.dir = dir;
    if (graph != null) {
      owned.add(graph);
      this.mailboxes = graph.mailboxes();
      this.cloud = graph.cloudDirectory();
      this.policies = graph.authPolicies();
      this.signIns = graph.signInLog();
      this.conditionalAccess = graph.conditionalAccess();
      this.groupStore = graph.groups();
      this.insightsStore = graph.insights();
      this.clock = Clock.systemUTC();
      this.sleeper = Sleeper.system();
    } else {
      this.mailboxes = tenant;
      this.cloud = tenant;
      this.policies = tenant;
      this.signIns = tenant;
      this.conditionalAccess = tenant;
      this.groupStore = tenant;
      this.insightsStore = tenant.insights();
      this.clock = tenant.clock();
      this.sleeper = tenant.clock() instanceof io.github.m365kit.memory.SimulatedClock s ? s.sleeper() : Sleeper.system();
    }
    if (ldap != null) {
      owned.add(ldap);
    }
    if (onPrem instanceof AutoCloseable c && ldap == null) {
      owned.add(c);
    }
  }

  /** Opens the default demo: in-memory tenant and the embedded LDAP server with the demo directory. */
  static Sandbox demo() {
    EmbeddedDirectory ldap = EmbeddedDirectory.startWithDemoData();
    return new Sandbox(InMemoryTenant.demo(), null, ldap, ldap.directory(), Optional.empty());
  }

  static Sandbox open(M365Kit root) {
    InMemoryTenant tenant = null;
    GraphBackend graph = null;
    EmbeddedDirectory ldap = null;
    OnPremDirectory onPrem;
    Optional<Path> dir = Optional.ofNullable(root.sandbox);
    try {
      if (root.tenantId != null) {
        graph = graphBackend(root);
      } else if (root.sandbox != null) {
        if (!Files.isRegularFile(root.sandbox.resolve(TENANT_FILE))) {
          throw new CliFailure("no " + TENANT_FILE + " in " + root.sandbox + "; create one with: m365kit sandbox init " + root.sandbox);
        }
        tenant = TenantJson.load(root.sandbox.resolve(TENANT_FILE));
      } else {
        tenant = InMemoryTenant.demo();
      }
      if (root.ldapUrl != null) {
        onPrem = ldapDirectory(root);
      } else {
        ldap = root.sandbox == null ? EmbeddedDirectory.startWithDemoData() : EmbeddedDirectory.start();
        if (root.sandbox != null && Files.isRegularFile(root.sandbox.resolve(DIRECTORY_FILE))) {
          ldap.loadLdif(root.sandbox.resolve(DIRECTORY_FILE));
        }
        onPrem = ldap.directory();
      }
    } catch (RuntimeException e) {
      if (graph != null) {
        graph.close();
      }
      if (ldap != null) {
        ldap.close();
      }
      throw e;
    }
    return new Sandbox(tenant, graph, ldap, onPrem, dir);
  }

  private static GraphBackend graphBackend(M365Kit root) {
    TokenCredential credential = root.accessTokenFile != null ? staticToken(root.accessTokenFile) : new EnvironmentCredentialBuilder().build();
    GraphBackend.Builder b = GraphBackend.builder(credential, root.tenantId);
    if (root.graphUrl != null) {
      b.graphBaseUrl(URI.create(root.graphUrl));
    }
    if (root.exchangeUrl != null) {
      b.exchangeBaseUrl(URI.create(root.exchangeUrl));
    }
    return b.build();
  }

  private static TokenCredential staticToken(Path file) {
    String token;
    try {
      token = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8).trim();
    } catch (java.io.IOException e) {
      throw new CliFailure("cannot read --access-token-file " + file + ": " + M365Kit.reason(e));
    }
    if (token.isEmpty()) {
      throw new CliFailure("--access-token-file " + file + " is empty");
    }
    return ctx -> reactor.core.publisher.Mono.just(new com.azure.core.credential.AccessToken(token, java.time.OffsetDateTime.now().plusMinutes(50)));
  }

  private static OnPremDirectory ldapDirectory(M365Kit root) {
    URI url;
    try {
      url = URI.create(root.ldapUrl);
    } catch (IllegalArgumentException e) {
      throw new CliFailure("--ldap-url must look like ldaps://dc01.contoso.com:636, not '" + root.ldapUrl + "'");
    }
    boolean ldaps = "ldaps".equalsIgnoreCase(url.getScheme());
    if (!ldaps && !"ldap".equalsIgnoreCase(url.getScheme()) || url.getHost() == null) {
      throw new CliFailure("--ldap-url must look like ldaps://dc01.contoso.com:636, not '" + root.ldapUrl + "'");
    }
    if (root.baseDn == null) {
      throw new CliFailure("--ldap-url needs --base-dn, e.g. DC=contoso,DC=com");
    }
    LdapConnectionConfig.Builder b = LdapConnectionConfig.builder().host(url.getHost());
    if (url.getPort() > 0) {
      b.port(url.getPort());
    }
    if (ldaps) {
      b.tlsMode(LdapConnectionConfig.TlsMode.LDAPS);
    } else if (root.ldapPlaintext) {
      b.tlsMode(LdapConnectionConfig.TlsMode.PLAIN).allowPlaintext(true);
    } else {
      b.tlsMode(LdapConnectionConfig.TlsMode.START_TLS);
    }
    if (root.bindDn != null) {
      String password = System.getenv(root.bindPasswordEnv);
      if (password == null) {
        throw new CliFailure("--bind-dn needs the bind password in the environment variable " + root.bindPasswordEnv);
      }
      b.bindDn(root.bindDn).bindPassword(password.toCharArray());
    }
    if (root.trustStore != null) {
      b.trustStore(root.trustStore, root.trustStorePinEnv == null ? null : envChars(root.trustStorePinEnv), null);
    }
    return LdapBackend.connect(b.build(), root.baseDn);
  }

  private static char[] envChars(String var) {
    String v = System.getenv(var);
    return v == null ? null : v.toCharArray();
  }

  /** @return the dynamic-group port (Graph with {@code --tenant-id}) */
  io.github.m365kit.spi.GroupStore groups() {
    return groupStore;
  }

  /** @return the MyAnalytics / item-insights port (Graph and Exchange InvokeCommand with {@code --tenant-id}) */
  io.github.m365kit.spi.InsightsStore insights() {
    return insightsStore;
  }

  /** @return the in-memory tenant, or a clear error when the command needs one but runs on a real tenant */
  InMemoryTenant memory(String what) {
    if (tenant == null) {
      throw new CliFailure(what + " runs only on the in-memory tenant (no Graph/Exchange port for it yet)");
    }
    return tenant;
  }

  static void writeDemo(Path dir) {
    TenantJson.save(InMemoryTenant.demo(), dir.resolve(TENANT_FILE));
    try (EmbeddedDirectory ldap = EmbeddedDirectory.startWithDemoData()) {
      ldap.exportLdif(dir.resolve(DIRECTORY_FILE));
    }
  }

  /** @return a plan runner journaling to the sandbox ({@code journal.jsonl}) or to memory */
  PlanRunner runner() {
    if (journal == null) {
      journal = dir.map(d -> Journal.jsonLines(d.resolve(JOURNAL_FILE))).orElseGet(Journal::inMemory);
    }
    return PlanRunner.builder().journal(journal).sleeper(sleeper).build();
  }

  Sleeper sleeper() {
    return sleeper;
  }

  @Override
  public void close() {
    try {
      dir.ifPresent(d -> {
        if (tenant != null) {
          TenantJson.save(tenant, d.resolve(TENANT_FILE));
        }
        if (ldap != null) {
          ldap.exportLdif(d.resolve(DIRECTORY_FILE));
        }
      });
      if (journal != null) {
        journal.close();
      }
    } finally {
      for (AutoCloseable c : owned) {
        try {
          c.close();
        } catch (Exception e) {
          // closing a client must not hide the command's own outcome
        }
      }
    }
  }
}
