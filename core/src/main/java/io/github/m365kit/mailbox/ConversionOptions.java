package io.github.m365kit.mailbox;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link MailboxConverter} plan should do besides changing the mailbox type. Start from {@link #toShared()}
 * or {@link #toRegular()} and add options with the {@code with…} methods; every method returns a new value.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * ConversionOptions departing = ConversionOptions.toShared()
 *     .withRemoveLicenses(true).withDisableAccount(true).withRevokeSessions(true)
 *     .withMoveTo(DistinguishedName.of("OU=Departed,DC=contoso,DC=com"))
 *     .withRoutingDomain("contoso.mail.onmicrosoft.com");
 * }</pre>
 *
 * @param target {@link MailboxType#SHARED} (departing employee) or {@link MailboxType#USER} (returning employee)
 * @param removeLicenses to shared only: remove every license once the mailbox reads back as shared, unless the
 *     mailbox must keep one (over 50 GB, archive, hold)
 * @param disableAccount to shared only: disable the AD account of a synced user, or block cloud sign-in of a
 *     cloud-only user. For a return to regular the account is always re-enabled.
 * @param moveTo an organisational unit to move the AD account to (synced users only; ignored with a note for
 *     cloud-only users)
 * @param revokeSessions to shared only: revoke the user's sign-in sessions at the end
 * @param routingDomain the hybrid routing domain, e.g. {@code contoso.mail.onmicrosoft.com}; needed only to repair
 *     a missing on-prem remote-mailbox record
 * @param license the license assigned when one is needed: temporarily to convert an unlicensed mailbox or to
 *     disable Unified Messaging (then it must be UM-capable), or permanently on a return to regular. Defaults to
 *     {@link License#OFFICE_365_E3}.
 */
public record ConversionOptions(
    MailboxType target,
    boolean removeLicenses,
    boolean disableAccount,
    Optional<DistinguishedName> moveTo,
    boolean revokeSessions,
    Optional<String> routingDomain,
    License license) {

  /**
   * Validates.
   *
   * @param target SHARED or USER
   * @param removeLicenses whether to remove the licenses once shared
   * @param disableAccount whether to disable the account once shared
   * @param moveTo the OU to move the AD account to, if any
   * @param revokeSessions whether to revoke sign-in sessions once shared
   * @param routingDomain the hybrid routing domain, if known
   * @param license the license to assign when one is needed
   * @throws IllegalArgumentException when the target is not SHARED or USER, or the license has no Exchange plan
   * @throws InvalidInputException when the routing domain is not a DNS domain
   */
  public ConversionOptions {
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(moveTo, "moveTo == null");
    Objects.requireNonNull(routingDomain, "routingDomain == null");
    Objects.requireNonNull(license, "license == null");
    if (target != MailboxType.SHARED && target != MailboxType.USER) {
      throw new IllegalArgumentException("target must be SHARED or USER: " + target);
    }
    if (!license.hasExchangePlan()) {
      throw new IllegalArgumentException("license must carry an Exchange Online plan: " + license);
    }
    routingDomain.ifPresent(d -> {
      try {
        SmtpAddress.of("probe@" + d);
      } catch (InvalidInputException e) {
        throw new InvalidInputException("routing domain", d, "expected a DNS domain such as contoso.mail.onmicrosoft.com");
      }
    });
  }

  /** @return convert to shared, changing nothing else */
  public static ConversionOptions toShared() {
    return new ConversionOptions(MailboxType.SHARED, false, false, Optional.empty(), false, Optional.empty(), License.OFFICE_365_E3);
  }

  /** @return convert back to a regular user mailbox (returning employee): license, types, account re-enabled */
  public static ConversionOptions toRegular() {
    return new ConversionOptions(MailboxType.USER, false, false, Optional.empty(), false, Optional.empty(), License.OFFICE_365_E3);
  }

  /**
   * @param value whether to remove the licenses after conversion
   * @return a copy with the option set
   */
  public ConversionOptions withRemoveLicenses(boolean value) {
    return new ConversionOptions(target, value, disableAccount, moveTo, revokeSessions, routingDomain, license);
  }

  /**
   * @param value whether to disable the account (AD for synced users, cloud sign-in for cloud-only users)
   * @return a copy with the option set
   */
  public ConversionOptions withDisableAccount(boolean value) {
    return new ConversionOptions(target, removeLicenses, value, moveTo, revokeSessions, routingDomain, license);
  }

  /**
   * @param ou the OU to move the AD account to
   * @return a copy with the option set
   */
  public ConversionOptions withMoveTo(DistinguishedName ou) {
    return new ConversionOptions(target, removeLicenses, disableAccount, Optional.of(ou), revokeSessions, routingDomain, license);
  }

  /**
   * @param value whether to revoke sign-in sessions
   * @return a copy with the option set
   */
  public ConversionOptions withRevokeSessions(boolean value) {
    return new ConversionOptions(target, removeLicenses, disableAccount, moveTo, value, routingDomain, license);
  }

  /**
   * @param domain the hybrid routing domain, e.g. {@code contoso.mail.onmicrosoft.com}
   * @return a copy with the option set
   */
  public ConversionOptions withRoutingDomain(String domain) {
    return new ConversionOptions(target, removeLicenses, disableAccount, moveTo, revokeSessions, Optional.of(domain), license);
  }

  /**
   * @param value the license to assign when one is needed (UM-capable for the UM trap)
   * @return a copy with the option set
   */
  public ConversionOptions withLicense(License value) {
    return new ConversionOptions(target, removeLicenses, disableAccount, moveTo, revokeSessions, routingDomain, value);
  }
}
