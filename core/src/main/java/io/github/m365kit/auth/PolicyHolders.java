package io.github.m365kit.auth;

import io.github.m365kit.model.Upn;
import java.util.List;
import java.util.Objects;

/**
 * Who holds an authentication policy: the users it is assigned to and whether it is the organisation default, with
 * the PowerShell an admin would run to see the same. Immutable.
 *
 * @param policy the policy name
 * @param users the users holding it
 * @param orgDefault whether it is the organisation default ({@code Set-OrganizationConfig -DefaultAuthenticationPolicy})
 * @param powershell the equivalent look-up, one command per line
 */
public record PolicyHolders(String policy, List<Upn> users, boolean orgDefault, List<String> powershell) {
  /** Copies. */
  public PolicyHolders {
    Objects.requireNonNull(policy, "policy == null");
    users = List.copyOf(users);
    powershell = List.copyOf(powershell);
  }

  /** @return true when nobody holds the policy and it is not the default, so it can be removed */
  public boolean isFree() {
    return users.isEmpty() && !orgDefault;
  }
}
