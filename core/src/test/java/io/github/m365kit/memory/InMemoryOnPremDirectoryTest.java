package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.ConflictException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user of the in-memory on-prem AD relies on: containers, look-ups, search bases and moves. */
class InMemoryOnPremDirectoryTest {
  private static final DistinguishedName JANE_DN = DistinguishedName.of("CN=Jane Doe,OU=Staff,DC=contoso,DC=com");
  private static final DistinguishedName PROJECTS = DistinguishedName.of("OU=Projects,DC=contoso,DC=com");
  private final InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();

  private static AdUser user(DistinguishedName dn, String sam) {
    return AdUser.builder().dn(dn).samAccountName(SamAccountName.of(sam)).build();
  }

  private List<AdUser> under(DistinguishedName base) {
    List<AdUser> out = new ArrayList<>();
    ad.forEachUser(base, out::add);
    return out;
  }

  @Test
  void demo_hasTheDomainRootAndTwoOus() {
    assertThat(ad.baseDn()).isEqualTo(DemoCast.BASE_DN);
    assertThat(ad.containers()).containsExactlyInAnyOrder(DemoCast.BASE_DN, DemoCast.STAFF_OU, DemoCast.DEPARTED_OU);
  }

  @Test
  void addContainer_createsTheMissingParentsUnderTheBase() {
    DistinguishedName team = DistinguishedName.of("OU=Team,OU=Projects,DC=contoso,DC=com");
    assertThat(ad.addContainer(team)).isSameAs(ad);
    assertThat(ad.containers()).containsExactlyInAnyOrder(DemoCast.BASE_DN, DemoCast.STAFF_OU, DemoCast.DEPARTED_OU, PROJECTS, team);
    assertThat(ad.move(JANE_DN, PROJECTS)).isEqualTo(DistinguishedName.of("CN=Jane Doe,OU=Projects,DC=contoso,DC=com"));
  }

  @Test
  void addContainer_outsideTheBase_isIgnored_soNothingCanBeMovedThere() {
    DistinguishedName foreign = DistinguishedName.of("OU=Staff,DC=fabrikam,DC=com");
    ad.addContainer(foreign);
    assertThat(ad.containers()).hasSize(3);
    assertThatThrownBy(() -> ad.move(JANE_DN, foreign)).isInstanceOf(NotFoundException.class)
        .hasMessage("organizational unit 'OU=Staff,DC=fabrikam,DC=com' was not found");
    assertThat(ad.get(JANE_DN).dn()).isEqualTo(JANE_DN);
  }

  @Test
  void add_chains_createsTheParentOu_andRefusesADuplicateSamAccountName() {
    InMemoryOnPremDirectory d = new InMemoryOnPremDirectory(DemoCast.BASE_DN);
    AdUser a = user(DistinguishedName.of("CN=A,OU=New,DC=contoso,DC=com"), "a");
    AdUser b = user(DistinguishedName.of("CN=B,DC=contoso,DC=com"), "b");
    assertThat(d.add(a).add(b)).isSameAs(d);
    assertThat(d.users()).containsExactly(a, b);
    assertThat(d.containers()).contains(DistinguishedName.of("OU=New,DC=contoso,DC=com"));
    assertThatThrownBy(() -> d.add(user(DistinguishedName.of("CN=A2,DC=contoso,DC=com"), "a"))).isInstanceOf(ConflictException.class)
        .hasMessage("sAMAccountName a is already used by CN=A,OU=New,DC=contoso,DC=com");
    assertThat(d.users()).containsExactly(a, b);
  }

  @Test
  void findByAddress_matchesMailOrAnySmtpProxy_notOtherProxyTypes() {
    AdUser jane = ad.get(JANE_DN);
    assertThat(ad.findByAddress(SmtpAddress.of("jane.doe@contoso.com"))).containsExactly(jane);
    // only a secondary (lower-case smtp:) proxy carries the routing address
    assertThat(ad.findByAddress(SmtpAddress.of("Jane.Doe@contoso.mail.onmicrosoft.com"))).containsExactly(jane);
    assertThat(ad.findByAddress(SmtpAddress.of("4123@contoso.com"))).isEmpty();
    assertThat(ad.findByAddress(SmtpAddress.of("nobody@contoso.com"))).isEmpty();
  }

  @Test
  void get_isByDnWithoutRegardToCase_andNamesAMissingDn() {
    assertThat(ad.get(DistinguishedName.of("cn=jane doe,ou=staff,dc=contoso,dc=com")).userPrincipalName()).contains(DemoCast.JANE);
    assertThatThrownBy(() -> ad.get(DistinguishedName.of("CN=Nobody,OU=Staff,DC=contoso,DC=com"))).isInstanceOf(NotFoundException.class)
        .hasMessage("AD user 'CN=Nobody,OU=Staff,DC=contoso,DC=com' was not found");
  }

  @Test
  void forEachUser_visitsExactlyTheUsersAtOrUnderTheBase() {
    assertThat(under(DemoCast.BASE_DN)).hasSize(ad.users().size()).hasSize(15);
    assertThat(under(DemoCast.DEPARTED_OU)).isEmpty();
    DistinguishedName moved = ad.move(JANE_DN, DemoCast.DEPARTED_OU);
    assertThat(under(DemoCast.DEPARTED_OU)).extracting(AdUser::dn).containsExactly(moved);
    assertThat(under(DemoCast.STAFF_OU)).hasSize(14).extracting(AdUser::userPrincipalName).doesNotContain(java.util.Optional.of(DemoCast.JANE));
    assertThat(under(moved)).extracting(AdUser::samAccountName).containsExactly(SamAccountName.of("jdoe"));
  }

  @Test
  void move_returnsTheNewDn_keepsTheUser_andIsANoOpIntoTheSameOu() {
    AdUser before = ad.get(JANE_DN);
    assertThat(ad.move(JANE_DN, DemoCast.STAFF_OU)).isEqualTo(JANE_DN);
    assertThat(ad.users()).contains(before);
    DistinguishedName moved = ad.move(JANE_DN, DemoCast.DEPARTED_OU);
    assertThat(moved).isEqualTo(DistinguishedName.of("CN=Jane Doe,OU=Departed,DC=contoso,DC=com"));
    assertThat(ad.findByUpn(DemoCast.JANE)).get().extracting(AdUser::dn).isEqualTo(moved);
    assertThatThrownBy(() -> ad.get(JANE_DN)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void move_ontoAnExistingEntry_isRefusedAndNothingMoves() {
    ad.add(user(DistinguishedName.of("CN=Jane Doe,OU=Departed,DC=contoso,DC=com"), "jdoe-old"));
    List<AdUser> before = ad.users();
    assertThatThrownBy(() -> ad.move(JANE_DN, DemoCast.DEPARTED_OU)).isInstanceOf(ConflictException.class)
        .hasMessage("Entry CN=Jane Doe,OU=Departed,DC=contoso,DC=com already exists");
    assertThat(ad.users()).isEqualTo(before);
  }

  @Test
  void setAccountDisabled_togglesOnlyTheAccountDisableBit() {
    int uac = ad.get(JANE_DN).userAccountControl();
    ad.setAccountDisabled(JANE_DN, true);
    assertThat(ad.get(JANE_DN).userAccountControl()).isEqualTo(uac | AdUser.ACCOUNTDISABLE);
    assertThat(ad.get(JANE_DN).isDisabled()).isTrue();
    ad.setAccountDisabled(JANE_DN, false);
    assertThat(ad.get(JANE_DN).userAccountControl()).isEqualTo(uac);
    assertThat(ad.findBySamAccountName(SamAccountName.of("jdoe"))).get().extracting(AdUser::isDisabled).isEqualTo(false);
    assertThat(ad.findByUpn(Upn.of("nobody@contoso.com"))).isEmpty();
  }
  @Test
  void clearUnifiedMessaging_dropsOnlyTheEumProxiesAndTheUmFlags() {
    DistinguishedName reception = DistinguishedName.of("CN=Reception,OU=Staff,DC=contoso,DC=com");
    assertThat(ad.get(reception).umEnabled()).isTrue();
    ad.clearUnifiedMessaging(reception);
    AdUser after = ad.get(reception);
    assertThat(after.proxyAddresses()).containsExactly("SMTP:reception@contoso.com", "smtp:reception@contoso.mail.onmicrosoft.com");
    assertThat(after.umEnabledFlags()).isEmpty();
    assertThat(after.umEnabled()).isFalse();
    assertThat(after.umExtension()).isEmpty();
  }
}
