package io.github.m365kit.auth;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.spi.ConditionalAccessStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link LegacyAuthBlockPolicy} through a {@link ConditionalAccessStore}, idempotently: the policy is found
 * by display name (ignoring case); when absent it is created; when present only its state and its exclusions are
 * changed, and only if they differ. Running it twice changes nothing the second time. Other differences from the
 * recipe (client apps, applications, included users, grant) are reported as warnings and left alone, because someone
 * changed them on purpose or the name belongs to another policy.
 *
 * <p>Exclusions are replaced, not merged: the policy ends up excluding exactly the users and groups of the
 * {@link LegacyAuthBlockPolicy}. Removed exclusions are listed in {@link Result#changes()}.
 *
 * <p><b>Why enforcing without an exclusion is refused.</b> An enforced policy for all users with no exclusion leaves
 * no account outside it. Microsoft's recipe for this policy excludes emergency-access (break-glass) accounts and
 * accounts that still need legacy authentication; with none excluded, a later edit of the policy (for example widening
 * the client apps) or a forgotten service account that still signs in with basic authentication has no way back that
 * does not go through the policy itself. Report-only mode blocks nothing and is therefore never refused. Pass
 * {@code force} to enforce anyway.
 *
 * <pre>{@code
 * var result = LegacyAuthBlockApplier.using(tenant)
 *     .apply(LegacyAuthBlockPolicy.builder().excludeUser(breakGlassId).build(), false);
 * System.out.print(result.render());
 * }</pre>
 *
 * Immutable and thread-safe when its port is. A policy can take up to 24 hours to take effect.
 */
public final class LegacyAuthBlockApplier {
  private final ConditionalAccessStore store;

  private LegacyAuthBlockApplier(ConditionalAccessStore store) {
    this.store = Objects.requireNonNull(store, "store == null");
  }

  /**
   * @param store the Conditional Access port
   * @return the applier
   */
  public static LegacyAuthBlockApplier using(ConditionalAccessStore store) {
    return new LegacyAuthBlockApplier(store);
  }

  /**
   * Creates or updates the policy.
   *
   * @param desired the policy as it should be
   * @param force true to enforce even without an excluded user or group
   * @return what was done
   * @throws InvalidInputException when {@code desired} is enforced, excludes nobody and {@code force} is false;
   *     nothing is read or changed then
   * @throws io.github.m365kit.AmbiguousMatchException when several policies carry the display name
   */
  public Result apply(LegacyAuthBlockPolicy desired, boolean force) {
    Objects.requireNonNull(desired, "desired == null");
    if (desired.enforced() && desired.excludeUsers().isEmpty() && desired.excludeGroups().isEmpty() && !force) {
      throw new InvalidInputException("conditional access policy", desired.displayName(),
          "refusing to enforce a block for all users without an excluded break-glass account: exclude at least one "
              + "emergency-access account (or force it)");
    }
    ConditionalAccessPolicy want = desired.toPolicy();
    Optional<ConditionalAccessPolicy> existing = store.findConditionalAccessPolicy(desired.displayName());
    if (existing.isEmpty()) {
      ConditionalAccessPolicy created = store.createConditionalAccessPolicy(want);
      return new Result(Outcome.CREATED, created, List.of("created '" + created.displayName() + "' (id " + created.id().orElse("?")
          + ") in state " + created.state().graphValue() + ", excluding " + describe(created.users())), List.of());
    }
    ConditionalAccessPolicy have = existing.get();
    List<String> changes = new ArrayList<>();
    Optional<ConditionalAccessPolicy.State> state = Optional.empty();
    if (have.state() != want.state()) {
      state = Optional.of(want.state());
      changes.add("state: " + have.state().graphValue() + " -> " + want.state().graphValue());
    }
    Optional<ConditionalAccessPolicy.Users> users = Optional.empty();
    boolean usersDiffer = diff("excludeUsers", have.users().excludeUsers(), want.users().excludeUsers(), changes);
    boolean groupsDiffer = diff("excludeGroups", have.users().excludeGroups(), want.users().excludeGroups(), changes);
    if (usersDiffer || groupsDiffer) {
      users = Optional.of(have.users().withExclusions(want.users().excludeUsers(), want.users().excludeGroups()));
    }
    List<String> warnings = drift(have, want);
    if (changes.isEmpty()) {
      return new Result(Outcome.UNCHANGED, have, List.of(), warnings);
    }
    ConditionalAccessPolicy.Change change = new ConditionalAccessPolicy.Change(state, users);
    String id = have.id().orElseThrow(() -> new IllegalStateException("the store returned a policy without an id"));
    store.updateConditionalAccessPolicy(id, change);
    return new Result(Outcome.UPDATED, have.with(change), changes, warnings);
  }

  private static boolean diff(String what, List<String> have, List<String> want, List<String> changes) {
    Set<String> h = lower(have);
    Set<String> w = lower(want);
    if (h.equals(w)) {
      return false;
    }
    Set<String> added = new LinkedHashSet<>(w);
    added.removeAll(h);
    Set<String> removed = new LinkedHashSet<>(h);
    removed.removeAll(w);
    changes.add(what + ":" + (added.isEmpty() ? "" : " added " + added) + (removed.isEmpty() ? "" : " removed " + removed));
    return true;
  }

  private static Set<String> lower(List<String> ids) {
    Set<String> out = new LinkedHashSet<>();
    ids.forEach(i -> out.add(i.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static List<String> drift(ConditionalAccessPolicy have, ConditionalAccessPolicy want) {
    List<String> out = new ArrayList<>();
    if (!have.clientAppTypes().equals(want.clientAppTypes())) {
      out.add("clientAppTypes are " + have.clientAppTypes().stream().map(ConditionalAccessPolicy.ClientAppType::graphValue).sorted().toList()
          + ", the recipe has [exchangeActiveSync, other]");
    }
    if (!lower(have.includeApplications()).equals(lower(want.includeApplications()))) {
      out.add("includeApplications are " + have.includeApplications() + ", the recipe has [All]");
    }
    if (!lower(have.users().includeUsers()).equals(lower(want.users().includeUsers())) || !have.users().includeGroups().isEmpty()) {
      out.add("the policy includes users " + have.users().includeUsers() + " and groups " + have.users().includeGroups()
          + ", the recipe includes All users");
    }
    if (!have.grantControls().equals(want.grantControls())) {
      out.add("grant controls are " + have.grantControls().map(g -> g.operator() + " " + g.builtInControls()).orElse("none")
          + ", the recipe has OR [block]");
    }
    if (!out.isEmpty()) {
      out.add("m365kit changes only the state and the exclusions of an existing policy; fix the rest by hand or rename");
    }
    return out;
  }

  private static String describe(ConditionalAccessPolicy.Users u) {
    return u.excludeUsers().size() + " user(s) " + u.excludeUsers() + " and " + u.excludeGroups().size() + " group(s) " + u.excludeGroups();
  }

  /** What {@link #apply(LegacyAuthBlockPolicy, boolean)} did. */
  public enum Outcome {
    /** The policy did not exist and was created. */
    CREATED,
    /** The policy existed; its state and/or exclusions were changed. */
    UPDATED,
    /** The policy existed as wanted; nothing was sent. */
    UNCHANGED
  }

  /**
   * The outcome of one application.
   *
   * @param outcome created, updated or unchanged
   * @param policy the policy as it now is (as far as m365kit changed it)
   * @param changes one line per change made
   * @param warnings differences from the recipe that were left alone
   */
  public record Result(Outcome outcome, ConditionalAccessPolicy policy, List<String> changes, List<String> warnings) {
    /** Copies. */
    public Result {
      Objects.requireNonNull(outcome, "outcome == null");
      Objects.requireNonNull(policy, "policy == null");
      changes = List.copyOf(changes);
      warnings = List.copyOf(warnings);
    }

    /** @return a few lines for an admin: the outcome, each change, each warning and the 24-hour caveat */
    public String render() {
      StringBuilder sb = new StringBuilder();
      sb.append(outcome).append(": '").append(policy.displayName()).append("' (id ").append(policy.id().orElse("?")).append(") is ")
          .append(policy.state().graphValue()).append('\n');
      changes.forEach(c -> sb.append("  changed: ").append(c).append('\n'));
      warnings.forEach(w -> sb.append("  warning: ").append(w).append('\n'));
      if (outcome != Outcome.UNCHANGED) {
        sb.append("  note: a Conditional Access change can take up to 24 hours to take effect\n");
      }
      return sb.toString();
    }
  }
}
