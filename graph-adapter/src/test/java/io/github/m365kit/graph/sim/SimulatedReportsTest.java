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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The mailbox purpose and the mailbox usage report, end to end through the simulator. */
class SimulatedReportsTest {

  @Test
  void mailboxPurpose_followsTheTenantsMailboxType() {
    try (SimulatedBackend s = new SimulatedBackend(InMemoryTenant.demo())) {
      Mailbox jane = s.tenant.findByUpn(DemoCast.JANE).orElseThrow();
      assertThat(s.backend.cloudDirectory().mailboxPurpose(DemoCast.JANE))
          .isEqualTo(s.tenant.mailboxPurpose(DemoCast.JANE)).get()
          .isEqualTo(MailboxPurpose.of(jane.type()));

      s.tenant.setType(jane.primarySmtpAddress(), MailboxType.SHARED);
      assertThat(s.backend.cloudDirectory().mailboxPurpose(DemoCast.JANE))
          .contains(new MailboxPurpose(MailboxPurpose.Kind.SHARED, "shared"));
    }
  }

  @Test
  void mailboxPurpose_ofAUserWithoutMailbox_isEmpty() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    var noMailbox = tenant.users().stream().filter(u -> tenant.findByUpn(u.userPrincipalName()).isEmpty()).findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(noMailbox.isPresent(), "the demo tenant has a user without a mailbox");
    try (SimulatedBackend s = new SimulatedBackend(tenant)) {
      assertThat(s.backend.cloudDirectory().mailboxPurpose(noMailbox.get().userPrincipalName())).isEmpty();
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
