package io.github.m365kit.ldap.bench;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFWriter;
import io.github.m365kit.ldap.EmbeddedDirectory;
import io.github.m365kit.ldap.LdapBackend;
import io.github.m365kit.ldap.LdapConnectionConfig;
import io.github.m365kit.ldap.LdapOnPremDirectory;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.Upn;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the user-to-shared conversion's AD write ({@code msExchRemoteRecipientType |= 96},
 * {@code msExchRecipientTypeDetails = 34359738368}) applied to N users through {@link LdapOnPremDirectory} (T threads
 * sharing a pool of K connections, as a bulk conversion calls it), against the {@link EmbeddedDirectory} over
 * loopback, and the same changes applied by {@code ldapmodify} from an LDIF file to the same server. Not run by the
 * tests.
 *
 * <pre>
 * java -cp … io.github.m365kit.ldap.bench.LdapBulkModifyBench [N=5000] [--connections K=8] [--threads T=16]
 *     [--rounds R=3] [--ldif changes.ldif] [--ldapmodify /usr/bin/ldapmodify]
 * </pre>
 * Both sides run R alternating rounds on the same warm server (the server shares this JVM, so the first round also
 * warms the JIT); every round rewrites all N entries (REPLACE with the converted values, so each round does the same
 * work). The last line, {@code RESULT …}, carries the best round of each side and is what bench/run prints. Without an
 * {@code ldapmodify} binary only our side runs.
 */
public final class LdapBulkModifyBench {
  private LdapBulkModifyBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code [N] [--connections K] [--threads T] [--rounds R] [--ldif path] [--ldapmodify path]}
   * @throws Exception when anything fails
   */
  public static void main(String[] args) throws Exception {
    int n = 5000;
    int connections = 8;
    int threads = 16;
    int rounds = 3;
    Path ldif = Path.of("target", "ldap-bench-changes.ldif");
    String ldapmodify = "ldapmodify";
    long rttMicros = 1000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--ldif" -> ldif = Path.of(args[++i]);
        case "--ldapmodify" -> ldapmodify = args[++i];
        case "--rtt-us" -> rttMicros = Long.parseLong(args[++i]);
        default -> n = Integer.parseInt(args[i]);
      }
    }
    try (EmbeddedDirectory ad = EmbeddedDirectory.start()) {
      DistinguishedName ou = ad.baseDn().child("OU", "Bench");
      ad.addContainer(ou);
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        ad.add(AdUser.builder()
            .dn(ou.child("CN", "Bench User " + i))
            .samAccountName(SamAccountName.of("bench" + i))
            .userPrincipalName(Upn.of("bench" + i + "@contoso.com"))
            .remoteRecipientType(RemoteRecipientType.MIGRATED)
            .recipientTypeDetails(RecipientTypeDetails.REMOTE_USER_MAILBOX)
            .build());
      }
      System.out.printf(Locale.ROOT, "seeded %d users in-process in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);

      List<AdUser> users = new ArrayList<>(n);
      try (LdapOnPremDirectory dir = connect(ad.port(), connections, ad.baseDn())) {
        long r0 = System.nanoTime();
        dir.forEachUser(ou, users::add);
        System.out.printf(Locale.ROOT, "read %d users (paged, %d per page) in %d ms%n", users.size(), LdapOnPremDirectory.PAGE_SIZE,
            (System.nanoTime() - r0) / 1_000_000);
      }
      try (LDIFWriter w = new LDIFWriter(ldif.toFile())) {
        for (AdUser u : users) {
          long shared = u.remoteRecipientType().orElse(RemoteRecipientType.of(0L)).withShared().value();
          w.writeChangeRecord(new LDIFModifyChangeRecord(u.dn().toString(),
              new Modification(ModificationType.REPLACE, "msExchRemoteRecipientType", Long.toString(shared)),
              new Modification(ModificationType.REPLACE, "msExchRecipientTypeDetails", Long.toString(RecipientTypeDetails.REMOTE_SHARED_MAILBOX.value()))));
        }
      }
      boolean haveLdapmodify = runs(ldapmodify);
      measure("loopback", ad.port(), ad.baseDn(), users, threads, connections, rounds, haveLdapmodify ? ldapmodify : null, ldif);
      if (rttMicros > 0) {
        try (LatencyProxy link = new LatencyProxy(ad.port(), rttMicros / 2)) {
          measure("rtt=" + rttMicros + "us", link.port(), ad.baseDn(), users, threads, connections, rounds, haveLdapmodify ? ldapmodify : null, ldif);
        }
      }

      int converted = ad.server().search(ou.toString(), SearchScope.SUB,
          Filter.createANDFilter(Filter.createEqualityFilter("msExchRecipientTypeDetails", "34359738368"),
              Filter.createEqualityFilter("msExchRemoteRecipientType", "100"))).getEntryCount();
      System.out.printf(Locale.ROOT, "verified: %d of %d users are RemoteSharedMailbox with msExchRemoteRecipientType 100%n", converted, n);
      if (converted != n) {
        throw new IllegalStateException("only " + converted + " of " + n + " users were converted");
      }
    }
  }

  private static LdapOnPremDirectory connect(int port, int connections, DistinguishedName base) {
    LdapConnectionConfig cfg = LdapConnectionConfig.builder().host("127.0.0.1").port(port)
        .tlsMode(LdapConnectionConfig.TlsMode.PLAIN).allowPlaintext(true).poolSize(connections).build();
    return LdapBackend.connect(cfg, base.toString());
  }

  /** Alternating rounds of both clients against one port; prints each round and a RESULT line with the best of each. */
  private static void measure(String mode, int port, DistinguishedName base, List<AdUser> users, int threads, int connections, int rounds, String ldapmodify,
      Path ldif) throws Exception {
    long bestOurs = Long.MAX_VALUE;
    long bestTheirs = Long.MAX_VALUE;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (LdapOnPremDirectory dir = connect(port, connections, base)) {
      for (int round = 1; round <= rounds; round++) {
        long ours = ourRound(dir, users, pool);
        bestOurs = Math.min(bestOurs, ours);
        String line = String.format(Locale.ROOT, "%s round %d: m365kit %d users, %d threads over %d connections: %d ms (%.0f ops/s)",
            mode, round, users.size(), threads, connections, ours / 1_000_000, users.size() / (ours / 1e9));
        if (ldapmodify != null) {
          long theirs = ldapmodifyRound(ldapmodify, port, ldif);
          bestTheirs = Math.min(bestTheirs, theirs);
          line += String.format(Locale.ROOT, "; ldapmodify: %d ms (%.0f ops/s)", theirs / 1_000_000, users.size() / (theirs / 1e9));
        }
        System.out.println(line);
      }
    } finally {
      pool.shutdown();
    }
    System.out.printf(Locale.ROOT, "RESULT mode=%s users=%d threads=%d connections=%d oursMs=%d ldapmodifyMs=%s%n", mode, users.size(), threads,
        connections, bestOurs / 1_000_000, ldapmodify != null ? Long.toString(bestTheirs / 1_000_000) : "-");
  }

  private static long ourRound(LdapOnPremDirectory dir, List<AdUser> users, ExecutorService pool) throws Exception {
    long w0 = System.nanoTime();
    List<Future<?>> done = new ArrayList<>(users.size());
    for (AdUser u : users) {
      RemoteRecipientType shared = u.remoteRecipientType().orElse(RemoteRecipientType.of(0L)).withShared();
      done.add(pool.submit(() -> dir.setRecipientTypes(u.dn(), shared, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty())));
    }
    for (Future<?> f : done) {
      f.get();
    }
    return System.nanoTime() - w0;
  }

  private static boolean runs(String ldapmodify) {
    try {
      Process p = new ProcessBuilder(ldapmodify, "-VV").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      return true;
    } catch (IOException | InterruptedException e) {
      System.out.println("no ldapmodify (" + e.getMessage() + "): measuring m365kit only");
      return false;
    }
  }

  private static long ldapmodifyRound(String ldapmodify, int port, Path ldif) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(ldapmodify, "-x", "-H", "ldap://127.0.0.1:" + port, "-f", ldif.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int rc = p.waitFor();
    long elapsed = System.nanoTime() - t0;
    if (rc != 0) {
      throw new IllegalStateException("ldapmodify exited with " + rc);
    }
    return elapsed;
  }
}
