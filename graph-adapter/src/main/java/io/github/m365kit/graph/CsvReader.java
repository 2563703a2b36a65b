package io.github.m365kit.graph;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: one record at a time, fields optionally in double quotes, {@code ""} for a quote,
 * commas and line breaks allowed inside quotes, CRLF or LF line ends, a leading UTF-8 byte-order mark skipped. Not
 * thread-safe; one per stream.
 */
final class CsvReader {
  private final Reader in;
  private boolean started;
  private int pushedBack = -2;

  CsvReader(Reader in) {
    this.in = in;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    int c = in.read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        c = in.read();
      }
    }
    return c;
  }

  /**
   * @return the next record's fields, or null at the end of the stream
   * @throws IOException when reading fails or a quoted field is not closed
   */
  List<String> next() throws IOException {
    int c = read();
    while (c == '\r' || c == '\n') {
      c = read(); // blank lines
    }
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("unterminated quoted field in CSV");
        }
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
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c == -1) {
        if (c == '\r') {
          int d = read();
          if (d != '\n') {
            pushedBack = d;
          }
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
      c = read();
    }
  }
}
