package io.github.m365kit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 and refuses anything else, at the exact place: every character before the first bad byte is returned
 * first, and the next read throws {@link NotUtf8Exception} with that byte's offset. {@link java.io.InputStreamReader}
 * either replaces bad bytes with U+FFFD without a word or, when told to report them, fails up to a buffer early, so a
 * reader above it cannot say which record was bad. Not thread-safe; does not close the stream.
 */
public final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private long decoded;
  private boolean eof;
  private NotUtf8Exception failure;

  /** The input is not UTF-8 from {@link #offset()} on. */
  public static final class NotUtf8Exception extends CharacterCodingException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    NotUtf8Exception(long offset) {
      this.offset = offset;
    }

    /** @return the offset, in bytes from the start of the stream, of the first byte that is not UTF-8 */
    public long offset() {
      return offset;
    }

    @Override
    public String getMessage() {
      return "not UTF-8 at byte offset " + offset;
    }
  }

  /**
   * @param in the bytes; give a buffered or large-read stream
   */
  public StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (failure != null) {
      throw failure;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (true) {
      int before = bytes.position();
      CoderResult r = decoder.decode(bytes, out, eof);
      decoded += bytes.position() - before;
      if (r.isError()) {
        failure = new NotUtf8Exception(decoded);
        if (out.position() > off) {
          return out.position() - off;
        }
        throw failure;
      }
      if (out.position() > off) {
        return out.position() - off;
      }
      if (eof) {
        return -1;
      }
      bytes.compact();
      int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (n < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + n);
      }
      bytes.flip();
    }
  }

  @Override
  public void close() {
    // the stream belongs to the caller
  }
}
