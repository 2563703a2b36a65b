package io.github.m365kit.graph;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One row of the mailbox usage report ({@code getMailboxUsageDetail}). Immutable and thread-safe.
 *
 * <p>{@code userPrincipalName} is a plain string, not a {@link io.github.m365kit.model.Upn}: a tenant setting can
 * conceal user names in reports, and then the column holds an opaque identifier instead (unconfirmed here which
 * form it takes); {@link #concealed()} is true when the value is not shaped like a UPN (no {@code @}).
 *
 * @param reportRefreshDate the "Report Refresh Date" column, when present and readable
 * @param userPrincipalName the "User Principal Name" column as given
 * @param displayName the "Display Name" column, may be empty
 * @param storageUsedBytes the "Storage Used (Byte)" column, 0 when blank
 * @param itemCount the "Item Count" column, 0 when blank
 * @param hasArchive the "Has Archive" column
 * @param issueWarningQuotaBytes the "Issue Warning Quota (Byte)" column, when present
 * @param prohibitSendQuotaBytes the "Prohibit Send Quota (Byte)" column, when present
 * @param prohibitSendReceiveQuotaBytes the "Prohibit Send/Receive Quota (Byte)" column, when present
 * @param recipientType the "Recipient Type" column, when present (e.g. "User", "Shared")
 */
public record MailboxUsage(
    Optional<LocalDate> reportRefreshDate,
    String userPrincipalName,
    String displayName,
    long storageUsedBytes,
    long itemCount,
    boolean hasArchive,
    OptionalLong issueWarningQuotaBytes,
    OptionalLong prohibitSendQuotaBytes,
    OptionalLong prohibitSendReceiveQuotaBytes,
    Optional<String> recipientType) {

  /** Validates. */
  public MailboxUsage {
    Objects.requireNonNull(reportRefreshDate, "reportRefreshDate == null");
    Objects.requireNonNull(userPrincipalName, "userPrincipalName == null");
    Objects.requireNonNull(displayName, "displayName == null");
    Objects.requireNonNull(issueWarningQuotaBytes, "issueWarningQuotaBytes == null");
    Objects.requireNonNull(prohibitSendQuotaBytes, "prohibitSendQuotaBytes == null");
    Objects.requireNonNull(prohibitSendReceiveQuotaBytes, "prohibitSendReceiveQuotaBytes == null");
    Objects.requireNonNull(recipientType, "recipientType == null");
  }

  /** @return true when the user name looks concealed by the tenant's report privacy setting (unconfirmed heuristic) */
  public boolean concealed() {
    return userPrincipalName.indexOf('@') < 0;
  }
}
