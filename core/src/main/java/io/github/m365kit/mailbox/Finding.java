package io.github.m365kit.mailbox;

import java.util.Objects;

/**
 * One fact a {@link Preflight} found about a mailbox, with the reason in words for an admin. Immutable.
 *
 * @param kind what was found
 * @param reason why it matters, naming the mailbox and the numbers involved
 */
public record Finding(Kind kind, String reason) {

  /** What a preflight can find. */
  public enum Kind {
    /** The user exists only in the cloud: no on-prem steps. */
    CLOUD_ONLY,
    /** The user is synchronised from on-prem AD: AD is changed first, and the account is disabled in AD. */
    SYNCED,
    /** A synced user whose AD object cannot be read (no directory configured, or no AD user found). */
    ON_PREM_UNAVAILABLE,
    /** A synced user whose AD object has no remote-mailbox record (mailbox created in the cloud): repair first. */
    MISSING_ON_PREM_RECORD,
    /** The on-prem recipient type and the cloud mailbox type differ: the next directory sync follows on-prem. */
    ON_PREM_MISMATCH,
    /** The mailbox holds 49 GB or more: close to the 50 GB an unlicensed shared mailbox may hold. */
    NEAR_SHARED_LIMIT,
    /** The mailbox holds more than 50 GB: as a shared mailbox it must keep a license. */
    OVER_SHARED_LIMIT,
    /** The mailbox has an in-place archive: it must keep a license. */
    ARCHIVE,
    /** The mailbox is on Litigation Hold or an In-Place hold: it must keep a license. */
    HOLD,
    /** The mailbox is already shared in Exchange Online. */
    ALREADY_SHARED,
    /** The mailbox is enabled for legacy Unified Messaging and holds an extension (the UM trap). */
    UM_ENABLED,
    /** A user mailbox without an Exchange license: it must be licensed (temporarily) before conversion. */
    UNLICENSED;

    /** @return true for the findings that forbid removing the license of the shared mailbox */
    public boolean blocksLicenseRemoval() {
      return this == OVER_SHARED_LIMIT || this == ARCHIVE || this == HOLD;
    }
  }

  /** Validates. */
  public Finding {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(reason, "reason == null");
  }

  @Override
  public String toString() {
    return kind + ": " + reason;
  }
}
