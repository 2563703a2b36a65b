package io.github.m365kit.auth;

import static io.github.m365kit.auth.LegacyAuthAuditTest.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuditRendererTest {
  private final LegacyAuthAudit audit = LegacyAuthAudit.builder().clock(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC)).build();

  @ParameterizedTest
  @EnumSource(LegacyAuthReport.Format.class)
  void write_flushesTheWriter_soABufferedWriterLeftOpenHoldsTheWholeReport(LegacyAuthReport.Format format) {
    LegacyAuthReport r = audit.audit(List.of(event("2026-02-01T10:00:00Z", "a@contoso.com", "POP3", 0, "10.0.0.1")));
    StringWriter target = new StringWriter();
    BufferedWriter buffered = new BufferedWriter(target, 1 << 16);
    r.write(format, buffered);
    assertThat(target.toString()).isEqualTo(r.render(format)).isNotEmpty();
  }

  @Test
  void csvCell_quotesAValueStartingWithACommaQuoteOrLineBreak() {
    assertThat(AuditRenderer.cell(",x")).isEqualTo("\",x\"");
    assertThat(AuditRenderer.cell("\"x")).isEqualTo("\"\"\"x\"");
    assertThat(AuditRenderer.cell("\nx")).isEqualTo("\"\nx\"");
    assertThat(AuditRenderer.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(AuditRenderer.cell("plain")).isEqualTo("plain");
  }

  @Test
  void html_escapesControlCharactersAsNumericReferences_butKeepsTabsAndNewlines() {
    SignInEvent e = new SignInEvent(Instant.parse("2026-02-01T10:00:00Z"), "a@contoso.com", "", "POP3", 0, "", "10.0.0.1", "Scan\u0007ner\tv2\nbeta", false);
    String html = audit.audit(List.of(e)).render(LegacyAuthReport.Format.HTML);
    assertThat(html).contains("<td>Scan&#7;ner\tv2\nbeta</td>").doesNotContain("\u0007");
  }

  @Test
  void html_withoutLegacySignIns_saysSoInsteadOfDrawingAChart() {
    String html = audit.audit(List.of(event("2026-02-01T10:00:00Z", "a@contoso.com", "Browser", 0, "10.0.0.1"))).render(LegacyAuthReport.Format.HTML);
    assertThat(html).contains("<h2>Legacy sign-ins per day</h2>\n<p>No legacy sign-ins.</p>\n<h2>Would break (0)</h2>").doesNotContain("<svg");
  }

  @Test
  void html_chartOfASingleDay_putsThePointInTheMiddleAtTheTop() {
    String html = audit.audit(List.of(event("2026-02-01T10:00:00Z", "a@contoso.com", "POP3", 0, "10.0.0.1"))).render(LegacyAuthReport.Format.HTML);
    assertThat(html).contains(" points=\"420.0,20.0\"><title>POP3</title></polyline>");
  }
}
