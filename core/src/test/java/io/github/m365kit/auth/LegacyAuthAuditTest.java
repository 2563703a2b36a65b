package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.m365kit.InvalidInputException;
import io.github.m365kit.auth.bench.SignInGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyAuthAuditTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LegacyAuthAudit audit = LegacyAuthAudit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

  static SignInEvent event(String at, String upn, String clientApp, int errorCode, String ip) {
    return new SignInEvent(Instant.parse(at), upn, "", clientApp, errorCode, errorCode == 0 ? "" : "Invalid username or password", ip,
        "Office 365 Exchange Online", false);
  }

  private static LegacyAuthReport.Usage usage(LegacyAuthReport r, String upn, String protocol) {
    return r.users().stream().filter(u -> u.userPrincipalName().equals(upn) && u.protocol().equals(protocol)).findFirst().orElseThrow();
  }

  @Test
  void audit_aggregatesPerUserAndProtocol_andIgnoresModernSignIns() {
    LegacyAuthReport r = audit.audit(List.of(
        event("2026-02-01T10:00:00Z", "Jane@Contoso.com", "IMAP4", 0, "10.0.0.1"),
        event("2026-02-03T10:00:00Z", "jane@contoso.com", "IMAP4", 50126, "10.0.0.2"),
        event("2026-01-30T08:00:00Z", "jane@contoso.com", "IMAP4", 0, "10.0.0.1"),
        event("2026-02-02T10:00:00Z", "jane@contoso.com", "Browser", 0, "10.0.0.1"),
        event("2026-02-02T10:00:00Z", "jane@contoso.com", "Mobile Apps and Desktop clients", 0, "10.0.0.1"),
        event("2026-02-02T11:00:00Z", "bob@contoso.com", "Exchange ActiveSync", 0, "10.0.0.9")));
    assertThat(r.eventsRead()).isEqualTo(6);
    assertThat(r.legacyEvents()).isEqualTo(4);
    assertThat(r.users()).extracting(LegacyAuthReport.Usage::userPrincipalName).containsExactly("bob@contoso.com", "jane@contoso.com");
    LegacyAuthReport.Usage jane = usage(r, "jane@contoso.com", "IMAP4");
    assertThat(jane.successes()).isEqualTo(2);
    assertThat(jane.failures()).isEqualTo(1);
    assertThat(jane.firstSeen()).isEqualTo(Instant.parse("2026-01-30T08:00:00Z"));
    assertThat(jane.lastSeen()).isEqualTo(Instant.parse("2026-02-03T10:00:00Z"));
    assertThat(jane.distinctIps()).isEqualTo(2);
    assertThat(jane.distinctIpsCapped()).isFalse();
    assertThat(jane.apps()).containsExactly("Office 365 Exchange Online");
    assertThat(r.daily().get(LocalDate.parse("2026-02-02"))).containsEntry(ClientApp.EXCHANGE_ACTIVESYNC, 1L).doesNotContainKey(ClientApp.BROWSER);
  }

  @Test
  void audit_unknownClientApp_countsAsLegacyUnderItsOwnName() {
    LegacyAuthReport r = audit.audit(List.of(event("2026-02-01T10:00:00Z", "a@contoso.com", "Some New Protocol", 0, "10.0.0.1")));
    assertThat(r.users()).singleElement().satisfies(u -> {
      assertThat(u.protocol()).isEqualTo("Some New Protocol");
      assertThat(u.clientApp()).isEqualTo(ClientApp.UNKNOWN);
    });
  }

  @Test
  void audit_since_dropsOlderSignIns() {
    LegacyAuthReport r = LegacyAuthAudit.builder().since(Instant.parse("2026-02-01T00:00:00Z")).build().audit(List.of(
        event("2026-01-31T23:59:59Z", "a@contoso.com", "POP3", 0, "10.0.0.1"),
        event("2026-02-01T00:00:00Z", "a@contoso.com", "POP3", 0, "10.0.0.1")));
    assertThat(usage(r, "a@contoso.com", "POP3").successes()).isEqualTo(1);
  }

  @Test
  void distinctIps_areExactUpToTheCapThenSayAtLeast() {
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      events.add(event("2026-02-01T10:00:00Z", "a@contoso.com", "IMAP4", 0, "10.0.1." + i));
      events.add(event("2026-02-01T10:00:00Z", "b@contoso.com", "IMAP4", 0, "10.0.2." + (i % 7)));
    }
    LegacyAuthReport r = LegacyAuthAudit.builder().distinctIpCap(100).build().audit(events);
    LegacyAuthReport.Usage a = usage(r, "a@contoso.com", "IMAP4");
    assertThat(a.distinctIps()).isEqualTo(100);
    assertThat(a.distinctIpsCapped()).isTrue();
    assertThat(a.distinctIpsText()).isEqualTo("\u2265100");
    assertThat(usage(r, "b@contoso.com", "IMAP4").distinctIpsText()).isEqualTo("7");
    assertThat(r.render(LegacyAuthReport.Format.TEXT)).contains("ips=\u2265100");
  }

  @Test
  void wouldBreak_listsSuccessfulLegacyUseWithMatchingModernClient() {
    LegacyAuthReport r = audit.audit(List.of(
        event("2026-02-01T10:00:00Z", "phone@contoso.com", "Exchange ActiveSync", 0, "10.0.0.1"),
        event("2026-02-01T10:00:00Z", "desk@contoso.com", "MAPI Over HTTP", 0, "10.0.0.2"),
        event("2026-02-01T10:00:00Z", "mac@contoso.com", "IMAP4", 0, "10.0.0.3"),
        event("2026-02-01T10:00:00Z", "printer@contoso.com", "Authenticated SMTP", 0, "10.0.0.4"),
        event("2026-02-01T10:00:00Z", "failed@contoso.com", "POP3", 50126, "10.0.0.5")));
    assertThat(r.wouldBreak()).extracting(LegacyAuthReport.Usage::userPrincipalName)
        .containsExactly("desk@contoso.com", "mac@contoso.com", "phone@contoso.com", "printer@contoso.com");
    assertThat(usage(r, "phone@contoso.com", "Exchange ActiveSync").recommendation().orElseThrow()).contains("Outlook for iOS and Android").contains("11.3.1");
    assertThat(usage(r, "desk@contoso.com", "MAPI Over HTTP").recommendation().orElseThrow()).contains("EnableADAL").contains("Version = 1");
    assertThat(usage(r, "mac@contoso.com", "IMAP4").recommendation().orElseThrow()).contains("Outlook 2016 for Mac");
    assertThat(usage(r, "printer@contoso.com", "Authenticated SMTP").recommendation().orElseThrow()).contains("SMTP AUTH");
    assertThat(usage(r, "failed@contoso.com", "POP3").recommendation()).isEmpty();
  }

  @Test
  void spray_seedExample_disabledAccountHitOverImapFromFewIps() {
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(event("2026-02-0" + (i + 1) + "T03:00:00Z", "former.employee@contoso.com", i % 2 == 0 ? "IMAP4" : "Other clients", 50057,
          i < 4 ? "185.220.101.4" : "185.220.101.9"));
    }
    events.add(event("2026-02-01T09:00:00Z", "jane@contoso.com", "IMAP4", 0, "10.0.0.1"));
    events.add(event("2026-02-01T09:00:00Z", "jane@contoso.com", "IMAP4", 50126, "10.0.0.1"));
    LegacyAuthReport r = LegacyAuthAudit.builder().disabledUsers(Set.of("Former.Employee@contoso.com")).build().audit(events);

    assertThat(r.suspectedSpray()).extracting(LegacyAuthReport.SprayIp::ipAddress).containsExactly("185.220.101.4", "185.220.101.9");
    assertThat(r.suspectedSpray().get(0).failures()).isEqualTo(4);
    assertThat(r.suspectedSpray().get(0).reasons()).anyMatch(s -> s.contains("disabled") && s.contains("former.employee@contoso.com"));
    assertThat(r.disabledTargeted()).singleElement().satisfies(d -> {
      assertThat(d.userPrincipalName()).isEqualTo("former.employee@contoso.com");
      assertThat(d.attempts()).isEqualTo(6);
      assertThat(d.successes()).isZero();
      assertThat(d.ipAddresses()).containsExactly("185.220.101.4", "185.220.101.9");
      assertThat(d.protocols()).containsExactly("IMAP4", "Other clients");
    });
  }

  @Test
  void spray_failuresOnlyIpAcrossManyAccountsIsFlagged_butNotBelowTheThreshold() {
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(event("2026-02-01T03:00:00Z", "u" + i + "@contoso.com", "IMAP4", 50126, "198.51.100.1"));
    }
    for (int i = 0; i < 4; i++) {
      events.add(event("2026-02-01T03:00:00Z", "u" + i + "@contoso.com", "IMAP4", 50126, "198.51.100.2"));
    }
    LegacyAuthReport r = audit.audit(events);
    assertThat(r.suspectedSpray()).singleElement().satisfies(s -> {
      assertThat(s.ipAddress()).isEqualTo("198.51.100.1");
      assertThat(s.accounts()).isEqualTo(6);
      assertThat(s.failures()).isEqualTo(6);
      assertThat(s.reasons()).anyMatch(x -> x.contains("only failed"));
    });
  }

  @Test
  void spray_fewIpsHittingManyAccountsWithOneSuccess_isFlaggedAsPossibleCompromise() {
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      events.add(event("2026-02-01T03:00:00Z", "u" + i + "@contoso.com", "Authenticated SMTP", i == 13 ? 0 : 50126, "198.51.100.7"));
    }
    events.add(event("2026-02-01T03:00:00Z", "office@contoso.com", "IMAP4", 0, "10.1.1.1"));
    for (int i = 0; i < 6; i++) {
      events.add(event("2026-02-01T03:00:00Z", "u" + i + "@contoso.com", "IMAP4", i < 3 ? 0 : 50126, "10.1.1.1"));
    }
    LegacyAuthReport r = audit.audit(events);
    assertThat(r.suspectedSpray()).extracting(LegacyAuthReport.SprayIp::ipAddress).containsExactly("198.51.100.7");
    assertThat(r.suspectedSpray().get(0).successes()).isEqualTo(1);
    assertThat(r.suspectedSpray().get(0).reasons().get(0)).contains("check those accounts");
  }

  @Test
  void audit_fromSignInLogPort_asksForLegacyOnlyAndStreams() {
    AtomicBoolean legacyOnly = new AtomicBoolean();
    LegacyAuthReport r = audit.audit((since, legacy, visitor) -> {
      legacyOnly.set(legacy);
      for (int i = 0; i < 1000; i++) {
        visitor.accept(event("2026-02-01T10:00:00Z", "a@contoso.com", "POP3", i % 2, "10.0.0." + (i % 3)));
      }
    });
    assertThat(legacyOnly).isTrue();
    assertThat(usage(r, "a@contoso.com", "POP3").successes()).isEqualTo(500);
    assertThat(usage(r, "a@contoso.com", "POP3").distinctIps()).isEqualTo(3);
  }

  @Test
  void audit_ofAMissingFileOrADirectory_isBadInputSayingWhich(@TempDir Path dir) {
    Path missing = dir.resolve("signins.csv");
    assertThatThrownBy(() -> audit.audit(missing)).isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid sign-in file '" + missing + "': no such file");
    assertThatThrownBy(() -> audit.audit(dir)).isInstanceOf(InvalidInputException.class)
        .hasMessage("invalid sign-in file '" + dir + "': it is a directory, not a file");
  }

  @Test
  void audit_generatedFilesInAllThreeFormats_giveIdenticalAggregates(@TempDir Path dir) {
    SignInGenerator gen = new SignInGenerator(42, 120, 3);
    String previous = null;
    for (SignInGenerator.Shape shape : SignInGenerator.Shape.values()) {
      Path file = dir.resolve("signins-" + shape);
      gen.write(5_000, shape, file);
      LegacyAuthReport r = LegacyAuthAudit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).disabledUsers(Set.of("user7@contoso.com")).build().audit(file);
      assertThat(r.eventsRead()).as(shape.name()).isEqualTo(5_000);
      assertThat(r.legacyEvents()).isGreaterThan(3_000);
      assertThat(r.suspectedSpray()).as(shape.name()).extracting(LegacyAuthReport.SprayIp::ipAddress).contains("203.0.113.10", "203.0.113.14");
      String json = r.render(LegacyAuthReport.Format.JSON);
      if (previous != null) {
        assertThat(json).as(shape.name()).isEqualTo(previous);
      }
      previous = json;
    }
  }

  @Test
  void audit_graphPagesConcatenatedWithoutNewlines_andSingleEventLines() {
    String page1 = "{\"value\":[{\"createdDateTime\":\"2026-02-01T10:00:00Z\",\"userPrincipalName\":\"a@contoso.com\",\"clientAppUsed\":\"POP3\","
        + "\"status\":{\"errorCode\":0},\"ipAddress\":\"10.0.0.1\"}],\"@odata.nextLink\":\"x\"}";
    String page2 = "{\"@odata.context\":\"c\",\"value\":[{\"status\":{\"errorCode\":50126,\"failureReason\":\"bad\"},\"clientAppUsed\":\"POP3\","
        + "\"userPrincipalName\":\"a@contoso.com\",\"createdDateTime\":\"2026-02-02T10:00:00.1234567Z\",\"ipAddress\":\"10.0.0.2\"}]}";
    String line = "{\"createdDateTime\":\"2026-02-03T10:00:00Z\",\"userPrincipalName\":\"a@contoso.com\",\"clientAppUsed\":\"POP3\",\"errorCode\":0}";
    LegacyAuthReport r = audit.audit(new ByteArrayInputStream((page1 + page2 + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8)));
    LegacyAuthReport.Usage u = usage(r, "a@contoso.com", "POP3");
    assertThat(u.successes()).isEqualTo(2);
    assertThat(u.failures()).isEqualTo(1);
    assertThat(u.lastSeen()).isEqualTo(Instant.parse("2026-02-03T10:00:00Z"));
    assertThat(u.distinctIps()).isEqualTo(2);
  }

  @Test
  void audit_csvWithQuotedCommasQuotesAndLineBreaks() {
    String csv = "Date (UTC),Username,Application,IP address,Status,Sign-in error code,Failure reason,Client app\r\n"
        + "2026-02-01T10:00:00Z,a@contoso.com,\"Scanner \"\"X\"\", v2\",10.0.0.1,Failure,50126,\"Invalid, password\nsecond line\",IMAP4\r\n"
        + "\"2/2/2026, 10:00:00 AM\",a@contoso.com,Outlook,10.0.0.2,Success,,,IMAP4\n";
    LegacyAuthReport r = audit.audit(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    LegacyAuthReport.Usage u = usage(r, "a@contoso.com", "IMAP4");
    assertThat(u.failures()).isEqualTo(1);
    assertThat(u.successes()).isEqualTo(1);
    assertThat(u.apps()).containsExactly("Outlook", "Scanner \"X\", v2");
    assertThat(u.lastSeen()).isEqualTo(Instant.parse("2026-02-02T10:00:00Z"));
  }

  @Test
  void audit_csvWithoutNeededColumns_isRejectedNamingThem() {
    String csv = "When,Who\n2026-02-01,x\n";
    assertThatThrownBy(() -> audit.audit(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Client app");
  }

  @Test
  void audit_malformedJson_isRejected() {
    assertThatThrownBy(() -> audit.audit(new ByteArrayInputStream("[{\"createdDateTime\": }".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void json_hasExactlyTheDocumentedShape() throws IOException {
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(event("2026-02-01T03:00:00Z", "u" + i + "@contoso.com", "IMAP4", 50126, "198.51.100.1"));
    }
    events.add(event("2026-02-02T03:00:00Z", "jane@contoso.com", "POP3", 0, "10.0.0.1"));
    JsonNode root = JSON.readTree(audit.audit(events).render(LegacyAuthReport.Format.JSON));
    assertThat(root.isObject()).isTrue();
    JsonNode users = root.get("users");
    assertThat(users.isArray()).isTrue();
    assertThat(users).hasSize(6);
    JsonNode jane = users.get(0);
    assertThat(iterable(jane.fieldNames())).containsExactly("userPrincipalName", "protocol", "successes", "failures", "firstSeen", "lastSeen", "distinctIps");
    assertThat(jane.get("userPrincipalName").isTextual()).isTrue();
    assertThat(jane.get("userPrincipalName").asText()).isEqualTo("jane@contoso.com");
    assertThat(jane.get("protocol").asText()).isEqualTo("POP3");
    assertThat(jane.get("successes").isIntegralNumber()).isTrue();
    assertThat(jane.get("successes").asLong()).isEqualTo(1);
    assertThat(jane.get("failures").asLong()).isZero();
    assertThat(jane.get("firstSeen").asText()).isEqualTo("2026-02-02T03:00:00Z");
    assertThat(jane.get("lastSeen").asText()).isEqualTo("2026-02-02T03:00:00Z");
    assertThat(jane.get("distinctIps").isIntegralNumber()).isTrue();
    assertThat(jane.get("distinctIps").asInt()).isEqualTo(1);
    JsonNode spray = root.get("suspectedSpray");
    assertThat(spray).hasSize(1);
    assertThat(iterable(spray.get(0).fieldNames())).containsExactly("ipAddress", "failures", "accounts");
    assertThat(spray.get(0).get("ipAddress").asText()).isEqualTo("198.51.100.1");
    assertThat(spray.get(0).get("failures").asLong()).isEqualTo(5);
    assertThat(spray.get(0).get("accounts").asInt()).isEqualTo(5);
    assertThat(root.get("distinctIpCap").asInt()).isEqualTo(100);
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  @Test
  void html_escapesHostileValues_andHasInlineSvgChart() {
    String hostile = "\"><script>alert('x')</script>@evil.example";
    SignInEvent e = new SignInEvent(Instant.parse("2026-02-01T10:00:00Z"), hostile, "", "IMAP4<b>", 0, "", "<img src=x onerror=alert(1)>", "A&B \"app\"", false);
    String html = audit.audit(List.of(e, event("2026-02-02T10:00:00Z", "jane@contoso.com", "POP3", 0, "10.0.0.1"))).render(LegacyAuthReport.Format.HTML);
    assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("IMAP4<b>").doesNotContain("'x'");
    assertThat(html).contains("&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;@evil.example").contains("A&amp;B &quot;app&quot;");
    assertThat(html).contains("<svg").contains("<polyline").contains("POP3").contains("2026-02-01").contains("2026-02-02");
    assertThat(html).doesNotContain("http-equiv").doesNotContain("<link").doesNotContain("src=\"http");
  }

  @Test
  void csvAndText_renderEveryUsage_andDefuseFormulas() {
    LegacyAuthReport r = audit.audit(List.of(new SignInEvent(Instant.parse("2026-02-01T10:00:00Z"), "a@contoso.com", "", "POP3", 0, "",
        "10.0.0.1", "=HYPERLINK(\"http://x\"), y", false)));
    String csv = r.render(LegacyAuthReport.Format.CSV);
    assertThat(csv.split("\r\n")).hasSize(2);
    assertThat(csv).startsWith("userPrincipalName,protocol,successes,failures,firstSeen,lastSeen,distinctIps");
    assertThat(csv).contains("a@contoso.com,POP3,1,0,2026-02-01T10:00:00Z,2026-02-01T10:00:00Z,1,\"'=HYPERLINK(\"\"http://x\"\"), y\",true,");
    assertThat(r.render(LegacyAuthReport.Format.TEXT)).contains("Would break when basic authentication is off (1)").contains("a@contoso.com");
  }

  @Test
  void notes_carryTheDatedSmtpAuthStatus() {
    assertThat(audit.audit(List.of()).notes().get(0)).contains("2026-01-27").contains("through December 2026").contains("second half of 2027");
    assertThat(SmtpAuthRetirement.status(LocalDate.parse("2027-02-01"))).contains("Since the end of December 2026").contains("re-enable");
  }

  @Test
  void generator_isDeterministic() throws IOException {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    new SignInGenerator(7, 10, 2).write(200, SignInGenerator.Shape.CSV, a);
    new SignInGenerator(7, 10, 2).write(200, SignInGenerator.Shape.CSV, b);
    assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
  }
}
