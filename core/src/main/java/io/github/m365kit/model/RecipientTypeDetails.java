package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.Optional;

/**
 * The value of the AD attribute {@code msExchRecipientTypeDetails} (a 64-bit integer).
 *
 * <p>The known values are constants with Exchange's own names; any other number parses to a value whose
 * {@link #known()} is empty and which keeps the number, so reading an attribute m365kit does not know never fails
 * and never loses data. Values from reference research (identitydude, undocumented-features; see README "Limits").
 *
 * @param value the raw attribute value
 */
public record RecipientTypeDetails(long value) {
  /** The recipient types m365kit knows, with their numbers. */
  public enum Known {
    /** 1 */ USER_MAILBOX(1L, "UserMailbox"),
    /** 2 */ LINKED_MAILBOX(2L, "LinkedMailbox"),
    /** 4 */ SHARED_MAILBOX(4L, "SharedMailbox"),
    /** 16 */ ROOM_MAILBOX(16L, "RoomMailbox"),
    /** 32 */ EQUIPMENT_MAILBOX(32L, "EquipmentMailbox"),
    /** 128 */ MAIL_USER(128L, "MailUser"),
    /** 2147483648 */ REMOTE_USER_MAILBOX(2147483648L, "RemoteUserMailbox"),
    /** 8589934592 */ REMOTE_ROOM_MAILBOX(8589934592L, "RemoteRoomMailbox"),
    /** 17179869184 */ REMOTE_EQUIPMENT_MAILBOX(17179869184L, "RemoteEquipmentMailbox"),
    /** 34359738368 */ REMOTE_SHARED_MAILBOX(34359738368L, "RemoteSharedMailbox");

    private final long value;
    private final String exchangeName;

    Known(long value, String exchangeName) {
      this.value = value;
      this.exchangeName = exchangeName;
    }

    /** @return the attribute value */
    public long value() {
      return value;
    }

    /** @return the name Exchange shows, e.g. {@code RemoteSharedMailbox} */
    public String exchangeName() {
      return exchangeName;
    }
  }

  /** UserMailbox (1). */
  public static final RecipientTypeDetails USER_MAILBOX = new RecipientTypeDetails(1L);
  /** SharedMailbox (4). */
  public static final RecipientTypeDetails SHARED_MAILBOX = new RecipientTypeDetails(4L);
  /** RoomMailbox (16). */
  public static final RecipientTypeDetails ROOM_MAILBOX = new RecipientTypeDetails(16L);
  /** EquipmentMailbox (32). */
  public static final RecipientTypeDetails EQUIPMENT_MAILBOX = new RecipientTypeDetails(32L);
  /** MailUser (128). */
  public static final RecipientTypeDetails MAIL_USER = new RecipientTypeDetails(128L);
  /** RemoteUserMailbox (2147483648): an on-prem object whose mailbox is in Exchange Online. */
  public static final RecipientTypeDetails REMOTE_USER_MAILBOX = new RecipientTypeDetails(2147483648L);
  /** RemoteRoomMailbox (8589934592). */
  public static final RecipientTypeDetails REMOTE_ROOM_MAILBOX = new RecipientTypeDetails(8589934592L);
  /** RemoteEquipmentMailbox (17179869184). */
  public static final RecipientTypeDetails REMOTE_EQUIPMENT_MAILBOX = new RecipientTypeDetails(17179869184L);
  /** RemoteSharedMailbox (34359738368). */
  public static final RecipientTypeDetails REMOTE_SHARED_MAILBOX = new RecipientTypeDetails(34359738368L);

  /**
   * @param value the attribute value
   * @return the value, known or not
   */
  public static RecipientTypeDetails of(long value) {
    return new RecipientTypeDetails(value);
  }

  /**
   * Parses the attribute's text form.
   *
   * @param text a decimal integer
   * @return the value
   * @throws InvalidInputException when the text is not a 64-bit decimal integer
   */
  public static RecipientTypeDetails parse(String text) {
    return new RecipientTypeDetails(RecipientNumbers.parseLong("msExchRecipientTypeDetails", text));
  }

  /** @return the known type with this number, or empty for a number m365kit does not know */
  public Optional<Known> known() {
    for (Known k : Known.values()) {
      if (k.value == value) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** @return true for the four remote (Exchange Online) types */
  public boolean isRemote() {
    return known().map(k -> k.name().startsWith("REMOTE_")).orElse(false);
  }

  @Override
  public String toString() {
    return known().map(Known::exchangeName).orElse("Unknown") + "(" + value + ")";
  }
}
