package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import io.github.m365kit.BackendException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientDisplayType;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdUserMapperTest {
  private static final DistinguishedName STAFF = DistinguishedName.of("OU=Staff,DC=contoso,DC=com");

  @Test
  void toEntryThenFromEntry_keepsEveryAttribute() {
    AdUser u = AdUser.builder()
        .dn(STAFF.child("CN", "Doe, Jane + \"JD\""))
        .samAccountName(SamAccountName.of("jdoe"))
        .userPrincipalName(Upn.of("jane.doe@contoso.com"))
        .mail(SmtpAddress.of("jane.doe@contoso.com"))
        .displayName("Jane Doe")
        .addProxyAddresses("SMTP:jane.doe@contoso.com", "EUM:4123;phone-context=dp")
        .targetAddress("SMTP:jane@contoso.mail.onmicrosoft.com")
        .mailNickname("jane")
        .userAccountControl(0x80000000 | 512)
        .remoteRecipientType(RemoteRecipientType.of(100L))
        .recipientTypeDetails(RecipientTypeDetails.of(34359738368L))
        .recipientDisplayType(RecipientDisplayType.of(-2147483642L))
        .mailboxGuid(UUID.randomUUID())
        .objectGuid(UUID.randomUUID())
        .department("Sales")
        .umEnabledFlags(3L)
        .build();
    Entry e = AdUserMapper.toEntry(u);
    assertThat(e.getAttributeValue("msExchRecipientTypeDetails")).isEqualTo("34359738368");
    assertThat(e.getAttributeValue("userAccountControl")).isEqualTo(Integer.toString(0x80000000 | 512));
    assertThat(e.getAttributeValueBytes("objectGUID")).hasSize(16);
    assertThat(e.getObjectClassValues()).contains("user");
    assertThat(AdUserMapper.fromEntry(e)).isEqualTo(u);
  }

  @Test
  void dnConversion_roundTripsSpecialCharacters() throws Exception {
    DistinguishedName dn = STAFF.child("CN", "a,b+c\"d<e>f;g\\h=i #j \u0000k \u00e9");
    DN ldap = AdUserMapper.toLdap(dn);
    assertThat(ldap.getRDNs()).hasSize(4);
    assertThat(ldap.getRDN().getAttributeValues()).containsExactly(dn.rdn().value());
    assertThat(AdUserMapper.fromLdap(new DN(ldap.toString()))).isEqualTo(dn);
  }

  @Test
  void fromLdap_whenMultiValuedRdn_throwsBackendException() throws Exception {
    assertThatThrownBy(() -> AdUserMapper.fromLdap(new DN("CN=a+UID=b,DC=contoso,DC=com"))).isInstanceOf(BackendException.class);
  }

  @Test
  void fromEntry_whenSamMissing_throwsBackendExceptionNamingDn() {
    Entry e = new Entry("CN=NoSam,DC=contoso,DC=com");
    e.addAttribute("objectClass", "user");
    assertThatThrownBy(() -> AdUserMapper.fromEntry(e)).isInstanceOf(BackendException.class).hasMessageContaining("CN=NoSam");
  }

  @Test
  void fromEntry_whenIntegerIsText_throwsBackendExceptionNamingAttribute() {
    Entry e = new Entry("CN=Bad,DC=contoso,DC=com");
    e.addAttribute("sAMAccountName", "bad");
    e.addAttribute("msExchRecipientTypeDetails", "RemoteSharedMailbox");
    assertThatThrownBy(() -> AdUserMapper.fromEntry(e)).isInstanceOf(BackendException.class).hasMessageContaining("msExchRecipientTypeDetails");
  }

  @Test
  void fromEntry_whenUpnInvalid_throwsBackendExceptionNamingAttribute() {
    Entry e = new Entry("CN=Bad,DC=contoso,DC=com");
    e.addAttribute("sAMAccountName", "bad");
    e.addAttribute("userPrincipalName", "no-domain");
    assertThatThrownBy(() -> AdUserMapper.fromEntry(e)).isInstanceOf(BackendException.class).hasMessageContaining("userPrincipalName");
  }
}
