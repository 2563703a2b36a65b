package io.github.m365kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
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

}
