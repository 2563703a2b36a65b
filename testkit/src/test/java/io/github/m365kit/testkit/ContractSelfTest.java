package io.github.m365kit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.BackendException;
import io.github.m365kit.ServiceRuleException;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.MailboxType;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.MailboxStore;
import io.github.m365kit.testkit.ProbeRunner.Outcome;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;

/** The contracts can fail: a backend with a typical adapter bug fails exactly the tests about it, and capabilities skip only what they name. */
class ContractSelfTest {

  /** A store that maps the service's refusal to a generic backend error, the classic translation bug. */
  static final class WrongErrorTypeStore implements MailboxStore {
    private final InMemoryTenant t;

    WrongErrorTypeStore(InMemoryTenant t) {
      this.t = t;
    }

    @Override
    public Optional<Mailbox> find(SmtpAddress address) {
      return t.find(address);
    }

    @Override
    public Optional<Mailbox> findByUpn(Upn upn) {
      return t.findByUpn(upn);
    }

    @Override
    public void setType(SmtpAddress address, MailboxType type) {
      try {
        t.setType(address, type);
      } catch (ServiceRuleException e) {
        throw new BackendException("test", "400", e.getMessage(), e);
      }
    }

    @Override
    public void disableUnifiedMessaging(SmtpAddress address) {
      t.disableUnifiedMessaging(address);
    }

    @Override
    public List<MailboxPermission> fullAccess(SmtpAddress address) {
      return t.fullAccess(address);
    }

    @Override
    public void grantFullAccess(SmtpAddress address, Upn trustee, boolean autoMapping) {
      t.grantFullAccess(address, trustee, autoMapping);
    }

    @Override
    public void revokeFullAccess(SmtpAddress address, Upn trustee) {
      t.revokeFullAccess(address, trustee);
    }
  }

  static class WrongErrorTypeProbe extends MailboxStoreContract {
    @Override
    protected MailboxStore newStore(TenantFixture fixture) {
      return new WrongErrorTypeStore(fixture.toInMemoryTenant());
    }

    @Override
    protected Set<Capability> capabilities() {
      return EnumSet.noneOf(Capability.class);
    }
  }

  @Test
  void mailboxContract_catchesAWrongErrorTypeAndSkipsOnlyTheClockTests() {
    List<Outcome> outcomes = ProbeRunner.tests(WrongErrorTypeProbe.class);
    assertThat(outcomes).filteredOn(o -> o.status() == Status.FAILED).extracting(Outcome::name)
        .containsExactly("setType_toSharedWhenUnlicensed_throwsConversionRequiresLicenseAndChangesNothing()");
    assertThat(outcomes).filteredOn(o -> o.status() == Status.FAILED).singleElement()
        .satisfies(o -> assertThat(o.message()).contains("ServiceRuleException").contains("BackendException"));
    assertThat(outcomes).filteredOn(o -> o.status() == Status.ABORTED).extracting(Outcome::name).containsExactlyInAnyOrder(
        "unlicensedUserMailbox_withinGracePeriod_isStillThere()", "unlicensedUserMailbox_afterGracePeriod_isGoneAndGetThrowsNotFound()",
        "unlicensedSharedMailbox_afterGracePeriod_isKept()");
    assertThat(outcomes).hasSizeGreaterThan(30);
  }
}
