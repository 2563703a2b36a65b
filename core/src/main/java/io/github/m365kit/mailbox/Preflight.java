package io.github.m365kit.mailbox;

import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Mailbox;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link MailboxConverter#preflight(String)} found about one mailbox, read without changing anything: the
 * mailbox, its owner, the owner's AD object when the user is synced, and typed {@link Finding}s. Immutable.
 *
 * @param mailbox the Exchange Online mailbox
 * @param user the owner in Entra ID
 * @param onPrem the owner's AD object, when the user is synced and it could be read
 * @param graceRemaining for an unlicensed user mailbox on a backend that reports when the license went (the
 *     in-memory tenant does; the ports do not), how much of the 30-day window is left
 * @param findings what was found, in a stable order
 */
public record Preflight(Mailbox mailbox, CloudUser user, Optional<AdUser> onPrem, Optional<Duration> graceRemaining, List<Finding> findings) {

  /** Validates and copies. */
  public Preflight {
    Objects.requireNonNull(mailbox, "mailbox == null");
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(onPrem, "onPrem == null");
    Objects.requireNonNull(graceRemaining, "graceRemaining == null");
    findings = List.copyOf(findings);
  }

  /**
   * @param kind a kind of finding
   * @return true when a finding of that kind was made
   */
  public boolean has(Finding.Kind kind) {
    return findings.stream().anyMatch(f -> f.kind() == kind);
  }

  /**
   * @param kind a kind of finding
   * @return the findings of that kind
   */
  public List<Finding> findings(Finding.Kind kind) {
    return findings.stream().filter(f -> f.kind() == kind).toList();
  }

  /** @return true when the user is synchronised from on-prem AD */
  public boolean synced() {
    return has(Finding.Kind.SYNCED);
  }

  /**
   * Tells why the license of the mailbox must not be removed, if it must not.
   *
   * @return the reasons joined in one sentence, or empty when the mailbox may go unlicensed once shared
   */
  public Optional<String> licenseRemovalRefusal() {
    List<Finding> blocking = findings.stream().filter(f -> f.kind().blocksLicenseRemoval()).toList();
    if (blocking.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("license removal refused for " + mailbox.primarySmtpAddress() + ": "
        + blocking.stream().map(Finding::reason).collect(Collectors.joining("; ")));
  }

  /** @return true when the mailbox is shared on both sides, consistent and without UM: nothing to convert */
  public boolean alreadyDone() {
    return has(Finding.Kind.ALREADY_SHARED) && !has(Finding.Kind.UM_ENABLED) && !has(Finding.Kind.ON_PREM_MISMATCH)
        && !has(Finding.Kind.MISSING_ON_PREM_RECORD) && !has(Finding.Kind.ON_PREM_UNAVAILABLE);
  }
}
