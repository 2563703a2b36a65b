package io.github.m365kit.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Entra ID user as m365kit reads it from Microsoft Graph ({@code /users} with the on-premises properties
 * selected). Immutable and thread-safe.
 */
@Value.Immutable
@M365Style
public interface CloudUser {
  /** @return the object id */
  ObjectId id();

  /** @return the sign-in name */
  Upn userPrincipalName();

  /** @return the display name */
  @Value.Default
  default String displayName() {
    return userPrincipalName().localPart();
  }

  /** @return the primary SMTP address, if the user is mail-enabled */
  Optional<SmtpAddress> mail();

  /** @return whether sign-in is allowed */
  @Value.Default
  default boolean accountEnabled() {
    return true;
  }

  /** @return true when the user is synchronised from on-prem AD (Graph {@code onPremisesSyncEnabled}) */
  @Value.Default
  default boolean onPremisesSyncEnabled() {
    return false;
  }

  /** @return the on-prem distinguished name of a synced user */
  Optional<String> onPremisesDistinguishedName();

  /** @return member or guest */
  @Value.Default
  default UserType userType() {
    return UserType.MEMBER;
  }

  /** @return the assigned licenses */
  List<License> licenses();

  /** @return the department */
  Optional<String> department();

  /** @return the job title */
  Optional<String> jobTitle();

  /** @return the country or region */
  Optional<String> country();

  /** @return the usage location (two-letter code) */
  Optional<String> usageLocation();

  /** @return other properties by their Graph JSON name, e.g. {@code onPremisesExtensionAttributes.extensionAttribute1} */
  Map<String, String> otherProperties();

  /** @return when sign-in sessions were last revoked ({@code signInSessionsValidFromDateTime}) */
  Optional<Instant> signInSessionsValidFrom();

  /** @return true when any assigned license carries an Exchange Online plan */
  default boolean hasExchangeLicense() {
    return licenses().stream().anyMatch(License::hasExchangePlan);
  }

  /** @return true for a B2B guest */
  default boolean isGuest() {
    return userType() == UserType.GUEST;
  }

  /** @return a builder */
  static ImmutableCloudUser.Builder builder() {
    return ImmutableCloudUser.builder();
  }
}
