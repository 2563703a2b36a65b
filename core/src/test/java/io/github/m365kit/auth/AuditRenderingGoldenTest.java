package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every format of one fixed audit (two protocols over several days, a would-break user, a spray from two IPs against a
 * disabled account, a modern sign-in that must not count) compared byte for byte with a reviewed copy in
 * src/test/resources/…/auth/golden. A change to a report's layout must show up as a diff here; after reviewing it,
 * regenerate with {@code -Dm365kit.golden.update=true} (run from the core module directory).
 */
class AuditRenderingGoldenTest {
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  static LegacyAuthReport report() {
    List<SignInEvent> events = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      events.add(LegacyAuthAuditTest.event("2026-02-0" + (i + 1) + "T03:00:00Z", "former.employee@contoso.com", i % 2 == 0 ? "IMAP4" : "Other clients",
          50057, i < 4 ? "185.220.101.4" : "185.220.101.9"));
    }
    events.add(LegacyAuthAuditTest.event("2026-02-01T09:00:00Z", "jane@contoso.com", "IMAP4", 0, "10.0.0.1"));
    events.add(LegacyAuthAuditTest.event("2026-02-02T09:30:00Z", "jane@contoso.com", "IMAP4", 50126, "10.0.0.2"));
    events.add(LegacyAuthAuditTest.event("2026-02-03T12:00:00Z", "bob@contoso.com", "Exchange ActiveSync", 0, "10.0.0.9"));
    events.add(LegacyAuthAuditTest.event("2026-02-04T12:00:00Z", "bob@contoso.com", "Authenticated SMTP", 0, "10.0.0.9"));
    events.add(LegacyAuthAuditTest.event("2026-02-04T13:00:00Z", "bob@contoso.com", "Browser", 0, "10.0.0.9"));
    return LegacyAuthAudit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).disabledUsers(Set.of("former.employee@contoso.com")).build()
        .audit(events);
  }

  @ParameterizedTest
  @EnumSource(LegacyAuthReport.Format.class)
  void render_matchesTheReviewedCopy(LegacyAuthReport.Format format) throws IOException {
    String actual = report().render(format);
    String name = "golden/report." + format.name().toLowerCase(java.util.Locale.ROOT);
    if (Boolean.getBoolean("m365kit.golden.update")) {
      Path out = Path.of("src/test/resources/io/github/m365kit/auth").resolve(name);
      Files.createDirectories(out.getParent());
      Files.writeString(out, actual, StandardCharsets.UTF_8);
    }
    try (InputStream in = AuditRenderingGoldenTest.class.getResourceAsStream(name)) {
      assertThat(in).as("golden file %s (create it with -Dm365kit.golden.update=true)", name).isNotNull();
      assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
