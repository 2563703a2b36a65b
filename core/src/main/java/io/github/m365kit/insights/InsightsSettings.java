package io.github.m365kit.insights;

import io.github.m365kit.NotFoundException;
import io.github.m365kit.model.CloudUser;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkReport;
import io.github.m365kit.plan.BulkRunner;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PowerShell;
import io.github.m365kit.plan.Step;
import io.github.m365kit.spi.CloudDirectory;
import io.github.m365kit.spi.InsightsStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Reads and changes MyAnalytics / Viva Insights settings: effective settings per user, the "before the Welcome emails
 * go out" check, and plans for per-user opt-in/opt-out (one user or in bulk), per-user features and tenant defaults.
 * Immutable and thread-safe when its ports are.
 *
 * <p><b>Effective settings.</b> Each value is the user's own setting when there is one, else the tenant default. The
 * users' privacy mode defaults to opt-in (documented for every user, licensed or not). Graph item insights are
 * reported alongside but are a different control (Delve and the profile card, not MyAnalytics).
 *
 * <p><b>The Welcome email rule (UNCONFIRMED).</b> m365kit predicts a Welcome email for a user who holds an Exchange
 * Online license, is opted in, and whose tenant has the "Weekly insights email" checkbox on. The last condition comes
 * from one source only: the product group told the seed blog's author that turning off the weekly insights email at
 * the admin end also turns off the Welcome email. No Microsoft documentation confirming it was found, and the
 * license test is a proxy (the MyAnalytics service plan is not read). Every output that depends on the rule says so.
 *
 * <p><b>Journals.</b> Plan ids name the mode (and, for single-user plans, the user); step ids name the user. A journal
 * that recorded a user as finished skips that user when the same plan runs again, so use a fresh journal for a change
 * that reverses an earlier one (opt-out, opt-in, then opt-out again).
 *
 * <pre>{@code
 * var tenant = InMemoryTenant.demo();
 * var insights = InsightsSettings.using(new InMemoryInsightsStore(tenant.faults()), tenant);
 * System.out.print(insights.welcomeCheck().render());
 * Plan p = insights.privacyModePlan(List.of(Upn.of("jane.doe@contoso.com")), PrivacyMode.OPT_OUT);
 * PlanRunner.create().run(p).orThrow();
 * }</pre>
 */
public final class InsightsSettings {
  /** The caveat shown with every result that depends on the Welcome-email rule. */
  public static final String WELCOME_RULE_CAVEAT = "UNCONFIRMED: that turning off the Weekly insights email also stops the Welcome email "
      + "comes only from the seed blog (a product-group tip); no Microsoft documentation confirms it";

  private static final List<UserFeature> SWITCHES = List.of(UserFeature.DASHBOARD, UserFeature.ADD_IN, UserFeature.DIGEST_EMAIL);

  private final InsightsStore store;
  private final CloudDirectory directory;

  private InsightsSettings(InsightsStore store, CloudDirectory directory) {
    this.store = Objects.requireNonNull(store, "store == null");
    this.directory = Objects.requireNonNull(directory, "directory == null");
  }

  /**
   * @param store the MyAnalytics settings
   * @param directory the users and their licenses
   * @return the operations
   */
  public static InsightsSettings using(InsightsStore store, CloudDirectory directory) {
    return new InsightsSettings(store, directory);
  }

  /** @return the tenant defaults as the store reports them */
  public TenantInsightsDefaults tenantDefaults() {
    return store.tenantDefaults();
  }

  /**
   * Computes one user's effective settings.
   *
   * @param upn the user
   * @return the settings
   * @throws io.github.m365kit.NotFoundException when the directory has no such user
   */
  public EffectiveInsights effective(Upn upn) {
    return effective(directory.getUser(upn), store.tenantDefaults());
  }

  private EffectiveInsights effective(CloudUser user, TenantInsightsDefaults defaults) {
    Upn upn = user.userPrincipalName();
    UserInsightsOverrides own = store.userConfig(upn);
    Setting<PrivacyMode> mode = own.privacyMode().map(m -> new Setting<>(m, Setting.Source.USER))
        .orElseGet(() -> new Setting<>(defaults.defaultPrivacyMode(), Setting.Source.TENANT_DEFAULT));
    Map<UserFeature, Setting<Boolean>> features = new EnumMap<>(UserFeature.class);
    for (UserFeature f : SWITCHES) {
      features.put(f, own.feature(f).map(v -> new Setting<>(v, Setting.Source.USER))
          .orElseGet(() -> new Setting<>(defaults.isEnabled(tenantFeature(f)), Setting.Source.TENANT_DEFAULT)));
    }
    boolean weekly = defaults.isEnabled(TenantFeature.WEEKLY_INSIGHTS_EMAIL);
    boolean licensed = user.hasExchangeLicense();
    boolean welcome = licensed && mode.value() == PrivacyMode.OPT_IN && weekly;
    return new EffectiveInsights(upn, licensed, mode, features, weekly, welcome, store.itemInsightsEnabled(upn));
  }

  private static TenantFeature tenantFeature(UserFeature f) {
    switch (f) {
      case ADD_IN:
        return TenantFeature.ADD_IN;
      case DASHBOARD:
        return TenantFeature.DASHBOARD;
      case DIGEST_EMAIL:
        return TenantFeature.DIGEST_EMAIL;
      default:
        throw new IllegalArgumentException("no tenant default for " + f);
    }
  }

  /**
   * The "before the Welcome emails go out" check: for every user in the directory, whether a Welcome email would go
   * out now and why, under the UNCONFIRMED rule in the class description.
   *
   * @return the report
   */
  public WelcomeReport welcomeCheck() {
    TenantInsightsDefaults defaults = store.tenantDefaults();
    List<CloudUser> users = new ArrayList<>();
    directory.forEachUser(users::add);
    List<WelcomeCheck> checks = new ArrayList<>();
    for (CloudUser u : users) {
      EffectiveInsights e = effective(u, defaults);
      List<String> reasons = new ArrayList<>();
      reasons.add(e.licensed() ? "licensed: holds an Exchange Online license (m365kit's proxy for MyAnalytics)"
          : "not licensed: holds no Exchange Online license, so no mailbox for MyAnalytics");
      reasons.add("privacy mode " + e.privacyMode().value().cmdletValue()
          + (e.privacyMode().source() == Setting.Source.USER ? " (set for the user)" : " (tenant default)"));
      reasons.add("tenant Weekly insights email " + (e.weeklyInsightsEmail() ? "on" : "off (this also stops the Welcome email: UNCONFIRMED)"));
      checks.add(new WelcomeCheck(u.userPrincipalName(), e.welcomeEmail(), reasons));
    }
    List<String> notes = new ArrayList<>();
    notes.add(WELCOME_RULE_CAVEAT);
    if (defaults.isEnabled(TenantFeature.WEEKLY_INSIGHTS_EMAIL)) {
      notes.add("to stop every Welcome email, turn off the tenant's Weekly insights email (admin center > Settings > Org settings); "
          + "to stop them per user, opt the users out");
    }
    return new WelcomeReport(checks, defaults.isEnabled(TenantFeature.WEEKLY_INSIGHTS_EMAIL), notes);
  }

  /**
   * A plan that sets the privacy mode of several users, one step per user ({@code Set-MyAnalyticsFeatureConfig
   * -Identity … -PrivacyMode …}). A step is done when the user's own setting already has that mode; a step refuses
   * to run for a user the directory doesn't know. Run it with a journal to resume after a failure; dry-run it to
   * see what would change.
   *
   * @param users the users (duplicates are dropped)
   * @param mode the mode to set
   * @return the plan
   * @throws NotFoundException when a user is not in the directory (nothing is planned; the message names them all)
   */
  public Plan privacyModePlan(List<Upn> users, PrivacyMode mode) {
    Objects.requireNonNull(mode, "mode == null");
    directory.requireUsers(users, "user");
    List<Step> steps = new ArrayList<>();
    for (Upn u : new LinkedHashSet<>(users)) {
      steps.add(privacyStep(stepId(u), u, mode));
    }
    List<String> notes = new ArrayList<>();
    notes.add("Set-MyAnalyticsFeatureConfig needs the Global, Exchange or Insights administrator role");
    if (mode == PrivacyMode.OPT_OUT) {
      notes.add("opted-out users get no personal insights and, under the UNCONFIRMED rule, no Welcome email");
    }
    return new Plan("insights-privacy-mode:" + mode.cmdletValue(), "Set the MyAnalytics privacy mode to " + mode.cmdletValue() + " for "
        + steps.size() + " user(s)", steps, notes);
  }

  /**
   * A one-step plan that sets one user's privacy mode; its id names the user, so many of these can share a journal in
   * a {@link BulkRunner}.
   *
   * @param user the user
   * @param mode the mode
   * @return the plan
   */
  public Plan privacyModePlan(Upn user, PrivacyMode mode) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(mode, "mode == null");
    return new Plan("insights-privacy-mode:" + mode.cmdletValue() + ":" + user.value().toLowerCase(Locale.ROOT),
        "Set the MyAnalytics privacy mode of " + user + " to " + mode.cmdletValue(), List.of(privacyStep("set-privacy-mode", user, mode)), List.of());
  }

  /**
   * Sets the privacy mode of many users with a {@link BulkRunner} (bounded concurrency, shared journal, per-user
   * report); one user's failure does not stop the others.
   *
   * @param runner the bulk runner (carries the journal)
   * @param users the users
   * @param mode the mode
   * @return the per-user report, named by user principal name
   */
  public BulkReport runBulk(BulkRunner runner, List<Upn> users, PrivacyMode mode) {
    return runner.run(List.copyOf(new LinkedHashSet<>(users)), Upn::value, u -> privacyModePlan(u, mode));
  }

  private Step privacyStep(String id, Upn u, PrivacyMode mode) {
    return Step.builder()
        .id(id)
        .description("Set the MyAnalytics privacy mode of " + u + " to " + mode.cmdletValue())
        .powershell(PowerShell.command("Set-MyAnalyticsFeatureConfig").param("Identity", u.value()).param("PrivacyMode", mode.cmdletValue()))
        .isDone(() -> store.userConfig(u).privacyMode().equals(Optional.of(mode)))
        .guard(() -> directory.findUser(u).isPresent() ? Optional.empty() : Optional.of("the directory has no user " + u))
        .apply(() -> store.setUserPrivacyMode(u, mode))
        .build();
  }

  /**
   * A plan that sets one feature for one user ({@code Set-MyAnalyticsFeatureConfig -Identity … -Feature …
   * -IsEnabled …}); {@link UserFeature#ALL} sets every feature.
   *
   * @param user the user
   * @param feature the feature
   * @param enabled the value
   * @return the plan
   */
  public Plan userFeaturePlan(Upn user, UserFeature feature, boolean enabled) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(feature, "feature == null");
    List<UserFeature> affected = feature == UserFeature.ALL ? SWITCHES : List.of(feature);
    Step step = Step.builder()
        .id("set-feature-" + feature.cmdletValue())
        .description("Turn " + feature.cmdletValue() + " " + (enabled ? "on" : "off") + " for " + user)
        .powershell(PowerShell.command("Set-MyAnalyticsFeatureConfig").param("Identity", user.value()).param("Feature", feature.cmdletValue())
            .param("IsEnabled", enabled))
        .isDone(() -> {
          UserInsightsOverrides own = store.userConfig(user);
          return affected.stream().allMatch(f -> own.feature(f).equals(Optional.of(enabled)));
        })
        .guard(() -> directory.findUser(user).isPresent() ? Optional.empty() : Optional.of("the directory has no user " + user))
        .apply(() -> store.setUserFeature(user, feature, enabled))
        .build();
    return new Plan("insights-feature:" + feature.cmdletValue() + ":" + enabled + ":" + user.value().toLowerCase(Locale.ROOT),
        "Turn the MyAnalytics " + feature.cmdletValue() + " feature " + (enabled ? "on" : "off") + " for " + user, List.of(step), List.of());
  }

  /**
   * A plan that sets a tenant default ({@code Set-DefaultTenantMyAnalyticsFeatureConfig -Feature … -IsEnabled …}).
   * For the items without a documented cmdlet value the PowerShell rendering is a comment pointing to the admin
   * center. Turning off {@link TenantFeature#WEEKLY_INSIGHTS_EMAIL} carries a note on the UNCONFIRMED Welcome-email
   * rule.
   *
   * @param feature the feature
   * @param enabled the new default
   * @return the plan
   */
  public Plan tenantDefaultPlan(TenantFeature feature, boolean enabled) {
    Objects.requireNonNull(feature, "feature == null");
    Step.Builder b = Step.builder()
        .id("set-tenant-default-" + feature.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .description("Turn the tenant default for " + feature.label() + " " + (enabled ? "on" : "off"))
        .isDone(() -> store.tenantDefaults().isEnabled(feature) == enabled)
        .apply(() -> store.setTenantDefault(feature, enabled));
    if (feature.cmdletValue().isPresent()) {
      b.powershell(PowerShell.command("Set-DefaultTenantMyAnalyticsFeatureConfig").param("Feature", feature.cmdletValue().get()).param("IsEnabled", enabled));
    } else {
      b.powershellLines(List.of("# no documented cmdlet parameter: use Microsoft 365 admin center > Settings > Org settings > Viva Insights (MyAnalytics)"));
    }
    List<String> notes = new ArrayList<>();
    notes.add("users can override tenant defaults; their own settings win");
    if (!feature.confirmed()) {
      notes.add(feature.label() + ": UNCONFIRMED as a tenant setting in Microsoft documentation");
    }
    if (feature == TenantFeature.WEEKLY_INSIGHTS_EMAIL && !enabled) {
      notes.add("turning this off should also stop the Welcome email -- " + WELCOME_RULE_CAVEAT);
    }
    return new Plan("insights-tenant-default:" + feature.name().toLowerCase(Locale.ROOT) + ":" + enabled,
        "Turn the MyAnalytics tenant default " + feature.label() + " " + (enabled ? "on" : "off"), List.of(b.build()), notes);
  }

  /**
   * A plan that sets whether users are opted in or out by default. No cmdlet parameter for this is documented; the
   * PowerShell rendering is a comment pointing to the admin center.
   *
   * @param mode the new default
   * @return the plan
   */
  public Plan tenantPrivacyModePlan(PrivacyMode mode) {
    Objects.requireNonNull(mode, "mode == null");
    Step step = Step.builder()
        .id("set-tenant-default-privacy-mode")
        .description("Make " + mode.cmdletValue() + " the default privacy mode for users who haven't chosen")
        .powershellLines(List.of("# no documented cmdlet parameter: use Microsoft 365 admin center > Settings > Org settings > Viva Insights (MyAnalytics)"))
        .isDone(() -> store.tenantDefaults().defaultPrivacyMode() == mode)
        .apply(() -> store.setTenantDefaultPrivacyMode(mode))
        .build();
    return new Plan("insights-tenant-privacy-mode:" + mode.cmdletValue(), "Make " + mode.cmdletValue() + " the MyAnalytics default",
        List.of(step), List.of("users who set their own privacy mode keep it"));
  }

  /** A stable step id for a user: readable, lower-case, plus a checksum so distinct addresses never collide. */
  static String stepId(Upn u) {
    String lower = u.value().toLowerCase(Locale.ROOT);
    CRC32 crc = new CRC32();
    crc.update(lower.getBytes(StandardCharsets.UTF_8));
    String readable = lower.replaceAll("[^a-z0-9.-]", "-");
    return "user-" + readable + "-" + String.format("%08x", crc.getValue());
  }
}
