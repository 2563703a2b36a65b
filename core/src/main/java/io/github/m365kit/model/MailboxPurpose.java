package io.github.m365kit.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The purpose of a mailbox as the cloud reports it (Graph {@code mailboxSettings.userPurpose}): user, linked,
 * shared, room, equipment, others, or a value this version does not know yet, which is kept as the service spelled
 * it. Read-only in Graph: it reflects the mailbox type, it cannot change it. Immutable and thread-safe.
 *
 * @param kind the known kind, or {@link Kind#UNKNOWN}
 * @param value the service's value, e.g. {@code "shared"}
 */
public record MailboxPurpose(Kind kind, String value) {
  /** The values the service documents (api-facts §1.1), plus UNKNOWN for anything newer. */
  public enum Kind {
    /** A user mailbox. */
    USER,
    /** A linked mailbox (an account in another forest). */
    LINKED,
    /** A shared mailbox. */
    SHARED,
    /** A room mailbox. */
    ROOM,
    /** An equipment mailbox. */
    EQUIPMENT,
    /** The service's "others". */
    OTHERS,
    /** A value not listed above (including the service's {@code unknownFutureValue}); see {@link #value()}. */
    UNKNOWN
  }

  /** Validates. */
  public MailboxPurpose {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(value, "value == null");
    if (value.isBlank()) {
      throw new IllegalArgumentException("value is blank");
    }
  }

  /**
   * Reads the service's value, ignoring case.
   *
   * @param value e.g. {@code "shared"}
   * @return the purpose; an unrecognised value becomes {@link Kind#UNKNOWN} and is kept
   */
  public static MailboxPurpose of(String value) {
    Objects.requireNonNull(value, "value == null");
    String v = value.trim();
    Kind kind;
    try {
      kind = Kind.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException notKnown) {
      kind = Kind.UNKNOWN;
    }
    return new MailboxPurpose(kind, v);
  }

  /**
   * @param type a mailbox type
   * @return the purpose the cloud reports for a mailbox of that type
   */
  public static MailboxPurpose of(MailboxType type) {
    Objects.requireNonNull(type, "type == null");
    return of(type.name().toLowerCase(Locale.ROOT));
  }
}
