package io.github.m365kit.model;

import io.github.m365kit.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The value of the AD attribute {@code msExchRemoteRecipientType}: a set of flags (Exchange's
 * {@code RemoteRecipientType}).
 *
 * <p>Shared is the combination of the room (32) and equipment (64) bits, 96, not a bit of its own; a migrated shared
 * mailbox is 100 (Migrated + Shared), the value in Microsoft's KB 2710029. Bits m365kit does not know are kept in
 * {@link #value()} and reported by {@link #unknownBits()}.
 *
 * @param value the raw attribute value
 */
public record RemoteRecipientType(long value) {
  /** The single flags. */
  public enum Flag {
    /** 1: the cloud mailbox was provisioned by New-/Enable-RemoteMailbox. */ PROVISION_MAILBOX(1),
    /** 2: a cloud archive was provisioned. */ PROVISION_ARCHIVE(2),
    /** 4: the mailbox was moved from on-prem to Exchange Online. */ MIGRATED(4),
    /** 8 */ DEPROVISION_MAILBOX(8),
    /** 16 */ DEPROVISION_ARCHIVE(16),
    /** 32 */ ROOM_MAILBOX(32),
    /** 64 */ EQUIPMENT_MAILBOX(64),
    /** 128 */ TEAM_MAILBOX(128);

    private final long bit;

    Flag(long bit) {
      this.bit = bit;
    }

    /** @return the bit value */
    public long bit() {
      return bit;
    }
  }

  /** The shared-mailbox combination: room + equipment bits (96). */
  public static final long SHARED_BITS = 96L;
  private static final long KNOWN_BITS = 0xFFL;

  /** 1: provisioned by Enable-RemoteMailbox. */
  public static final RemoteRecipientType PROVISION_MAILBOX = new RemoteRecipientType(1L);
  /** 4: a migrated user mailbox. */
  public static final RemoteRecipientType MIGRATED = new RemoteRecipientType(4L);
  /** 100: a migrated shared mailbox (Migrated + Shared). */
  public static final RemoteRecipientType MIGRATED_SHARED = new RemoteRecipientType(100L);

  /**
   * @param value the attribute value
   * @return the flags
   */
  public static RemoteRecipientType of(long value) {
    return new RemoteRecipientType(value);
  }

  /**
   * @param flags the flags to combine
   * @return the value with exactly these flags
   */
  public static RemoteRecipientType of(Flag... flags) {
    long v = 0;
    for (Flag f : flags) {
      v |= f.bit;
    }
    return new RemoteRecipientType(v);
  }

  /**
   * @param text a decimal integer
   * @return the flags
   * @throws InvalidInputException when the text is not a decimal integer
   */
  public static RemoteRecipientType parse(String text) {
    return new RemoteRecipientType(RecipientNumbers.parseLong("msExchRemoteRecipientType", text));
  }

  /**
   * @param flag a flag
   * @return true when the flag's bit is set
   */
  public boolean has(Flag flag) {
    return (value & flag.bit) != 0;
  }

  /** @return the known flags that are set */
  public Set<Flag> flags() {
    EnumSet<Flag> set = EnumSet.noneOf(Flag.class);
    for (Flag f : Flag.values()) {
      if (has(f)) {
        set.add(f);
      }
    }
    return set;
  }

  /** @return true when both the room and equipment bits are set (Shared, 96) */
  public boolean isShared() {
    return (value & SHARED_BITS) == SHARED_BITS;
  }

  /** @return true for a room (32 without 64) */
  public boolean isRoom() {
    return (value & SHARED_BITS) == Flag.ROOM_MAILBOX.bit;
  }

  /** @return true for equipment (64 without 32) */
  public boolean isEquipment() {
    return (value & SHARED_BITS) == Flag.EQUIPMENT_MAILBOX.bit;
  }

  /** @return this value with the Shared combination set and every other flag kept (4 becomes 100) */
  public RemoteRecipientType withShared() {
    return new RemoteRecipientType(value | SHARED_BITS);
  }

  /** @return this value with the Shared combination cleared and every other flag kept (100 becomes 4) */
  public RemoteRecipientType withoutShared() {
    return new RemoteRecipientType(value & ~SHARED_BITS);
  }

  /** @return the bits outside the known flags, 0 when there are none */
  public long unknownBits() {
    return value & ~KNOWN_BITS;
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    long rest = value;
    if (isShared()) {
      parts.add("SharedMailbox");
      rest &= ~SHARED_BITS;
    }
    for (Flag f : Flag.values()) {
      if ((rest & f.bit) != 0) {
        parts.add(f.name());
      }
    }
    if (unknownBits() != 0) {
      parts.add("Unknown(" + unknownBits() + ")");
    }
    return String.join("|", parts.isEmpty() ? List.of("None") : parts) + "(" + value + ")";
  }
}
