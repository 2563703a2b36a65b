package io.github.m365kit.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.model.SmtpAddress;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class OwaUrlsTest {
  private static final String HOSTILE = "!#$%&'*+-/=?^_`{|}~.";

  @Test
  void classic_forPlainAddress_isTheSeedForm() {
    OwaUrls.OwaUrl url = OwaUrls.classic(SmtpAddress.of("user@mydomain.com"));

    assertThat(url.toString()).isEqualTo("https://outlook.office.com/owa/user@mydomain.com/?offline=disabled");
    assertThat(url.form()).isEqualTo(OwaUrls.Form.CLASSIC_OWA);
    assertThat(url.documented()).isFalse();
    assertThat(url.note()).contains("UNCONFIRMED");
  }

  @Test
  void newOutlook_forPlainAddress_isTheMailForm() {
    OwaUrls.OwaUrl url = OwaUrls.of(SmtpAddress.of("reception@contoso.com"), OwaUrls.Form.NEW_OUTLOOK);

    assertThat(url.toString()).isEqualTo("https://outlook.office.com/mail/reception@contoso.com/");
    assertThat(url.documented()).isFalse();
  }

  @Test
  void classic_forHostileAddress_encodesEverySpecialCharacter() {
    OwaUrls.OwaUrl url = OwaUrls.classic(SmtpAddress.of("a/b?c#d%e'f`g$h{i}j|k=l+m@contoso.com"));

    assertThat(url.toString())
        .isEqualTo("https://outlook.office.com/owa/a%2Fb%3Fc%23d%25e%27f%60g%24h%7Bi%7Dj%7Ck%3Dl%2Bm@contoso.com/?offline=disabled");
    assertThat(url.uri().getRawQuery()).isEqualTo("offline=disabled");
    assertThat(url.uri().getRawFragment()).isNull();
  }

  @Test
  void invalidAddresses_neverReachTheBuilder() {
    assertThatThrownBy(() -> OwaUrls.classic(SmtpAddress.of("a b@contoso.com"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> OwaUrls.classic(SmtpAddress.of("a\"b@contoso.com"))).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> OwaUrls.classic(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void encodePathSegment_encodesNonAsciiAsUtf8() {
    assertThat(OwaUrls.encodePathSegment("é/ ")).isEqualTo("%C3%A9%2F%20");
  }

  @Provide
  Arbitrary<SmtpAddress> addresses() {
    Arbitrary<String> local = Arbitraries.strings().withChars("abcXYZ019").withChars(HOSTILE).ofMinLength(1).ofMaxLength(64);
    Arbitrary<String> domain = Arbitraries.of("contoso.com", "mydomain.com", "sub.example.org", "contoso.onmicrosoft.com");
    return net.jqwik.api.Combinators.combine(local, domain).as((l, d) -> l + "@" + d)
        .filter(OwaUrlsTest::valid).map(SmtpAddress::of);
  }

  private static boolean valid(String s) {
    try {
      SmtpAddress.of(s);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  @Property(tries = 500)
  void classic_alwaysParsesWithExactlyTheExpectedSegmentsAndQuery(@ForAll("addresses") SmtpAddress address) throws URISyntaxException {
    OwaUrls.OwaUrl url = OwaUrls.classic(address);
    URI parsed = new URI(url.toString());

    assertThat(parsed.getScheme()).isEqualTo("https");
    assertThat(parsed.getRawAuthority()).isEqualTo("outlook.office.com");
    String[] segments = parsed.getRawPath().split("/", -1);
    assertThat(segments).hasSize(4);
    assertThat(segments[0]).isEmpty();
    assertThat(segments[1]).isEqualTo("owa");
    assertThat(segments[3]).isEmpty();
    assertSafeSegment(segments[2], address);
    assertThat(parsed.getRawQuery()).isEqualTo("offline=disabled");
    assertThat(parsed.getRawFragment()).isNull();
  }

  @Property(tries = 500)
  void newOutlook_alwaysParsesWithExactlyTheExpectedSegmentsAndNoQuery(@ForAll("addresses") SmtpAddress address) throws URISyntaxException {
    URI parsed = new URI(OwaUrls.newOutlook(address).toString());

    String[] segments = parsed.getRawPath().split("/", -1);
    assertThat(segments).containsExactly("", "mail", segments[2], "");
    assertSafeSegment(segments[2], address);
    assertThat(parsed.getRawQuery()).isNull();
    assertThat(parsed.getRawFragment()).isNull();
  }

  @Property(tries = 200)
  void hostileLocalParts_areGeneratedAndStillEncoded(@ForAll("addresses") SmtpAddress address) {
    Assume.that(address.localPart().chars().anyMatch(c -> "/?#%".indexOf(c) >= 0));

    String segment = OwaUrls.classic(address).uri().getRawPath().split("/", -1)[2];

    assertThat(segment).doesNotContain("/", "?", "#");
    assertThat(segment).contains("%");
  }

  private static void assertSafeSegment(String raw, SmtpAddress address) {
    assertThat(raw).matches("([A-Za-z0-9._~@-]|%[0-9A-F]{2})+");
    assertThat(percentDecode(raw)).isEqualTo(address.value());
  }

  private static String percentDecode(String raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        out.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(c);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "azAZ09-._~@|azAZ09-._~@",
      "`{|%60%7B",
      "[|%5B",
      "/:|%2F%3A",
      "!+$|%21%2B%24"})
  void encodePathSegment_keepsExactlyTheUnreservedCharactersAndTheAtSign(String text, String encoded) {
    assertThat(OwaUrls.encodePathSegment(text)).isEqualTo(encoded);
  }
}
