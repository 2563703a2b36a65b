package io.github.m365kit.memory;

import io.github.m365kit.insights.ItemInsightsOrgSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.TenantInsightsDefaults;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.insights.UserInsightsOverrides;
import io.github.m365kit.model.Upn;
import io.github.m365kit.spi.InsightsStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory {@link InsightsStore}, starting in the documented out-of-the-box state: every tenant feature on,
 * users opted in by default, Graph item insights on for the organisation and for every user.
 *
 * <p>Emulated:
 * <ul>
 *   <li>tenant defaults per feature and a default privacy mode; users follow them until they are set;</li>
 *   <li>per-user privacy mode and feature switches override the defaults; {@code -Feature all} sets every feature;</li>
 *   <li>Graph item insights kept apart from MyAnalytics: changing one never changes the other;</li>
 *   <li>{@link Faults}: every port method calls {@code faults.before(name)} with the method's name first.</li>
 * </ul>
 * Not emulated: checks that the identity exists (the real cmdlet fails for an unknown user), licensing (the rule
 * that users with an expired license cannot override defaults), the meeting-effectiveness sampling rate,
 * replication delay, the paused digest email, and the sending of any email. Thread-safe (one lock).
 */
public final class InMemoryInsightsStore implements InsightsStore {
  private final Faults faults;
  private TenantInsightsDefaults defaults = TenantInsightsDefaults.microsoftDefaults();
  private final Map<Upn, UserInsightsOverrides> users = new LinkedHashMap<>();
  private ItemInsightsOrgSettings itemInsightsOrg = ItemInsightsOrgSettings.defaults();
  private final Map<Upn, Boolean> itemInsightsUsers = new LinkedHashMap<>();

  /** Creates a store with its own fault injector. */
  public InMemoryInsightsStore() {
    this(new Faults());
  }

  /**
   * Creates a store that consults the given fault injector (pass {@code tenant.faults()} to share one).
   *
   * @param faults the fault injector
   */
  public InMemoryInsightsStore(Faults faults) {
    this.faults = Objects.requireNonNull(faults, "faults == null");
  }

  /** @return the fault injector consulted before every port call */
  public Faults faults() {
    return faults;
  }

  @Override
  public synchronized TenantInsightsDefaults tenantDefaults() {
    faults.before("tenantDefaults");
    return defaults;
  }

  @Override
  public synchronized void setTenantDefault(TenantFeature feature, boolean enabled) {
    Objects.requireNonNull(feature, "feature == null");
    faults.before("setTenantDefault");
    defaults = defaults.with(feature, enabled);
  }

  @Override
  public synchronized void setTenantDefaultPrivacyMode(PrivacyMode mode) {
    Objects.requireNonNull(mode, "mode == null");
    faults.before("setTenantDefaultPrivacyMode");
    defaults = defaults.with(mode);
  }

  @Override
  public synchronized UserInsightsOverrides userConfig(Upn user) {
    Objects.requireNonNull(user, "user == null");
    faults.before("userConfig");
    return users.getOrDefault(user, UserInsightsOverrides.none(user));
  }

  @Override
  public synchronized void setUserPrivacyMode(Upn user, PrivacyMode mode) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(mode, "mode == null");
    faults.before("setUserPrivacyMode");
    users.put(user, users.getOrDefault(user, UserInsightsOverrides.none(user)).withPrivacyMode(mode));
  }

  @Override
  public synchronized void setUserFeature(Upn user, UserFeature feature, boolean enabled) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(feature, "feature == null");
    faults.before("setUserFeature");
    users.put(user, users.getOrDefault(user, UserInsightsOverrides.none(user)).withFeature(feature, enabled));
  }

  @Override
  public synchronized ItemInsightsOrgSettings itemInsightsOrg() {
    faults.before("itemInsightsOrg");
    return itemInsightsOrg;
  }

  @Override
  public synchronized void setItemInsightsOrg(ItemInsightsOrgSettings settings) {
    Objects.requireNonNull(settings, "settings == null");
    faults.before("setItemInsightsOrg");
    itemInsightsOrg = settings;
  }

  @Override
  public synchronized boolean itemInsightsEnabled(Upn user) {
    Objects.requireNonNull(user, "user == null");
    faults.before("itemInsightsEnabled");
    return itemInsightsUsers.getOrDefault(user, true);
  }

  @Override
  public synchronized void setItemInsightsEnabled(Upn user, boolean enabled) {
    Objects.requireNonNull(user, "user == null");
    faults.before("setItemInsightsEnabled");
    itemInsightsUsers.put(user, enabled);
  }

  // ---------------------------------------------------------------- persistence (TenantJson), without fault injection

  synchronized TenantInsightsDefaults savedDefaults() {
    return defaults;
  }

  synchronized List<UserInsightsOverrides> savedUsers() {
    return List.copyOf(users.values());
  }

  synchronized ItemInsightsOrgSettings savedItemInsightsOrg() {
    return itemInsightsOrg;
  }

  synchronized Map<Upn, Boolean> savedItemInsightsUsers() {
    return new LinkedHashMap<>(itemInsightsUsers);
  }

  synchronized void restore(TenantInsightsDefaults d, List<UserInsightsOverrides> u, ItemInsightsOrgSettings org, Map<Upn, Boolean> itemUsers) {
    defaults = d;
    users.clear();
    u.forEach(x -> users.put(x.user(), x));
    itemInsightsOrg = org;
    itemInsightsUsers.clear();
    itemInsightsUsers.putAll(itemUsers);
  }
}
