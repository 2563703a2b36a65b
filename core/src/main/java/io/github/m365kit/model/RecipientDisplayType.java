package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.Optional;

/**
 * The value of the AD attribute {@code msExchRecipientDisplayType} (a signed 32-bit integer for remote objects).
 *
 * <p>UNCONFIRMED: no source gives a distinct value for a remote <em>shared</em> mailbox; community tooling keeps
 * {@link #SYNCED_MAILBOX_USER} (-2147483642), and so does m365kit. Unknown numbers are kept.
 *
 * @param value the raw attribute value
 */
public record RecipientDisplayType(long value) {
  /** The display types m365kit knows. */
  public enum Known {
    /** 0 */ MAILBOX_USER(0L),
    /** 7 */ CONFERENCE_ROOM_MAILBOX(7L),
    /** 8 */ EQUIPMENT_MAILBOX(8L),
    /** 1073741824 */ ACLABLE_MAILBOX_USER(1073741824L),
    /** -2147483642: a remote user mailbox. */ SYNCED_MAILBOX_USER(-2147483642L),
    /** -1073741818 */ ACLABLE_SYNCED_MAILBOX_USER(-1073741818L),
    /** -2147481850 */ SYNCED_CONFERENCE_ROOM_MAILBOX(-2147481850L),
    /** -2147481594 */ SYNCED_EQUIPMENT_MAILBOX(-2147481594L);

    private final long value;

    Known(long value) {
      this.value = value;
    }

    /** @return the attribute value */
    public long value() {
      return value;
    }
  }

  /** -2147483642: SyncedMailboxUser, the remote user (and, UNCONFIRMED, shared) mailbox. */
  public static final RecipientDisplayType SYNCED_MAILBOX_USER = new RecipientDisplayType(-2147483642L);

  /**
   * @param value the attribute value
   * @return the value, known or not
   */
  public static RecipientDisplayType of(long value) {
    return new RecipientDisplayType(value);
  }

  /**
   * @param text a decimal integer
   * @return the value
   * @throws InvalidInputException when the text is not a decimal integer
   */
  public static RecipientDisplayType parse(String text) {
    return new RecipientDisplayType(RecipientNumbers.parseLong("msExchRecipientDisplayType", text));
  }

  /** @return the known display type, or empty */
  public Optional<Known> known() {
    for (Known k : Known.values()) {
      if (k.value == value) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return known().map(Enum::name).orElse("Unknown") + "(" + value + ")";
  }
}
