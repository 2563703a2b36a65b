package io.github.m365kit.testkit;

import io.github.m365kit.model.AdUser;
import io.github.m365kit.model.DistinguishedName;
import io.github.m365kit.model.RecipientTypeDetails;
import io.github.m365kit.model.RemoteRecipientType;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an on-prem {@link AdUser}; failure messages show the recipient attributes, userAccountControl and
 * DN. Get one from {@link M365Assertions#assertThat(AdUser)}.
 */
public final class AdUserAssert extends AbstractAssert<AdUserAssert, AdUser> {
  AdUserAssert(AdUser actual) {
    super(actual, AdUserAssert.class);
  }

  private String state() {
    return "msExchRemoteRecipientType " + actual.remoteRecipientType().map(r -> r + " (" + r.value() + ")").orElse("not set")
        + ", msExchRecipientTypeDetails " + actual.recipientTypeDetails().map(Object::toString).orElse("not set")
        + ", userAccountControl " + actual.userAccountControl() + ", dn " + actual.dn();
  }

  /**
   * @param expected the msExchRemoteRecipientType value, e.g. 100 for a migrated shared mailbox
   * @return this, when the attribute has that value
   */
  public AdUserAssert hasRemoteRecipientType(long expected) {
    return hasRemoteRecipientType(RemoteRecipientType.of(expected));
  }

  /**
   * @param expected the msExchRemoteRecipientType
   * @return this, when the attribute has that value
   */
  public AdUserAssert hasRemoteRecipientType(RemoteRecipientType expected) {
    isNotNull();
    if (!actual.remoteRecipientType().equals(Optional.of(expected))) {
      failWithMessage("expected %s to have msExchRemoteRecipientType %s (%s) but has %s", name(), expected, expected.value(), state());
    }
    return this;
  }

  /**
   * @param expected the msExchRecipientTypeDetails
   * @return this, when the attribute has that value
   */
  public AdUserAssert hasRecipientTypeDetails(RecipientTypeDetails expected) {
    isNotNull();
    if (!actual.recipientTypeDetails().equals(Optional.of(expected))) {
      failWithMessage("expected %s to have msExchRecipientTypeDetails %s but has %s", name(), expected, state());
    }
    return this;
  }

  /** @return this, when userAccountControl has ACCOUNTDISABLE */
  public AdUserAssert isDisabled() {
    isNotNull();
    if (!actual.isDisabled()) {
      failWithMessage("expected %s to be disabled but it is enabled (%s)", name(), state());
    }
    return this;
  }

  /**
   * @param ou the container
   * @return this, when the user's parent is that container
   */
  public AdUserAssert isIn(DistinguishedName ou) {
    isNotNull();
    if (!actual.dn().parent().equals(ou)) {
      failWithMessage("expected %s to be in %s but is in %s", name(), ou, actual.dn().parent());
    }
    return this;
  }

  private String name() {
    return actual.userPrincipalName().map(Object::toString).orElse(actual.samAccountName().toString());
  }
}
