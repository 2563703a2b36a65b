package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.github.m365kit.mailbox.ConversionOptions;
import io.github.m365kit.mailbox.MailboxConverter;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.ImmutableAdUser;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRunner;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hybrid conversion end to end: core's {@link MailboxConverter} with an {@link InMemoryTenant} for Exchange
 * Online and the Samba AD DC (through {@link LdapBackend#connect} over LDAPS) for on-prem AD. The demo cast of
 * {@link InMemoryOnPremDirectory#demo()} is seeded under {@code OU=hybrid,DC=contoso,DC=test} and shown to the
 * converter under its own {@code DC=contoso,DC=com} ({@link RebasedDirectory}); results are checked by reading the
 * DC's entries directly, not through the adapter.
 */
class HybridConversionSambaIT {
  private static final DistinguishedName ACTUAL = DistinguishedName.of("OU=hybrid," + SambaDc.DOMAIN_ROOT);

  private SambaDc dc;
  private LDAPConnectionPool admin;
  private LdapOnPremDirectory ldap;
  private RebasedDirectory ad;
  private InMemoryTenant tenant;
  private MailboxConverter converter;
  private PlanRunner runner;

  @BeforeEach
  void seed() throws LDAPException {
    dc = SambaDc.fromEnvironment();
    admin = dc.adminPool();
    SambaDc.deleteTree(admin, ACTUAL);
    admin.add(AdUserMapper.containerEntry(ACTUAL));
    ldap = LdapBackend.connect(dc.ldaps().build(), ACTUAL.toString());
    ad = new RebasedDirectory(ldap, DemoCast.BASE_DN, ACTUAL);
    InMemoryOnPremDirectory demo = InMemoryOnPremDirectory.demo();
    Set<DistinguishedName> containers = new HashSet<>(demo.containers());
    containers.add(DemoCast.DEPARTED_OU);
    containers.remove(DemoCast.BASE_DN);
    SambaDc.addContainers(admin, containers.stream().map(ad::in).toList());
    for (AdUser u : demo.users()) {
      UUID assigned = SambaDc.addUser(admin, ImmutableAdUser.copyOf(u).withDn(ad.in(u.dn())));
      ad.showGuidAs(assigned, u.objectGuid());
    }
    tenant = InMemoryTenant.demo();
    converter = MailboxConverter.using(tenant, tenant, ad, tenant.clock());
    runner = PlanRunner.builder().sleeper(tenant.simulatedClock().sleeper()).build();
  }

  @AfterEach
  void cleanUp() throws LDAPException {
    if (ldap != null) {
      ldap.close();
    }
    if (admin != null) {
      SambaDc.deleteTree(admin, ACTUAL);
      admin.close();
    }
  }

  private SearchResultEntry raw(DistinguishedName shown, String... attributes) throws LDAPException {
    return admin.getEntry(AdUserMapper.toLdap(ad.in(shown)).toString(), attributes);
  }

  @Test
  void convertToShared_disablesMovesAndRetypesTheAdUser() throws LDAPException {
    AdUser before = ad.findByUpn(DemoCast.JANE).orElseThrow();
    Plan plan = converter.plan(DemoCast.JANE.value(),
        ConversionOptions.toShared().withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU));
    runner.run(plan).orThrow();

    DistinguishedName moved = DemoCast.DEPARTED_OU.child("CN", before.dn().rdn().value());
    assertThat(raw(before.dn(), "1.1")).as("the old entry is gone").isNull();
    SearchResultEntry e = raw(moved, "userAccountControl", "msExchRemoteRecipientType", "msExchRecipientTypeDetails", "msExchMailboxGuid");
    assertThat(e).as("the user is in the departed OU").isNotNull();
    assertThat(e.getAttributeValueAsInteger("userAccountControl")).isEqualTo(514);
    assertThat(e.getAttributeValueAsLong("msExchRemoteRecipientType")).isEqualTo(RemoteRecipientType.MIGRATED.withShared().value());
    assertThat(e.getAttributeValueAsLong("msExchRecipientTypeDetails")).isEqualTo(RecipientTypeDetails.REMOTE_SHARED_MAILBOX.value()).isEqualTo(34359738368L);
    assertThat(e.getAttributeValueBytes("msExchMailboxGuid")).containsExactly(AdGuid.toBytes(before.mailboxGuid().orElseThrow()));
    assertThat(tenant.findByUpn(DemoCast.JANE).orElseThrow().type()).isEqualTo(MailboxType.SHARED);

    assertThat(converter.plan(DemoCast.JANE.value(),
        ConversionOptions.toShared().withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU)).isEmpty())
        .as("a second plan finds nothing left to do").isTrue();
  }

  @Test
  void repair_stampsTheRemoteMailboxRecord_withTheExchangeGuidAsBinary() throws LDAPException {
    AdUser cloudFirst = ad.findByUpn(DemoCast.CLOUD_FIRST).orElseThrow();
    assertThat(cloudFirst.hasRemoteMailboxRecord()).isFalse();
    UUID exchangeGuid = tenant.findByUpn(DemoCast.CLOUD_FIRST).orElseThrow().exchangeGuid();

    runner.run(converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN))).orThrow();

    SearchResultEntry e = raw(cloudFirst.dn(), "msExchMailboxGuid", "targetAddress", "proxyAddresses", "mailNickname", "msExchRecipientTypeDetails");
    byte[] stored = e.getAttributeValueBytes("msExchMailboxGuid");
    assertThat(stored).hasSize(16).containsExactly(AdGuid.toBytes(exchangeGuid));
    assertThat(e.getAttributeValue("targetAddress")).isEqualToIgnoringCase("SMTP:cloud.first@" + DemoCast.ROUTING_DOMAIN);
    assertThat(e.getAttributeValues("proxyAddresses")).contains("SMTP:" + DemoCast.CLOUD_FIRST.value());
    AdUser after = ad.get(cloudFirst.dn());
    assertThat(after.mailboxGuid()).contains(exchangeGuid);
    assertThat(after.hasRemoteMailboxRecord()).isTrue();
    assertThat(converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN)).isEmpty())
        .as("repair is idempotent").isTrue();
    assertThat(List.of(e.getAttributeValue("mailNickname"))).containsExactly("cloud.first");
  }
}
