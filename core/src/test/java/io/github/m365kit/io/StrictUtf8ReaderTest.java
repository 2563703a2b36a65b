package io.github.m365kit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {

  /** A stream that hands out at most {@code chunk} bytes per read, so sequences split across reads. */
  private static InputStream trickle(byte[] data, int chunk) {
    return new ByteArrayInputStream(data) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  private static String readAll(StrictUtf8Reader r, int bufSize) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[bufSize];
    int n;
    while ((n = r.read(buf, 0, buf.length)) >= 0) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  @Property(tries = 300)
  void validUtf8_readsExactlyAsTheJdkDecodes(@ForAll String text, @ForAll @IntRange(min = 1, max = 7) int chunk,
      @ForAll @IntRange(min = 1, max = 5) int bufSize) throws IOException {
    String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8); // lone surrogates become '?'
    byte[] bytes = wellFormed.getBytes(StandardCharsets.UTF_8);
    assertThat(readAll(new StrictUtf8Reader(trickle(bytes, chunk)), bufSize)).isEqualTo(wellFormed);
  }

  @Test
  void aBadByte_givesEveryCharacterBeforeItFirst_thenFailsWithItsOffset_andKeepsFailing() throws IOException {
    byte[] bytes = {'a', 'b', (byte) 0xC3, (byte) 0xA9, 'c', (byte) 0xE9, 'd'}; // "abéc" then a Latin-1 é
    StrictUtf8Reader r = new StrictUtf8Reader(trickle(bytes, 64));
    char[] buf = new char[64];
    assertThat(new String(buf, 0, r.read(buf, 0, 64))).isEqualTo("ab\u00e9c");
    assertThatThrownBy(() -> r.read(buf, 0, 64)).isInstanceOf(StrictUtf8Reader.NotUtf8Exception.class).hasMessage("not UTF-8 at byte offset 5")
        .extracting(e -> ((StrictUtf8Reader.NotUtf8Exception) e).offset()).isEqualTo(5L);
    assertThatThrownBy(() -> r.read(buf, 0, 64)).isInstanceOf(StrictUtf8Reader.NotUtf8Exception.class);
    assertThat(r.read(buf, 0, 0)).isZero();
  }

  @Test
  void aSequenceCutOffByTheEnd_failsAtItsFirstByte() throws IOException {
    StrictUtf8Reader r = new StrictUtf8Reader(trickle(new byte[] {'x', (byte) 0xE2, (byte) 0x82}, 1));
    char[] buf = new char[8];
    assertThat(r.read(buf, 0, 8)).isEqualTo(1);
    assertThatThrownBy(() -> r.read(buf, 0, 8)).hasMessage("not UTF-8 at byte offset 1");
  }

  @Test
  void overlongAndSurrogateEncodings_areRefused_andAnEmptyStreamIsEnd() throws IOException {
    assertThatThrownBy(() -> readAll(new StrictUtf8Reader(trickle(new byte[] {(byte) 0xC0, (byte) 0xAF}, 8)), 8)).hasMessage("not UTF-8 at byte offset 0");
    assertThatThrownBy(() -> readAll(new StrictUtf8Reader(trickle(new byte[] {'o', 'k', (byte) 0xED, (byte) 0xA0, (byte) 0x80}, 8)), 8))
        .hasMessage("not UTF-8 at byte offset 2");
    assertThat(new StrictUtf8Reader(new ByteArrayInputStream(new byte[0])).read(new char[4], 0, 4)).isEqualTo(-1);
  }
}
