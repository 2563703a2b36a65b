package io.github.m365kit.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.model.UserType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule previewed against the tenant's users sees every property a CloudUser carries, under Graph's names. */
class CloudUserSubjectTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

  private static final CloudUser FULL = CloudUser.builder().id(ObjectId.of("11111111-2222-3333-4444-555555555555"))
      .userPrincipalName(Upn.of("kari@contoso.com")).displayName("Kari Nordmann").mail(SmtpAddress.of("kari.nordmann@contoso.com"))
      .department("Finance").jobTitle("Controller").country("Norway").usageLocation("NO")
      .otherProperties(Map.of("onPremisesExtensionAttributes.extensionAttribute1", "Oslo-HQ", "employeeId", "E-1001", "city", "Oslo"))
      .build();

  private static final CloudUser BARE = CloudUser.builder().id(ObjectId.of("66666666-2222-3333-4444-555555555555"))
      .userPrincipalName(Upn.of("guest_fabrikam.com#EXT#@contoso.onmicrosoft.com")).userType(UserType.GUEST).accountEnabled(false).build();

  private static boolean matches(String rule, CloudUser user) {
    return GroupMembershipRule.parse(rule).compile(CLOCK).test(CloudUserSubject.of(user));
  }

  @Test
  void everyFieldOfAFullUser_isVisibleToARule() {
    assertThat(matches("user.objectId -eq \"11111111-2222-3333-4444-555555555555\"", FULL)).isTrue();
    assertThat(matches("user.userPrincipalName -eq \"KARI@contoso.com\"", FULL)).isTrue();
    assertThat(matches("user.displayName -startsWith \"Kari\"", FULL)).isTrue();
    assertThat(matches("user.mail -eq \"kari.nordmann@contoso.com\"", FULL)).isTrue();
    assertThat(matches("user.accountEnabled -eq true", FULL)).isTrue();
    assertThat(matches("user.userType -eq \"Member\"", FULL)).isTrue();
    assertThat(matches("user.department -eq \"Finance\"", FULL)).isTrue();
    assertThat(matches("user.jobTitle -eq \"Controller\"", FULL)).isTrue();
    assertThat(matches("user.country -eq \"Norway\"", FULL)).isTrue();
    assertThat(matches("user.usageLocation -eq \"NO\"", FULL)).isTrue();
    assertThat(matches("user.extensionAttribute1 -eq \"Oslo-HQ\"", FULL)).isTrue();
    assertThat(matches("user.employeeId -eq \"E-1001\"", FULL)).isTrue();
    assertThat(matches("user.city -eq \"Oslo\"", FULL)).isTrue();
  }

  @Test
  void aBareGuest_hasNoneOfTheOptionalFields_andIsAGuest() {
    assertThat(matches("user.userType -eq \"Guest\"", BARE)).isTrue();
    assertThat(matches("user.accountEnabled -eq false", BARE)).isTrue();
    assertThat(matches("user.displayName -eq \"guest_fabrikam.com#EXT#\"", BARE)).as("the display name defaults to the UPN's local part").isTrue();
    for (String p : new String[] {"mail", "department", "jobTitle", "country", "usageLocation", "extensionAttribute1", "employeeId"}) {
      assertThat(matches("user." + p + " -eq null", BARE)).as(p).isTrue();
      assertThat(matches("user." + p + " -eq null", FULL)).as(p).isFalse();
    }
  }
}
