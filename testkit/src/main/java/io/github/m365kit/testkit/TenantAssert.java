package io.github.m365kit.testkit;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Mailbox;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Look-ups into an {@link InMemoryTenant} that lead to the object assertions:
 * {@code assertThat(tenant).mailbox("jane.doe@contoso.com").isShared()}. A missing object fails with a message saying
 * so (and, for a mailbox, whether it was disconnected).
 */
public final class TenantAssert extends AbstractAssert<TenantAssert, InMemoryTenant> {
  TenantAssert(InMemoryTenant actual) {
    super(actual, TenantAssert.class);
  }

  /**
   * @param address the mailbox's primary or proxy SMTP address
   * @return assertions on that mailbox, whose messages include the owner's licenses
   */
  public MailboxAssert mailbox(String address) {
    isNotNull();
    Optional<Mailbox> m = actual.mailboxes().stream().filter(x -> x.primarySmtpAddress().equals(SmtpAddress.of(address))
        || x.emailAddresses().stream().anyMatch(p -> p.equalsIgnoreCase("smtp:" + address))).findFirst();
    if (m.isEmpty()) {
      String disconnected = actual.disconnectedMailboxes().keySet().stream().anyMatch(u -> u.value().equalsIgnoreCase(address))
          ? " (it was disconnected after the grace period)" : "";
      failWithMessage("expected tenant %s to have a mailbox %s but it has none%s", actual.name(), address, disconnected);
    }
    Mailbox mailbox = m.orElseThrow();
    List<License> licenses = actual.users().stream().filter(u -> u.userPrincipalName().equals(mailbox.userPrincipalName()))
        .findFirst().map(CloudUser::licenses).orElse(List.of());
    return new MailboxAssert(mailbox, Optional.of(licenses));
  }

  /**
   * @param upn the user's sign-in name
   * @return assertions on that user
   */
  public CloudUserAssert user(String upn) {
    isNotNull();
    Optional<CloudUser> u = actual.users().stream().filter(x -> x.userPrincipalName().equals(Upn.of(upn))).findFirst();
    if (u.isEmpty()) {
      failWithMessage("expected tenant %s to have a user %s but it has none", actual.name(), upn);
    }
    return new CloudUserAssert(u.orElseThrow());
  }
}
