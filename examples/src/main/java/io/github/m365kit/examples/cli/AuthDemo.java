package io.github.m365kit.examples.cli;

import io.github.m365kit.auth.AuthPolicyManager;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.LegacyAuthAudit;
import io.github.m365kit.auth.LegacyAuthReport;
import io.github.m365kit.auth.RolloutReport;
import io.github.m365kit.auth.TokenRefresh;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.ProgressListener;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The demo's basic-authentication shutdown: audit, pilot, rollout, org default, exception. */
final class AuthDemo {
  private AuthDemo() {}

  static void shutOffBasicAuth(Sandbox sb, PrintWriter out, Checks checks) {
    DemoCommand.heading(out, "Shutting off basic authentication");
    LegacyAuthReport report = LegacyAuthAudit.builder().disabledUsers(Set.of(DemoCast.OLD_ACCOUNT.value())).clock(sb.tenant.clock()).build().audit(sb.tenant);
    out.println("  audit of the sign-in log: " + report.eventsRead() + " legacy sign-ins");
    report.wouldBreak().forEach(u -> out.println("    would break: " + u.userPrincipalName() + " (" + u.protocol() + ", " + u.successes() + " successful sign-ins)"));
    report.suspectedSpray().forEach(s -> out.println("    suspected spray from " + s.ipAddress() + ": " + s.failures() + " failures over " + s.accounts() + " accounts"));
    checks.check("the audit finds the IMAP, POP and SMTP users who would break",
        report.wouldBreak().stream().map(LegacyAuthReport.Usage::userPrincipalName).toList()
            .containsAll(DemoCast.LEGACY.stream().map(u -> u.value()).toList()));
    checks.check("the audit flags the password spray against the disabled account",
        !report.suspectedSpray().isEmpty() && report.disabledTargeted().stream().anyMatch(d -> d.userPrincipalName().equals(DemoCast.OLD_ACCOUNT.value())));

    AuthPolicyManager m = AuthPolicyManager.using(sb.tenant, sb.tenant, sb.tenant.clock());
    sb.runner().run(m.create("Block Basic Auth")).orThrow();
    sb.runner().run(m.createException("Allow SMTP for devices", Set.of(BasicAuthProtocol.SMTP))).orThrow();
    List<Upn> pilot = List.of(DemoCast.JANE, DemoCast.CLOUD_ONLY);
    sb.runner().run(m.assign("Block Basic Auth", pilot, TokenRefresh.EXCHANGE_STS)).orThrow();
    out.println("  pilot: " + pilot + " hold 'Block Basic Auth'; refresh tokens reset so it applies within ~30 minutes");
    checks.check("the pilot users hold the policy and their refresh tokens were reset",
        pilot.stream().allMatch(u -> sb.tenant.assigned(u).equals(Optional.of("Block Basic Auth")) && sb.tenant.refreshTokensValidFrom(u).isPresent()));

    Upn scanner = DemoCast.LEGACY.get(2);
    AtomicInteger progress = new AtomicInteger();
    RolloutReport rollout = m.rollout("Block Basic Auth").except(Set.of(scanner), "Allow SMTP for devices").sleeper(sb.tenant.simulatedClock().sleeper())
        .listener(new ProgressListener() {
          @Override
          public void targetFinished(int finished, int total, BulkOutcome outcome) {
            progress.set(finished);
            if (finished % 5 == 0 || finished == total) {
              out.println("    rollout progress " + finished + "/" + total);
            }
          }
        }).run();
    out.println("  rollout: " + rollout.summary());
    checks.check("company-wide rollout: every user holds a policy, nobody failed", rollout.failed().isEmpty()
        && sb.tenant.users().stream().allMatch(u -> sb.tenant.assigned(u.userPrincipalName()).isPresent()));
    checks.check("the scanner keeps SMTP AUTH through the exception policy", sb.tenant.assigned(scanner).equals(Optional.of("Allow SMTP for devices")));
    sb.runner().run(m.setOrgDefault("Block Basic Auth")).orThrow();
    checks.check("the org default makes new accounts get the policy", sb.tenant.orgDefault().equals(Optional.of("Block Basic Auth")));
    checks.check("deleting the policy while assigned is refused, naming holders",
        sb.runner().run(m.delete("Block Basic Auth")).failure().map(f -> f.getMessage().contains("is assigned to")).orElse(false));
  }
}
