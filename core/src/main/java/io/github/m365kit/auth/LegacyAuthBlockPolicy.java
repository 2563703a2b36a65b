package io.github.m365kit.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.model.ObjectId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The Conditional Access alternative to authentication policies: a policy that blocks legacy authentication
 * (client apps "Exchange ActiveSync clients" and "Other clients") for all users and all cloud apps, as Microsoft
 * Graph JSON for {@code POST /v1.0/identity/conditionalAccess/policies} (permission
 * {@code Policy.ReadWrite.ConditionalAccess}). It starts in report-only mode ({@code enabledForReportingButNotEnforced});
 * {@link Builder#enforce(boolean)} switches it to {@code enabled}. Break-glass accounts and accounts that still need
 * legacy authentication are excluded by object id. Blocking "Other clients" also blocks basic-auth Exchange Online
 * PowerShell; a policy can take up to 24 hours to apply. Immutable.
 *
 * <pre>{@code
 * String body = LegacyAuthBlockPolicy.builder().excludeUser(ObjectId.of(breakGlassId)).build().toGraphJson();
 * }</pre>
 */
public final class LegacyAuthBlockPolicy {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final String displayName;
  private final boolean enforce;
  private final List<ObjectId> excludeUsers;
  private final List<ObjectId> excludeGroups;

  private LegacyAuthBlockPolicy(Builder b) {
    this.displayName = b.displayName;
    this.enforce = b.enforce;
    this.excludeUsers = List.copyOf(b.excludeUsers);
    this.excludeGroups = List.copyOf(b.excludeGroups);
  }

  /** @return a builder: display name "Block legacy authentication", report-only, no exclusions */
  public static Builder builder() {
    return new Builder();
  }

  /** @return {@code enabled} when enforced, otherwise {@code enabledForReportingButNotEnforced} */
  public String state() {
    return enforce ? "enabled" : "enabledForReportingButNotEnforced";
  }

  /** @return the excluded users */
  public List<ObjectId> excludeUsers() {
    return excludeUsers;
  }

  /** @return the excluded groups */
  public List<ObjectId> excludeGroups() {
    return excludeGroups;
  }

  /** @return the display name the policy is created with and found by */
  public String displayName() {
    return displayName;
  }

  /** @return true for {@code enabled}, false for report-only */
  public boolean enforced() {
    return enforce;
  }

  /**
   * @return the same policy as a typed value for {@link io.github.m365kit.spi.ConditionalAccessStore}: users All minus
   *     the exclusions, applications All, client apps Exchange ActiveSync and other, grant {@code block}
   */
  public ConditionalAccessPolicy toPolicy() {
    return new ConditionalAccessPolicy(java.util.Optional.empty(), displayName,
        enforce ? ConditionalAccessPolicy.State.ENABLED : ConditionalAccessPolicy.State.REPORT_ONLY,
        java.util.Set.of(ConditionalAccessPolicy.ClientAppType.EXCHANGE_ACTIVE_SYNC, ConditionalAccessPolicy.ClientAppType.OTHER),
        List.of("All"),
        new ConditionalAccessPolicy.Users(List.of("All"), excludeUsers.stream().map(ObjectId::toString).toList(), List.of(),
            excludeGroups.stream().map(ObjectId::toString).toList()),
        java.util.Optional.of(new ConditionalAccessPolicy.GrantControls("OR", List.of("block"))), false);
  }

  /** @return the request body as a Jackson tree */
  public ObjectNode toGraphNode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("displayName", displayName);
    root.put("state", state());
    ObjectNode conditions = root.putObject("conditions");
    ObjectNode users = conditions.putObject("users");
    users.putArray("includeUsers").add("All");
    ArrayNode ex = users.putArray("excludeUsers");
    excludeUsers.forEach(id -> ex.add(id.toString()));
    if (!excludeGroups.isEmpty()) {
      ArrayNode eg = users.putArray("excludeGroups");
      excludeGroups.forEach(id -> eg.add(id.toString()));
    }
    conditions.putObject("applications").putArray("includeApplications").add("All");
    conditions.putArray("clientAppTypes").add("exchangeActiveSync").add("other");
    ObjectNode grant = root.putObject("grantControls");
    grant.put("operator", "OR");
    grant.putArray("builtInControls").add("block");
    return root;
  }

  /** @return the JSON body for {@code POST /v1.0/identity/conditionalAccess/policies}, every value JSON-escaped */
  public String toGraphJson() {
    try {
      return JSON.writeValueAsString(toGraphNode());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Builds a {@link LegacyAuthBlockPolicy}. Not thread-safe. */
  public static final class Builder {
    private String displayName = "Block legacy authentication";
    private boolean enforce;
    private final LinkedHashSet<ObjectId> excludeUsers = new LinkedHashSet<>();
    private final LinkedHashSet<ObjectId> excludeGroups = new LinkedHashSet<>();

    private Builder() {}

    /**
     * @param displayName the policy's display name
     * @return this
     */
    public Builder displayName(String displayName) {
      if (Objects.requireNonNull(displayName, "displayName == null").isBlank()) {
        throw new IllegalArgumentException("displayName is blank");
      }
      this.displayName = displayName;
      return this;
    }

    /**
     * @param enforce true for {@code enabled} ({@code --enforce}); false (the default) for report-only
     * @return this
     */
    public Builder enforce(boolean enforce) {
      this.enforce = enforce;
      return this;
    }

    /**
     * @param user a break-glass account (or one that still needs legacy authentication) to exclude
     * @return this
     */
    public Builder excludeUser(ObjectId user) {
      excludeUsers.add(Objects.requireNonNull(user, "user == null"));
      return this;
    }

    /**
     * @param users accounts to exclude
     * @return this
     */
    public Builder excludeUsers(List<ObjectId> users) {
      new ArrayList<>(users).forEach(this::excludeUser);
      return this;
    }

    /**
     * @param group a group whose members are excluded
     * @return this
     */
    public Builder excludeGroup(ObjectId group) {
      excludeGroups.add(Objects.requireNonNull(group, "group == null"));
      return this;
    }

    /** @return the policy */
    public LegacyAuthBlockPolicy build() {
      return new LegacyAuthBlockPolicy(this);
    }
  }
}
