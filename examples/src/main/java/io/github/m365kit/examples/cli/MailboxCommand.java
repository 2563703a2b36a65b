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
    subcommands = {MailboxCommand.OwaUrl.class, MailboxCommand.GrantAccess.class, MailboxCommand.RevokeAccess.class})
final class MailboxCommand {
  @ParentCommand M365Kit root;

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
      try (Sandbox sb = Sandbox.open(parent.root.sandbox)) {
        MailboxAccess access = MailboxAccess.using(sb.tenant, sb.tenant);
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
      try (Sandbox sb = Sandbox.open(parent.root.sandbox)) {
        MailboxAccess access = MailboxAccess.using(sb.tenant, sb.tenant);
        return plan.execute(access.revoke(SmtpAddress.of(mailbox), Upn.of(trustee)), sb.runner(), spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
  }
}
