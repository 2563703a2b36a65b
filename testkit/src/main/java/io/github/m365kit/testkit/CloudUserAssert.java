package io.github.m365kit.testkit;

import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an Entra ID {@link CloudUser}; failure messages show the user's licenses and sign-in state. Get one
 * from {@link M365Assertions#assertThat(CloudUser)} or {@link TenantAssert#user(String)}.
 */
public final class CloudUserAssert extends AbstractAssert<CloudUserAssert, CloudUser> {
  CloudUserAssert(CloudUser actual) {
    super(actual, CloudUserAssert.class);
  }

  private String state() {
    return "licenses " + actual.licenses() + ", accountEnabled " + actual.accountEnabled() + (actual.onPremisesSyncEnabled() ? ", synced from AD" : ", cloud-only");
  }

  /** @return this, when no assigned license carries an Exchange Online plan */
  public CloudUserAssert hasNoExchangeLicense() {
    isNotNull();
    if (actual.hasExchangeLicense()) {
      failWithMessage("expected user %s to have no Exchange Online license but has %s (%s)", actual.userPrincipalName(),
          actual.licenses().stream().filter(License::hasExchangePlan).toList(), state());
    }
    return this;
  }

  /**
   * @param license the license
   * @return this, when the license is assigned
   */
  public CloudUserAssert hasLicense(License license) {
    isNotNull();
    if (!actual.licenses().contains(license)) {
      failWithMessage("expected user %s to have license %s but has %s (%s)", actual.userPrincipalName(), license, actual.licenses(), state());
    }
    return this;
  }

  /** @return this, when sign-in is blocked (accountEnabled false) */
  public CloudUserAssert isSignInBlocked() {
    isNotNull();
    if (actual.accountEnabled()) {
      failWithMessage("expected user %s to be blocked from signing in but accountEnabled is true (%s)", actual.userPrincipalName(), state());
    }
    return this;
  }
}
