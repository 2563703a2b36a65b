package io.github.m365kit.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.auth.SignInEvent;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.SamAccountName;
import io.github.m365kit.model.Upn;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo cast that docs, tests and scripts name: account names in AD and the week of sign-ins. */
class DemoCastTest {
  private final InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
  private final InMemoryTenant tenant = InMemoryTenant.demo();

  private Upn upnOf(String sam) {
    return ad.findBySamAccountName(SamAccountName.of(sam)).flatMap(AdUser::userPrincipalName).orElseThrow();
  }

  @Test
  void numberedAccounts_countFromOne() {
    assertThat(List.of(upnOf("fin1"), upnOf("fin2"), upnOf("fin3"))).isEqualTo(DemoCast.FINANCE);
    assertThat(List.of(upnOf("user1"), upnOf("user2"), upnOf("user3"), upnOf("user4"))).isEqualTo(DemoCast.EXTRAS);
    assertThat(List.of(upnOf("legacy1"), upnOf("legacy2"), upnOf("legacy3"))).isEqualTo(DemoCast.LEGACY);
    assertThat(ad.findByUpn(DemoCast.EXTRAS.get(0)).orElseThrow().displayName()).contains("User 1");
    assertThat(tenant.getUser(DemoCast.EXTRAS.get(3)).displayName()).isEqualTo("User 4");
  }

  @Test
  void onlyReceptionIsUmEnabledInAd_withExtension4123() {
    assertThat(ad.users()).filteredOn(AdUser::umEnabled).extracting(AdUser::userPrincipalName).containsExactly(java.util.Optional.of(DemoCast.RECEPTION));
    assertThat(ad.findByUpn(DemoCast.RECEPTION).orElseThrow().umExtension()).contains("4123");
  }

  @Test
  void signInLog_holdsOneWeek_fifteenEventsADay_thirteenOfThemLegacy() {
    Instant now = tenant.clock().instant();
    List<SignInEvent> all = new ArrayList<>();
    tenant.forEachSignIn(Instant.EPOCH, false, all::add);
    assertThat(all).hasSize(7 * 15);
    assertThat(all).allMatch(e -> !e.createdDateTime().isBefore(now.minus(Duration.ofDays(7))) && e.createdDateTime().isBefore(now));
    assertThat(all.stream().map(e -> e.createdDateTime().atOffset(ZoneOffset.UTC).toLocalDate()).distinct()).hasSize(7);
    List<SignInEvent> legacy = new ArrayList<>();
    tenant.forEachSignIn(Instant.EPOCH, true, legacy::add);
    assertThat(legacy).hasSize(7 * 13);
    // the password spray: only failures, from two addresses, including the disabled account
    assertThat(all).filteredOn(e -> e.userPrincipalName().equals(DemoCast.OLD_ACCOUNT.value()))
        .hasSize(14).allMatch(e -> e.errorCode() == 50057);
  }
}
