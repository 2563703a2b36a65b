package io.github.m365kit.examples.cli;

import io.github.m365kit.mailbox.ConversionOptions;
import io.github.m365kit.mailbox.Finding;
import io.github.m365kit.mailbox.MailboxConverter;
import io.github.m365kit.mailbox.Preflight;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRenderer;
import io.github.m365kit.plan.RunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/** The demo's mailbox scenarios, each verified. */
final class MailboxDemo {
  private MailboxDemo() {}

  static MailboxConverter converter(Sandbox sb) {
    return MailboxConverter.using(sb.mailboxes, sb.cloud, sb.onPrem, sb.clock);
  }

  static void printPreflight(PrintWriter out, Preflight p) {
    out.println("  preflight:");
    for (Finding f : p.findings()) {
      out.println("    - " + f);
    }
  }

  static void offboardHybridUser(Sandbox sb, PrintWriter out, Checks checks) {
    DemoCommand.heading(out, "Departing employee: jane.doe@contoso.com (synced from AD) becomes a shared mailbox");
    MailboxConverter c = converter(sb);
    Preflight p = c.preflight(DemoCast.JANE.value());
    printPreflight(out, p);
    ConversionOptions opts = ConversionOptions.toShared().withRemoveLicenses(true).withDisableAccount(true).withMoveTo(DemoCast.DEPARTED_OU)
        .withRevokeSessions(true).withRoutingDomain(DemoCast.ROUTING_DOMAIN);
    Plan plan = c.plan(DemoCast.JANE.value(), opts);
    out.print(indent(PlanRenderer.render(plan, PlanRenderer.Format.TEXT)));
    RunResult r = sb.runner().run(plan);
    checks.check("the plan ran to the end: " + r.applied().size() + " steps applied", r.succeeded());
    List<String> ids = plan.stepIds();
    checks.check("on-prem attributes are set before the cloud type, licenses go only after",
        ids.indexOf("on-prem-remote-shared") < ids.indexOf("set-mailbox-shared") && ids.indexOf("set-mailbox-shared") < ids.indexOf("remove-licenses"));
    Mailbox m = sb.tenant.get(SmtpAddress.of(DemoCast.JANE.value()));
    AdUser ad = sb.onPrem.findByUpn(DemoCast.JANE).orElseThrow();
    out.println("  after: cloud " + m.type() + ", on-prem " + ad.recipientTypeDetails().orElseThrow() + " / msExchRemoteRecipientType "
        + ad.remoteRecipientType().orElseThrow() + ", AD account " + (ad.isDisabled() ? "disabled" : "enabled") + " in " + ad.dn().parent());
    checks.check("the cloud mailbox reads back Shared", m.type() == MailboxType.SHARED);
    checks.check("AD says RemoteSharedMailbox (34359738368) and msExchRemoteRecipientType 100",
        ad.recipientTypeDetails().orElseThrow().equals(RecipientTypeDetails.REMOTE_SHARED_MAILBOX) && ad.remoteRecipientType().orElseThrow().value() == 100L);
    checks.check("the license is removed", !sb.tenant.getUser(DemoCast.JANE).hasExchangeLicense());
    checks.check("the AD account is disabled and moved to OU=Departed, never deleted", ad.isDisabled() && ad.dn().isAtOrUnder(DemoCast.DEPARTED_OU));
    List<String> changes = sb.tenant.directorySync(sb.onPrem);
    out.println("  directory sync: " + (changes.isEmpty() ? "no changes" : changes));
    checks.check("after a directory sync the mailbox stays shared (no revert)", sb.tenant.get(SmtpAddress.of(DemoCast.JANE.value())).type() == MailboxType.SHARED);
    sb.tenant.simulatedClock().advance(java.time.Duration.ofDays(45));
    checks.check("45 days later the unlicensed shared mailbox still holds its data",
        sb.tenant.find(SmtpAddress.of(DemoCast.JANE.value())).map(x -> x.totalItemSizeBytes() > 0).orElse(false));
    Plan again = c.plan(DemoCast.JANE.value(), opts);
    RunResult rerun = sb.runner().run(again);
    checks.check("running the conversion again changes nothing" + (again.isEmpty() ? " (the plan is empty: " + again.notes() + ")" : ": " + rerun.applied()),
        rerun.succeeded() && rerun.applied().isEmpty());
  }

  static void umTrap(Sandbox sb, PrintWriter out, Checks checks) {
    DemoCommand.heading(out, "The UM trap: reception@contoso.com is shared but still holds UM extension 4123");
    SmtpAddress reception = SmtpAddress.of(DemoCast.RECEPTION.value());
    try {
      sb.tenant.disableUnifiedMessaging(reception);
    } catch (RuntimeException e) {
      out.println("  Disable-UMMailbox now fails: " + e.getMessage());
      Optional<io.github.m365kit.mailbox.Explanation> why = MailboxConverter.explain(e);
      why.ifPresent(x -> out.println("  why: " + x.cause() + "\n  fix: " + x.fix()));
      checks.check("the license-validation error is met and explained", why.isPresent());
    }
    MailboxConverter c = converter(sb);
    Plan plan = c.plan(DemoCast.RECEPTION.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    out.print(indent(PlanRenderer.render(plan, PlanRenderer.Format.TEXT)));
    RunResult r = sb.runner().run(plan);
    checks.check("the UM-trap plan ran to the end", r.succeeded());
    Mailbox m = sb.tenant.get(reception);
    checks.check("reception is shared again, UM off, extension 4123 freed", m.type() == MailboxType.SHARED && !m.umEnabled() && m.umExtension().isEmpty());
    checks.check("the temporary license was removed again", !sb.tenant.getUser(DemoCast.RECEPTION).hasExchangeLicense());
    SmtpAddress user1 = SmtpAddress.of(DemoCast.EXTRAS.get(0).value());
    sb.tenant.enableUnifiedMessaging(user1, "4123");
    checks.check("extension 4123 can now be given to someone else (user1 holds it)", sb.tenant.get(user1).umExtension().equals(Optional.of("4123")));
  }

  static void bigMailboxOnHold(Sandbox sb, PrintWriter out, Checks checks) {
    DemoCommand.heading(out, "A 55 GB mailbox on Litigation Hold with an archive: big.mailbox@contoso.com");
    MailboxConverter c = converter(sb);
    Preflight p = c.preflight(DemoCast.BIG.value());
    printPreflight(out, p);
    checks.check("preflight refuses license removal and says why", p.licenseRemovalRefusal().isPresent());
    Plan plan = c.plan(DemoCast.BIG.value(), ConversionOptions.toShared().withRemoveLicenses(true).withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    out.print(indent(PlanRenderer.render(plan, PlanRenderer.Format.TEXT)));
    RunResult r = sb.runner().run(plan);
    checks.check("the conversion ran", r.succeeded());
    checks.check("the mailbox is shared and keeps its license", sb.tenant.get(SmtpAddress.of(DemoCast.BIG.value())).type() == MailboxType.SHARED
        && sb.tenant.getUser(DemoCast.BIG).licenses().contains(License.OFFICE_365_E3));
  }

  static void repairCloudFirst(Sandbox sb, PrintWriter out, Checks checks) {
    DemoCommand.heading(out, "Repair: cloud.first@contoso.com has a cloud mailbox but no on-prem remote-mailbox record");
    MailboxConverter c = converter(sb);
    Preflight p = c.preflight(DemoCast.CLOUD_FIRST.value());
    printPreflight(out, p);
    Plan plan = c.repair(DemoCast.CLOUD_FIRST.value(), ConversionOptions.toShared().withRoutingDomain(DemoCast.ROUTING_DOMAIN));
    out.print(indent(PlanRenderer.render(plan, PlanRenderer.Format.TEXT)));
    RunResult r = sb.runner().run(plan);
    checks.check("the repair ran", r.succeeded());
    AdUser ad = sb.onPrem.findByUpn(DemoCast.CLOUD_FIRST).orElseThrow();
    Mailbox m = sb.tenant.get(SmtpAddress.of(DemoCast.CLOUD_FIRST.value()));
    out.println("  on-prem now: targetAddress " + ad.targetAddress().orElse("-") + ", msExchMailboxGuid " + ad.mailboxGuid().map(Object::toString).orElse("-"));
    checks.check("AD carries a remote-mailbox record routed to " + DemoCast.ROUTING_DOMAIN,
        ad.hasRemoteMailboxRecord() && ad.targetAddress().orElse("").endsWith("@" + DemoCast.ROUTING_DOMAIN));
    checks.check("msExchMailboxGuid equals the cloud ExchangeGuid (round-tripped as binary over LDAP)", ad.mailboxGuid().equals(Optional.of(m.exchangeGuid())));
    sb.tenant.directorySync(sb.onPrem);
    checks.check("a directory sync leaves the mailbox a user mailbox", sb.tenant.get(SmtpAddress.of(DemoCast.CLOUD_FIRST.value())).type() == MailboxType.USER);
    out.println("  " + DemoCast.CLOUD_FIRST + " can now be converted like jane.doe");
  }

  static String indent(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n")) {
      sb.append("  ").append(line).append('\n');
    }
    return sb.toString();
  }
}
