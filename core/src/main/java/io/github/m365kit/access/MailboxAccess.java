package io.github.m365kit.access;

import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PowerShell;
import io.github.m365kit.plan.Step;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives an account (typically an unlicensed admin account without a mailbox) FullAccess to another mailbox, takes it
 * away, checks it, and explains the two routes to open the mailbox: the direct Outlook on the web URL
 * ({@link OwaUrls}) and an Outlook profile. Immutable and thread-safe when its ports are.
 *
 * <p>Grants go through {@code Add-MailboxPermission -AccessRights FullAccess -AutoMapping …}. AutoMapping (the
 * service's default is on) lets Autodiscover add the mailbox to the trustee's Outlook; it does not apply to security
 * groups. To change AutoMapping of an existing grant the grant is removed and added again, as Microsoft documents.
 * Permissions can take a while to apply: third-party guidance says about 15 to 60 minutes plus an Outlook restart,
 * which is UNCONFIRMED (no Microsoft figure was found); every plan and check says so.
 *
 * <p>Plan ids name the mailbox, the trustee and (for a grant) the AutoMapping. A journal that recorded a plan as
 * finished skips it when it is run again, so a grant after a later revoke needs a fresh journal (or a new runner).
 *
 * <pre>{@code
 * var tenant = InMemoryTenant.demo();
 * var access = MailboxAccess.using(tenant, tenant);
 * PlanRunner.create().run(access.grant(SmtpAddress.of("reception@contoso.com"), DemoCast.ADMIN, false)).orThrow();
 * System.out.print(access.check(DemoCast.ADMIN, SmtpAddress.of("reception@contoso.com")).render());
 * }</pre>
 */
public final class MailboxAccess {
  /** The caveat on how long a permission takes to apply. */
  public static final String APPLY_DELAY_NOTE = "the permission can take minutes to apply: third-party guidance says about 15-60 minutes "
      + "plus an Outlook restart (UNCONFIRMED: no Microsoft figure found)";

  private final MailboxStore mailboxes;
  private final CloudDirectory directory;

  private MailboxAccess(MailboxStore mailboxes, CloudDirectory directory) {
    this.mailboxes = Objects.requireNonNull(mailboxes, "mailboxes == null");
    this.directory = Objects.requireNonNull(directory, "directory == null");
  }

  /**
   * @param mailboxes the mailboxes and their permissions
   * @param directory the users and their licenses
   * @return the operations
   */
  public static MailboxAccess using(MailboxStore mailboxes, CloudDirectory directory) {
    return new MailboxAccess(mailboxes, directory);
  }

  /**
   * Reads the trustee's FullAccess grant on a mailbox.
   *
   * @param mailbox the mailbox
   * @param trustee the trustee
   * @return the grant, or empty
   * @throws io.github.m365kit.NotFoundException when there is no such mailbox
   */
  public Optional<MailboxPermission> permission(SmtpAddress mailbox, Upn trustee) {
    return mailboxes.fullAccess(mailbox).stream().filter(p -> p.trustee().equals(trustee)).findFirst();
  }

  /**
   * A plan that gives the trustee FullAccess with the given AutoMapping. When the trustee already holds FullAccess
   * with the other AutoMapping, the plan first removes that grant. Each step verifies by reading the permissions back.
   *
   * @param mailbox the mailbox
   * @param trustee who gets access
   * @param autoMapping whether Outlook adds the mailbox automatically
   * @return the plan
   * @throws io.github.m365kit.NotFoundException when the mailbox or the trustee does not exist
   */
  public Plan grant(SmtpAddress mailbox, Upn trustee, boolean autoMapping) {
    Mailbox m = mailboxes.get(mailbox);
    directory.getUser(trustee);
    SmtpAddress target = m.primarySmtpAddress();
    Optional<MailboxPermission> existing = permission(target, trustee);
    List<Step> steps = new ArrayList<>();
    if (existing.isPresent() && existing.get().autoMapping() != autoMapping) {
      steps.add(Step.builder()
          .id("remove-full-access")
          .description("Remove " + trustee + "'s FullAccess on " + target + " (AutoMapping " + onOff(existing.get().autoMapping())
              + "), to add it again with AutoMapping " + onOff(autoMapping))
          .powershell(removeCommand(target, trustee))
          .isDone(() -> permission(target, trustee).map(p -> p.autoMapping() == autoMapping).orElse(true))
          .apply(() -> mailboxes.revokeFullAccess(target, trustee))
          .build());
    }
    steps.add(Step.builder()
        .id("add-full-access")
        .description("Give " + trustee + " FullAccess on " + target + " with AutoMapping " + onOff(autoMapping))
        .powershell(PowerShell.command("Add-MailboxPermission").param("Identity", target.value()).param("User", trustee.value())
            .param("AccessRights", "FullAccess").param("AutoMapping", autoMapping))
        .isDone(() -> permission(target, trustee).map(p -> p.autoMapping() == autoMapping).orElse(false))
        .apply(() -> mailboxes.grantFullAccess(target, trustee, autoMapping))
        .build());
    List<String> notes = new ArrayList<>();
    notes.add(APPLY_DELAY_NOTE);
    notes.add("then open " + OwaUrls.classic(target) + " (" + OwaUrls.classic(target).note() + ")");
    return new Plan("grant-full-access:" + key(target, trustee) + ":automapping=" + autoMapping,
        "Give " + trustee + " FullAccess on " + target + " (AutoMapping " + onOff(autoMapping) + ")", steps, notes);
  }

  /**
   * A plan that removes the trustee's FullAccess on a mailbox; it is done when no grant is left.
   *
   * @param mailbox the mailbox
   * @param trustee whose access to remove
   * @return the plan
   * @throws io.github.m365kit.NotFoundException when there is no such mailbox
   */
  public Plan revoke(SmtpAddress mailbox, Upn trustee) {
    Objects.requireNonNull(trustee, "trustee == null");
    SmtpAddress target = mailboxes.get(mailbox).primarySmtpAddress();
    Step step = Step.builder()
        .id("remove-full-access")
        .description("Remove " + trustee + "'s FullAccess on " + target)
        .powershell(removeCommand(target, trustee))
        .isDone(() -> permission(target, trustee).isEmpty())
        .apply(() -> mailboxes.revokeFullAccess(target, trustee))
        .build();
    return new Plan("revoke-full-access:" + key(target, trustee), "Remove " + trustee + "'s FullAccess on " + target, List.of(step),
        List.of("removal can also take a while to reach open Outlook sessions (UNCONFIRMED timing)"));
  }

  /**
   * Explains why the direct-URL route is needed for this admin and this mailbox, and whether it works yet.
   *
   * @param admin the admin account
   * @param mailbox the mailbox to open
   * @return the check
   * @throws io.github.m365kit.NotFoundException when the admin or the mailbox does not exist
   */
  public AccessCheck check(Upn admin, SmtpAddress mailbox) {
    CloudUser user = directory.getUser(admin);
    Mailbox target = mailboxes.get(mailbox);
    SmtpAddress address = target.primarySmtpAddress();
    boolean hasMailbox = mailboxes.findByUpn(admin).isPresent();
    boolean licensed = user.hasExchangeLicense();
    Optional<MailboxPermission> grant = permission(address, admin);
    List<OwaUrls.OwaUrl> urls = List.of(OwaUrls.classic(address), OwaUrls.newOutlook(address));
    List<String> lines = new ArrayList<>();
    lines.add("Opening " + address + " as " + admin);
    lines.add("  " + admin + (licensed ? " holds an Exchange Online license" : " holds no Exchange Online license")
        + " and " + (hasMailbox ? "has a mailbox" : "has no mailbox"));
    if (!hasMailbox) {
      lines.add("  Outlook on the web will say the account has no license or mailbox, so 'Open another mailbox' is not available: "
          + "open the mailbox directly with a URL below, or use an Outlook profile");
    } else {
      lines.add("  the account has a mailbox, so 'Open another mailbox' in Outlook on the web also works");
    }
    if (grant.isPresent()) {
      lines.add("  FullAccess: granted (AutoMapping " + onOff(grant.get().autoMapping()) + "); " + APPLY_DELAY_NOTE);
    } else {
      lines.add("  FullAccess: not granted yet; run the grant first (Add-MailboxPermission -AccessRights FullAccess)");
    }
    for (OwaUrls.OwaUrl u : urls) {
      lines.add("  URL (" + u.form() + "): " + u.uri());
    }
    lines.add("  note: " + urls.get(0).note());
    lines.add("  Outlook profile route:");
    for (String s : outlookProfileRoute(address)) {
      lines.add("    " + s);
    }
    return new AccessCheck(admin, address, hasMailbox, licensed, grant, urls, lines);
  }

  /**
   * The Outlook-profile route, as steps for an admin: a profile for the mailbox's address, signed in with the admin
   * account.
   *
   * @param mailbox the mailbox to open
   * @return the steps, one line each
   */
  public static List<String> outlookProfileRoute(SmtpAddress mailbox) {
    Objects.requireNonNull(mailbox, "mailbox == null");
    return List.of(
        "1. In Outlook, add a new profile (Control Panel > Mail > Show Profiles > Add).",
        "2. Your Name: any display name. Email address: " + mailbox + ". Leave the password empty and choose Next.",
        "3. The sign-in page shows " + mailbox + ": choose 'Sign in with another account' and sign in with the admin account.",
        "4. This needs the same FullAccess grant; it is slower to set up than the URL for a quick check.");
  }

  private static PowerShell removeCommand(SmtpAddress target, Upn trustee) {
    return PowerShell.command("Remove-MailboxPermission").param("Identity", target.value()).param("User", trustee.value())
        .param("AccessRights", "FullAccess").switchParam("Confirm", false);
  }

  private static String key(SmtpAddress target, Upn trustee) {
    return target.value().toLowerCase(Locale.ROOT) + ":" + trustee.value().toLowerCase(Locale.ROOT);
  }

  private static String onOff(boolean b) {
    return b ? "on" : "off";
  }
}
