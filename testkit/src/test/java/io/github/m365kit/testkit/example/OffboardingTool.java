package io.github.m365kit.testkit.example;

import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.Step;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.MailboxStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A small "user's tool" written against m365kit's ports: offboarding converts a leaver's mailbox to shared, then
 * removes the Exchange licenses, as two idempotent plan steps. It knows nothing about the in-memory tenant; its test
 * ({@link OffboardingToolTest}) runs it on the testkit sandbox.
 */
public final class OffboardingTool {
  private final MailboxStore mailboxes;
  private final CloudDirectory users;
  private final PlanRunner runner;

  /**
   * @param mailboxes the mailbox port
   * @param users the directory port
   * @param runner runs the plans (its journal lets a failed run resume)
   */
  public OffboardingTool(MailboxStore mailboxes, CloudDirectory users, PlanRunner runner) {
    this.mailboxes = mailboxes;
    this.users = users;
    this.runner = runner;
  }

  /**
   * @param leaver the departing user
   * @return the plan: convert-to-shared, then remove-licenses
   */
  public Plan plan(Upn leaver) {
    Step convert = Step.builder().id("convert-to-shared").description("Convert the mailbox of " + leaver + " to shared")
        .isDone(() -> mailboxes.findByUpn(leaver).map(m -> m.type() == MailboxType.SHARED).orElse(false))
        .apply(() -> mailboxes.setType(mailboxes.findByUpn(leaver).orElseThrow().primarySmtpAddress(), MailboxType.SHARED))
        .build();
    Step unlicense = Step.builder().id("remove-licenses").description("Remove the Exchange licenses of " + leaver)
        .isDone(() -> !users.getUser(leaver).hasExchangeLicense())
        .guard(() -> convert.isDone() ? Optional.empty() : Optional.of("the mailbox does not read back as shared"))
        .apply(() -> users.removeLicenses(leaver, exchangeSkus(users.getUser(leaver))))
        .build();
    return new Plan("offboard:" + leaver, "Offboard " + leaver, List.of(convert, unlicense), List.of());
  }

  /**
   * @param leaver the departing user
   * @return what the run did
   */
  public RunResult offboard(Upn leaver) {
    return runner.run(plan(leaver));
  }

  private static Set<UUID> exchangeSkus(CloudUser user) {
    return user.licenses().stream().filter(License::hasExchangePlan).map(License::skuId).collect(Collectors.toSet());
  }
}
