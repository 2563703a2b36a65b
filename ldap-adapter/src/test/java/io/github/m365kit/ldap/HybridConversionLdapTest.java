package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.SearchResultEntry;
import io.github.m365kit.mailbox.ConversionOptions;
import io.github.m365kit.mailbox.MailboxConverter;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.ProgressListener;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepResult;
import io.github.m365kit.plan.StepStatus;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hybrid workflows end to end through the LDAP adapter against the embedded directory over a real socket, with
 * the in-memory tenant as Exchange Online; values are read back from the server itself, not through the adapter.
 */
class HybridConversionLdapTest {
  private EmbeddedDirectory dc;
  private InMemoryTenant tenant;
  private MailboxConverter converter;
  private static final ConversionOptions OFFBOARD = ConversionOptions.toShared().withRemoveLicenses(true).withDisableAccount(true)
      .withMoveTo(DemoCast.DEPARTED_OU).withRevokeSessions(true).withRoutingDomain(DemoCast.ROUTING_DOMAIN);

  @BeforeEach
  void start() {
    dc = EmbeddedDirectory.startWithDemoData();
    tenant = InMemoryTenant.demo();
    converter = MailboxConverter.using(tenant, tenant, dc.directory(), tenant.clock());
  }

  @AfterEach
  void stop() {
    dc.close();
  }

  private PlanRunner runner(Journal journal) {
    return PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).build();
  }

  private SearchResultEntry raw(String dn) throws Exception {
    return dc.server().getEntry(dn);
  }

  @Test
  void convert_syncedUser_writesTheAttributesOverLdapInOrderAndSurvivesDirectorySync() throws Exception {
    RunResult r = runner(Journal.inMemory()).run(converter.plan(DemoCast.JANE.value(), OFFBOARD));
    assertThat(r.succeeded()).as(String.valueOf(r.failure())).isTrue();
    assertThat(raw("CN=Jane Doe,OU=Staff,DC=contoso,DC=com")).as("moved away").isNull();
    SearchResultEntry e = raw("CN=Jane Doe,OU=Departed,DC=contoso,DC=com");
    assertThat(e.getAttributeValueAsLong("msExchRemoteRecipientType")).isEqualTo(100L);
    assertThat(e.getAttributeValueAsLong("msExchRecipientTypeDetails")).isEqualTo(34359738368L);
    assertThat(e.getAttributeValueAsInteger("userAccountControl")).isEqualTo(514);
    assertThat(tenant.get(SmtpAddress.of(DemoCast.JANE.value())).type()).isEqualTo(MailboxType.SHARED);
    assertThat(tenant.getUser(DemoCast.JANE).hasExchangeLicense()).isFalse();
    tenant.directorySync(dc.directory());
    assertThat(tenant.get(SmtpAddress.of(DemoCast.JANE.value())).type()).isEqualTo(MailboxType.SHARED);
    assertThat(tenant.getUser(DemoCast.JANE).accountEnabled()).isFalse();
  }

  @Test
  void convert_whenTheProcessDiesAfterEveryStep_rerunsConvergeWithoutEverUnlicensingAUserMailbox() {
    int steps = converter.plan(DemoCast.JANE.value(), OFFBOARD).steps().size();
    for (int crashAfter = 1; crashAfter <= steps; crashAfter++) {
      stop();
      start();
      Journal journal = Journal.inMemory();
      int limit = crashAfter;
      ProgressListener crash = new ProgressListener() {
        int finished;

        @Override
        public void stepFinished(String planId, StepResult result) {
          assertInvariant();
          if (++finished == limit) {
            throw new Crash();
          }
        }
      };
      try {
        PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).listener(crash).build()
            .run(converter.plan(DemoCast.JANE.value(), OFFBOARD, journal));
      } catch (Crash expected) {
        // the process "died" after step crashAfter
      }
      RunResult rerun = runner(journal).run(converter.plan(DemoCast.JANE.value(), OFFBOARD, journal));
      assertThat(rerun.succeeded()).as("crash after step " + crashAfter + ": " + rerun.failure()).isTrue();
      assertThat(rerun.steps()).extracting(StepResult::status).doesNotContain(StepStatus.FAILED);
      assertInvariant();
      AdUser jane = dc.directory().findByUpn(DemoCast.JANE).orElseThrow();
      assertThat(jane.isDisabled()).isTrue();
      assertThat(jane.dn().isAtOrUnder(DemoCast.DEPARTED_OU)).isTrue();
      assertThat(tenant.get(SmtpAddress.of(DemoCast.JANE.value())).type()).isEqualTo(MailboxType.SHARED);
    }
  }

  private void assertInvariant() {
    for (Mailbox m : tenant.mailboxes()) {
      boolean unlicensedUserMailbox = m.type() == MailboxType.USER && !tenant.getUser(m.userPrincipalName()).hasExchangeLicense();
      assertThat(unlicensedUserMailbox).as("unlicensed user mailbox " + m.primarySmtpAddress()).isFalse();
    }
    assertThat(dc.directory().findByUpn(DemoCast.JANE)).as("the account is never deleted").isPresent();
  }

  @Test
  void repair_cloudFirst_stampsTheRecordWithTheGuidAsBinaryInAdByteOrder() throws Exception {
    Plan plan = converter.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    assertThat(runner(Journal.inMemory()).run(plan).succeeded()).isTrue();
    UUID cloudGuid = tenant.get(SmtpAddress.of(DemoCast.CLOUD_FIRST.value())).exchangeGuid();
    byte[] stored = raw("CN=Cloud First,OU=Staff,DC=contoso,DC=com").getAttributeValueBytes("msExchMailboxGuid");
    assertThat(stored).hasSize(16);
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(cloudGuid.getMostSignificantBits()).putLong(cloudGuid.getLeastSignificantBits());
    byte[] big = b.array();
    // AD byte order: the first three fields little-endian, the last eight bytes as they are
    byte[] expected = {big[3], big[2], big[1], big[0], big[5], big[4], big[7], big[6], big[8], big[9], big[10], big[11], big[12], big[13], big[14], big[15]};
    assertThat(stored).isEqualTo(expected);
    assertThat(raw("CN=Cloud First,OU=Staff,DC=contoso,DC=com").getAttributeValue("targetAddress")).isEqualTo("SMTP:cloud.first@contoso.mail.onmicrosoft.com");
    assertThat(runner(Journal.inMemory()).run(converter.repair(DemoCast.CLOUD_FIRST.value(),
        ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN))).applied()).as("a second repair changes nothing").isEmpty();
  }

  @Test
  void umTrap_throughLdap_clearsTheEumProxyAndFreesTheExtension() throws Exception {
    RunResult r = runner(Journal.inMemory()).run(converter.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN)));
    assertThat(r.succeeded()).as(String.valueOf(r.failure())).isTrue();
    SearchResultEntry e = raw("CN=Reception,OU=Staff,DC=contoso,DC=com");
    assertThat(e.getAttributeValues("proxyAddresses")).noneMatch(p -> p.toUpperCase().startsWith("EUM:"));
    assertThat(e.hasAttribute("msExchUMEnabledFlags")).isFalse();
    assertThat(tenant.get(SmtpAddress.of(DemoCast.RECEPTION.value())).umExtension()).isEmpty();
  }

  private static final class Crash extends Error {
    private static final long serialVersionUID = 1L;
  }
}
