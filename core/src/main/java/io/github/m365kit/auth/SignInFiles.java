package io.github.m365kit.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.io.CsvReader;
import io.github.m365kit.io.StrictUtf8Reader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads sign-in exports in constant memory: JSON (portal array, Graph pages, concatenated or line-separated values)
 * with Jackson's streaming parser, and CSV with a small state machine that handles quoted fields. Stateless.
 */
final class SignInFiles {
  private static final JsonFactory JSON = JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
  private static final DateTimeFormatter[] US_FORMATS = {
    DateTimeFormatter.ofPattern("M/d/uuuu, h:mm:ss a", Locale.US).withResolverStyle(ResolverStyle.STRICT),
    DateTimeFormatter.ofPattern("M/d/uuuu h:mm:ss a", Locale.US).withResolverStyle(ResolverStyle.STRICT),
    DateTimeFormatter.ofPattern("M/d/uuuu H:mm:ss", Locale.US).withResolverStyle(ResolverStyle.STRICT),
    DateTimeFormatter.ofPattern("M/d/uuuu H:mm", Locale.US).withResolverStyle(ResolverStyle.STRICT)
  };

  private SignInFiles() {}

  /** The formats detected. */
  enum Kind {
    JSON, CSV
  }

  static void read(InputStream raw, Consumer<SignInEvent> sink) {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    try {
      if (detect(in) == Kind.JSON) {
        readJson(in, sink);
      } else {
        // strict: a file re-saved by Excel as ANSI would otherwise turn names into U+FFFD without a word
        readCsv(new StrictUtf8Reader(in), sink);
      }
    } catch (IOException e) {
      throw new BackendException("file", "io", "cannot read sign-in export: " + e.getMessage(), e);
    }
  }

  static Kind detect(BufferedInputStream in) throws IOException {
    in.mark(4096);
    try {
      for (int i = 0; i < 4096; i++) {
        int b = in.read();
        if (b < 0) {
          return Kind.CSV;
        }
        if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) {
          continue;
        }
        return b == '[' || b == '{' ? Kind.JSON : Kind.CSV;
      }
      return Kind.CSV;
    } finally {
      in.reset();
    }
  }

  // ------------------------------------------------------------------ JSON

  private static final class Fields {
    String created;
    String upn;
    String userId;
    String clientApp;
    int errorCode;
    String failureReason;
    String ip;
    String app;
    boolean interactive;
  }

  /** What a JSON file held: sign-ins, Graph pages, and records that are neither (another export by mistake?). */
  private static final class JsonCounts {
    long signIns;
    long others;
    String firstOther;
  }

  static void readJson(InputStream in, Consumer<SignInEvent> sink) throws IOException {
    JsonCounts counts = new JsonCounts();
    Consumer<SignInEvent> counting = e -> {
      counts.signIns++;
      sink.accept(e);
    };
    try (JsonParser p = JSON.createParser(in)) {
      p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        value(p, t, counting, counts);
      }
      // an audit of the wrong file must not read as "nobody would break"
      if (counts.signIns == 0 && counts.others > 0) {
        throw new InvalidInputException("sign-in JSON", counts.firstOther, "none of its " + counts.others + " records is a sign-in (no"
            + " createdDateTime); expected the portal's JSON download or Graph /auditLogs/signIns pages {\"value\":[…]}");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("sign-in JSON", String.valueOf(e.getLocation()), e.getOriginalMessage());
    }
  }

  private static void value(JsonParser p, JsonToken t, Consumer<SignInEvent> sink, JsonCounts counts) throws IOException {
    if (t == JsonToken.START_ARRAY) {
      JsonToken e;
      while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
        if (e == null) {
          throw new InvalidInputException("sign-in JSON", String.valueOf(p.currentLocation()), "unexpected end of input inside an array");
        }
        value(p, e, sink, counts);
      }
    } else if (t == JsonToken.START_OBJECT) {
      if (!object(p, sink, counts) && counts.others++ == 0) {
        counts.firstOther = "the record ending at line " + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr();
      }
    }
  }

  private static String text(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT) {
      return p.getText();
    }
    if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
      p.skipChildren();
    }
    return null;
  }

  private static int intValue(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    String s = text(p, v);
    return s == null || s.isBlank() ? 0 : parseInt(s);
  }

  /** Reads one object; true when it was a sign-in or a Graph page. */
  private static boolean object(JsonParser p, Consumer<SignInEvent> sink, JsonCounts counts) throws IOException {
    Fields f = new Fields();
    boolean page = false;
    String name;
    while ((name = p.nextFieldName()) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "value":
          if (v == JsonToken.START_ARRAY) {
            page = true;
            value(p, v, sink, counts);
          } else {
            p.skipChildren();
          }
          break;
        case "createdDateTime":
          f.created = text(p, v);
          break;
        case "userPrincipalName":
          f.upn = text(p, v);
          break;
        case "userId":
          f.userId = text(p, v);
          break;
        case "clientAppUsed":
          f.clientApp = text(p, v);
          break;
        case "ipAddress":
          f.ip = text(p, v);
          break;
        case "appDisplayName":
          f.app = text(p, v);
          break;
        case "isInteractive":
          f.interactive = v == JsonToken.VALUE_TRUE;
          break;
        case "errorCode":
          f.errorCode = intValue(p, v);
          break;
        case "status":
          if (v == JsonToken.START_OBJECT) {
            String sn;
            while ((sn = p.nextFieldName()) != null) {
              JsonToken sv = p.nextToken();
              if (sn.equals("errorCode")) {
                f.errorCode = intValue(p, sv);
              } else if (sn.equals("failureReason")) {
                f.failureReason = text(p, sv);
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    if (f.created != null) {
      sink.accept(new SignInEvent(Instant.ofEpochMilli(parseMillis(f.created)), f.upn, f.userId, f.clientApp, f.errorCode, f.failureReason,
          f.ip, f.app, f.interactive));
      return true;
    }
    return page;
  }

  // ------------------------------------------------------------------ CSV

  /** Column indexes of the fields the audit needs; -1 when absent. */
  private static final class Columns {
    int time = -1;
    int upn = -1;
    int user = -1;
    int userId = -1;
    int clientApp = -1;
    int errorCode = -1;
    int status = -1;
    int failureReason = -1;
    int ip = -1;
    int app = -1;
    int interactive = -1;

    static Columns of(List<String> header) {
      Columns c = new Columns();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
        switch (h) {
          case "date (utc)": case "date": case "createddatetime": case "created date time": case "timegenerated": case "timegenerated [utc]":
            c.time = c.time < 0 ? i : c.time;
            break;
          case "username": case "userprincipalname": case "user principal name":
            c.upn = i;
            break;
          case "user":
            c.user = i;
            break;
          case "user id": case "userid":
            c.userId = i;
            break;
          case "client app": case "clientappused": case "client app used":
            c.clientApp = i;
            break;
          case "sign-in error code": case "errorcode": case "error code": case "status.errorcode": case "resulttype":
            c.errorCode = i;
            break;
          case "status":
            c.status = i;
            break;
          case "failure reason": case "failurereason": case "status.failurereason": case "resultdescription":
            c.failureReason = i;
            break;
          case "ip address": case "ipaddress": case "ip":
            c.ip = i;
            break;
          case "application": case "appdisplayname": case "app display name":
            c.app = i;
            break;
          case "interactive": case "isinteractive":
            c.interactive = i;
            break;
          default:
            break;
        }
      }
      if (c.upn < 0) {
        c.upn = c.user;
      }
      if (c.time < 0 || c.upn < 0 || c.clientApp < 0) {
        String semicolons = header.size() == 1 && header.get(0).indexOf(';') >= 0
            ? "; the header is separated by semicolons (Excel in a locale with decimal commas?): export it again as comma-separated" : "";
        throw new InvalidInputException("sign-in CSV header", String.join(",", header),
            "expected at least a date column (Date (UTC) or createdDateTime), a user column (Username or userPrincipalName)"
                + " and a client-app column (Client app or clientAppUsed)" + semicolons);
      }
      return c;
    }
  }

  /** {@link CsvReader#next}, with a truncated file reported as bad input naming the record, like every other flaw. */
  private static boolean next(CsvReader csv, List<String> row, long line) throws IOException {
    try {
      return csv.next(row);
    } catch (java.io.EOFException e) {
      throw new InvalidInputException("sign-in CSV record " + line, String.join(",", row), e.getMessage());
    } catch (StrictUtf8Reader.NotUtf8Exception e) {
      throw new InvalidInputException("sign-in CSV record " + line, String.join(",", row), "the file is " + e.getMessage()
          + " (saved from Excel as 'CSV (Comma delimited)'?); download the export again or save it as 'CSV UTF-8'");
    }
  }

  static void readCsv(Reader reader, Consumer<SignInEvent> sink) throws IOException {
    CsvReader csv = new CsvReader(reader);
    List<String> row = new ArrayList<>();
    if (!next(csv, row, 1)) {
      return;
    }
    Columns c = Columns.of(row);
    long line = 1;
    while (next(csv, row, line + 1)) {
      line++;
      if (row.size() == 1 && row.get(0).isEmpty()) {
        continue;
      }
      String time = get(row, c.time);
      if (time.isEmpty()) {
        throw new InvalidInputException("sign-in CSV record " + line, String.join(",", row), "the date column is empty");
      }
      String code = get(row, c.errorCode);
      int errorCode;
      if (!code.isEmpty()) {
        errorCode = parseInt(code);
      } else {
        String status = get(row, c.status).toLowerCase(Locale.ROOT);
        errorCode = status.isEmpty() || status.equals("success") ? 0 : 1;
      }
      String interactive = get(row, c.interactive).toLowerCase(Locale.ROOT);
      sink.accept(new SignInEvent(Instant.ofEpochMilli(parseMillis(time)), get(row, c.upn), get(row, c.userId), get(row, c.clientApp), errorCode,
          get(row, c.failureReason), get(row, c.ip), get(row, c.app), interactive.equals("true") || interactive.equals("yes")));
    }
  }

  private static String get(List<String> row, int i) {
    return i >= 0 && i < row.size() ? row.get(i) : "";
  }

  // ------------------------------------------------------------------ values

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("sign-in error code", s, "not a number");
    }
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return -1;
      }
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  /** Days in a month of the proleptic Gregorian calendar (1 = January). */
  static int daysInMonth(int year, int month) {
    if (month == 2) {
      boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  private static long daysFromCivil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }

  private static final char[] US_SEPARATORS = {'/', '/', ' ', ':', ':', ' '};
  private static final int[] US_MIN_DIGITS = {1, 1, 4, 1, 2, 2};
  private static final int[] US_MAX_DIGITS = {2, 2, 4, 2, 2, 2};

  /**
   * The portal's {@code M/d/yyyy, h:mm:ss AM} (comma optional, AM/PM in any case, taken as UTC) without exceptions;
   * {@link #DECLINED} for another shape or an impossible date.
   */
  static long parseUsMillis(String s) {
    int n = s.length();
    int i = 0;
    int[] v = new int[6];
    for (int k = 0; k < 6; k++) {
      int start = i;
      int x = 0;
      while (i < n && i - start < US_MAX_DIGITS[k] && isDigit(s.charAt(i))) {
        x = x * 10 + (s.charAt(i++) - '0');
      }
      if (i - start < US_MIN_DIGITS[k]) {
        return DECLINED;
      }
      v[k] = x;
      if (k == 2 && i < n && s.charAt(i) == ',') {
        i++;
      }
      if (i >= n || s.charAt(i) != US_SEPARATORS[k]) {
        return DECLINED;
      }
      i++;
    }
    if (i + 2 != n || (s.charAt(n - 1) != 'M' && s.charAt(n - 1) != 'm')) {
      return DECLINED;
    }
    char ap = Character.toUpperCase(s.charAt(i));
    int month = v[0];
    int day = v[1];
    int year = v[2];
    int hour = v[3];
    if ((ap != 'A' && ap != 'P') || hour < 1 || hour > 12 || v[4] > 59 || v[5] > 59 || month < 1 || month > 12 || day < 1
        || day > daysInMonth(year, month)) {
      return DECLINED;
    }
    int h24 = hour % 12 + (ap == 'P' ? 12 : 0);
    return (daysFromCivil(year, month, day) * 86_400L + h24 * 3600L + v[4] * 60L + v[5]) * 1000L;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** What the fast parsers return when the text has another shape; the caller then tries java.time. */
  static final long DECLINED = Long.MIN_VALUE;

  /**
   * Parses a sign-in timestamp to epoch milliseconds: ISO-8601 with {@code Z}, an offset or no zone (UTC), quickly
   * for the common shapes; otherwise the portal's US format ({@code 1/15/2024, 10:23:45 AM}, taken as UTC).
   */
  static long parseMillis(String s) {
    long iso = parseIsoMillis(s);
    if (iso != DECLINED) {
      return iso;
    }
    long us = parseUsMillis(s);
    if (us != DECLINED) {
      return us;
    }
    return parseSlowMillis(s);
  }

  /**
   * {@code yyyy-MM-dd(T| )HH:mm:ss[.fraction][Z|+hh:mm|-hh:mm]} without exceptions (fraction truncated to millis, no
   * zone = UTC); {@link #DECLINED} for any other shape or an impossible date.
   */
  static long parseIsoMillis(String s) {
    int n = s.length();
    if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return DECLINED;
    }
    int y = digits(s, 0, 4);
    int mo = digits(s, 5, 2);
    int d = digits(s, 8, 2);
    int h = digits(s, 11, 2);
    int mi = digits(s, 14, 2);
    int sec = digits(s, 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) {
      return DECLINED;
    }
    int i = 19;
    int millis = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      int scale = 100;
      int end = Math.min(n, i + 9);
      while (i < end && isDigit(s.charAt(i))) {
        millis += (s.charAt(i) - '0') * scale;
        scale /= 10;
        i++;
      }
    }
    long offset;
    if (i == n || (s.charAt(i) == 'Z' && i + 1 == n)) {
      offset = 0;
    } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return DECLINED;
      }
      offset = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600L + om * 60L);
    } else {
      return DECLINED;
    }
    return (daysFromCivil(y, mo, d) * 86_400L + h * 3600L + mi * 60L + sec - offset) * 1000L + millis;
  }

  /** The java.time parsers for every shape the fast paths decline; {@link InvalidInputException} when none fits. */
  static long parseSlowMillis(String s) {
    String t = s.trim();
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next shape
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // try the next shape
    }
    for (DateTimeFormatter f : US_FORMATS) {
      try {
        return LocalDateTime.parse(t, f).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        // try the next shape
      }
    }
    throw new InvalidInputException("sign-in date", s, "expected ISO-8601 (2024-01-15T10:23:45Z) or the portal's M/d/yyyy, h:mm:ss AM");
  }
}
