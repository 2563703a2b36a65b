package io.github.m365kit.model;

/**
 * The type of an Exchange Online mailbox, as {@code Set-Mailbox -Type} sets it and {@code Get-Mailbox} shows it in
 * {@code RecipientTypeDetails}.
 */
public enum MailboxType {
  /** A regular user mailbox (UserMailbox). */
  USER("Regular", RecipientTypeDetails.USER_MAILBOX, RecipientTypeDetails.REMOTE_USER_MAILBOX),
  /** A shared mailbox (SharedMailbox). */
  SHARED("Shared", RecipientTypeDetails.SHARED_MAILBOX, RecipientTypeDetails.REMOTE_SHARED_MAILBOX),
  /** A room mailbox (RoomMailbox). */
  ROOM("Room", RecipientTypeDetails.ROOM_MAILBOX, RecipientTypeDetails.REMOTE_ROOM_MAILBOX),
  /** An equipment mailbox (EquipmentMailbox). */
  EQUIPMENT("Equipment", RecipientTypeDetails.EQUIPMENT_MAILBOX, RecipientTypeDetails.REMOTE_EQUIPMENT_MAILBOX);

  private final String cmdletType;
  private final RecipientTypeDetails cloud;
  private final RecipientTypeDetails remote;

  MailboxType(String cmdletType, RecipientTypeDetails cloud, RecipientTypeDetails remote) {
    this.cmdletType = cmdletType;
    this.cloud = cloud;
    this.remote = remote;
  }

  /** @return the value of {@code Set-Mailbox -Type} / {@code Set-RemoteMailbox -Type}: Regular, Shared, Room, Equipment */
  public String cmdletType() {
    return cmdletType;
  }

  /** @return the cloud RecipientTypeDetails of this type */
  public RecipientTypeDetails cloudRecipientType() {
    return cloud;
  }

  /** @return the on-prem msExchRecipientTypeDetails of a remote mailbox of this type */
  public RecipientTypeDetails remoteRecipientType() {
    return remote;
  }

  /**
   * Tells the type an on-prem remote object asks the cloud to have, as directory synchronisation does.
   *
   * @param details the on-prem msExchRecipientTypeDetails
   * @param remote the on-prem msExchRemoteRecipientType, may be null
   * @return the type, USER when the attributes say nothing else
   */
  public static MailboxType fromOnPrem(RecipientTypeDetails details, RemoteRecipientType remote) {
    if (RecipientTypeDetails.REMOTE_SHARED_MAILBOX.equals(details) || (remote != null && remote.isShared())) {
      return SHARED;
    }
    if (RecipientTypeDetails.REMOTE_ROOM_MAILBOX.equals(details) || (remote != null && remote.isRoom())) {
      return ROOM;
    }
    if (RecipientTypeDetails.REMOTE_EQUIPMENT_MAILBOX.equals(details) || (remote != null && remote.isEquipment())) {
      return EQUIPMENT;
    }
    return USER;
  }
}
