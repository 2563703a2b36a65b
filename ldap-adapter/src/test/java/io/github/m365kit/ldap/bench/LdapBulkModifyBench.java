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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures the user-to-shared conversion's AD write ({@code msExchRemoteRecipientType |= 96},
 * {@code msExchRecipientTypeDetails = 34359738368}) applied to N users through {@link LdapOnPremDirectory}, with K
 * pooled connections written to in parallel, against the {@link EmbeddedDirectory} over loopback. Not run by the
 * tests.
 *
 * <pre>
 * java -cp … io.github.m365kit.ldap.bench.LdapBulkModifyBench [N=5000] [--connections K=4] [--ldif changes.ldif] [--hold port-file]
 * </pre>
 * With {@code --ldif}, the same changes are also written as an LDIF change file, for comparing with
 * {@code ldapmodify -H ldap://… -f changes.ldif}; with {@code --hold FILE} the server stays up afterwards, its port
 * written to FILE, until FILE is deleted. The embedded server serialises writes, so the figure shows the
 * adapter's overhead, not what a domain controller would do.
 */
public final class LdapBulkModifyBench {
  private LdapBulkModifyBench() {}

  /**
   * Runs the benchmark.
   *
   * @param args {@code [N] [--connections K] [--ldif path]}
   * @throws Exception when anything fails
   */
  public static void main(String[] args) throws Exception {
    int n = 5000;
    int connections = 4;
    Path ldif = null;
    Path hold = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--connections" -> connections = Integer.parseInt(args[++i]);
        case "--ldif" -> ldif = Path.of(args[++i]);
        case "--hold" -> hold = Path.of(args[++i]);
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
      System.out.printf("seeded %d users in-process in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);

      LdapConnectionConfig cfg = LdapConnectionConfig.builder().host("127.0.0.1").port(ad.port())
          .tlsMode(LdapConnectionConfig.TlsMode.PLAIN).allowPlaintext(true).poolSize(connections).build();
      try (LdapOnPremDirectory dir = LdapBackend.connect(cfg, ad.baseDn().toString())) {
        List<AdUser> users = new ArrayList<>(n);
        long r0 = System.nanoTime();
        dir.forEachUser(ou, users::add);
        long readMs = (System.nanoTime() - r0) / 1_000_000;
        System.out.printf("read %d users (paged, %d per page) in %d ms%n", users.size(), LdapOnPremDirectory.PAGE_SIZE, readMs);

        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long w0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>(users.size());
        for (AdUser u : users) {
          RemoteRecipientType shared = u.remoteRecipientType().orElse(RemoteRecipientType.of(0L)).withShared();
          done.add(pool.submit(() -> dir.setRecipientTypes(u.dn(), shared, RecipientTypeDetails.REMOTE_SHARED_MAILBOX, Optional.empty())));
        }
        for (Future<?> f : done) {
          f.get();
        }
        long writeNanos = System.nanoTime() - w0;
        pool.shutdown();
        System.out.printf("modified %d users over %d connections in %d ms: %.0f ops/s%n", users.size(), connections, writeNanos / 1_000_000,
            users.size() / (writeNanos / 1e9));

        int converted = ad.server().search(ou.toString(), SearchScope.SUB,
            Filter.createANDFilter(Filter.createEqualityFilter("msExchRecipientTypeDetails", "34359738368"),
                Filter.createEqualityFilter("msExchRemoteRecipientType", "100"))).getEntryCount();
        System.out.printf("verified: %d of %d users are RemoteSharedMailbox with msExchRemoteRecipientType 100%n", converted, n);

        if (ldif != null) {
          try (LDIFWriter w = new LDIFWriter(ldif.toFile())) {
            for (AdUser u : users) {
              long shared = u.remoteRecipientType().orElse(RemoteRecipientType.of(0L)).withShared().value();
              w.writeChangeRecord(new LDIFModifyChangeRecord(u.dn().toString(),
                  new Modification(ModificationType.REPLACE, "msExchRemoteRecipientType", Long.toString(shared)),
                  new Modification(ModificationType.REPLACE, "msExchRecipientTypeDetails", Long.toString(RecipientTypeDetails.REMOTE_SHARED_MAILBOX.value()))));
            }
          }
          System.out.printf("wrote %d change records to %s (compare: ldapmodify -x -H %s -f %s)%n", users.size(), ldif, ad.ldapUrl(), ldif);
        }
        if (hold != null) {
          // keep the server up for an external client (bench/run's ldapmodify): write the port, wait until the file is gone
          java.nio.file.Files.writeString(hold, Integer.toString(ad.port()));
          while (java.nio.file.Files.exists(hold)) {
            Thread.sleep(50);
          }
        }
      }
    }
  }
}
