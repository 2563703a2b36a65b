package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdGuidTest {
  @Test
  void toBytes_swapsFirstThreeFields() {
    byte[] b = AdGuid.toBytes(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
    assertThat(HexFormat.of().formatHex(b)).isEqualTo("33221100554477668899aabbccddeeff");
  }

  @Test
  void fromBytes_readsAdOrder() {
    // objectGUID as AD's ldp.exe shows it: bytes 8A 3C 6E 27 ... for {276E3C8A-...}
    byte[] b = HexFormat.of().parseHex("8a3c6e27d1f0c34a9d2a0e6f1b5c7d88");
    assertThat(AdGuid.fromBytes(b)).isEqualTo(UUID.fromString("276e3c8a-f0d1-4ac3-9d2a-0e6f1b5c7d88"));
  }

  @Test
  void roundTrip_whenRandom_isIdentity() {
    for (int i = 0; i < 1000; i++) {
      UUID u = UUID.randomUUID();
      assertThat(AdGuid.fromBytes(AdGuid.toBytes(u))).isEqualTo(u);
    }
  }

  @Test
  void toBytes_whenAllBitsSet_keepsThem() {
    UUID u = new UUID(-1L, -1L);
    assertThat(AdGuid.toBytes(u)).containsOnly(0xff);
    assertThat(AdGuid.fromBytes(AdGuid.toBytes(u))).isEqualTo(u);
  }

  @Test
  void fromBytes_whenNotSixteenBytes_throws() {
    assertThatThrownBy(() -> AdGuid.fromBytes(new byte[15])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("15");
  }
}
