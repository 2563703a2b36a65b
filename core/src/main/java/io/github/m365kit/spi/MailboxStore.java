package io.github.m365kit.spi;

import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.List;
import java.util.Optional;

/**
 * The port to Exchange Online mailboxes ({@code Get-Mailbox}, {@code Get-MailboxStatistics}, {@code Set-Mailbox
 * -Type}, {@code Disable-UMMailbox}, mailbox permissions). Implemented by {@code InMemoryTenant} (core) and the
 * Exchange REST adapter (graph-adapter).
 */
public interface MailboxStore {

  /**
   * @param address the primary SMTP address or any proxy address
   * @return the mailbox, or empty (also for a mailbox disconnected after the grace period)
   */
  Optional<Mailbox> find(SmtpAddress address);

  /**
   * @param upn the owner's sign-in name
   * @return the mailbox, or empty
   */
  Optional<Mailbox> findByUpn(Upn upn);

  /**
   * @param address the mailbox
   * @return the mailbox
   * @throws io.github.m365kit.NotFoundException when there is none
   */
  default Mailbox get(SmtpAddress address) {
    return find(address).orElseThrow(() -> new io.github.m365kit.NotFoundException("mailbox", address.value(),
        "The operation couldn't be performed because object '" + address.value() + "' couldn't be found."));
  }

  /**
   * {@code Set-Mailbox -Identity … -Type …}.
   *
   * @param address the mailbox
   * @param type the new type
   * @throws io.github.m365kit.ServiceRuleException when the service refuses (e.g. the mailbox is unlicensed)
   */
  void setType(SmtpAddress address, MailboxType type);

  /**
   * {@code Disable-UMMailbox -Identity …}: frees the UM extension.
   *
   * @param address the mailbox
   * @throws io.github.m365kit.ServiceRuleException with {@code UM_LICENSE_VALIDATION} on a shared or unlicensed
   *     mailbox, or {@code UM_ALREADY_DISABLED} on a mailbox without UM
   */
  void disableUnifiedMessaging(SmtpAddress address);

  /**
   * @param address the mailbox
   * @return the FullAccess grants on it
   */
  List<MailboxPermission> fullAccess(SmtpAddress address);

  /**
   * {@code Add-MailboxPermission -AccessRights FullAccess -AutoMapping …}.
   *
   * @param address the mailbox
   * @param trustee who gets access
   * @param autoMapping whether Outlook adds the mailbox automatically
   */
  void grantFullAccess(SmtpAddress address, Upn trustee, boolean autoMapping);

  /**
   * {@code Remove-MailboxPermission -AccessRights FullAccess}.
   *
   * @param address the mailbox
   * @param trustee whose access to remove
   */
  void revokeFullAccess(SmtpAddress address, Upn trustee);

  /**
   * When the grace period of an unlicensed user mailbox started, for backends that know it (the in-memory tenant
   * does; Exchange Online does not expose it, so the real adapters return empty and callers must say so).
   *
   * @param owner the mailbox owner's sign-in name
   * @return the start of the 30-day grace period, or empty when unknown or not applicable
   */
  default Optional<java.time.Instant> unlicensedSince(Upn owner) {
    return Optional.empty();
  }

  /**
   * A FullAccess grant.
   *
   * @param trustee who holds it
   * @param autoMapping whether it was granted with AutoMapping
   */
  record MailboxPermission(Upn trustee, boolean autoMapping) {}
}
