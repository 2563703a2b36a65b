package io.github.m365kit.auth;

import io.github.m365kit.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of an Entra ID Conditional Access policy ({@code conditionalAccessPolicy} in Microsoft Graph v1.0) that
 * m365kit reads and writes: display name, state, client app types, the applications and users conditions and the
 * grant controls. Other conditions (platforms, locations, risk levels) and the details of session controls are not
 * modelled; {@link #sessionControls()} only says whether the policy has any. Immutable and thread-safe.
 *
 * <p>A policy the service accepts needs an applications rule ({@code includeApplications}), a users rule
 * ({@code includeUsers} or {@code includeGroups}) and a grant control or a session control; {@link #problems()} lists
 * what is missing. Display names are not unique in Entra ID.
 *
 * @param id the policy's object id, empty before creation
 * @param displayName the display name (not unique in the service)
 * @param state enabled, disabled or report-only
 * @param clientAppTypes {@code conditions.clientAppTypes}
 * @param includeApplications {@code conditions.applications.includeApplications}, e.g. {@code ["All"]}
 * @param users {@code conditions.users}
 * @param grantControls {@code grantControls}, if any
 * @param sessionControls whether the policy has session controls (not modelled further)
 */
public record ConditionalAccessPolicy(Optional<String> id, String displayName, State state, Set<ClientAppType> clientAppTypes,
    List<String> includeApplications, Users users, Optional<GrantControls> grantControls, boolean sessionControls) {

  /** Validates and copies. */
  public ConditionalAccessPolicy {
    id = id == null ? Optional.empty() : id;
    if (displayName == null || displayName.isBlank()) {
      throw new InvalidInputException("conditional access policy display name", displayName, "it is empty");
    }
    Objects.requireNonNull(state, "state == null");
    clientAppTypes = clientAppTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(clientAppTypes));
    includeApplications = List.copyOf(includeApplications);
    Objects.requireNonNull(users, "users == null");
    grantControls = grantControls == null ? Optional.empty() : grantControls;
  }

  /**
   * @param newId the id the service gave the policy
   * @return a copy with that id
   */
  public ConditionalAccessPolicy withId(String newId) {
    return new ConditionalAccessPolicy(Optional.of(newId), displayName, state, clientAppTypes, includeApplications, users, grantControls, sessionControls);
  }

  /**
   * @param change a state and/or users condition to apply
   * @return a copy with the change applied
   */
  public ConditionalAccessPolicy with(Change change) {
    return new ConditionalAccessPolicy(id, displayName, change.state().orElse(state), clientAppTypes, includeApplications,
        change.users().orElse(users), grantControls, sessionControls);
  }

  /**
   * What the service would refuse in this policy: a missing applications rule, users rule, or grant/session control.
   *
   * @return one sentence per problem, empty when the policy is complete
   */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (includeApplications.isEmpty()) {
      out.add("it has no applications rule (conditions.applications.includeApplications is empty)");
    }
    if (users.includeUsers().isEmpty() && users.includeGroups().isEmpty()) {
      out.add("it has no users rule (conditions.users includes no users and no groups)");
    }
    boolean grant = grantControls.map(g -> !g.builtInControls().isEmpty()).orElse(false);
    if (!grant && !sessionControls) {
      out.add("it has neither a grant control nor a session control");
    }
    return out;
  }

  /** The {@code state} of a policy. */
  public enum State {
    /** On and enforced. */
    ENABLED("enabled"),
    /** Off. */
    DISABLED("disabled"),
    /** Report-only: evaluated and logged in the sign-in log, never enforced. */
    REPORT_ONLY("enabledForReportingButNotEnforced");

    private final String graphValue;

    State(String graphValue) {
      this.graphValue = graphValue;
    }

    /** @return the Graph value, e.g. {@code enabledForReportingButNotEnforced} */
    public String graphValue() {
      return graphValue;
    }

    /**
     * @param value a Graph value, ignoring case
     * @return the state
     * @throws InvalidInputException for any other value
     */
    public static State parse(String value) {
      for (State s : values()) {
        if (s.graphValue.equalsIgnoreCase(value == null ? "" : value.trim())) {
          return s;
        }
      }
      throw new InvalidInputException("conditional access policy state", value, "use enabled, disabled or enabledForReportingButNotEnforced");
    }
  }

  /** A value of {@code conditions.clientAppTypes}. */
  public enum ClientAppType {
    /** Every client. */
    ALL("all"),
    /** Browsers. */
    BROWSER("browser"),
    /** Modern-auth mobile apps and desktop clients. */
    MOBILE_APPS_AND_DESKTOP_CLIENTS("mobileAppsAndDesktopClients"),
    /** Exchange ActiveSync clients (legacy authentication). */
    EXCHANGE_ACTIVE_SYNC("exchangeActiveSync"),
    /** Exchange ActiveSync on supported platforms. */
    EAS_SUPPORTED("easSupported"),
    /** "Other clients": IMAP, POP, SMTP AUTH, older Office clients and other legacy-authentication protocols. */
    OTHER("other");

    private final String graphValue;

    ClientAppType(String graphValue) {
      this.graphValue = graphValue;
    }

    /** @return the Graph value, e.g. {@code exchangeActiveSync} */
    public String graphValue() {
      return graphValue;
    }

    /**
     * @param value a Graph value, ignoring case
     * @return the type
     * @throws InvalidInputException for any other value
     */
    public static ClientAppType parse(String value) {
      String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
      for (ClientAppType t : values()) {
        if (t.graphValue.toLowerCase(Locale.ROOT).equals(v)) {
          return t;
        }
      }
      throw new InvalidInputException("client app type", value, "use all, browser, mobileAppsAndDesktopClients, exchangeActiveSync, easSupported or other");
    }
  }

  /**
   * {@code conditions.users}. Values are object ids or the service's keywords ({@code All}, {@code None},
   * {@code GuestsOrExternalUsers}).
   *
   * @param includeUsers users the policy applies to
   * @param excludeUsers users it never applies to (break-glass accounts)
   * @param includeGroups groups whose members it applies to
   * @param excludeGroups groups whose members it never applies to
   */
  public record Users(List<String> includeUsers, List<String> excludeUsers, List<String> includeGroups, List<String> excludeGroups) {
    /** Copies. */
    public Users {
      includeUsers = List.copyOf(includeUsers);
      excludeUsers = List.copyOf(excludeUsers);
      includeGroups = List.copyOf(includeGroups);
      excludeGroups = List.copyOf(excludeGroups);
    }

    /**
     * @param excludeUsers the new user exclusions
     * @param excludeGroups the new group exclusions
     * @return a copy with those exclusions
     */
    public Users withExclusions(List<String> excludeUsers, List<String> excludeGroups) {
      return new Users(includeUsers, excludeUsers, includeGroups, excludeGroups);
    }
  }

  /**
   * {@code grantControls}.
   *
   * @param operator {@code OR} or {@code AND}
   * @param builtInControls e.g. {@code ["block"]} or {@code ["mfa"]}
   */
  public record GrantControls(String operator, List<String> builtInControls) {
    /** Validates and copies. */
    public GrantControls {
      if (!"OR".equals(operator) && !"AND".equals(operator)) {
        throw new InvalidInputException("grant controls operator", operator, "use OR or AND");
      }
      builtInControls = List.copyOf(builtInControls);
    }
  }

  /**
   * What {@code PATCH /identity/conditionalAccess/policies/{id}} changes: the state and/or the whole users condition.
   *
   * @param state the new state, or empty to keep it
   * @param users the new users condition (sent complete), or empty to keep it
   */
  public record Change(Optional<State> state, Optional<Users> users) {
    /** Validates. */
    public Change {
      Objects.requireNonNull(state, "state == null");
      Objects.requireNonNull(users, "users == null");
    }

    /** @return true when the change changes nothing */
    public boolean isEmpty() {
      return state.isEmpty() && users.isEmpty();
    }
  }
}
