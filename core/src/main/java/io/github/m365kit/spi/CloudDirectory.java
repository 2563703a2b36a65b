package io.github.m365kit.spi;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.License;
import io.github.m365kit.model.Upn;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The port to Entra ID users through Microsoft Graph: users with their sync state and licenses, license
 * assignment, sign-in blocking and session revocation. Implemented by {@code InMemoryTenant} and
 * {@code GraphCloudDirectory}.
 */
public interface CloudDirectory {

  /**
   * @param upn the sign-in name
   * @return the user, or empty
   */
  Optional<CloudUser> findUser(Upn upn);

  /**
   * @param upn the sign-in name
   * @return the user
   * @throws io.github.m365kit.NotFoundException when there is none
   */
  default CloudUser getUser(Upn upn) {
    return findUser(upn).orElseThrow(() -> new io.github.m365kit.NotFoundException("user", upn.value(),
        "Resource '" + upn.value() + "' does not exist or one of its queried reference-property objects are not present."));
  }

  /**
   * Refuses, before a plan is built, users the directory does not hold: a plan with one unknown user would stop at
   * that user's step, half way through the list.
   *
   * @param users the users, in the order the caller gave them
   * @param role what the message calls them, e.g. {@code "pilot user"}
   * @throws io.github.m365kit.NotFoundException naming every unknown user: {@code pilot users a, b are not in the
   *     tenant; nothing was changed}
   */
  default void requireUsers(Collection<Upn> users, String role) {
    List<String> unknown = new LinkedHashSet<>(users).stream().filter(u -> findUser(u).isEmpty()).map(Upn::value).toList();
    if (!unknown.isEmpty()) {
      String names = String.join(", ", unknown);
      throw new NotFoundException("user", names, role + (unknown.size() == 1 ? " " : "s ") + names
          + (unknown.size() == 1 ? " is" : " are") + " not in the tenant; nothing was changed");
    }
  }

  /**
   * Visits every user, page by page.
   *
   * @param visitor receives each user
   */
  void forEachUser(Consumer<CloudUser> visitor);

  /**
   * {@code assignLicense} with one license to add.
   *
   * @param upn the user
   * @param license the license
   */
  void assignLicense(Upn upn, License license);

  /**
   * {@code assignLicense} with SKUs to remove.
   *
   * @param upn the user
   * @param skuIds the SKUs to remove
   */
  void removeLicenses(Upn upn, Set<UUID> skuIds);

  /**
   * {@code PATCH /users/{id} {"accountEnabled": …}}.
   *
   * @param upn the user
   * @param enabled the new value
   * @throws io.github.m365kit.ServiceRuleException with {@code ON_PREMISES_MASTERED} for a synced user: change it in AD
   */
  void setAccountEnabled(Upn upn, boolean enabled);

  /**
   * {@code POST /users/{id}/revokeSignInSessions}.
   *
   * @param upn the user
   */
  void revokeSignInSessions(Upn upn);

  /**
   * What the cloud reports as the purpose of a user's mailbox (Graph {@code mailboxSettings.userPurpose}). Optional:
   * a backend that cannot tell returns empty, which is the default.
   *
   * @param upn the mailbox owner's sign-in name
   * @return the purpose, or empty when the user has no mailbox or the backend cannot tell
   */
  default Optional<io.github.m365kit.model.MailboxPurpose> mailboxPurpose(Upn upn) {
    java.util.Objects.requireNonNull(upn, "upn == null");
    return Optional.empty();
  }
}
