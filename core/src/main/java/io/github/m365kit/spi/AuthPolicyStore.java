package io.github.m365kit.spi;

import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.model.Upn;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to Exchange Online authentication policies ({@code New-/Set-/Get-/Remove-AuthenticationPolicy},
 * {@code Set-User -AuthenticationPolicy / -STSRefreshTokensValidFrom}, {@code Set-OrganizationConfig
 * -DefaultAuthenticationPolicy}).
 */
public interface AuthPolicyStore {
  /**
   * @param policy the policy to create
   * @throws io.github.m365kit.ConflictException when a policy of that name exists
   */
  void create(AuthPolicy policy);

  /**
   * @param name the policy name
   * @return the policy, or empty
   */
  Optional<AuthPolicy> find(String name);

  /** @return every policy */
  List<AuthPolicy> list();

  /**
   * Replaces the switches of an existing policy (names cannot change).
   *
   * @param policy the new state
   * @throws io.github.m365kit.NotFoundException when there is no such policy
   */
  void update(AuthPolicy policy);

  /**
   * @param name the policy
   * @throws io.github.m365kit.ConflictException while the policy is assigned to users or is the org default
   */
  void delete(String name);

  /**
   * {@code Set-User -AuthenticationPolicy}; empty removes the assignment ({@code $null}).
   *
   * @param user the user
   * @param policyName the policy, or empty
   */
  void assign(Upn user, Optional<String> policyName);

  /**
   * @param user the user
   * @return the policy assigned to the user, if any
   */
  Optional<String> assigned(Upn user);

  /**
   * @param policyName the policy
   * @return the users holding it
   */
  List<Upn> usersWith(String policyName);

  /**
   * {@code Set-User -STSRefreshTokensValidFrom}: tokens issued before this instant stop working, so a new policy
   * applies within about 30 minutes instead of 24 hours.
   *
   * @param user the user
   * @param validFrom the instant, usually now
   */
  void refreshTokens(Upn user, Instant validFrom);

  /** @return the org default ({@code Get-OrganizationConfig | DefaultAuthenticationPolicy}) */
  Optional<String> orgDefault();

  /**
   * @param policyName the new org default, or empty to remove it
   */
  void setOrgDefault(Optional<String> policyName);
}
