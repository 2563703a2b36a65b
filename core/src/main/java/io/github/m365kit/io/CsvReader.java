package io.github.m365kit.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A streaming RFC 4180 reader, one record at a time with a reused row: fields optionally in double quotes, {@code ""}
 * for a quote inside them, commas and line breaks allowed inside quotes, CRLF or LF line ends, a leading byte-order
 * mark skipped. Used for the exports m365kit reads (sign-in logs, Microsoft 365 usage reports); buffered itself, so
 * give it an unbuffered reader. Not thread-safe; one per stream.
 */
public final class CsvReader {
  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private final StringBuilder field = new StringBuilder(64);

  /**
   * @param in the text; not closed by the reader
   */
  public CsvReader(Reader in) {
    this.in = in;
  }

  private int read() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  /**
   * Reads the next record into {@code row} (cleared first). A blank line is a record of one empty field.
   *
   * @param row receives the record's fields
   * @return false at the end of input
   * @throws EOFException when the input ends inside a quoted field (a truncated file): the data is bad, not the stream
   * @throws IOException when reading fails
   */
  public boolean next(List<String> row) throws IOException {
    row.clear();
    field.setLength(0);
    int c = read();
    if (c < 0) {
      return false;
    }
    if (c == '\uFEFF') {
      c = read();
    }
    boolean quoted = false;
    while (true) {
      if (c < 0) {
        if (quoted) {
          throw new EOFException("the CSV ends inside a quoted field (a truncated file?)");
        }
        row.add(field.toString());
        return true;
      }
      if (quoted) {
        if (c == '"') {
          int d = read();
          if (d == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = d;
            continue;
          }
        } else {
          field.append((char) c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n') {
        row.add(field.toString());
        return true;
      } else if (c == '\r') {
        int d = read();
        if (d != '\n' && d >= 0) {
          pos--;
        }
        row.add(field.toString());
        return true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }
}
