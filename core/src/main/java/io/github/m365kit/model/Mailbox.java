package io.github.m365kit.model;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.immutables.value.Value;

/**
 * The facts about an Exchange Online mailbox that the workflows need ({@code Get-Mailbox} plus
 * {@code Get-MailboxStatistics}). Licenses belong to the user ({@link CloudUser#licenses()}). Immutable and
 * thread-safe.
 */
@Value.Immutable
@M365Style
public interface Mailbox {
  /** 50 GB as Exchange counts it (53,687,091,200 bytes): the size an unlicensed shared mailbox may hold. */
  long SHARED_LIMIT_BYTES = 50L * 1024 * 1024 * 1024;
  /** How long Exchange Online keeps the data of a user mailbox whose owner lost the license: 30 days. */
  java.time.Duration UNLICENSED_GRACE_PERIOD = java.time.Duration.ofDays(30);
  /** 49 GB: from here m365kit warns that the shared-mailbox limit is near. */
  long SHARED_WARN_BYTES = 49L * 1024 * 1024 * 1024;

  /** @return the primary SMTP address */
  SmtpAddress primarySmtpAddress();

  /** @return the owning user's sign-in name */
  Upn userPrincipalName();

  /** @return the alias (mailNickname) */
  String alias();

  /** @return the display name */
  @Value.Default
  default String displayName() {
    return alias();
  }

  /** @return the mailbox type */
  MailboxType type();

  /** @return the total item size in bytes (TotalItemSize) */
  @Value.Default
  default long totalItemSizeBytes() {
    return 0L;
  }

  /** @return whether an in-place archive is enabled */
  @Value.Default
  default boolean archiveEnabled() {
    return false;
  }

  /** @return whether Litigation Hold is enabled */
  @Value.Default
  default boolean litigationHoldEnabled() {
    return false;
  }

  /** @return the In-Place / eDiscovery hold identifiers (InPlaceHolds) */
  List<String> inPlaceHolds();

  /** @return whether the mailbox is enabled for (legacy) Unified Messaging */
  @Value.Default
  default boolean umEnabled() {
    return false;
  }

  /** @return the UM extension the mailbox holds, if any (kept even after conversion: the UM trap) */
  Optional<String> umExtension();

  /** @return the ExchangeGuid, which the on-prem msExchMailboxGuid must match */
  UUID exchangeGuid();

  /** @return true for a mailbox synchronised from on-prem AD (IsDirSynced) */
  @Value.Default
  default boolean dirSynced() {
    return false;
  }

  /** @return all proxy addresses (EmailAddresses), e.g. {@code SMTP:jane.doe@contoso.com} */
  List<String> emailAddresses();

  /** @return true when the mailbox is on Litigation Hold or any In-Place hold */
  default boolean onHold() {
    return litigationHoldEnabled() || !inPlaceHolds().isEmpty();
  }

  /** @return true when the mailbox holds more than {@link #SHARED_LIMIT_BYTES} */
  default boolean overSharedLimit() {
    return totalItemSizeBytes() > SHARED_LIMIT_BYTES;
  }

  /** @return the reasons a shared mailbox of this state must keep a license; empty when it may go unlicensed */
  default List<String> licenseRequiredReasons() {
    java.util.ArrayList<String> reasons = new java.util.ArrayList<>();
    if (overSharedLimit()) {
      reasons.add(String.format("it holds %.1f GB, more than the 50 GB an unlicensed shared mailbox may hold", totalItemSizeBytes() / (double) (1L << 30)));
    }
    if (archiveEnabled()) {
      reasons.add("it has an in-place archive");
    }
    if (litigationHoldEnabled()) {
      reasons.add("it is on Litigation Hold");
    }
    if (!inPlaceHolds().isEmpty()) {
      reasons.add("it is on In-Place hold " + inPlaceHolds());
    }
    return List.copyOf(reasons);
  }

  /** @return a builder */
  static ImmutableMailbox.Builder builder() {
    return ImmutableMailbox.builder();
  }
}
