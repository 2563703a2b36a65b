package io.github.m365kit.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.model.RemoteRecipientType.Flag;
import org.junit.jupiter.api.Test;

/** msExchRemoteRecipientType flag arithmetic: Shared = room + equipment (96), migrated shared = 100. */
class RemoteRecipientTypeTest {

  @Test
  void ofFlags_combinesBits() {
    assertThat(RemoteRecipientType.of(Flag.MIGRATED, Flag.ROOM_MAILBOX, Flag.EQUIPMENT_MAILBOX)).isEqualTo(RemoteRecipientType.MIGRATED_SHARED);
    assertThat(RemoteRecipientType.of(Flag.PROVISION_MAILBOX, Flag.PROVISION_ARCHIVE).value()).isEqualTo(3L);
    assertThat(RemoteRecipientType.of().value()).isZero();
    assertThat(RemoteRecipientType.of().toString()).isEqualTo("None(0)");
  }

  @Test
  void flagBits_areExchangesValues() {
    assertThat(Flag.values()).extracting(Flag::bit).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L);
  }

  @Test
  void has_isTrueOnlyForSetBits() {
    RemoteRecipientType migrated = RemoteRecipientType.MIGRATED;
    assertThat(migrated.has(Flag.MIGRATED)).isTrue();
    assertThat(migrated.has(Flag.PROVISION_MAILBOX)).isFalse();
    assertThat(migrated.has(Flag.ROOM_MAILBOX)).isFalse();
    assertThat(RemoteRecipientType.of(0L).flags()).isEmpty();
    assertThat(RemoteRecipientType.of(5L).flags()).containsExactlyInAnyOrder(Flag.PROVISION_MAILBOX, Flag.MIGRATED);
  }

  @Test
  void roomEquipmentAndSharedAreTellApartByTheTwoBits() {
    RemoteRecipientType room = RemoteRecipientType.of(36L); // migrated room
    assertThat(room.isRoom()).isTrue();
    assertThat(room.isEquipment()).isFalse();
    assertThat(room.isShared()).isFalse();
    RemoteRecipientType equipment = RemoteRecipientType.of(Flag.EQUIPMENT_MAILBOX);
    assertThat(equipment.isEquipment()).isTrue();
    assertThat(equipment.isRoom()).isFalse();
    RemoteRecipientType shared = RemoteRecipientType.MIGRATED_SHARED;
    assertThat(shared.isShared()).isTrue();
    assertThat(shared.isRoom()).isFalse();
    assertThat(shared.isEquipment()).isFalse();
    assertThat(RemoteRecipientType.MIGRATED.isRoom()).isFalse();
    assertThat(RemoteRecipientType.MIGRATED.isEquipment()).isFalse();
  }

  @Test
  void toString_namesFlagsAndOnlyMentionsUnknownBitsWhenThereAreSome() {
    assertThat(RemoteRecipientType.MIGRATED.toString()).isEqualTo("MIGRATED(4)");
    assertThat(RemoteRecipientType.of(36L).toString()).isEqualTo("MIGRATED|ROOM_MAILBOX(36)");
    assertThat(RemoteRecipientType.MIGRATED_SHARED.toString()).isEqualTo("SharedMailbox|MIGRATED(100)");
    assertThat(RemoteRecipientType.of(256L + 1).toString()).isEqualTo("PROVISION_MAILBOX|Unknown(256)(257)");
  }
}
