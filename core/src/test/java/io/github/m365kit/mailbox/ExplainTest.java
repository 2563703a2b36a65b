package io.github.m365kit.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.plan.PlanFailedException;
import org.junit.jupiter.api.Test;

class ExplainTest {
  private final Fixture f = new Fixture();

  @Test
  void explain_whenDisableUmOnSharedMailbox_explainsTheTrapAndTheFix() {
    Throwable e = catchThrowable(() -> f.tenant.disableUnifiedMessaging(SmtpAddress.of(DemoCast.RECEPTION.value())));
    assertThat(e).isInstanceOfSatisfying(ServiceRuleException.class, s -> assertThat(s.rule()).isEqualTo(ServiceRuleException.Rule.UM_LICENSE_VALIDATION));
    Explanation x = MailboxConverter.explain(e).orElseThrow();
    assertThat(x.rule()).isEqualTo(ServiceRuleException.Rule.UM_LICENSE_VALIDATION);
    assertThat(x.cause()).contains("regular").contains("UM-capable").contains("extension");
    assertThat(x.fix()).contains("back to regular").contains("Disable-UMMailbox").contains("restore the license");
  }

  @Test
  void explain_whenUmAlreadyDisabled_saysThereIsNothingToFree() {
    Throwable e = catchThrowable(() -> f.tenant.disableUnifiedMessaging(SmtpAddress.of(DemoCast.JANE.value())));
    Explanation x = MailboxConverter.explain(e).orElseThrow();
    assertThat(x.rule()).isEqualTo(ServiceRuleException.Rule.UM_ALREADY_DISABLED);
    assertThat(x.cause()).contains("not enabled");
    assertThat(x.fix()).contains("skip");
  }

  @Test
  void explain_whenWrappedInPlanFailure_findsTheCause() {
    ServiceRuleException cause = new ServiceRuleException(ServiceRuleException.Rule.ON_PREMISES_MASTERED, "mastered on-prem");
    PlanFailedException wrapped = new PlanFailedException("p", "s", "failed", cause);
    assertThat(MailboxConverter.explain(wrapped)).hasValueSatisfying(x -> assertThat(x.fix()).contains("AD"));
  }

  @Test
  void explain_whenOtherRulesOrErrors_coversTheKnownOnesOnly() {
    for (ServiceRuleException.Rule r : new ServiceRuleException.Rule[] {ServiceRuleException.Rule.CONVERSION_REQUIRES_LICENSE,
        ServiceRuleException.Rule.SHARED_MAILBOX_REQUIRES_LICENSE, ServiceRuleException.Rule.UM_EXTENSION_IN_USE,
        ServiceRuleException.Rule.MAILBOX_DISCONNECTED}) {
      assertThat(MailboxConverter.explain(new ServiceRuleException(r, "x"))).as(r.name()).hasValueSatisfying(x -> assertThat(x.rule()).isEqualTo(r));
    }
    assertThat(MailboxConverter.explain(new ServiceRuleException(ServiceRuleException.Rule.OTHER, "x"))).isEmpty();
    assertThat(MailboxConverter.explain(new IllegalStateException("x"))).isEmpty();
  }
}
