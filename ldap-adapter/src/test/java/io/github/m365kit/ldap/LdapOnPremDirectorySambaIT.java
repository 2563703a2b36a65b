package io.github.m365kit.ldap;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.ImmutableAdUser;
import io.github.m365kit.spi.OnPremDirectory;
import io.github.m365kit.testkit.OnPremDirectoryContract;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * testkit's {@link OnPremDirectoryContract} against a real AD-compatible domain controller (Samba AD DC, started by
 * {@code src/test/samba/start-dc.sh}), through {@link LdapBackend#connect} over LDAPS with the DC's certificate and
 * host name checked.
 *
 * <p>The fixtures' {@code DC=contoso,DC=com} is shown by {@link RebasedDirectory} as {@code OU=contract} under the
 * DC's domain root; each test gets that OU freshly tree-deleted and re-created (AD keeps sAMAccountName and UPN unique
 * domain-wide, so leftovers of one test would break the next).
 */
class LdapOnPremDirectorySambaIT extends OnPremDirectoryContract {
  static final DistinguishedName ACTUAL = DistinguishedName.of("OU=contract," + SambaDc.DOMAIN_ROOT);

  private static SambaDc dc;
  private static LDAPConnectionPool admin;
  private static LdapOnPremDirectory directory;

  @BeforeAll
  static void connect() {
    dc = SambaDc.fromEnvironment();
    admin = dc.adminPool();
    directory = LdapBackend.connect(dc.ldaps().build(), ACTUAL.toString());
  }

  @AfterAll
  static void close() throws LDAPException {
    if (admin != null) {
      SambaDc.deleteTree(admin, ACTUAL);
      admin.close();
    }
    if (directory != null) {
      directory.close();
    }
  }

  @Override
  protected OnPremDirectory newDirectory(List<AdUser> seed, List<DistinguishedName> containers) {
    RebasedDirectory rebased = new RebasedDirectory(directory, BASE, ACTUAL);
    try {
      SambaDc.deleteTree(admin, ACTUAL);
      admin.add(AdUserMapper.containerEntry(ACTUAL));
      SambaDc.addContainers(admin, containers.stream().map(rebased::in).toList());
      for (AdUser u : seed) {
        UUID assigned = SambaDc.addUser(admin, ImmutableAdUser.copyOf(u).withDn(rebased.in(u.dn())));
        rebased.showGuidAs(assigned, u.objectGuid());
      }
    } catch (LDAPException e) {
      throw new IllegalStateException("seeding the Samba DC failed: " + e.getMessage(), e);
    }
    return rebased;
  }
}
