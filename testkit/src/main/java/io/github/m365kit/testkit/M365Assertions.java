package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.plan.BulkReport;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.RunResult;
import java.util.Optional;

/**
 * The entry point to m365kit's AssertJ assertions. Failure messages show the state that was found, for example
 * {@code expected mailbox jane.doe@contoso.com to be Shared but was User (size 12.0 GB, licenses [ENTERPRISEPACK])}.
 * Import it statically next to AssertJ's {@code Assertions.assertThat}; the overloads do not clash.
 *
 * <pre>{@code
 * import static io.github.m365kit.testkit.M365Assertions.assertThat;
 *
 * assertThat(tenant).mailbox("jane.doe@contoso.com").isShared().hasNoUmExtension();
 * assertThat(tenant).user("jane.doe@contoso.com").hasNoExchangeLicense();
 * assertThat(runner.run(plan)).succeeded().applied("convert-to-shared", "remove-licenses");
 * }</pre>
 */
public final class M365Assertions {
  private M365Assertions() {}

  /**
   * @param tenant an in-memory tenant
   * @return look-ups leading to mailbox and user assertions
   */
  public static TenantAssert assertThat(InMemoryTenant tenant) {
    return new TenantAssert(tenant);
  }

  /**
   * @param mailbox a mailbox
   * @return assertions on it
   */
  public static MailboxAssert assertThat(Mailbox mailbox) {
    return new MailboxAssert(mailbox, Optional.empty());
  }

  /**
   * @param user an Entra ID user
   * @return assertions on it
   */
  public static CloudUserAssert assertThat(CloudUser user) {
    return new CloudUserAssert(user);
  }

  /**
   * @param user an on-prem AD user
   * @return assertions on it
   */
  public static AdUserAssert assertThat(AdUser user) {
    return new AdUserAssert(user);
  }

  /**
   * @param plan a plan
   * @return assertions on it
   */
  public static PlanAssert assertThat(Plan plan) {
    return new PlanAssert(plan);
  }

  /**
   * @param result a run result
   * @return assertions on it
   */
  public static RunResultAssert assertThat(RunResult result) {
    return new RunResultAssert(result);
  }

  /**
   * @param report a bulk report
   * @return assertions on it
   */
  public static BulkReportAssert assertThat(BulkReport report) {
    return new BulkReportAssert(report);
  }
}
