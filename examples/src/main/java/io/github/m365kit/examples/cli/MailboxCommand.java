package io.github.m365kit.examples.cli;

import io.github.m365kit.access.MailboxAccess;
import io.github.m365kit.access.OwaUrls;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code m365kit mailbox …}: conversion, repair and access without a license. */
@Command(name = "mailbox", mixinStandardHelpOptions = true, description = "Mailbox conversion, repair and access.",
    subcommands = {MailboxCommand.PreflightCmd.class, MailboxCommand.Convert.class, MailboxCommand.RepairRemote.class, MailboxCommand.OwaUrl.class,
        MailboxCommand.GrantAccess.class, MailboxCommand.RevokeAccess.class})
final class MailboxCommand {
  @ParentCommand M365Kit root;

  static String routingDomain(Sandbox sb, String given) {
    if (given != null) {
      return given;
    }
    if (sb.tenant != null) {
      return sb.tenant.name().replace(".onmicrosoft.com", ".mail.onmicrosoft.com");
    }
    throw new CliFailure("give --routing-domain, e.g. contoso.mail.onmicrosoft.com");
  }

  @Command(name = "preflight", mixinStandardHelpOptions = true, description = "Read-only checks before converting USER's mailbox.")
  static final class PreflightCmd implements Callable<Integer> {
    @ParentCommand MailboxCommand parent;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "USER") String user;

    @Override
    public Integer call() {
      try (Sandbox sb = Sandbox.open(parent.root)) {
        io.github.m365kit.mailbox.Preflight p = MailboxDemo.converter(sb).preflight(user);
        java.io.PrintWriter out = spec.commandLine().getOut();
        out.println(p.mailbox().primarySmtpAddress() + ": " + p.mailbox().type() + " mailbox, "
            + String.format("%.1f GB", p.mailbox().totalItemSizeBytes() / (double) (1L << 30)) + ", licenses " + p.user().licenses());
        p.findings().forEach(f -> out.println("  - " + f));
        p.licenseRemovalRefusal().ifPresent(r -> out.println("  license removal: refused: " + r));
        return 0;
      }
    }
  }

  @Command(name = "convert", mixinStandardHelpOptions = true, description = "Convert USER's mailbox to shared (or back to regular) in the right order.")
  static final class Convert implements Callable<Integer> {
    @ParentCommand MailboxCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanOptions plan;
    @Parameters(paramLabel = "USER") String user;
    @Option(names = "--to", defaultValue = "shared", paramLabel = "shared|regular") String to;
    @Option(names = "--remove-licenses", description = "Remove the licenses once the mailbox reads back shared (refused when it must keep one).") boolean removeLicenses;
    @Option(names = "--disable-account", description = "Disable the AD account (synced) or block cloud sign-in (cloud-only).") boolean disableAccount;
    @Option(names = "--move-to", paramLabel = "OU_DN", description = "Move the AD account to this OU.") String moveTo;
    @Option(names = "--revoke-sessions", description = "Revoke sign-in sessions.") boolean revokeSessions;
    @Option(names = "--routing-domain", paramLabel = "DOMAIN", description = "The hybrid routing domain (default: the tenant's).") String routingDomain;

    @Override
    public Integer call() {
      io.github.m365kit.mailbox.ConversionOptions o;
      switch (to.toLowerCase(java.util.Locale.ROOT)) {
        case "shared":
          o = io.github.m365kit.mailbox.ConversionOptions.toShared();
          break;
        case "regular":
        case "user":
          o = io.github.m365kit.mailbox.ConversionOptions.toRegular();
          break;
        default:
          throw new CliFailure("--to must be shared or regular, not '" + to + "'");
      }
      o = o.withRemoveLicenses(removeLicenses).withDisableAccount(disableAccount).withRevokeSessions(revokeSessions);
      if (moveTo != null) {
        o = o.withMoveTo(io.github.m365kit.model.DistinguishedName.of(moveTo));
      }
      try (Sandbox sb = Sandbox.open(parent.root)) {
        o = o.withRoutingDomain(routingDomain(sb, routingDomain));
        io.github.m365kit.plan.PlanRunner runner = sb.runner();
        io.github.m365kit.plan.Plan p = MailboxDemo.converter(sb).plan(user, o, runner.journal());
        return plan.execute(p, runner, spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
  }

  @Command(name = "repair-remote", mixinStandardHelpOptions = true,
      description = "Stamp the missing on-prem remote-mailbox record of a mailbox created in the cloud first.")
  static final class RepairRemote implements Callable<Integer> {
    @ParentCommand MailboxCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanOptions plan;
    @Parameters(paramLabel = "USER") String user;
    @Option(names = "--routing-domain", paramLabel = "DOMAIN") String routingDomain;

    @Override
    public Integer call() {
      try (Sandbox sb = Sandbox.open(parent.root)) {
        io.github.m365kit.mailbox.ConversionOptions o = io.github.m365kit.mailbox.ConversionOptions.toShared()
            .withRoutingDomain(routingDomain(sb, routingDomain));
        return plan.execute(MailboxDemo.converter(sb).repair(user, o), sb.runner(), spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
  }

  @Command(name = "owa-url", mixinStandardHelpOptions = true, description = "Print the Outlook on the web URL that opens MAILBOX directly.")
  static final class OwaUrl implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "MAILBOX") String mailbox;
    @Option(names = "--new-outlook", description = "The new Outlook form (/mail/<smtp>/).") boolean newOutlook;

    @Override
    public Integer call() {
      SmtpAddress a = SmtpAddress.of(mailbox);
      OwaUrls.OwaUrl url = newOutlook ? OwaUrls.newOutlook(a) : OwaUrls.classic(a);
      spec.commandLine().getOut().println(url.uri());
      spec.commandLine().getErr().println("note: " + url.note());
      return 0;
    }
  }

  @Command(name = "grant-access", mixinStandardHelpOptions = true, description = "Grant FullAccess on MAILBOX (as a plan).")
  static final class GrantAccess implements Callable<Integer> {
    @ParentCommand MailboxCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanOptions plan;
    @Parameters(paramLabel = "MAILBOX") String mailbox;
    @Option(names = "--to", required = true, paramLabel = "USER") String trustee;
    @Option(names = "--no-automap", description = "Don't let Outlook add the mailbox automatically.") boolean noAutomap;

    @Override
    public Integer call() {
      try (Sandbox sb = Sandbox.open(parent.root)) {
        MailboxAccess access = MailboxAccess.using(sb.mailboxes, sb.cloud);
        return plan.execute(access.grant(SmtpAddress.of(mailbox), Upn.of(trustee), !noAutomap), sb.runner(), spec.commandLine().getOut(),
            spec.commandLine().getErr());
      }
    }
  }

  @Command(name = "revoke-access", mixinStandardHelpOptions = true, description = "Remove FullAccess on MAILBOX (as a plan).")
  static final class RevokeAccess implements Callable<Integer> {
    @ParentCommand MailboxCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanOptions plan;
    @Parameters(paramLabel = "MAILBOX") String mailbox;
    @Option(names = "--from", required = true, paramLabel = "USER") String trustee;

    @Override
    public Integer call() {
      try (Sandbox sb = Sandbox.open(parent.root)) {
        MailboxAccess access = MailboxAccess.using(sb.mailboxes, sb.cloud);
        return plan.execute(access.revoke(SmtpAddress.of(mailbox), Upn.of(trustee)), sb.runner(), spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
  }
}
