package io.github.m365kit.spi;

import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The port to on-prem Active Directory: find users and write the Exchange recipient attributes of the hybrid
 * workflows. Implemented by {@code InMemoryOnPremDirectory} (core) and {@code LdapOnPremDirectory} (ldap-adapter).
 *
 * <p>There is deliberately no delete: m365kit never deletes an account (the account anchors the shared mailbox).
 * Every method throws {@link io.github.m365kit.NotFoundException} for an unknown DN and translates backend failures
 * into {@link io.github.m365kit.M365KitException} subtypes; transient ones report {@code isTransient()}.
 */
public interface OnPremDirectory {

  /**
   * @param upn the userPrincipalName
   * @return the user, or empty
   */
  Optional<AdUser> findByUpn(Upn upn);

  /**
   * @param sam the sAMAccountName
   * @return the user, or empty
   */
  Optional<AdUser> findBySamAccountName(SamAccountName sam);

  /**
   * Finds every user whose {@code mail} is the address or whose {@code proxyAddresses} hold it (as {@code SMTP:} or
   * {@code smtp:}). More than one result is an ambiguity the caller must refuse.
   *
   * @param address the address
   * @return the matching users, possibly several
   */
  List<AdUser> findByAddress(SmtpAddress address);

  /**
   * @param dn a distinguished name
   * @return the user
   * @throws io.github.m365kit.NotFoundException when there is no user at that DN
   */
  AdUser get(DistinguishedName dn);

  /**
   * Visits every user under a base, page by page (1,000 per page against AD).
   *
   * @param base the search base
   * @param visitor receives each user
   */
  void forEachUser(DistinguishedName base, Consumer<AdUser> visitor);

  /**
   * Writes the three recipient-type attributes in one modify.
   *
   * @param dn the user
   * @param remote msExchRemoteRecipientType
   * @param details msExchRecipientTypeDetails
   * @param display msExchRecipientDisplayType, or empty to leave it alone
   */
  void setRecipientTypes(DistinguishedName dn, RemoteRecipientType remote, RecipientTypeDetails details, Optional<RecipientDisplayType> display);

  /**
   * Stamps a remote-mailbox record on an existing user, as {@code Enable-RemoteMailbox} and
   * {@code Set-RemoteMailbox -ExchangeGuid} would, in one modify.
   *
   * @param dn the user
   * @param record the values to write
   */
  void stampRemoteMailbox(DistinguishedName dn, RemoteMailboxRecord record);

  /**
   * Removes the Unified Messaging attributes (the EUM proxy addresses and the msExchUM* attributes), as
   * {@code Disable-UMMailbox -KeepProperties $false} does on-prem.
   *
   * @param dn the user
   */
  void clearUnifiedMessaging(DistinguishedName dn);

  /**
   * Sets or clears ACCOUNTDISABLE in userAccountControl, keeping every other bit.
   *
   * @param dn the user
   * @param disabled true to disable
   */
  void setAccountDisabled(DistinguishedName dn, boolean disabled);

  /**
   * Whether users can be moved under a name: an organizational unit, a container such as {@code CN=Users}, or the
   * domain itself. Read-only; a plan checks its target OU with it before it changes anything.
   *
   * @param dn a distinguished name
   * @return true when a container is there; false when nothing is, or something that holds no users (a user, a group)
   */
  boolean containerExists(DistinguishedName dn);

  /**
   * Moves a user to another container (ModifyDN with a new superior), keeping its RDN.
   *
   * @param dn the user
   * @param newParent the target OU
   * @return the new DN
   * @throws io.github.m365kit.NotFoundException when the user or the OU does not exist
   */
  DistinguishedName move(DistinguishedName dn, DistinguishedName newParent);

  /**
   * The values {@code Enable-RemoteMailbox} plus {@code Set-RemoteMailbox -ExchangeGuid} write.
   *
   * @param targetAddress e.g. {@code SMTP:alias@tenant.mail.onmicrosoft.com}
   * @param proxyAddresses the full proxyAddresses to write
   * @param mailNickname the alias
   * @param remoteRecipientType msExchRemoteRecipientType
   * @param recipientTypeDetails msExchRecipientTypeDetails
   * @param recipientDisplayType msExchRecipientDisplayType
   * @param mailboxGuid msExchMailboxGuid = the cloud ExchangeGuid
   */
  record RemoteMailboxRecord(
      String targetAddress,
      List<String> proxyAddresses,
      String mailNickname,
      RemoteRecipientType remoteRecipientType,
      RecipientTypeDetails recipientTypeDetails,
      RecipientDisplayType recipientDisplayType,
      UUID mailboxGuid) {
    /** Copies the list. */
    public RemoteMailboxRecord {
      proxyAddresses = List.copyOf(proxyAddresses);
    }
  }
}
