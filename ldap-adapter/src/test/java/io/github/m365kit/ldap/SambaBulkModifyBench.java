package io.github.m365kit.ldap;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFWriter;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.Upn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The P4 comparison against a real AD-compatible DC: the Samba AD DC of {@code src/test/samba/start-dc.sh}, over
 * LDAPS on loopback. N users under {@code OU=Bench}; each round, the adapter (T threads over K pooled connections)
 * converts every user to a remote shared mailbox, then {@code ldapmodify} reverts every user from an LDIF file, so
 * both sides always change real values. Not run by the tests; bench/run runs it when a DC can be started.
 *
 * <pre>
 * java -Dm365kit.samba.properties=… -cp … io.github.m365kit.ldap.SambaBulkModifyBench [N=2000] [--threads T=16]
 *     [--connections K=8] [--rounds R=3] [--ldapmodify path]
 * </pre>
 */
public final class SambaBulkModifyBench {
  private SambaBulkModifyBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code [N] [--threads T] [--connections K] [--rounds R] [--ldapmodify path]}
   * @throws Exception when anything fails
   */
  public static void main(String[] args) throws Exception {
    int n = 2000;
    int threads = 16;
    int connections = 8;
    int rounds = 3;
    String ldapmodify = "ldapmodify";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--ldapmodify" -> ldapmodify = args[++i];
        default -> n = Integer.parseInt(args[i]);
      }
    }
    SambaDc dc = SambaDc.fromEnvironment();
    DistinguishedName ou = DistinguishedName.of(SambaDc.DOMAIN_ROOT).child("OU", "Bench");
    List<DistinguishedName> dns = new ArrayList<>(n);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (LDAPConnectionPool admin = LdapBackend.openPool(dc.ldaps().poolSize(connections).build())) {
      SambaDc.deleteTree(admin, ou);
      SambaDc.addContainers(admin, List.of(ou));
      long t0 = System.nanoTime();
      List<Future<?>> adds = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        AdUser u = AdUser.builder()
            .dn(ou.child("CN", "Bench User " + i))
            .samAccountName(SamAccountName.of("bench" + i))
            .userPrincipalName(Upn.of("bench" + i + "@contoso.test"))
            .userAccountControl(AdUser.NORMAL_ACCOUNT | AdUser.ACCOUNTDISABLE | 0x20)
            .remoteRecipientType(RemoteRecipientType.MIGRATED)
            .recipientTypeDetails(RecipientTypeDetails.REMOTE_USER_MAILBOX)
            .build();
        dns.add(u.dn());
        adds.add(pool.submit(() -> admin.add(AdUserMapper.toEntry(u))));
      }
      for (Future<?> f : adds) {
        f.get();
      }
      System.out.printf(Locale.ROOT, "seeded %d users on the Samba DC in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
    }

    Path revert = Files.createTempFile("m365kit-samba-revert", ".ldif");
    try (LDIFWriter w = new LDIFWriter(revert.toFile())) {
      for (DistinguishedName dn : dns) {
        w.writeChangeRecord(new LDIFModifyChangeRecord(dn.toString(),
            new Modification(ModificationType.REPLACE, "msExchRemoteRecipientType", Long.toString(RemoteRecipientType.MIGRATED.value())),
            new Modification(ModificationType.REPLACE, "msExchRecipientTypeDetails", Long.toString(RecipientTypeDetails.REMOTE_USER_MAILBOX.value()))));
      }
    }
    long bestOurs = Long.MAX_VALUE;
    long bestTheirs = Long.MAX_VALUE;
    try (LdapOnPremDirectory dir = LdapBackend.connect(dc.ldaps().poolSize(connections).build(), SambaDc.DOMAIN_ROOT)) {
      for (int round = 1; round <= rounds; round++) {
        long w0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>(n);
        for (DistinguishedName dn : dns) {
          done.add(pool.submit(() -> dir.setRecipientTypes(dn, RemoteRecipientType.MIGRATED_SHARED, RecipientTypeDetails.REMOTE_SHARED_MAILBOX,
              Optional.empty())));
        }
        for (Future<?> f : done) {
          f.get();
        }
        long ours = System.nanoTime() - w0;
        bestOurs = Math.min(bestOurs, ours);
        long theirs = ldapmodify(ldapmodify, dc, revert);
        bestTheirs = Math.min(bestTheirs, theirs);
        System.out.printf(Locale.ROOT, "samba round %d: m365kit %d users, %d threads over %d connections: %d ms (%.0f ops/s); ldapmodify: %d ms (%.0f ops/s)%n",
            round, n, threads, connections, ours / 1_000_000, n / (ours / 1e9), theirs / 1_000_000, n / (theirs / 1e9));
      }
    } finally {
      pool.shutdown();
      Files.deleteIfExists(revert);
    }
    System.out.printf(Locale.ROOT, "RESULT mode=samba-ldaps users=%d threads=%d connections=%d oursMs=%d ldapmodifyMs=%d%n", n, threads, connections,
        bestOurs / 1_000_000, bestTheirs / 1_000_000);
  }

  private static long ldapmodify(String ldapmodify, SambaDc dc, Path ldif) throws Exception {
    Path pass = Files.createTempFile("m365kit-samba-bind", ".txt");
    try {
      Files.writeString(pass, new String(dc.password));
      ProcessBuilder pb = new ProcessBuilder(ldapmodify, "-x", "-H", "ldaps://" + dc.host + ":" + dc.ldapsPort, "-D", dc.bindDn, "-y",
          pass.toString(), "-f", ldif.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT);
      pb.environment().put("LDAPTLS_CACERT", dc.caCert.toString());
      long t0 = System.nanoTime();
      int rc = pb.start().waitFor();
      long elapsed = System.nanoTime() - t0;
      if (rc != 0) {
        throw new IllegalStateException("ldapmodify exited with " + rc);
      }
      return elapsed;
    } finally {
      Files.deleteIfExists(pass);
    }
  }
}
