package io.github.m365kit.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * An on-prem Active Directory user with the Exchange attributes the hybrid workflows read. Immutable and
 * thread-safe. m365kit never logs whole entries.
 */
@Value.Immutable
@M365Style
public interface AdUser {
  /** userAccountControl bit ACCOUNTDISABLE (2). */
  int ACCOUNTDISABLE = 0x2;
  /** userAccountControl bit NORMAL_ACCOUNT (512). */
  int NORMAL_ACCOUNT = 0x200;

  /** @return the distinguished name */
  DistinguishedName dn();

  /** @return the sAMAccountName */
  SamAccountName samAccountName();

  /** @return the userPrincipalName */
  Optional<Upn> userPrincipalName();

  /** @return the mail attribute */
  Optional<SmtpAddress> mail();

  /** @return the display name */
  Optional<String> displayName();

  /** @return proxyAddresses, e.g. {@code SMTP:jane.doe@contoso.com}, {@code smtp:jd@contoso.mail.onmicrosoft.com}, {@code EUM:4123;phone-context=…} */
  List<String> proxyAddresses();

  /** @return targetAddress, e.g. {@code SMTP:jane.doe@contoso.mail.onmicrosoft.com} */
  Optional<String> targetAddress();

  /** @return mailNickname */
  Optional<String> mailNickname();

  /** @return userAccountControl */
  @Value.Default
  default int userAccountControl() {
    return NORMAL_ACCOUNT;
  }

  /** @return msExchRemoteRecipientType */
  Optional<RemoteRecipientType> remoteRecipientType();

  /** @return msExchRecipientTypeDetails */
  Optional<RecipientTypeDetails> recipientTypeDetails();

  /** @return msExchRecipientDisplayType */
  Optional<RecipientDisplayType> recipientDisplayType();

  /** @return msExchMailboxGuid (the cloud ExchangeGuid for a remote mailbox) */
  Optional<UUID> mailboxGuid();

  /** @return objectGUID */
  Optional<UUID> objectGuid();

  /** @return department */
  Optional<String> department();

  /** @return msExchUMEnabledFlags, present on a UM-enabled user */
  Optional<Long> umEnabledFlags();

  /** @return true when userAccountControl has ACCOUNTDISABLE */
  default boolean isDisabled() {
    return (userAccountControl() & ACCOUNTDISABLE) != 0;
  }

  /** @return true when the user carries a remote-mailbox record (a remote recipient type and a target address) */
  default boolean hasRemoteMailboxRecord() {
    return recipientTypeDetails().map(RecipientTypeDetails::isRemote).orElse(false) && targetAddress().isPresent();
  }

  /** @return the UM extension held in an {@code EUM:} proxy address (not a SIP URI or E.164 number), if any */
  default Optional<String> umExtension() {
    for (String p : proxyAddresses()) {
      if (p.regionMatches(true, 0, "EUM:", 0, 4)) {
        String v = p.substring(4);
        int semi = v.indexOf(';');
        String ext = semi >= 0 ? v.substring(0, semi) : v;
        if (!ext.isEmpty() && !ext.contains("@") && !ext.startsWith("+")) {
          return Optional.of(ext);
        }
      }
    }
    return Optional.empty();
  }

  /** @return true when UM attributes are present (an EUM proxy or msExchUMEnabledFlags) */
  default boolean umEnabled() {
    return umEnabledFlags().isPresent() || proxyAddresses().stream().anyMatch(p -> p.toUpperCase(Locale.ROOT).startsWith("EUM:"));
  }

  /** @return a builder */
  static ImmutableAdUser.Builder builder() {
    return ImmutableAdUser.builder();
  }
}
