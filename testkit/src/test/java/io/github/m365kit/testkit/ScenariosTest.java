package io.github.m365kit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.ServiceRuleException.Rule;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.model.License;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped scenarios hold what their documentation says. */
class ScenariosTest {
  private static final SmtpAddress RECEPTION = SmtpAddress.of("reception@contoso.com");
  private static final SmtpAddress NEW = SmtpAddress.of("new.receptionist@contoso.com");

  private static InMemoryTenant load(String name) {
    return M365SandboxExtension.loadTenant(name, ScenariosTest.class.getClassLoader());
  }

  @Test
  void demo_isExactlyTheDemoTenant() {
    assertThat(TenantJson.write(load("demo"))).isEqualTo(TenantJson.write(InMemoryTenant.demo()));
  }

  @Test
  void umTrap_reproducesTheTrap() {
    InMemoryTenant t = load("um-trap");
    ServiceRuleException inUse = catchThrowableOfType(ServiceRuleException.class, () -> t.enableUnifiedMessaging(NEW, "4123"));
    assertThat(inUse).isNotNull();
    assertThat(inUse.rule()).isEqualTo(Rule.UM_EXTENSION_IN_USE);
    ServiceRuleException validation = catchThrowableOfType(ServiceRuleException.class, () -> t.disableUnifiedMessaging(RECEPTION));
    assertThat(validation).isNotNull();
    assertThat(validation.rule()).isEqualTo(Rule.UM_LICENSE_VALIDATION);
  }

  @Test
  void umTrap_yieldsToTheDocumentedFix() {
    InMemoryTenant t = load("um-trap");
    Upn reception = Upn.of(RECEPTION.value());
    t.assignLicense(reception, License.OFFICE_365_E3);
    t.setType(RECEPTION, MailboxType.USER);
    t.disableUnifiedMessaging(RECEPTION);
    t.setType(RECEPTION, MailboxType.SHARED);
    t.removeLicenses(reception, Set.of(License.OFFICE_365_E3.skuId()));
    t.enableUnifiedMessaging(NEW, "4123");
    assertThat(t.get(NEW).umExtension()).contains("4123");
    assertThat(t.get(RECEPTION).umExtension()).isEmpty();
    assertThat(t.fullAccess(RECEPTION)).extracting(p -> p.trustee().value()).containsExactly("new.receptionist@contoso.com");
  }

  @Test
  void empty_hasNoUsers() {
    assertThat(load("empty").users()).isEmpty();
  }
}
