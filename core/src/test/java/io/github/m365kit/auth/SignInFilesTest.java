package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.io.ByteArrayInputStream;
import java.io.BufferedInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignInFilesTest {
  @Property
  void parseMillis_agreesWithJavaTimeForIsoInstants(@ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis) {
    Instant i = Instant.ofEpochMilli(millis);
    assertThat(SignInFiles.parseMillis(i.toString())).isEqualTo(millis);
    assertThat(SignInFiles.parseMillis(i.atOffset(java.time.ZoneOffset.ofHours(-5)).toString())).isEqualTo(millis);
  }

  @Test
  void parseMillis_acceptsGraphSevenDigitFractionsOffsetsAndPortalUsFormat() {
    assertThat(SignInFiles.parseMillis("2026-01-05T10:23:45.1234567Z")).isEqualTo(Instant.parse("2026-01-05T10:23:45.123Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("2026-01-05T12:23:45+02:00")).isEqualTo(Instant.parse("2026-01-05T10:23:45Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("2026-01-05 10:23:45")).isEqualTo(Instant.parse("2026-01-05T10:23:45Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("1/5/2026, 10:23:45 PM")).isEqualTo(Instant.parse("2026-01-05T22:23:45Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("12/31/2026 12:00:01 AM")).isEqualTo(Instant.parse("2026-12-31T00:00:01Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("2/28/2026, 12:59:59 PM")).isEqualTo(Instant.parse("2026-02-28T12:59:59Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("2/2/2026 14:05:00")).isEqualTo(Instant.parse("2026-02-02T14:05:00Z").toEpochMilli());
  }

  @Test
  void parseMillis_rejectsImpossibleDates() {
    assertThatThrownBy(() -> SignInFiles.parseMillis("2026-02-30T10:00:00Z")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SignInFiles.parseMillis("2/30/2026, 10:00:00 AM")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SignInFiles.parseMillis("yesterday")).isInstanceOf(InvalidInputException.class).hasMessageContaining("ISO-8601");
  }


  // ---------------------------------------------------------------- fast paths, pinned on their own
  // parseMillis tries two exception-free parsers before java.time; each must either decline or give java.time's answer.

  private static final DateTimeFormatter US_REFERENCE = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("M/d/uuuu[,] h:mm:ss a").toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);

  /** java.time's reading of an ISO sign-in timestamp (a space instead of the T allowed), or null when it refuses. */
  private static Long isoReference(String s) {
    String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + "T" + s.substring(11) : s;
    try {
      return OffsetDateTime.parse(t).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static Long usReference(String s) {
    try {
      return LocalDateTime.parse(s, US_REFERENCE).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Provide
  Arbitrary<String> isoTimestamps() {
    Arbitrary<LocalDateTime> when = Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(1, 31), Arbitraries.integers().between(0, 86_399))
        .as((y, m, d, sec) -> LocalDateTime.of(y, m, Math.min(d, YearMonth.of(y, m).lengthOfMonth()), sec / 3600, sec / 60 % 60, sec % 60));
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map(f -> "." + f).injectNull(0.3);
    Arbitrary<String> zone = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("Z"),
        Combinators.combine(Arbitraries.of('+', '-'), Arbitraries.integers().between(0, 18 * 60))
            .as((sign, minutes) -> String.format("%c%02d:%02d", sign, minutes / 60, minutes % 60)));
    return Combinators.combine(when, Arbitraries.of('T', ' '), fraction, zone).as((t, sep, f, z) ->
        String.format("%04d-%02d-%02d%c%02d:%02d:%02d%s%s", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), sep, t.getHour(), t.getMinute(),
            t.getSecond(), f == null ? "" : f, z));
  }

  @Provide
  Arbitrary<String> usTimestamps() {
    return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 31),
        Arbitraries.integers().between(0, 86_399), Arbitraries.of("", ","), Arbitraries.of("AM", "PM", "am", "pm", "Am", "pM"))
        .as((y, m, d, sec, comma, ap) -> {
          int h = sec / 3600 % 12;
          return String.format("%d/%d/%04d%s %d:%02d:%02d %s", m, Math.min(d, YearMonth.of(y, m).lengthOfMonth()), y, comma, h == 0 ? 12 : h,
              sec / 60 % 60, sec % 60, ap);
        });
  }

  /** A valid timestamp with one character replaced, inserted or removed: the shapes a broken export produces. */
  private static Arbitrary<String> nearMisses(Arbitrary<String> valid) {
    Arbitrary<Character> junk = Arbitraries.of('0', '1', '2', '3', '5', '9', ':', '-', '/', ' ', ',', '.', 'T', 'Z', '+', 'A', 'P', 'M', 'x');
    return Combinators.combine(valid, Arbitraries.integers().between(0, 40), junk, Arbitraries.integers().between(0, 2)).as((s, at, c, how) -> {
      int i = Math.min(at, s.length() - 1);
      switch (how) {
        case 0: return s.substring(0, i) + c + s.substring(i + 1);
        case 1: return s.substring(0, i) + c + s.substring(i);
        default: return s.substring(0, i) + s.substring(i + 1);
      }
    });
  }

  @Provide
  Arbitrary<String> isoNearMisses() {
    return nearMisses(isoTimestamps());
  }

  @Provide
  Arbitrary<String> usNearMisses() {
    return nearMisses(usTimestamps());
  }

  @Property(tries = 2000)
  void isoFastPath_takesEveryCanonicalShape_withJavaTimesValue(@ForAll("isoTimestamps") String s) {
    assertThat(SignInFiles.parseIsoMillis(s)).as(s).isNotEqualTo(SignInFiles.DECLINED).isEqualTo(isoReference(s));
  }

  @Property(tries = 2000)
  void usFastPath_takesEveryPortalShape_withJavaTimesValue(@ForAll("usTimestamps") String s) {
    assertThat(SignInFiles.parseUsMillis(s)).as(s).isNotEqualTo(SignInFiles.DECLINED).isEqualTo(usReference(s));
  }

  @Property(tries = 3000)
  void isoFastPath_onABrokenTimestamp_declinesOrAgreesWithJavaTime(@ForAll("isoNearMisses") String s) {
    long fast = SignInFiles.parseIsoMillis(s);
    if (fast != SignInFiles.DECLINED) {
      assertThat(fast).as(s).isEqualTo(isoReference(s));
    }
  }

  @Property(tries = 3000)
  void usFastPath_onABrokenTimestamp_declinesOrAgreesWithJavaTime(@ForAll("usNearMisses") String s) {
    long fast = SignInFiles.parseUsMillis(s);
    if (fast != SignInFiles.DECLINED) {
      assertThat(fast).as(s).isEqualTo(usReference(s));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00Z", "2026-01-31 00:00:59",
      "2026-04-30T23:00:00+18:00", "2026-04-30T23:00:00-18:00", "2026-06-01T00:00:00-00:30", "2026-06-01T00:00:00.5Z",
      "2026-06-01T00:00:00.05+01:00", "2000-02-29T00:00:00Z", "2026-12-01T00:00:00.123456789"})
  void isoFastPath_takesTheEdgesOfEveryField(String s) {
    assertThat(SignInFiles.parseIsoMillis(s)).as(s).isEqualTo(isoReference(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-05T24:00:00Z", "2026-01-05T10:60:00Z", "2026-01-05T10:00:60Z", "2026-00-05T10:00:00Z",
      "2026-13-05T10:00:00Z", "2026-01-00T10:00:00Z", "2026-01-32T10:00:00Z", "2026-02-29T10:00:00Z", "1900-02-29T10:00:00Z",
      "2026-04-31T10:00:00Z", "2026-06-31T10:00:00Z", "2026-09-31T10:00:00Z", "2026-11-31T10:00:00Z", "2026-01-05T10:00:00+18:01",
      "2026-01-05T10:00:00+01:60", "2026-01-05T10:00:00+0100", "2026-01-05T10:00:00+01:0x", "2026-01-05T10:00:00Z ",
      "2026-01-05T10:00:00ZZ", "2026-01-05T10:00:00.1234567890Z", "2026-01-05X10:00:00Z", "2026/01/05T10:00:00Z", "2026-01-05T10-00:00Z",
      "2026-01-05T10:00-00Z", "2026-01-05T10:00", "2026-0a-05T10:00:00Z", "-026-01-05T10:00:00Z", "2026-01-05T10:00:00 Z"})
  void isoFastPath_declinesImpossibleValuesAndOtherShapes(String s) {
    assertThat(SignInFiles.parseIsoMillis(s)).as(s).isEqualTo(SignInFiles.DECLINED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1/1/0000, 12:00:00 AM", "12/31/9999, 11:59:59 PM", "2/29/2024 12:00:00 pm", "4/30/2026, 1:00:00 am",
      "01/09/2026, 09:05:07 AM", "1/31/2026 12:59:59 AM"})
  void usFastPath_takesTheEdgesOfEveryField(String s) {
    assertThat(SignInFiles.parseUsMillis(s)).as(s).isEqualTo(usReference(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1/5/2026, 0:00:00 AM", "1/5/2026, 13:00:00 PM", "1/5/2026, 10:60:00 AM", "1/5/2026, 10:00:60 AM",
      "0/5/2026, 10:00:00 AM", "13/5/2026, 10:00:00 AM", "1/0/2026, 10:00:00 AM", "1/32/2026, 10:00:00 AM", "2/29/2026, 10:00:00 AM",
      "4/31/2026, 10:00:00 AM", "1/5/26, 10:00:00 AM", "1/5/20260, 10:00:00 AM", "001/5/2026, 10:00:00 AM", "1/5/2026, 10:0:00 AM",
      "1/5/2026, 10:00:0 AM", "1/5/2026, 100:00:00 AM", "1/5/2026, 10:00:00 XM", "1/5/2026, 10:00:00 AX", "1/5/2026, 10:00:00 A",
      "1/5/2026, 10:00:00 AMM", "1/5/2026, 10:00:00", "1/5/2026,, 10:00:00 AM", "1-5-2026, 10:00:00 AM", "1/5/2026, 10.00:00 AM",
      "1/5/2026, 10:00.00 AM", "1/5/2026, 10:00:00AM", "/5/2026, 10:00:00 AM", "1/5/2026 , 10:00:00 AM", "1/5/2026", "1/5/2026,", ""})
  void usFastPath_declinesImpossibleValuesAndOtherShapes(String s) {
    assertThat(SignInFiles.parseUsMillis(s)).as(s).isEqualTo(SignInFiles.DECLINED);
  }

  @Property
  void daysInMonth_isTheGregorianCalendars(@ForAll @IntRange(min = 0, max = 9999) int year, @ForAll @IntRange(min = 1, max = 12) int month) {
    assertThat(SignInFiles.daysInMonth(year, month)).isEqualTo(YearMonth.of(year, month).lengthOfMonth());
  }

  @ParameterizedTest
  @CsvSource({"2000,29", "1900,28", "2024,29", "2026,28", "2100,28", "2400,29", "0,29"})
  void daysInMonth_februaryFollowsTheLeapYearRule(int year, int days) {
    assertThat(SignInFiles.daysInMonth(year, 2)).isEqualTo(days);
  }

  @Test
  void parseMillis_fallsBackToJavaTimeForShapesTheFastPathsDecline() {
    assertThat(SignInFiles.parseMillis(" 2026-01-05T10:23:45Z ")).isEqualTo(Instant.parse("2026-01-05T10:23:45Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("2026-01-05T10:23Z")).isEqualTo(Instant.parse("2026-01-05T10:23:00Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("2026-01-05T10:23")).isEqualTo(Instant.parse("2026-01-05T10:23:00Z").toEpochMilli());
    assertThat(SignInFiles.parseMillis("1/5/2026 14:05")).isEqualTo(Instant.parse("2026-01-05T14:05:00Z").toEpochMilli());
    assertThatThrownBy(() -> SignInFiles.parseMillis("2026-01-05T10:00:00+19:00")).isInstanceOf(InvalidInputException.class);
  }

  // ---------------------------------------------------------------- format detection

  private static SignInFiles.Kind detect(String text) throws IOException {
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    SignInFiles.Kind kind = SignInFiles.detect(in);
    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("detect must not consume input").isEqualTo(text);
    return kind;
  }

  @Test
  void detect_looksAtTheFirstSignificantCharacterOfTheFirst4096Bytes() throws IOException {
    assertThat(detect("")).isEqualTo(SignInFiles.Kind.CSV);
    assertThat(detect(" \t\r\n")).isEqualTo(SignInFiles.Kind.CSV);
    assertThat(detect("\uFEFF [{}]")).isEqualTo(SignInFiles.Kind.JSON);
    assertThat(detect("\n\n{\"value\":[]}")).isEqualTo(SignInFiles.Kind.JSON);
    assertThat(detect("Date (UTC),Username\n")).isEqualTo(SignInFiles.Kind.CSV);
    assertThat(detect(" ".repeat(4095) + "{}")).isEqualTo(SignInFiles.Kind.JSON);
    assertThat(detect(" ".repeat(4096) + "{}")).isEqualTo(SignInFiles.Kind.CSV);
  }

  // ---------------------------------------------------------------- whole files

  private static List<SignInEvent> read(String text) {
    List<SignInEvent> out = new ArrayList<>();
    SignInFiles.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), out::add);
    return out;
  }

  @Test
  void json_readsEveryFieldInPortalAndGraphShapes() {
    List<SignInEvent> events = read("{\"value\":[{\"createdDateTime\":\"2026-01-05T10:23:45Z\",\"userPrincipalName\":\"a@contoso.com\","
        + "\"userId\":\"u1\",\"clientAppUsed\":\"IMAP4\",\"ipAddress\":\"203.0.113.5\",\"appDisplayName\":\"Thunderbird\","
        + "\"isInteractive\":true,\"status\":{\"errorCode\":50126,\"failureReason\":\"Invalid password\",\"additionalDetails\":{\"x\":[1]}},"
        + "\"location\":{\"city\":\"Oslo\"}}]}"
        + "\n{\"createdDateTime\":\"2026-01-05T11:00:00Z\",\"userPrincipalName\":{\"nested\":\"ignored\"},\"clientAppUsed\":[\"x\"],"
        + "\"isInteractive\":false,\"errorCode\":\"53003\"}"
        + "\n{\"createdDateTime\":\"2026-01-05T12:00:00Z\",\"errorCode\":\" \",\"value\":\"not an array\",\"status\":\"flat\"}"
        + "\n{\"userPrincipalName\":\"no-date@contoso.com\"}");
    assertThat(events).hasSize(3);
    SignInEvent a = events.get(0);
    assertThat(a.createdDateTime()).isEqualTo(Instant.parse("2026-01-05T10:23:45Z"));
    assertThat(a.userPrincipalName()).isEqualTo("a@contoso.com");
    assertThat(a.userId()).isEqualTo("u1");
    assertThat(a.clientAppUsed()).isEqualTo("IMAP4");
    assertThat(a.errorCode()).isEqualTo(50126);
    assertThat(a.failureReason()).isEqualTo("Invalid password");
    assertThat(a.ipAddress()).isEqualTo("203.0.113.5");
    assertThat(a.appDisplayName()).isEqualTo("Thunderbird");
    assertThat(a.interactive()).isTrue();
    SignInEvent b = events.get(1);
    assertThat(b.userPrincipalName()).isEmpty();
    assertThat(b.clientAppUsed()).isEmpty();
    assertThat(b.errorCode()).isEqualTo(53003);
    assertThat(b.interactive()).isFalse();
    SignInEvent c = events.get(2);
    assertThat(c.errorCode()).isZero();
    assertThat(c.failureReason()).isEmpty();
  }

  @Test
  void json_aNonNumericErrorCodeIsATypedError() {
    assertThatThrownBy(() -> read("[{\"createdDateTime\":\"2026-01-05T10:23:45Z\",\"errorCode\":\"denied\"}]"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("denied");
  }

  @Test
  void csv_aFileCutOffInsideAQuotedField_isBadInputNamingTheRecord() {
    String header = "Date (UTC),Username,Client app,Failure reason\n";
    assertThatThrownBy(() -> read(header + "2026-01-05T10:00:00Z,a@contoso.com,IMAP4,ok\n2026-01-05T11:00:00Z,b@contoso.com,POP3,\"Invalid pass"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid sign-in CSV record 3 '2026-01-05T11:00:00Z,b@contoso.com,POP3': the CSV ends inside a quoted field (a truncated file?)");
    assertThatThrownBy(() -> read("Date (UTC),\"Username"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("invalid sign-in CSV record 1 'Date (UTC)'");
  }

  @Test
  void csv_thatIsNotUtf8_isBadInputNamingTheRecord_notNamesFullOfReplacementCharacters() {
    byte[] latin1 = "Date (UTC),Username,Client app,Failure reason\n2026-01-05T10:00:00Z,a@contoso.com,IMAP4,ok\n2026-01-05T11:00:00Z,b@contoso.com,POP3,Mot de passe \u00e9chou\u00e9\n"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SignInFiles.read(new ByteArrayInputStream(latin1), e -> { }))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("invalid sign-in CSV record 3 '2026-01-05T11:00:00Z,b@contoso.com,POP3': the file is not UTF-8 at byte offset 143")
        .hasMessageContaining("'CSV UTF-8'");
    assertThat(read("Date (UTC),Username,Client app,Failure reason\n2026-01-05T11:00:00Z,b@contoso.com,POP3,Mot de passe \u00e9chou\u00e9\n"))
        .extracting(SignInEvent::failureReason).containsExactly("Mot de passe \u00e9chou\u00e9");
  }

  @Test
  void json_thatIsNotUtf8_isBadInput() {
    byte[] latin1 = "[{\"createdDateTime\":\"2026-01-05T10:00:00Z\",\"status\":{\"failureReason\":\"\u00e9chou\u00e9\"}}]".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> SignInFiles.read(new ByteArrayInputStream(latin1), e -> { }))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("invalid sign-in JSON").hasMessageContaining("UTF-8");
  }

  @Test
  void csv_separatedBySemicolons_saysSo() {
    assertThatThrownBy(() -> read("Date (UTC);Username;Client app\n2026-01-05T10:00:00Z;a@contoso.com;IMAP4\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageEndingWith("the header is separated by semicolons (Excel in a locale with decimal"
            + " commas?): export it again as comma-separated");
    assertThatThrownBy(() -> read("Date (UTC),Username\n")).isInstanceOf(InvalidInputException.class).message().doesNotContain("semicolons");
  }

  @Test
  void json_withoutASingleSignIn_isTheWrongFile_notAnAuditWhereNobodyBreaks() {
    assertThatThrownBy(() -> read("{\"foo\": 1}")).isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid sign-in JSON 'the record ending at line 1, column 11': none of its 1 records is a sign-in (no createdDateTime);"
            + " expected the portal's JSON download or Graph /auditLogs/signIns pages {\"value\":[…]}");
    assertThatThrownBy(() -> read("[{\"id\":\"a\"},\n{\"id\":\"b\",\"operation\":{\"x\":1}}]")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'the record ending at line 1, column 12': none of its 2 records is a sign-in");
    // an empty export, an empty page and a page chain are fine; so is a file where some records are not sign-ins
    assertThat(read("[]")).isEmpty();
    assertThat(read("{\"value\":[]}")).isEmpty();
    assertThat(read("{\"@odata.nextLink\":\"x\",\"value\":[]}\n{\"value\":[]}")).isEmpty();
    assertThat(read("[{\"id\":\"a\"},{\"createdDateTime\":\"2026-01-05T10:00:00Z\"}]")).hasSize(1);
  }

  @Test
  void csv_readsPortalAndLogAnalyticsHeaders() {
    List<SignInEvent> events = read("\uFEFFDate (UTC),TimeGenerated,User,Client app,Status,Interactive,IP address,Application,Failure reason\n"
        + "2026-01-05T10:00:00Z,2020-01-01T00:00:00Z,a@contoso.com,IMAP4,Failure,Yes,203.0.113.5,Outlook,Invalid password\n"
        + "\n"
        + "2026-01-05T11:00:00Z,,b@contoso.com,POP3,Success,true\n"
        + "2026-01-05T12:00:00Z,,c@contoso.com,SMTP,,no\n"
        + "2026-01-05T13:00:00Z,,d@contoso.com,SMTP,Interrupted,FALSE\n");
    assertThat(events).extracting(SignInEvent::userPrincipalName).containsExactly("a@contoso.com", "b@contoso.com", "c@contoso.com", "d@contoso.com");
    assertThat(events).extracting(SignInEvent::createdDateTime).first().isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    assertThat(events).extracting(SignInEvent::errorCode).containsExactly(1, 0, 0, 1);
    assertThat(events).extracting(SignInEvent::interactive).containsExactly(true, true, false, false);
    assertThat(events.get(0).ipAddress()).isEqualTo("203.0.113.5");
    assertThat(events.get(0).appDisplayName()).isEqualTo("Outlook");
    assertThat(events.get(0).failureReason()).isEqualTo("Invalid password");
    assertThat(events.get(1).ipAddress()).isEmpty();
  }

  @Test
  void csv_anErrorCodeColumnWinsOverStatus_andTheUserPrincipalNameOverUser() {
    List<SignInEvent> events = read("createdDateTime,User,userPrincipalName,clientAppUsed,Status,errorCode\n"
        + "2026-01-05T10:00:00Z,Display Name,a@contoso.com,IMAP4,Success,50126\n");
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.userPrincipalName()).isEqualTo("a@contoso.com");
      assertThat(e.errorCode()).isEqualTo(50126);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"Username,Client app,Date (UTC)", "Client app,Date (UTC),Username", "Date (UTC),Client app,User"})
  void csv_findsTheColumnsInAnyOrder(String header) {
    List<String> names = List.of(header.split(","));
    String[] row = new String[3];
    row[names.indexOf(names.contains("User") ? "User" : "Username")] = "a@contoso.com";
    row[names.indexOf("Client app")] = "IMAP4";
    row[names.indexOf("Date (UTC)")] = "2026-01-05T10:00:00Z";
    assertThat(read(header + "\n" + String.join(",", row) + "\n")).singleElement().satisfies(e -> {
      assertThat(e.userPrincipalName()).isEqualTo("a@contoso.com");
      assertThat(e.clientAppUsed()).isEqualTo("IMAP4");
      assertThat(e.createdDateTime()).isEqualTo(Instant.parse("2026-01-05T10:00:00Z"));
    });
  }

  @Test
  void csv_namesTheRecordOfAnEmptyDate() {
    assertThatThrownBy(() -> read("Date (UTC),Username,Client app\n2026-01-05T10:00:00Z,a@contoso.com,IMAP4\n\n,b@contoso.com,IMAP4\n"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("record 4").hasMessageContaining("date column is empty");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Username,Client app\n", "Date (UTC),Client app\n", "Date (UTC),Username\n"})
  void csv_aHeaderWithoutDateUserOrClientAppIsRefused(String header) {
    assertThatThrownBy(() -> read(header + "x,y\n")).isInstanceOf(InvalidInputException.class).hasMessageContaining("expected at least a date column");
  }

  @Test
  void csv_anEmptyFileHasNoEvents() {
    assertThat(read("")).isEmpty();
    assertThat(read("Date (UTC),Username,Client app\n")).isEmpty();
  }
}
