package io.github.m365kit.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import io.github.m365kit.BackendException;
import io.github.m365kit.ConflictException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.ImmutableAdUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDirectoryTest {
  private static List<AdUser> sorted(List<AdUser> users) {
    return users.stream().map(u -> (AdUser) ImmutableAdUser.copyOf(u).withProxyAddresses(u.proxyAddresses().stream().sorted().toList()))
        .sorted(Comparator.comparing(u -> u.dn().toString())).toList();
  }

  private static List<AdUser> all(EmbeddedDirectory ad) {
    List<AdUser> out = new ArrayList<>();
    ad.directory().forEachUser(ad.baseDn(), out::add);
    return sorted(out);
  }

  @Test
  void start_listensOnLoopbackInUnderASecond() {
    long t0 = System.nanoTime();
    try (EmbeddedDirectory ad = EmbeddedDirectory.start()) {
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(millis).isLessThan(1000);
      assertThat(ad.port()).isPositive();
      assertThat(ad.ldapUrl()).isEqualTo("ldap://127.0.0.1:" + ad.port());
      assertThat(ad.directory()).isSameAs(ad.directory());
      assertThat(all(ad)).isEmpty();
    }
  }

  @Test
  void startWithDemoData_holdsTheDemoCastAsInMemoryHasIt() {
    try (EmbeddedDirectory ad = EmbeddedDirectory.startWithDemoData()) {
      assertThat(all(ad)).isEqualTo(sorted(InMemoryOnPremDirectory.demo().users()));
      AdUser reception = ad.directory().findByUpn(DemoCast.RECEPTION).orElseThrow();
      assertThat(reception.umExtension()).contains("4123");
      assertThat(reception.recipientTypeDetails().orElseThrow().value()).isEqualTo(34359738368L);
      ad.directory().move(reception.dn(), DemoCast.DEPARTED_OU);
    }
  }

  @Test
  void addEntry_whenAttributeMisspelled_isRejectedBySchema() {
    try (EmbeddedDirectory ad = EmbeddedDirectory.start()) {
      Entry e = new Entry("CN=Typo,DC=contoso,DC=com");
      e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
      e.addAttribute("cn", "Typo");
      e.addAttribute("sAMAccountName", "typo");
      e.addAttribute("msExchRecipientTypeDetail", "34359738368");
      assertThatThrownBy(() -> ad.addEntry(e))
          .isInstanceOfSatisfying(BackendException.class, x -> assertThat(x.code()).startsWith("65 "))
          .hasMessageContaining("msExchRecipientTypeDetail");
    }
  }

  @Test
  void addEntry_whenIntegerAttributeHoldsText_isRejected() {
    try (EmbeddedDirectory ad = EmbeddedDirectory.start()) {
      Entry e = new Entry("CN=Bad,DC=contoso,DC=com");
      e.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
      e.addAttribute("cn", "Bad");
      e.addAttribute("msExchRecipientTypeDetails", "RemoteSharedMailbox");
      assertThatThrownBy(() -> ad.addEntry(e)).isInstanceOf(BackendException.class);
    }
  }

  @Test
  void add_userWithoutSn_isAccepted() {
    try (EmbeddedDirectory ad = EmbeddedDirectory.start()) {
      AdUser u = AdUser.builder().dn(ad.baseDn().child("CN", "No Surname")).samAccountName(io.github.m365kit.model.SamAccountName.of("nosn")).build();
      ad.add(u);
      assertThat(ad.directory().get(u.dn()).samAccountName().value()).isEqualTo("nosn");
      assertThatThrownBy(() -> ad.add(u)).isInstanceOf(ConflictException.class);
    }
  }

  @Test
  void exportThenLoadLdif_roundTripsEveryUser(@TempDir Path dir) throws Exception {
    Path ldif = dir.resolve("demo.ldif");
    List<AdUser> before;
    int exported;
    try (EmbeddedDirectory ad = EmbeddedDirectory.startWithDemoData()) {
      before = all(ad);
      exported = ad.exportLdif(ldif);
    }
    assertThat(exported).isEqualTo(before.size() + 3);
    assertThat(Files.readString(ldif)).contains("msExchRecipientTypeDetails: 34359738368").doesNotContain("entryUUID");
    try (EmbeddedDirectory ad = EmbeddedDirectory.start()) {
      assertThat(ad.loadLdif(ldif)).isEqualTo(exported);
      assertThat(all(ad)).isEqualTo(before);
    }
  }

  @Test
  void loadLdif_whenMalformed_throwsM365KitException(@TempDir Path dir) throws Exception {
    Path ldif = dir.resolve("bad.ldif");
    Files.writeString(ldif, "dn: CN=x,DC=contoso,DC=com\nobjectClass: user\nnot ldif at all\n");
    try (EmbeddedDirectory ad = EmbeddedDirectory.start()) {
      assertThatThrownBy(() -> ad.loadLdif(ldif)).isInstanceOf(io.github.m365kit.M365KitException.class);
    }
  }
}
