package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRenderer;
import io.github.m365kit.plan.PlanRunner;
import org.junit.jupiter.api.Test;

/** Runs the snippet of the package documentation, so that it keeps compiling and working. */
class QuickStartTest {
  @Test
  void packageSnippet_convertsJane() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
    MailboxConverter converter = MailboxConverter.using(tenant, tenant, ad, tenant.clock());
    Plan plan = converter.plan("jane.doe@contoso.com", ConversionOptions.toShared()
        .withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU));
    String text = PlanRenderer.render(plan, PlanRenderer.Format.TEXT);
    PlanRunner.builder().sleeper(tenant.simulatedClock().sleeper()).build().run(plan).orThrow();

    assertThat(text).contains("Convert jane.doe@contoso.com to a shared mailbox (synced)").contains("PS> Set-RemoteMailbox");
    assertThat(tenant.findByUpn(DemoCast.JANE).orElseThrow().type()).isEqualTo(MailboxType.SHARED);
    assertThat(ad.findByUpn(DemoCast.JANE).orElseThrow().isDisabled()).isTrue();
  }
}
