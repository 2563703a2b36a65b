package io.github.m365kit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact length limits and character classes of {@link SmtpAddress} (RFC 5321) and {@link Upn} (Entra ID). */
class AddressLimitsTest {

  /** A domain of the given length made of labels of at most 63 characters, ending in ".com". */
  private static String domainOfLength(int length) {
    StringBuilder sb = new StringBuilder();
    int body = length - 4;
    while (body > 0) {
      int label = Math.min(63, body);
      if (body - label == 1) {
        label--; // never leave a single trailing dot without a label
      }
      if (sb.length() > 0) {
        sb.append('.');
        body--;
        label = Math.min(label, body);
      }
      sb.append("d".repeat(label));
      body -= label;
    }
    String d = sb + ".com";
    assertThat(d).hasSize(length);
    return d;
  }

  @Test
  void smtp_atExactly254CharactersIsAcceptedAnd255Refused() {
    String local = "a".repeat(64);
    String ok = local + "@" + domainOfLength(189);
    assertThat(ok).hasSize(254);
    assertThat(SmtpAddress.of(ok).localPart()).isEqualTo(local);
    String tooLong = local + "@" + domainOfLength(190);
    assertThatThrownBy(() -> SmtpAddress.of(tooLong)).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("it has 255 characters; at most 254 are allowed");
  }

  @Test
  void smtp_localPartOf64IsAcceptedAnd65Refused() {
    assertThat(SmtpAddress.of("b".repeat(64) + "@contoso.com").domain()).isEqualTo("contoso.com");
    assertThatThrownBy(() -> SmtpAddress.of("b".repeat(65) + "@contoso.com")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("the part before '@' must have 1 to 64 characters");
  }

  @Test
  void smtp_emptyLocalPartAndMissingAtAreDifferentReasons() {
    assertThatThrownBy(() -> SmtpAddress.of("@contoso.com")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("the part before '@' must have 1 to 64 characters");
    assertThatThrownBy(() -> SmtpAddress.of("contoso.com")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("it has no '@'");
  }

  @Test
  void smtp_domainLabelOf63IsAcceptedAnd64Refused() {
    SmtpAddress a = SmtpAddress.of("info@" + "x".repeat(63) + ".com");
    assertThat(a.domain()).isEqualTo("x".repeat(63) + ".com");
    assertThatThrownBy(() -> SmtpAddress.of("info@" + "x".repeat(64) + ".com")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("the domain has an empty or over-long label");
  }

  @Test
  void smtp_letterAndDigitRangesAreAcceptedAtTheirEnds() {
    SmtpAddress a = SmtpAddress.of("azAZ09.!#$%&'*+-/=?^_`{|}~@Contoso.com");
    assertThat(a.localPart()).isEqualTo("azAZ09.!#$%&'*+-/=?^_`{|}~");
    assertThat(a.domain()).isEqualTo("Contoso.com");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a:b@contoso.com", "a[b@contoso.com", "a@b@contoso.com", "a\"b@contoso.com", "a,b@contoso.com", "a\u00e9@contoso.com"})
  void smtp_charactersOutsideAtextAreRefusedByName(String bad) {
    char c = bad.charAt(1);
    assertThatThrownBy(() -> SmtpAddress.of(bad)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("character '" + c + "'").hasMessageContaining("is not allowed before '@'");
  }

  @Test
  void smtp_comparesAndHashesIgnoringCaseOnly() {
    SmtpAddress a = SmtpAddress.of("Reception@Contoso.com");
    assertThat(a).isEqualTo(SmtpAddress.of("reception@contoso.COM")).hasSameHashCodeAs(SmtpAddress.of("RECEPTION@CONTOSO.COM"));
    assertThat(a).isNotEqualTo(SmtpAddress.of("reception@fabrikam.com"));
    assertThat(a.hashCode()).isNotEqualTo(SmtpAddress.of("sales@contoso.com").hashCode());
    assertThat(a.toString()).isEqualTo("Reception@Contoso.com");
  }

  @Test
  void upn_atExactly113CharactersIsAcceptedAnd114Refused() {
    String local = "j".repeat(64);
    String ok = local + "@" + domainOfLength(48);
    assertThat(ok).hasSize(113);
    assertThat(Upn.of(ok).localPart()).isEqualTo(local);
    assertThatThrownBy(() -> Upn.of(local + "@" + domainOfLength(49))).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("it has 114 characters; at most 113 are allowed");
  }

  @Test
  void upn_localPartOf64IsAcceptedAnd65Refused() {
    assertThat(Upn.of("k".repeat(64) + "@contoso.com").domain()).isEqualTo("contoso.com");
    assertThatThrownBy(() -> Upn.of("k".repeat(65) + "@contoso.com")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("the part before '@' must have 1 to 64 characters");
  }

  @Test
  void upn_emptyLocalPartAndMissingAtAreDifferentReasons() {
    assertThatThrownBy(() -> Upn.of("@contoso.com")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("the part before '@' must have 1 to 64 characters");
    assertThatThrownBy(() -> Upn.of("contoso.com")).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("it must contain exactly one '@'");
  }

  @Test
  void upn_hashDiffersForDifferentNames() {
    assertThat(Upn.of("jane@contoso.com").hashCode()).isNotEqualTo(Upn.of("john@contoso.com").hashCode());
    assertThat(Upn.of("Jane@Contoso.com").hashCode()).isEqualTo(Upn.of("jane@contoso.com").hashCode());
    assertThat(Upn.of("Jane@Contoso.com").toString()).isEqualTo("Jane@Contoso.com");
  }

  @Test
  void controlAndWhitespaceCharactersAreDescribedByCodePointOnly() {
    assertThatThrownBy(() -> Upn.of("a\tb@contoso.com")).hasMessageContaining("character U+0009 is not allowed");
    assertThatThrownBy(() -> Upn.of("a\u007fb@contoso.com")).hasMessageContaining("character U+007F is not allowed");
    assertThatThrownBy(() -> Upn.of("a*b@contoso.com")).hasMessageContaining("character '*' (U+002A) is not allowed");
    assertThatThrownBy(() -> Upn.of("a@con_toso.com")).hasMessageContaining("character '_' (U+005F) is not allowed in the domain");
  }
}
