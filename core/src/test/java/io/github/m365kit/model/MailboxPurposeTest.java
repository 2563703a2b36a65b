package io.github.m365kit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryTenant;
import org.junit.jupiter.api.Test;

class MailboxPurposeTest {
  @Test
  void of_readsDocumentedValuesIgnoringCase_andKeepsUnknownOnes() {
    assertThat(MailboxPurpose.of("Shared")).isEqualTo(new MailboxPurpose(MailboxPurpose.Kind.SHARED, "Shared"));
    assertThat(MailboxPurpose.of("linked").kind()).isEqualTo(MailboxPurpose.Kind.LINKED);
    assertThat(MailboxPurpose.of("others").kind()).isEqualTo(MailboxPurpose.Kind.OTHERS);
    assertThat(MailboxPurpose.of("unknownFutureValue")).isEqualTo(new MailboxPurpose(MailboxPurpose.Kind.UNKNOWN, "unknownFutureValue"));
    assertThat(MailboxPurpose.of("teamMailbox").value()).isEqualTo("teamMailbox");
    assertThatThrownBy(() -> MailboxPurpose.of(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void of_mailboxType_matchesTheCloudsSpelling() {
    assertThat(MailboxPurpose.of(MailboxType.USER).value()).isEqualTo("user");
    assertThat(MailboxPurpose.of(MailboxType.ROOM).kind()).isEqualTo(MailboxPurpose.Kind.ROOM);
    assertThat(MailboxPurpose.of(MailboxType.EQUIPMENT).kind()).isEqualTo(MailboxPurpose.Kind.EQUIPMENT);
  }

  @Test
  void inMemoryTenant_reportsThePurposeOfTheMailboxType_emptyWithoutMailbox() {
    InMemoryTenant tenant = InMemoryTenant.demo();
    Mailbox jane = tenant.findByUpn(DemoCast.JANE).orElseThrow();
    assertThat(tenant.mailboxPurpose(DemoCast.JANE)).contains(MailboxPurpose.of(jane.type()));
    tenant.setType(jane.primarySmtpAddress(), MailboxType.SHARED);
    assertThat(tenant.mailboxPurpose(DemoCast.JANE)).contains(MailboxPurpose.of("shared"));
    assertThat(tenant.mailboxPurpose(Upn.of("nobody@contoso.com"))).isEmpty();
  }
}
