package io.github.m365kit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitiesTest {

  @Test
  void upn_whenValid_keepsCaseButComparesIgnoringIt() {
    Upn a = Upn.of("Jane.Doe@Contoso.com");
    assertThat(a.value()).isEqualTo("Jane.Doe@Contoso.com");
    assertThat(a).isEqualTo(Upn.of("jane.doe@contoso.com")).hasSameHashCodeAs(Upn.of("JANE.DOE@CONTOSO.COM"));
    assertThat(a.domain()).isEqualTo("Contoso.com");
    assertThat(a.localPart()).isEqualTo("Jane.Doe");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "jane", "jane@", "@contoso.com", "ja ne@contoso.com", "jane@@contoso.com", ".jane@contoso.com", "ja..ne@contoso.com",
      "jane@contoso", "jane@-contoso.com", "jane*@contoso.com", "jane@contoso..com"})
  void upn_whenMalformed_namesTheValue(String bad) {
    assertThatThrownBy(() -> Upn.of(bad)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("user principal name").hasMessageContaining("'" + bad + "'");
  }

  @Test
  void upn_whenTooLong_saysTheLimit() {
    String local = "a".repeat(64);
    String domain = "b".repeat(60) + ".com";
    assertThatThrownBy(() -> Upn.of(local + "@" + domain)).isInstanceOf(InvalidInputException.class).hasMessageContaining("at most 113");
    assertThatThrownBy(() -> Upn.of("a".repeat(65) + "@x.com")).hasMessageContaining("1 to 64");
  }

  @Test
  void smtp_whenLocalPartHasShellMetacharacters_isValidButKeptVerbatim() {
    SmtpAddress a = SmtpAddress.of("o'brien$x{y}|z@contoso.com");
    assertThat(a.localPart()).isEqualTo("o'brien$x{y}|z");
    assertThatThrownBy(() -> SmtpAddress.of("a b@contoso.com")).isInstanceOf(InvalidInputException.class).hasMessageContaining("U+0020");
    assertThatThrownBy(() -> SmtpAddress.of("\"quoted\"@contoso.com")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SmtpAddress.of("x@contoso.com\u0000")).isInstanceOf(InvalidInputException.class).hasMessageContaining("\\u0000");
  }

  @Test
  void sam_rulesOfAd() {
    assertThat(SamAccountName.of("JDoe")).isEqualTo(SamAccountName.of("jdoe"));
    assertThatThrownBy(() -> SamAccountName.of("a".repeat(21))).hasMessageContaining("at most 20");
    assertThatThrownBy(() -> SamAccountName.of("a*b")).hasMessageContaining("'*'");
    assertThatThrownBy(() -> SamAccountName.of("abc.")).hasMessageContaining("dot");
  }

  @Test
  void objectId_parsesGuidsOnly() {
    assertThat(ObjectId.of("8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c").toString()).isEqualTo("8f3c1a2b-0d4e-4f5a-9b6c-7d8e9f0a1b2c");
    assertThatThrownBy(() -> ObjectId.of("1-2-3-4-5")).isInstanceOf(InvalidInputException.class).hasMessageContaining("GUID");
  }

  @Test
  void dn_parsesEscapesAndComparesIgnoringCase() {
    DistinguishedName dn = DistinguishedName.of("CN=Doe\\, Jane,OU=Staff,DC=contoso,DC=com");
    assertThat(dn.rdn().value()).isEqualTo("Doe, Jane");
    assertThat(dn.parent()).isEqualTo(DistinguishedName.of("ou=staff, dc=contoso, dc=com"));
    assertThat(dn.isAtOrUnder(DistinguishedName.of("DC=contoso,DC=com"))).isTrue();
    assertThat(dn.isAtOrUnder(DistinguishedName.of("DC=fabrikam,DC=com"))).isFalse();
    assertThat(DistinguishedName.of("CN=caf\\C3\\A9,DC=x").rdn().value()).isEqualTo("café");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "CN", "CN=a,", "CN=a\\", "CN=a\\q", "CN=a\"b", "=a", "CN=#01"})
  void dn_whenMalformed_isRejected(String bad) {
    assertThatThrownBy(() -> DistinguishedName.of(bad)).isInstanceOf(InvalidInputException.class);
  }

  @Property
  void dn_childWithAnyValue_roundTripsAndKeepsStructure(@ForAll("rdnValues") String value) {
    DistinguishedName base = DistinguishedName.of("OU=Staff,DC=contoso,DC=com");
    DistinguishedName child = base.child("CN", value);
    DistinguishedName reparsed = DistinguishedName.of(child.toString());
    assertThat(reparsed.rdns()).hasSize(4);
    assertThat(reparsed.rdn().value()).isEqualTo(value);
    assertThat(reparsed.parent()).isEqualTo(base);
    assertThat(reparsed).isEqualTo(child);
  }

  @Provide
  Arbitrary<String> rdnValues() {
    return Arbitraries.strings().withChars("abcXYZ ,+\"\\<>;=#é\u0001").ofMinLength(1).ofMaxLength(20);
  }

  @Property
  void upn_validOnesRoundTrip(@ForAll("upns") String text) {
    assertThat(Upn.of(text).value()).isEqualTo(text);
    assertThat(Upn.of(text.toUpperCase())).isEqualTo(Upn.of(text));
  }

  @Provide
  Arbitrary<String> upns() {
    Arbitrary<String> local = Arbitraries.strings().withChars("abcz09'-_!#^~").ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> label = Arbitraries.strings().withChars("abcxyz019").ofMinLength(1).ofMaxLength(10);
    return net.jqwik.api.Combinators.combine(local, label, label).as((l, a, b) -> l + "@" + a + "." + b);
  }

  @Property
  void recipientTypeDetails_anyNumberRoundTripsAndUnknownKeepsIt(@ForAll long n) {
    RecipientTypeDetails d = RecipientTypeDetails.parse(Long.toString(n));
    assertThat(d.value()).isEqualTo(n);
    if (d.known().isEmpty()) {
      assertThat(d.toString()).isEqualTo("Unknown(" + n + ")");
    } else {
      assertThat(d.known().get().value()).isEqualTo(n);
    }
  }

  @Property
  void remoteRecipientType_sharedKeepsOtherFlags(@ForAll long n) {
    RemoteRecipientType r = RemoteRecipientType.of(n);
    assertThat(r.withShared().isShared()).isTrue();
    assertThat(r.withShared().value() & ~RemoteRecipientType.SHARED_BITS).isEqualTo(n & ~RemoteRecipientType.SHARED_BITS);
    assertThat(r.withShared().withoutShared().isShared()).isFalse();
    assertThat(RemoteRecipientType.parse(Long.toString(n))).isEqualTo(r);
  }

  @Test
  void recipientNumbers_exactValuesFromTheDomainFacts() {
    assertThat(RecipientTypeDetails.REMOTE_SHARED_MAILBOX.value()).isEqualTo(34359738368L);
    assertThat(RecipientTypeDetails.REMOTE_USER_MAILBOX.value()).isEqualTo(2147483648L);
    assertThat(RecipientTypeDetails.REMOTE_ROOM_MAILBOX.value()).isEqualTo(8589934592L);
    assertThat(RecipientTypeDetails.REMOTE_EQUIPMENT_MAILBOX.value()).isEqualTo(17179869184L);
    assertThat(RecipientTypeDetails.of(34359738368L).toString()).isEqualTo("RemoteSharedMailbox(34359738368)");
    assertThat(RemoteRecipientType.MIGRATED.withShared().value()).isEqualTo(100L);
    assertThat(RemoteRecipientType.of(100L).flags()).contains(RemoteRecipientType.Flag.MIGRATED);
    assertThat(RemoteRecipientType.of(100L).toString()).startsWith("SharedMailbox|MIGRATED");
    assertThat(RemoteRecipientType.of(1L << 40).unknownBits()).isEqualTo(1L << 40);
    assertThat(RecipientDisplayType.parse("-2147483642").known()).contains(RecipientDisplayType.Known.SYNCED_MAILBOX_USER);
    assertThat(RecipientDisplayType.of(42).toString()).isEqualTo("Unknown(42)");
    assertThatThrownBy(() -> RecipientTypeDetails.parse("12abc")).isInstanceOf(InvalidInputException.class).hasMessageContaining("msExchRecipientTypeDetails");
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_USER_MAILBOX, RemoteRecipientType.MIGRATED_SHARED)).isEqualTo(MailboxType.SHARED);
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_USER_MAILBOX, RemoteRecipientType.MIGRATED)).isEqualTo(MailboxType.USER);
  }

  @Test
  void fromOnPrem_readsRoomsAndEquipmentFromEitherAttribute_asDirectorySyncDoes() {
    RemoteRecipientType room = RemoteRecipientType.of(RemoteRecipientType.Flag.MIGRATED, RemoteRecipientType.Flag.ROOM_MAILBOX);
    RemoteRecipientType equipment = RemoteRecipientType.of(RemoteRecipientType.Flag.PROVISION_MAILBOX, RemoteRecipientType.Flag.EQUIPMENT_MAILBOX);
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_ROOM_MAILBOX, null)).isEqualTo(MailboxType.ROOM);
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_USER_MAILBOX, room)).isEqualTo(MailboxType.ROOM);
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_EQUIPMENT_MAILBOX, null)).isEqualTo(MailboxType.EQUIPMENT);
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_USER_MAILBOX, equipment)).isEqualTo(MailboxType.EQUIPMENT);
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_SHARED_MAILBOX, null)).isEqualTo(MailboxType.SHARED);
    assertThat(MailboxType.fromOnPrem(RecipientTypeDetails.REMOTE_USER_MAILBOX, null)).isEqualTo(MailboxType.USER);
  }

  @Test
  void samAccountName_takesTwentyCharactersAndSpaces_refusesTwentyOneAndControlCharacters() {
    assertThat(SamAccountName.of("a".repeat(20)).value()).hasSize(20);
    assertThat(SamAccountName.of("jane doe").value()).isEqualTo("jane doe");
    assertThatThrownBy(() -> SamAccountName.of("jane\u001fdoe")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> SamAccountName.of("jane\u007fdoe")).isInstanceOf(InvalidInputException.class);
    assertThat(SamAccountName.of("jane\u0080doe").value()).isEqualTo("jane\u0080doe");
  }

  @Test
  void license_bySkuId_findsEachKnownLicense_andNothingForAnUnknownId() {
    for (License l : License.known()) {
      assertThat(License.bySkuId(l.skuId())).contains(l);
    }
    assertThat(License.bySkuId(java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"))).isEmpty();
    assertThat(License.OFFICE_365_E3).hasToString("ENTERPRISEPACK");
  }
}
