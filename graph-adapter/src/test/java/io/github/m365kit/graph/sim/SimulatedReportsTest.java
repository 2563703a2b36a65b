package io.github.m365kit.graph.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.graph.GraphReports;
import io.github.m365kit.graph.MailboxUsage;
import io.github.m365kit.graph.ReportPeriod;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxPurpose;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.testkit.TenantFixture;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The mailbox purpose and the mailbox usage report, end to end through the simulator. */
class SimulatedReportsTest {

  @Test
  void mailboxPurpose_afterSetMailboxTypeShared_readsShared() {
    try (SimulatedBackend s = SimulatedBackend.of(TenantFixture.standard())) {
      Mailbox before = s.tenant.findByUpn(TenantFixture.LICENSED).orElseThrow();
      assertThat(before.type()).isEqualTo(MailboxType.USER);
      assertThat(s.backend.cloudDirectory().mailboxPurpose(TenantFixture.LICENSED))
          .contains(new MailboxPurpose(MailboxPurpose.Kind.USER, "user"));

      // Set-Mailbox -Type Shared, sent by the adapter over the simulated Exchange admin API
      s.backend.mailboxes().setType(before.primarySmtpAddress(), MailboxType.SHARED);

      assertThat(s.tenant.findByUpn(TenantFixture.LICENSED).orElseThrow().type()).isEqualTo(MailboxType.SHARED);
      assertThat(s.backend.cloudDirectory().mailboxPurpose(TenantFixture.LICENSED))
          .contains(new MailboxPurpose(MailboxPurpose.Kind.SHARED, "shared"));
      assertThat(s.backend.cloudDirectory().mailboxPurpose(TenantFixture.TRUSTEE)).map(MailboxPurpose::kind)
          .as("only the converted mailbox changed").contains(MailboxPurpose.Kind.USER);
    }
  }

  @Test
  void mailboxPurpose_ofAUserWithoutMailbox_isEmpty_ofAnUnknownUser_isEmpty() {
    try (SimulatedBackend s = SimulatedBackend.of(TenantFixture.standard())) {
      assertThat(s.tenant.findUser(TenantFixture.NO_MAILBOX)).isPresent();
      assertThat(s.backend.cloudDirectory().mailboxPurpose(TenantFixture.NO_MAILBOX)).isEmpty();
      assertThat(s.backend.cloudDirectory().mailboxPurpose(TenantFixture.MISSING)).isEmpty();
      assertThat(s.simulator.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void mailboxUsage_reportsTheTenantsMailboxSizes() {
    try (SimulatedBackend s = new SimulatedBackend(InMemoryTenant.demo())) {
      List<MailboxUsage> rows = s.backend.reports().mailboxUsage(ReportPeriod.D30);

      Map<String, Long> expected = s.tenant.mailboxes().stream()
          .collect(Collectors.toMap(m -> m.userPrincipalName().value(), Mailbox::totalItemSizeBytes));
      assertThat(rows).extracting(MailboxUsage::userPrincipalName).containsExactlyInAnyOrderElementsOf(expected.keySet());
      assertThat(rows).allSatisfy(r -> {
        assertThat(r.storageUsedBytes()).isEqualTo(expected.get(r.userPrincipalName()));
        assertThat(r.reportRefreshDate()).isPresent();
        assertThat(r.concealed()).isFalse();
      });
      Mailbox big = s.tenant.findByUpn(DemoCast.BIG).orElseThrow();
      assertThat(rows).filteredOn(r -> r.userPrincipalName().equals(DemoCast.BIG.value()))
          .singleElement().extracting(MailboxUsage::hasArchive).isEqualTo(big.archiveEnabled());
    }
  }

  @Test
  void overSharedMailboxCap_findsTheBigMailbox() {
    try (SimulatedBackend s = new SimulatedBackend(InMemoryTenant.demo())) {
      List<String> over = s.backend.reports().overSharedMailboxCap(ReportPeriod.D7).stream()
          .map(MailboxUsage::userPrincipalName).toList();

      List<String> expected = s.tenant.mailboxes().stream()
          .filter(m -> m.totalItemSizeBytes() > GraphReports.SHARED_MAILBOX_CAP_BYTES)
          .map(m -> m.userPrincipalName().value()).toList();
      assertThat(expected).as("the demo tenant has a mailbox over the cap").isNotEmpty();
      assertThat(over).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void invalidMembershipRule_travelsAsTheServicesError() {
    // covered in SimulatedGroupStoreTest; here the raw body the simulator sends for the tenant's refusal
    var reply = GraphSimulator.error(false, new io.github.m365kit.ServiceRuleException(
        io.github.m365kit.ServiceRuleException.Rule.INVALID_MEMBERSHIP_RULE, "Invalid membership rule: error at column 19"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("error").path("code").asText()).isEqualTo("Request_BadRequest");
    assertThat(reply.body().path("error").path("message").asText()).isEqualTo("Invalid membership rule: error at column 19");
  }

}
