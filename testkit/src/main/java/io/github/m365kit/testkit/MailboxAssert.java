package io.github.m365kit.testkit;

import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Mailbox}; failure messages show the mailbox's state (type, size, UM, holds, and the owner's
 * licenses when known). Get one from {@link M365Assertions#assertThat(Mailbox)} or
 * {@link TenantAssert#mailbox(String)}.
 */
public final class MailboxAssert extends AbstractAssert<MailboxAssert, Mailbox> {
  private final Optional<List<License>> ownerLicenses;

  MailboxAssert(Mailbox actual, Optional<List<License>> ownerLicenses) {
    super(actual, MailboxAssert.class);
    this.ownerLicenses = ownerLicenses;
  }

  private String state() {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "size %.1f GB", actual.totalItemSizeBytes() / (double) (1L << 30)));
    if (actual.umEnabled() || actual.umExtension().isPresent()) {
      sb.append(", UM ").append(actual.umEnabled() ? "enabled" : "disabled").append(actual.umExtension().map(e -> " with extension " + e).orElse(""));
    }
    if (actual.archiveEnabled()) {
      sb.append(", archive");
    }
    if (actual.onHold()) {
      sb.append(", on hold");
    }
    ownerLicenses.ifPresent(l -> sb.append(", licenses ").append(l));
    return sb.toString();
  }

  private static String pretty(MailboxType type) {
    String n = type.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  private MailboxAssert hasType(MailboxType type) {
    isNotNull();
    if (actual.type() != type) {
      failWithMessage("expected mailbox %s to be %s but was %s (%s)", actual.primarySmtpAddress(), pretty(type), pretty(actual.type()), state());
    }
    return this;
  }

  /** @return this, when the mailbox is a shared mailbox */
  public MailboxAssert isShared() {
    return hasType(MailboxType.SHARED);
  }

  /** @return this, when the mailbox is a user (regular) mailbox */
  public MailboxAssert isUserMailbox() {
    return hasType(MailboxType.USER);
  }

  /**
   * @param extension the UM extension expected
   * @return this, when the mailbox holds that extension
   */
  public MailboxAssert hasUmExtension(String extension) {
    isNotNull();
    if (!actual.umExtension().map(extension::equals).orElse(false)) {
      failWithMessage("expected mailbox %s to hold UM extension %s but it holds %s (%s, type %s)", actual.primarySmtpAddress(), extension,
          actual.umExtension().map(e -> "extension " + e).orElse("none"), state(), pretty(actual.type()));
    }
    return this;
  }

  /** @return this, when the mailbox holds no UM extension and is not UM-enabled */
  public MailboxAssert hasNoUmExtension() {
    isNotNull();
    if (actual.umExtension().isPresent() || actual.umEnabled()) {
      failWithMessage("expected mailbox %s to hold no UM extension but it holds %s (%s, type %s)", actual.primarySmtpAddress(),
          actual.umExtension().map(e -> "extension " + e).orElse("none but is UM-enabled"), state(), pretty(actual.type()));
    }
    return this;
  }
}
