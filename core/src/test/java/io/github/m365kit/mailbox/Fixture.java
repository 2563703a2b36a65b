package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.ProgressListener;
import io.github.m365kit.plan.RetryPolicy;
import java.time.Duration;
import java.util.List;

/** The demo tenant and directory with a converter over them, and the invariants every test checks. */
final class Fixture {
  final InMemoryTenant tenant = InMemoryTenant.demo();
  final InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
  final MailboxConverter converter = MailboxConverter.using(tenant, tenant, ad, tenant.clock());
  final Journal journal = Journal.inMemory();
  private final int cloudUsers = tenant.users().size();
  private final int adUsers = ad.users().size();
  private final int mailboxCount = tenant.mailboxes().size();

  /** The departing-employee options of the demo. */
  static ConversionOptions departing() {
    return ConversionOptions.toShared().withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU)
        .withRevokeSessions(true).withRoutingDomain(DemoCast.ROUTING_DOMAIN);
  }

  PlanRunner runner() {
    return runner(ProgressListener.NONE);
  }

  PlanRunner runner(ProgressListener listener) {
    return PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper())
        .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10))).listener(listener).build();
  }

  Mailbox mailbox(Upn upn) {
    return tenant.mailboxes().stream().filter(m -> m.userPrincipalName().equals(upn)).findFirst().orElseThrow();
  }

  CloudUser user(Upn upn) {
    return tenant.users().stream().filter(u -> u.userPrincipalName().equals(upn)).findFirst().orElseThrow();
  }

  AdUser adUser(Upn upn) {
    return ad.users().stream().filter(u -> u.userPrincipalName().map(upn::equals).orElse(false)).findFirst().orElseThrow();
  }

  /** @return the whole state of both sides, for byte-for-byte comparisons */
  String snapshot() {
    return TenantJson.write(tenant) + "\n" + ad.users() + "\n" + ad.containers();
  }

  /** Never a mailbox that is unlicensed and not shared; never a deleted account or mailbox. */
  void assertInvariant() {
    List<Mailbox> mailboxes = tenant.mailboxes();
    for (Mailbox m : mailboxes) {
      if (m.type() != MailboxType.SHARED) {
        assertThat(user(m.userPrincipalName()).hasExchangeLicense())
            .as("%s is %s and must hold an Exchange license", m.primarySmtpAddress(), m.type()).isTrue();
      }
    }
    assertThat(tenant.disconnectedMailboxes()).as("disconnected mailboxes").isEmpty();
    assertThat(tenant.users()).as("cloud users").hasSize(cloudUsers);
    assertThat(ad.users()).as("AD users").hasSize(adUsers);
    assertThat(mailboxes).as("mailboxes").hasSize(mailboxCount);
  }
}
