package io.github.m365kit.auth;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PowerShell;
import io.github.m365kit.plan.Step;
import io.github.m365kit.spi.AuthPolicyStore;
import io.github.m365kit.spi.CloudDirectory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.zip.CRC32;

/**
 * Exchange Online authentication policies: creates, changes and removes them, assigns them to pilot users, rolls
 * them out company-wide and sets the organisation default, so that basic authentication can be switched off one
 * protocol and one group of users at a time.
 *
 * <p>Read operations return values; every change is returned as a {@link Plan} whose steps show the PowerShell an
 * admin would run ({@code New-/Set-/Remove-AuthenticationPolicy}, {@code Set-User -AuthenticationPolicy},
 * {@code Set-OrganizationConfig -DefaultAuthenticationPolicy}) and run through the {@link AuthPolicyStore} port when
 * given to a {@link io.github.m365kit.plan.PlanRunner}. Steps are idempotent: each first checks whether its target
 * state is already in place.
 *
 * <pre>{@code
 * AuthPolicyManager auth = AuthPolicyManager.using(tenant, tenant, Clock.systemUTC());
 * PlanRunner runner = PlanRunner.create();
 * runner.run(auth.create("Block Basic Auth")).orThrow();
 * runner.run(auth.assign("Block Basic Auth", List.of(Upn.of("pilot@contoso.com")), TokenRefresh.EXCHANGE_STS)).orThrow();
 * RolloutReport report = auth.rollout("Block Basic Auth").journal(Journal.jsonLines(Path.of("rollout.jsonl"))).run();
 * }</pre>
 *
 * <p>Immutable and thread-safe when its ports are.
 */
public final class AuthPolicyManager {
  private final AuthPolicyStore store;
  private final CloudDirectory directory;
  private final Clock clock;

  private AuthPolicyManager(AuthPolicyStore store, CloudDirectory directory, Clock clock) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.directory = Objects.requireNonNull(directory, "directory == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  /**
   * Creates a manager over the given ports.
   *
   * @param store the authentication-policy port
   * @param directory the Entra ID port, for the list of users and for revoking sessions
   * @param clock the clock used for {@code STSRefreshTokensValidFrom}
   * @return the manager
   */
  public static AuthPolicyManager using(AuthPolicyStore store, CloudDirectory directory, Clock clock) {
    return new AuthPolicyManager(store, directory, clock);
  }

  CloudDirectory directory() {
    return directory;
  }

  // ---------------------------------------------------------------- reading

  /**
   * Looks up a policy by name.
   *
   * @param name the policy name
   * @return the policy, or empty
   */
  public Optional<AuthPolicy> find(String name) {
    return store.find(AuthPolicy.validateName(name));
  }

  /**
   * Reads a policy that must exist.
   *
   * @param name the policy name
   * @return the policy
   * @throws NotFoundException when there is no such policy
   */
  public AuthPolicy get(String name) {
    return find(name).orElseThrow(() -> new NotFoundException("authentication policy", name));
  }

  /**
   * Lists every policy ({@code Get-AuthenticationPolicy | Format-Table Name -Auto}).
   *
   * @return the policies
   */
  public List<AuthPolicy> list() {
    return store.list();
  }

  /**
   * Reports who holds a policy: its users and whether it is the organisation default.
   *
   * @param policyName the policy
   * @return the holders, with the equivalent PowerShell look-up
   */
  public PolicyHolders holders(String policyName) {
    AuthPolicy.validateName(policyName);
    List<String> ps = List.of(
        "$dn = (" + PowerShell.command("Get-AuthenticationPolicy").param("Identity", policyName) + ").DistinguishedName",
        "Get-User -ResultSize Unlimited -Filter (\"AuthenticationPolicy -eq '{0}'\" -f $dn.Replace(\"'\", \"''\")) | Select-Object UserPrincipalName",
        "(Get-OrganizationConfig).DefaultAuthenticationPolicy");
    boolean isDefault = store.orgDefault().map(d -> d.equalsIgnoreCase(policyName)).orElse(false);
    return new PolicyHolders(policyName, store.usersWith(policyName), isDefault, ps);
  }

  // ---------------------------------------------------------------- policies

  /**
   * Plans a policy that blocks basic authentication for every protocol, as the seed's "Block Basic Auth".
   *
   * @param name the policy name (at most 64 characters; it cannot be renamed later)
   * @return the plan
   * @throws io.github.m365kit.InvalidInputException for an invalid name
   */
  public Plan create(String name) {
    return create(AuthPolicy.blockAll(name));
  }

  /**
   * Plans an exception policy that keeps basic authentication for the named protocols only, for the few accounts
   * that still need it.
   *
   * @param name the policy name
   * @param allowed the protocols that keep basic authentication
   * @return the plan
   */
  public Plan createException(String name, Set<BasicAuthProtocol> allowed) {
    return create(AuthPolicy.builder().name(name).allowBasicAuth(allowed).build());
  }

  /**
   * Plans {@code New-AuthenticationPolicy} for the given policy. The step is done when a policy of that name exists
   * with the same switches; its guard refuses when one exists with different switches (use {@link #update}).
   *
   * @param policy the policy
   * @return the plan
   */
  public Plan create(AuthPolicy policy) {
    PowerShell ps = PowerShell.command("New-AuthenticationPolicy").param("Name", policy.name());
    for (BasicAuthProtocol p : sorted(policy.allowBasicAuth())) {
      ps = ps.switchParam(p.parameter(), true);
    }
    String what = policy.allowBasicAuth().isEmpty() ? "blocking basic authentication for every protocol"
        : "allowing basic authentication only for " + parameters(policy.allowBasicAuth());
    Step step = Step.builder()
        .id("create-policy")
        .description("Create authentication policy '" + policy.name() + "' " + what)
        .powershell(ps)
        .isDone(() -> store.find(policy.name()).map(p -> p.allowBasicAuth().equals(policy.allowBasicAuth())).orElse(false))
        .guard(() -> store.find(policy.name()).map(p -> "policy '" + policy.name() + "' already exists with different switches ("
            + parameters(p.allowBasicAuth()) + "); change it with Set-AuthenticationPolicy instead"))
        .apply(() -> store.create(policy))
        .build();
    String planId = "auth-policy-create:" + policy.name() + ":" + (policy.allowBasicAuth().isEmpty() ? "block-all" : "allow-" + parameters(policy.allowBasicAuth()));
    return new Plan(planId, "Create authentication policy '" + policy.name() + "'", List.of(step),
        List.of("A new policy blocks every protocol unless a switch allows it; it applies to users only once assigned or made the org default."));
  }

  /**
   * Plans {@code Set-AuthenticationPolicy} to change some switches of an existing policy; switches not named keep
   * their value. Allowing renders the bare switch, blocking renders {@code -AllowBasicAuthX:$false}.
   *
   * @param name the policy
   * @param switches protocol to new value (true allows basic authentication)
   * @return the plan
   * @throws NotFoundException when there is no such policy (checked when the plan is built)
   */
  public Plan update(String name, Map<BasicAuthProtocol, Boolean> switches) {
    if (switches.isEmpty()) {
      throw new IllegalArgumentException("switches is empty: name at least one protocol to change");
    }
    get(name);
    PowerShell ps = PowerShell.command("Set-AuthenticationPolicy").param("Identity", name);
    List<String> changes = new ArrayList<>();
    for (BasicAuthProtocol p : sorted(switches.keySet())) {
      boolean v = switches.get(p);
      ps = ps.switchParam(p.parameter(), v);
      changes.add(p.parameter() + "=" + v);
    }
    Step step = Step.builder()
        .id("update-policy")
        .description("Set " + String.join(", ", changes) + " on authentication policy '" + name + "'")
        .powershell(ps)
        .isDone(() -> target(name, switches).equals(get(name)))
        .apply(() -> store.update(target(name, switches)))
        .build();
    return new Plan("auth-policy-update:" + name, "Change authentication policy '" + name + "'", List.of(step),
        List.of("Changes reach users within 24 hours, or within about 30 minutes after a token refresh."));
  }

  private AuthPolicy target(String name, Map<BasicAuthProtocol, Boolean> switches) {
    AuthPolicy current = get(name);
    Set<BasicAuthProtocol> allowed = current.allowBasicAuth().isEmpty() ? EnumSet.noneOf(BasicAuthProtocol.class) : EnumSet.copyOf(current.allowBasicAuth());
    switches.forEach((p, v) -> {
      if (v) {
        allowed.add(p);
      } else {
        allowed.remove(p);
      }
    });
    return AuthPolicy.builder().name(current.name()).allowBasicAuth(allowed).build();
  }

  /**
   * Plans {@code Remove-AuthenticationPolicy}. The store refuses while the policy is assigned to users or is the
   * org default, naming who holds it; the plan then stops at this step with that message (see {@link #holders}).
   *
   * @param name the policy
   * @return the plan
   */
  public Plan delete(String name) {
    AuthPolicy.validateName(name);
    Step step = Step.builder()
        .id("remove-policy")
        .description("Remove authentication policy '" + name + "' (refused while users or the org default hold it)")
        .powershell(PowerShell.command("Remove-AuthenticationPolicy").param("Identity", name).switchParam("Confirm", false))
        .isDone(() -> store.find(name).isEmpty())
        .apply(() -> store.delete(name))
        .build();
    return new Plan("auth-policy-remove:" + name, "Remove authentication policy '" + name + "'", List.of(step), List.of());
  }

  // ---------------------------------------------------------------- users

  /**
   * Plans assigning a policy to pilot users, each followed by a token refresh so the policy applies within about
   * 30 minutes. Steps come in pairs per user ({@code assign-…}, {@code refresh-…}). A refresh follows only an
   * assignment this run of the plan made: a user who already holds the policy is not signed out again (so a run that
   * was killed between the two steps of a user does not refresh that user on resume; refresh them with a new plan).
   *
   * @param policyName the policy
   * @param users the pilot users
   * @param refresh how to refresh tokens
   * @return the plan
   */
  public Plan assign(String policyName, List<Upn> users, TokenRefresh refresh) {
    return assign(policyName, users, refresh, null);
  }

  /**
   * Like {@link #assign(String, List, TokenRefresh)}, for a rerun with the journal of a run that stopped: a user whose
   * policy an earlier run assigned (or tried to) still gets the token refresh, although the assignment now reads back
   * as done.
   *
   * @param policyName the policy
   * @param users the pilot users
   * @param refresh how to make the policy apply sooner
   * @param journal the journal the plan runs with, or null for a first run
   * @return the plan
   */
  public Plan assign(String policyName, List<Upn> users, TokenRefresh refresh, io.github.m365kit.plan.Journal journal) {
    AuthPolicy.validateName(policyName);
    directory.requireUsers(users, "pilot user");
    String planId = "auth-assign:" + policyName + ":" + usersKey(users);
    java.util.Set<String> startedEarlier = new java.util.HashSet<>();
    if (journal != null) {
      for (io.github.m365kit.plan.Journal.Entry e : journal.entries()) {
        if (e.plan().equals(planId) && (e.status() == io.github.m365kit.plan.StepStatus.APPLIED || e.status() == io.github.m365kit.plan.StepStatus.FAILED)) {
          startedEarlier.add(e.step());
        } else if (e.plan().equals(planId) && e.status() == io.github.m365kit.plan.StepStatus.PLAN_COMPLETED) {
          startedEarlier.clear();
        }
      }
    }
    List<Step> steps = new ArrayList<>();
    for (Upn u : new LinkedHashSet<>(users)) {
      String key = stepKey(u);
      steps.addAll(userSteps(u, policyName, refresh, key, startedEarlier.contains("assign-" + key)));
    }
    return new Plan(planId, "Assign authentication policy '" + policyName + "' to "
        + users.size() + " user(s)", steps, List.of(refreshNote(refresh),
        "Leave pilot users on the policy for a while: systems still using basic authentication show up as failed sign-ins."));
  }

  /**
   * Builds the plan for one user of a rollout: assign the policy, then refresh tokens as asked.
   *
   * @param user the user
   * @param policyName the policy
   * @param refresh how to refresh tokens
   * @return the plan, with the id {@code auth-rollout:<policy>:<upn in lower case>}
   */
  public Plan rolloutPlan(Upn user, String policyName, TokenRefresh refresh) {
    return rolloutPlan(user, policyName, refresh, false);
  }

  /**
   * @param assignedEarlier whether an earlier run of this plan assigned (or tried to assign) the policy: its token
   *     refresh is then still owed even though the assignment now reads back as done
   */
  Plan rolloutPlan(Upn user, String policyName, TokenRefresh refresh, boolean assignedEarlier) {
    return new Plan(rolloutPlanId(user, policyName), "Assign authentication policy '" + policyName + "' to " + user.value(),
        userSteps(user, policyName, refresh, "", assignedEarlier), List.of());
  }

  static String rolloutPlanId(Upn user, String policyName) {
    return "auth-rollout:" + policyName + ":" + user.value().toLowerCase(Locale.ROOT);
  }

  private List<Step> userSteps(Upn u, String policyName, TokenRefresh refresh, String key, boolean assignedEarlier) {
    String suffix = key.isEmpty() ? "" : "-" + key;
    AtomicBoolean changed = new AtomicBoolean(assignedEarlier);
    List<Step> steps = new ArrayList<>();
    steps.add(Step.builder()
        .id("assign" + suffix)
        .description("Assign authentication policy '" + policyName + "' to " + u.value())
        .powershell(PowerShell.command("Set-User").param("Identity", u.value()).param("AuthenticationPolicy", policyName))
        .isDone(() -> store.assigned(u).map(policyName::equalsIgnoreCase).orElse(false))
        .guard(() -> store.find(policyName).isPresent() ? Optional.empty() : Optional.of("authentication policy '" + policyName + "' does not exist; create it first"))
        .apply(() -> {
          store.assign(u, Optional.of(policyName));
          changed.set(true);
        })
        .build());
    if (refresh != TokenRefresh.NONE) {
      steps.add(refreshStep(u, refresh, "refresh" + suffix, () -> !changed.get()));
    }
    return steps;
  }

  private Step refreshStep(Upn u, TokenRefresh refresh, String id, BooleanSupplier nothingChanged) {
    Step.Builder b = Step.builder().id(id).isDone(nothingChanged).verify(() -> true);
    if (refresh == TokenRefresh.EXCHANGE_STS) {
      return b.description("Refresh tokens of " + u.value() + " (Exchange: STSRefreshTokensValidFrom = now) so the policy applies within about 30 minutes")
          .powershell(PowerShell.command("Set-User").param("Identity", u.value()).expressionParam("STSRefreshTokensValidFrom", "$([System.DateTime]::UtcNow)"))
          .apply(() -> store.refreshTokens(u, clock.instant()))
          .build();
    }
    return b.description("Revoke sign-in sessions of " + u.value() + " through Microsoft Graph (POST /users/{id}/revokeSignInSessions),"
            + " the Graph alternative to Set-User -STSRefreshTokensValidFrom")
        .powershell(PowerShell.command("Revoke-MgUserSignInSession").param("UserId", u.value()))
        .apply(() -> directory.revokeSignInSessions(u))
        .build();
  }

  private static String refreshNote(TokenRefresh refresh) {
    switch (refresh) {
      case NONE:
        return "No token refresh: the policy applies within 24 hours.";
      case EXCHANGE_STS:
        return "Tokens are refreshed with Set-User -STSRefreshTokensValidFrom: the policy applies within about 30 minutes.";
      default:
        return "Sessions are revoked through Microsoft Graph (revokeSignInSessions) instead of Set-User -STSRefreshTokensValidFrom;"
            + " users sign in again everywhere.";
    }
  }

  /**
   * Plans removing the policy assignment from a user ({@code Set-User -AuthenticationPolicy $null}); the org
   * default, if any, then applies to the user.
   *
   * @param user the user
   * @return the plan
   */
  public Plan unassign(Upn user) {
    Step step = Step.builder()
        .id("unassign")
        .description("Remove the authentication policy assignment from " + user.value())
        .powershell(PowerShell.command("Set-User").param("Identity", user.value()).nullParam("AuthenticationPolicy"))
        .isDone(() -> store.assigned(user).isEmpty())
        .apply(() -> store.assign(user, Optional.empty()))
        .build();
    return new Plan("auth-unassign:" + user.value().toLowerCase(Locale.ROOT), "Remove the authentication policy from " + user.value(), List.of(step),
        List.of("The organisation default policy, if one is set, applies to the user from now on."));
  }

  /**
   * Starts a company-wide rollout of a policy to every user of the cloud directory.
   *
   * @param policyName the policy every user gets, except those given an exception
   * @return a rollout to configure and run
   */
  public Rollout rollout(String policyName) {
    return new Rollout(this, AuthPolicy.validateName(policyName));
  }

  // ---------------------------------------------------------------- org default

  /**
   * Plans making the policy the organisation default, so new accounts get it. Policies assigned to users take
   * precedence. The plan's notes name the previous default and the command that restores it.
   *
   * @param policyName the policy
   * @return the plan
   */
  public Plan setOrgDefault(String policyName) {
    AuthPolicy.validateName(policyName);
    Optional<String> previous = store.orgDefault();
    Step step = Step.builder()
        .id("set-org-default")
        .description("Make authentication policy '" + policyName + "' the organisation default")
        .powershell(PowerShell.command("Set-OrganizationConfig").param("DefaultAuthenticationPolicy", policyName))
        .isDone(() -> store.orgDefault().map(policyName::equalsIgnoreCase).orElse(false))
        .guard(() -> store.find(policyName).isPresent() ? Optional.empty() : Optional.of("authentication policy '" + policyName + "' does not exist; create it first"))
        .apply(() -> store.setOrgDefault(Optional.of(policyName)))
        .build();
    String undo = "Undo with: " + orgDefaultCommand(previous) + " (previous default: " + previous.map(p -> "'" + p + "'").orElse("none") + ")";
    return new Plan("auth-org-default:" + policyName, "Make '" + policyName + "' the default authentication policy", List.of(step),
        List.of("User-assigned policies take precedence over the default.", undo));
  }

  /**
   * Plans the undo of {@link #setOrgDefault}: restores the previous default, or removes the default when there was
   * none ({@code -DefaultAuthenticationPolicy $null}).
   *
   * @param previous the default before the change, or empty
   * @return the plan
   */
  public Plan restoreOrgDefault(Optional<String> previous) {
    previous.ifPresent(AuthPolicy::validateName);
    Step step = Step.builder()
        .id("restore-org-default")
        .description(previous.map(p -> "Make '" + p + "' the organisation default again").orElse("Remove the organisation default authentication policy"))
        .powershell(orgDefaultPs(previous))
        .isDone(() -> sameName(store.orgDefault(), previous))
        .apply(() -> store.setOrgDefault(previous))
        .build();
    return new Plan("auth-org-default-restore:" + previous.orElse("none"), "Restore the default authentication policy", List.of(step), List.of());
  }

  private static boolean sameName(Optional<String> a, Optional<String> b) {
    return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().equalsIgnoreCase(b.get()));
  }

  private static PowerShell orgDefaultPs(Optional<String> policy) {
    PowerShell ps = PowerShell.command("Set-OrganizationConfig");
    return policy.map(p -> ps.param("DefaultAuthenticationPolicy", p)).orElseGet(() -> ps.nullParam("DefaultAuthenticationPolicy"));
  }

  private static String orgDefaultCommand(Optional<String> policy) {
    return orgDefaultPs(policy).toString();
  }

  // ---------------------------------------------------------------- SharePoint

  /**
   * Plans turning off legacy authentication protocols in SharePoint Online and OneDrive
   * ({@code Set-SPOTenant -LegacyAuthProtocolsEnabled $false}). m365kit has no SharePoint port, so this is a
   * manual step: it renders the command, and running the plan stops at the step with a message asking the admin
   * to run it in the SharePoint Online Management Shell.
   *
   * @return the plan with one manual step
   */
  public Plan disableSharePointLegacyAuth() {
    String manual = "manual step: m365kit has no SharePoint port; run Set-SPOTenant -LegacyAuthProtocolsEnabled $false in the SharePoint Online Management Shell";
    Step step = Step.builder()
        .id("manual-spo-legacy-auth")
        .description("MANUAL: turn off legacy authentication in SharePoint Online and OneDrive (no SharePoint port in m365kit)")
        .powershell(PowerShell.command("Set-SPOTenant").param("LegacyAuthProtocolsEnabled", false))
        .isDone(() -> false)
        .guard(() -> Optional.of(manual))
        .apply(() -> {
          throw new IllegalStateException(manual);
        })
        .build();
    return new Plan("auth-spo-legacy-auth", "Turn off legacy authentication in SharePoint Online (manual)", List.of(step),
        List.of("This step is not run by m365kit: run the command yourself after Connect-SPOService."));
  }

  // ---------------------------------------------------------------- helpers

  private static List<BasicAuthProtocol> sorted(Set<BasicAuthProtocol> set) {
    List<BasicAuthProtocol> l = new ArrayList<>(set);
    l.sort(null);
    return l;
  }

  private static String parameters(Set<BasicAuthProtocol> set) {
    if (set.isEmpty()) {
      return "no protocol";
    }
    List<String> names = new ArrayList<>();
    for (BasicAuthProtocol p : sorted(set)) {
      names.add(p.parameter());
    }
    return String.join(", ", names);
  }

  /** A step-id fragment for a user: the UPN reduced to [a-z0-9.-] plus a checksum of the exact value, so two UPNs never collide. */
  static String stepKey(Upn u) {
    String lower = u.value().toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ? c : '-');
    }
    return sb + "-" + Long.toHexString(crc(lower));
  }

  private static String usersKey(List<Upn> users) {
    StringBuilder sb = new StringBuilder();
    for (Upn u : users) {
      sb.append(u.value().toLowerCase(Locale.ROOT)).append('\n');
    }
    return Long.toHexString(crc(sb.toString()));
  }

  private static long crc(String s) {
    CRC32 c = new CRC32();
    c.update(s.getBytes(StandardCharsets.UTF_8));
    return c.getValue();
  }
}
