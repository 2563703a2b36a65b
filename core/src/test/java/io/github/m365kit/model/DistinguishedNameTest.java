package io.github.m365kit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 4514 parsing details of {@link DistinguishedName}: spaces, escapes, positions in error messages, hierarchy. */
class DistinguishedNameTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // text | the reason the message must carry
      "'=a'                | empty attribute type at position 1",
      "'  =a'              | empty attribute type at position 3",
      "'CN=a,  =b'         | empty attribute type at position 8",
      "'CN=a,OU'           | expected '=' after the attribute type at position 6",
      "'CN=a, '            | expected '=' after the attribute type at position 7",
      "'CN=a\"b'           | character '\"' at position 5 must be escaped",
      "'CN=a<b'            | character '<' at position 5 must be escaped",
      "'CN=x,OU=a=b'       | character '=' at position 10 must be escaped",
      "'CN=#01'            | hex-encoded values ('#…') are not supported, at position 4",
      "'CN=  #01'          | hex-encoded values ('#…') are not supported, at position 6",
      "'CN=\\4'            | '\\4' at position 4 is not a valid escape",
      "'CN=\\41\\4'        | '\\4' at position 7 is not a valid escape",
      "'CN=\\4g'           | '\\4' at position 4 is not a valid escape",
      "'CN=\\g1'           | '\\g' at position 4 is not a valid escape",
      "'CN=a\\'            | a backslash at the end has nothing to escape",
      "'CN=a;'             | it ends with a separator",
      "'CN=a+b'            | multi-valued RDNs ('+' at position 5) are not supported; write a literal plus as '\\+'",
      "'CN=Jane+OU=Staff'  | multi-valued RDNs ('+' at position 8) are not supported; write a literal plus as '\\+'",
  })
  void of_whenMalformed_saysWhereAndWhy(String text, String reason) {
    assertThatThrownBy(() -> DistinguishedName.of(text)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("distinguished name").hasMessageEndingWith(": " + reason);
  }

  @Test
  void of_dropsUnescapedSpacesAroundValuesButKeepsEscapedOnes() {
    DistinguishedName dn = DistinguishedName.of("CN=  Jane Doe  , OU = Staff ,DC=contoso");
    assertThat(dn.rdn().value()).isEqualTo("Jane Doe");
    assertThat(dn.rdns().get(1)).isEqualTo(new DistinguishedName.Rdn("OU", "Staff"));
    assertThat(dn.toString()).isEqualTo("CN=Jane Doe,OU=Staff,DC=contoso");

    DistinguishedName escaped = DistinguishedName.of("CN=\\ Jane\\ ,DC=contoso");
    assertThat(escaped.rdn().value()).isEqualTo(" Jane ");
    assertThat(escaped.toString()).isEqualTo("CN=\\ Jane\\ ,DC=contoso");
    // an escaped space stays even when unescaped spaces follow it
    assertThat(DistinguishedName.of("CN=Jane\\   ,DC=x").rdn().value()).isEqualTo("Jane ");
  }

  @Test
  void of_acceptsSemicolonAsSeparatorAndEscapedHashAnywhere() {
    DistinguishedName dn = DistinguishedName.of("CN=\\#1;DC=contoso");
    assertThat(dn.rdn().value()).isEqualTo("#1");
    assertThat(dn.toString()).isEqualTo("CN=\\#1,DC=contoso");
    assertThat(DistinguishedName.of("CN=a#1").rdn().value()).isEqualTo("a#1");
  }

  @Test
  void of_decodesHexEscapesWithEveryHexDigitCase() {
    // 0x30 '0', 0x39 '9', 0x6a 'j', 0x6f 'o', 0x4A 'J', 0x4F 'O', 0x5C '\', 0x2C ','
    assertThat(DistinguishedName.of("CN=\\30\\39\\6a\\6f\\4A\\4F").rdn().value()).isEqualTo("09joJO");
    assertThat(DistinguishedName.of("CN=\\5C\\2c,DC=x").rdn().value()).isEqualTo("\\,");
    assertThat(DistinguishedName.of("CN=\\41").rdn().value()).isEqualTo("A");
    // multi-byte UTF-8 split over a run of pairs, then a literal
    assertThat(DistinguishedName.of("CN=\\E2\\82\\ACx").rdn().value()).isEqualTo("\u20acx");
  }

  @Test
  void escapedPlusAndEquals_stayInsideOneValueAndRoundTrip() {
    DistinguishedName dn = DistinguishedName.of("CN=Jane\\+OU\\=Staff,DC=contoso");
    assertThat(dn.rdns()).hasSize(2);
    assertThat(dn.rdn().value()).isEqualTo("Jane+OU=Staff");
    assertThat(dn.toString()).isEqualTo("CN=Jane\\+OU\\=Staff,DC=contoso");
    assertThat(DistinguishedName.of(dn.toString())).isEqualTo(dn);
  }

  @Test
  void escapeValue_followsRfc4514() {
    assertThat(DistinguishedName.escapeValue("#a#")).isEqualTo("\\#a#");
    assertThat(DistinguishedName.escapeValue(" a b ")).isEqualTo("\\ a b\\ ");
    assertThat(DistinguishedName.escapeValue("a,b+c\"d\\e<f>g;h=i")).isEqualTo("a\\,b\\+c\\\"d\\\\e\\<f\\>g\\;h\\=i");
    assertThat(DistinguishedName.escapeValue("a\u0001\u007fb")).isEqualTo("a\\01\\7Fb");
    assertThat(DistinguishedName.of("CN=" + DistinguishedName.escapeValue("a\u0001\u007fb")).rdn().value()).isEqualTo("a\u0001\u007fb");
  }

  @Test
  void ofRdns_buildsTheNameAndRefusesAnEmptyList() {
    DistinguishedName dn = DistinguishedName.of(List.of(new DistinguishedName.Rdn("CN", "Doe, Jane"), new DistinguishedName.Rdn("DC", "com")));
    assertThat(dn.toString()).isEqualTo("CN=Doe\\, Jane,DC=com");
    assertThat(dn).isEqualTo(DistinguishedName.of("cn=doe\\, jane,dc=COM"));
    assertThatThrownBy(() -> DistinguishedName.of(List.<DistinguishedName.Rdn>of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("it has no RDN");
    assertThatThrownBy(() -> new DistinguishedName.Rdn("C N", "x")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("RDN attribute type");
    assertThat(new DistinguishedName.Rdn("2.5.4.3", "x").toString()).isEqualTo("2.5.4.3=x");
  }

  @Test
  void parent_ofTwoRdnsIsTheLastAndOfOneIsRefused() {
    assertThat(DistinguishedName.of("OU=Staff,DC=com").parent()).isEqualTo(DistinguishedName.of("DC=com"));
    assertThatThrownBy(() -> DistinguishedName.of("DC=com").parent()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'DC=com'").hasMessageContaining("it has no parent");
  }

  @Test
  void child_ofASingleRdnName_isOneLevelDeeper() {
    DistinguishedName child = DistinguishedName.of("DC=com").child("OU", "Staff");
    assertThat(child.toString()).isEqualTo("OU=Staff,DC=com");
    assertThat(child.parent()).isEqualTo(DistinguishedName.of("DC=com"));
  }

  @Test
  void isAtOrUnder_includesItselfAndExcludesDeeperOrDifferentNames() {
    DistinguishedName ou = DistinguishedName.of("OU=Staff,DC=contoso,DC=com");
    assertThat(ou.isAtOrUnder(DistinguishedName.of("ou=STAFF,dc=contoso,dc=com"))).isTrue();
    assertThat(ou.isAtOrUnder(ou.child("CN", "Jane"))).isFalse();
    assertThat(ou.isAtOrUnder(DistinguishedName.of("OU=Other,DC=contoso,DC=com"))).isFalse();
    assertThat(ou.isAtOrUnder(DistinguishedName.of("DC=com"))).isTrue();
  }

  @Test
  void equalsAndHashCode_ignoreCaseAndSeparatorSpacesButTellSiblingsApart() {
    DistinguishedName a = DistinguishedName.of("CN=Jane,OU=Staff,DC=com");
    DistinguishedName same = DistinguishedName.of("cn=JANE , ou=staff , dc=COM");
    assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
    assertThat(a).isNotEqualTo(DistinguishedName.of("CN=Jane,OU=Staff")).isNotEqualTo("CN=Jane,OU=Staff,DC=com");
    assertThat(a).isNotEqualTo(DistinguishedName.of("CN=Jane,OU=Staff,DC=org"));
    // siblings and reorderings are different names and should not collide in hash-based collections
    assertThat(a.hashCode()).isNotEqualTo(DistinguishedName.of("CN=John,OU=Staff,DC=com").hashCode());
    assertThat(a.hashCode()).isNotEqualTo(DistinguishedName.of("CN=Jane,OU=Admins,DC=com").hashCode());
  }
}
