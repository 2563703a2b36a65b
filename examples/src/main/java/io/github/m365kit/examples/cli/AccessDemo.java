package io.github.m365kit.examples.cli;

import io.github.m365kit.access.MailboxAccess;
import io.github.m365kit.access.OwaUrls;
import io.github.m365kit.insights.InsightsSettings;
import io.github.m365kit.insights.WelcomeReport;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.plan.RunResult;
import java.io.PrintWriter;

/** The demo's MyAnalytics and mailbox-access scenarios. */
final class AccessDemo {
  private AccessDemo() {}

  static void insightsAndOwa(Sandbox sb, PrintWriter out, Checks checks) {
    DemoCommand.heading(out, "MyAnalytics: who would get a Welcome email now?");
    InsightsSettings s = InsightsSettings.using(sb.tenant.insights(), sb.tenant);
    WelcomeReport before = s.welcomeCheck();
    out.println("  " + before.wouldReceive().size() + " users would get one now (UNCONFIRMED rule from the seed: the Weekly insights email gates it)");
    RunResult r = sb.runner().run(s.tenantDefaultPlan(io.github.m365kit.insights.TenantFeature.WEEKLY_INSIGHTS_EMAIL, false));
    WelcomeReport after = s.welcomeCheck();
    out.println("  after turning off the tenant's Weekly insights email: " + after.wouldReceive().size() + " users");
    checks.check("turning off the Weekly insights email stops the Welcome emails (per the seed's tip)",
        r.succeeded() && !before.wouldReceive().isEmpty() && after.wouldReceive().isEmpty());

    DemoCommand.heading(out, "Opening reception@contoso.com without a license (admin@contoso.onmicrosoft.com has no mailbox)");
    SmtpAddress reception = SmtpAddress.of(DemoCast.RECEPTION.value());
    MailboxAccess access = MailboxAccess.using(sb.tenant, sb.tenant);
    RunResult g = sb.runner().run(access.grant(reception, DemoCast.ADMIN, false));
    checks.check("FullAccess granted with AutoMapping off and verified", g.succeeded() && access.permission(reception, DemoCast.ADMIN).isPresent());
    OwaUrls.OwaUrl url = OwaUrls.classic(reception);
    out.println("  open: " + url.uri());
    out.println("  note: " + url.note());
    checks.check("the OWA URL opens the mailbox directly", url.uri().toString().equals("https://outlook.office.com/owa/reception@contoso.com/?offline=disabled"));
  }
}
