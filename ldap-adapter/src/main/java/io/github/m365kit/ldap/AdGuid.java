package io.github.m365kit.ldap;

import java.util.UUID;

/**
 * Converts between {@link UUID} and the 16 bytes Active Directory stores for {@code objectGUID} and
 * {@code msExchMailboxGuid}.
 *
 * <p>AD writes a GUID in Microsoft's mixed-endian layout: the first three fields (4, 2 and 2 bytes) little-endian,
 * the last 8 bytes as they are. So {@code 00112233-4455-6677-8899-aabbccddeeff} is stored as
 * {@code 33 22 11 00 55 44 77 66 88 99 aa bb cc dd ee ff}.
 */
final class AdGuid {
  private AdGuid() {}

  /**
   * @param guid a GUID
   * @return its 16 bytes in AD's order
   */
  static byte[] toBytes(UUID guid) {
    long msb = guid.getMostSignificantBits();
    long lsb = guid.getLeastSignificantBits();
    byte[] big = new byte[16];
    for (int i = 0; i < 8; i++) {
      big[i] = (byte) (msb >>> (56 - 8 * i));
      big[8 + i] = (byte) (lsb >>> (56 - 8 * i));
    }
    return swap(big);
  }

  /**
   * @param bytes 16 bytes in AD's order
   * @return the GUID
   * @throws IllegalArgumentException when the value is not 16 bytes long
   */
  static UUID fromBytes(byte[] bytes) {
    if (bytes.length != 16) {
      throw new IllegalArgumentException("a GUID has 16 bytes, got " + bytes.length);
    }
    byte[] big = swap(bytes);
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (big[i] & 0xff);
      lsb = (lsb << 8) | (big[8 + i] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  /** Reverses the first three fields; the operation is its own inverse. */
  private static byte[] swap(byte[] in) {
    byte[] out = in.clone();
    out[0] = in[3];
    out[1] = in[2];
    out[2] = in[1];
    out[3] = in[0];
    out[4] = in[5];
    out[5] = in[4];
    out[6] = in[7];
    out[7] = in[6];
    return out;
  }
}
