package io.github.m365kit.spi;

import io.github.m365kit.auth.ConditionalAccessPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The port to Entra ID Conditional Access policies (Graph v1.0 {@code /identity/conditionalAccess/policies},
 * permission {@code Policy.ReadWrite.ConditionalAccess} plus {@code Policy.Read.All} and
 * {@code Application.Read.All}). Implemented by {@code InMemoryTenant} and the Graph adapter.
 *
 * <p>Method names carry "ConditionalAccessPolicy" because one object (the in-memory tenant) implements several
 * ports. Display names are not unique in the service; {@link #findConditionalAccessPolicy(String)} refuses to guess.
 * The service throttles this API at about one request per second per tenant and sends no {@code Retry-After}.
 */
public interface ConditionalAccessStore {

  /** @return every policy ({@code GET /identity/conditionalAccess/policies}) */
  List<ConditionalAccessPolicy> listConditionalAccessPolicies();

  /**
   * Finds a policy by display name, ignoring case.
   *
   * @param displayName the display name
   * @return the policy, or empty
   * @throws io.github.m365kit.AmbiguousMatchException when several policies have that name
   */
  Optional<ConditionalAccessPolicy> findConditionalAccessPolicy(String displayName);

  /**
   * {@code POST /identity/conditionalAccess/policies}.
   *
   * @param policy the policy; its id is ignored
   * @return the policy as stored, with its new id
   * @throws io.github.m365kit.InvalidInputException when the service refuses the policy (no applications rule, no
   *     users rule, neither grant nor session control)
   */
  ConditionalAccessPolicy createConditionalAccessPolicy(ConditionalAccessPolicy policy);

  /**
   * {@code PATCH /identity/conditionalAccess/policies/{id}} with the state and/or the complete users condition.
   *
   * @param id the policy's id
   * @param change what to change
   * @throws io.github.m365kit.NotFoundException when there is no such policy
   * @throws io.github.m365kit.InvalidInputException when the result would be refused (e.g. no users rule)
   */
  void updateConditionalAccessPolicy(String id, ConditionalAccessPolicy.Change change);
}
