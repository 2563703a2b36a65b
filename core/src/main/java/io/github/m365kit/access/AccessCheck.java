package io.github.m365kit.access;

import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.MailboxStore.MailboxPermission;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an admin account needs the direct-URL route to open a mailbox, and whether it can yet. Immutable and
 * thread-safe.
 *
 * @param admin the admin account
 * @param mailbox the mailbox to open
 * @param adminHasMailbox whether the admin account has an Exchange Online mailbox of its own
 * @param adminLicensed whether the admin account holds an Exchange Online license
 * @param grant the admin's FullAccess grant on the mailbox, if any
 * @param urls the URLs that open the mailbox directly (both UNCONFIRMED as documented)
 * @param lines the explanation for an admin, one line each
 */
public record AccessCheck(Upn admin, SmtpAddress mailbox, boolean adminHasMailbox, boolean adminLicensed, Optional<MailboxPermission> grant,
    List<OwaUrls.OwaUrl> urls, List<String> lines) {

  /** Validates and copies. */
  public AccessCheck {
    Objects.requireNonNull(admin, "admin == null");
    Objects.requireNonNull(mailbox, "mailbox == null");
    Objects.requireNonNull(grant, "grant == null");
    urls = List.copyOf(urls);
    lines = List.copyOf(lines);
  }

  /** @return true when the admin has no mailbox, so Outlook on the web cannot open other mailboxes the usual way */
  public boolean needsDirectUrl() {
    return !adminHasMailbox;
  }

  /** @return true when the admin holds FullAccess on the mailbox */
  public boolean hasFullAccess() {
    return grant.isPresent();
  }

  /** @return the explanation as text */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    return sb.toString();
  }
}
