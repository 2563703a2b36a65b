package io.github.m365kit.spi;

import io.github.m365kit.model.ObjectId;
import io.github.m365kit.model.Upn;
import java.util.List;
import java.util.Optional;

/**
 * The port to Entra ID dynamic groups ({@code POST /groups}, {@code PATCH /groups/{id}}, {@code GET
 * /groups/{id}/members}). Rules are validated by m365kit's own parser before they reach the service (Graph has no
 * syntax-only check for application callers). Implemented by {@code InMemoryTenant} and the Graph adapter.
 */
public interface GroupStore {

  /**
   * {@code POST /groups} with {@code groupTypes} {@code ["Unified","DynamicMembership"]} (Microsoft 365) or
   * {@code ["DynamicMembership"]} (security), {@code membershipRuleProcessingState} On.
   *
   * @param group what to create
   * @return the new group's object id
   * @throws io.github.m365kit.ConflictException when the mail nickname is taken
   */
  ObjectId createDynamicGroup(DynamicGroup group);

  /**
   * @param id the group
   * @return the group, or empty
   */
  Optional<DynamicGroup> find(ObjectId id);

  /**
   * {@code GET /groups?$filter=mailNickname eq '…'}: finds a group by its mail nickname (compared without regard to
   * case), so that admins can name a group as they know it instead of by its object id.
   *
   * @param mailNickname the nickname; any text (quotes are escaped on the wire)
   * @return the group, or empty
   * @throws io.github.m365kit.ConflictException when several groups carry that nickname (security groups need not be unique)
   */
  Optional<DynamicGroup> findByMailNickname(String mailNickname);

  /**
   * {@code PATCH /groups/{id} {"membershipRule": …}}.
   *
   * @param id the group
   * @param rule the new rule text (already validated)
   */
  void updateRule(ObjectId id, String rule);

  /**
   * {@code PATCH /groups/{id} {"membershipRuleProcessingState": "On" | "Paused"}}.
   *
   * @param id the group
   * @param paused true to pause processing
   */
  void setProcessingPaused(ObjectId id, boolean paused);

  /**
   * {@code GET /groups/{id}/members}, users only.
   *
   * @param id the group
   * @return the members' sign-in names
   */
  List<Upn> members(ObjectId id);

  /**
   * A dynamic group.
   *
   * @param id the object id, empty before creation
   * @param displayName at most 256 characters
   * @param mailNickname at most 64 ASCII characters, none of {@code @ ( ) \ [ ] " ; : . < > ,} or space
   * @param microsoft365 true for a Microsoft 365 (Unified) group, false for a security group
   * @param membershipRule the rule text
   * @param paused whether processing is paused
   */
  record DynamicGroup(Optional<ObjectId> id, String displayName, String mailNickname, boolean microsoft365, String membershipRule, boolean paused) {
    /** Validates the names as Graph does. */
    public DynamicGroup {
      if (displayName == null || displayName.isBlank() || displayName.length() > 256) {
        throw new io.github.m365kit.InvalidInputException("group display name", displayName, "it must have 1 to 256 characters");
      }
      if (mailNickname == null || mailNickname.isEmpty() || mailNickname.length() > 64) {
        throw new io.github.m365kit.InvalidInputException("group mail nickname", mailNickname, "it must have 1 to 64 characters");
      }
      for (int i = 0; i < mailNickname.length(); i++) {
        char c = mailNickname.charAt(i);
        if (c > 0x7e || c <= 0x20 || "@()\\[]\";:.<>,".indexOf(c) >= 0) {
          throw new io.github.m365kit.InvalidInputException("group mail nickname", mailNickname,
              "character " + (c <= 0x20 ? String.format("U+%04X", (int) c) : "'" + c + "'") + " is not allowed (ASCII only; no @ ( ) \\ [ ] \" ; : . < > , or space)");
        }
      }
      if (membershipRule == null || membershipRule.isBlank()) {
        throw new io.github.m365kit.InvalidInputException("membership rule", membershipRule, "it is empty");
      }
      id = id == null ? Optional.empty() : id;
    }
  }
}
