package io.github.m365kit.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.NotFoundException;
import io.github.m365kit.memory.DemoCast;
import io.github.m365kit.memory.InMemoryInsightsStore;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRenderer;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RunResult;
import io.github.m365kit.plan.StepStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InsightsSettingsTest {
  private static final Upn FIONA = DemoCast.FINANCE.get(0);
  private InMemoryTenant tenant;
  private InMemoryInsightsStore store;
  private InsightsSettings insights;

  @BeforeEach
  void setUp() {
    tenant = InMemoryTenant.demo();
    store = new InMemoryInsightsStore(tenant.faults());
    insights = InsightsSettings.using(store, tenant);
  }

  @Test
  void effective_whenNothingSet_followsDocumentedDefaults() {
    EffectiveInsights e = insights.effective(DemoCast.JANE);

    assertThat(e.privacyMode()).isEqualTo(new Setting<>(PrivacyMode.OPT_IN, Setting.Source.TENANT_DEFAULT));
    for (UserFeature f : List.of(UserFeature.DASHBOARD, UserFeature.ADD_IN, UserFeature.DIGEST_EMAIL)) {
      assertThat(e.feature(f)).isEqualTo(new Setting<>(true, Setting.Source.TENANT_DEFAULT));
    }
    assertThat(e.licensed()).isTrue();
    assertThat(e.weeklyInsightsEmail()).isTrue();
    assertThat(e.welcomeEmail()).isTrue();
    assertThat(e.itemInsights()).isTrue();
    assertThatThrownBy(() -> e.feature(UserFeature.ALL)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void effective_whenTenantDefaultsChange_usersWithoutOwnSettingsFollow() {
    store.setTenantDefault(TenantFeature.DASHBOARD, false);
    store.setTenantDefaultPrivacyMode(PrivacyMode.OPT_OUT);

    EffectiveInsights e = insights.effective(DemoCast.JANE);

    assertThat(e.privacyMode()).isEqualTo(new Setting<>(PrivacyMode.OPT_OUT, Setting.Source.TENANT_DEFAULT));
    assertThat(e.feature(UserFeature.DASHBOARD)).isEqualTo(new Setting<>(false, Setting.Source.TENANT_DEFAULT));
    assertThat(e.feature(UserFeature.ADD_IN).value()).isTrue();
    assertThat(e.welcomeEmail()).isFalse();
  }

  @Test
  void effective_whenUserOverrides_userSettingWinsOverDefault() {
    store.setTenantDefault(TenantFeature.DASHBOARD, false);
    store.setTenantDefaultPrivacyMode(PrivacyMode.OPT_OUT);
    store.setUserFeature(DemoCast.JANE, UserFeature.DASHBOARD, true);
    store.setUserPrivacyMode(DemoCast.JANE, PrivacyMode.OPT_IN);
    store.setUserFeature(DemoCast.CLOUD_ONLY, UserFeature.DIGEST_EMAIL, false);

    EffectiveInsights jane = insights.effective(DemoCast.JANE);
    EffectiveInsights cloudOnly = insights.effective(DemoCast.CLOUD_ONLY);

    assertThat(jane.privacyMode()).isEqualTo(new Setting<>(PrivacyMode.OPT_IN, Setting.Source.USER));
    assertThat(jane.feature(UserFeature.DASHBOARD)).isEqualTo(new Setting<>(true, Setting.Source.USER));
    assertThat(jane.welcomeEmail()).isTrue();
    assertThat(cloudOnly.feature(UserFeature.DIGEST_EMAIL)).isEqualTo(new Setting<>(false, Setting.Source.USER));
    assertThat(cloudOnly.feature(UserFeature.DASHBOARD)).isEqualTo(new Setting<>(false, Setting.Source.TENANT_DEFAULT));
    assertThat(cloudOnly.privacyMode().value()).isEqualTo(PrivacyMode.OPT_OUT);
  }

  @Test
  void effective_whenUserFeatureAllOff_everySwitchIsOffForThatUserOnly() {
    store.setUserFeature(DemoCast.JANE, UserFeature.ALL, false);

    EffectiveInsights jane = insights.effective(DemoCast.JANE);

    assertThat(jane.features().values()).extracting(Setting::value).containsOnly(false);
    assertThat(jane.features().values()).extracting(Setting::source).containsOnly(Setting.Source.USER);
    assertThat(insights.effective(DemoCast.CLOUD_ONLY).features().values()).extracting(Setting::value).containsOnly(true);
  }

  @Test
  void effective_whenUnknownUser_throwsNotFound() {
    assertThatThrownBy(() -> insights.effective(Upn.of("nobody@contoso.com"))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("nobody@contoso.com");
  }

  @Test
  void welcome_whenWeeklyInsightsEmailOff_nobodyGetsOneAndTextSaysUnconfirmed() {
    store.setTenantDefault(TenantFeature.WEEKLY_INSIGHTS_EMAIL, false);

    EffectiveInsights jane = insights.effective(DemoCast.JANE);
    WelcomeReport report = insights.welcomeCheck();

    assertThat(jane.welcomeEmail()).isFalse();
    assertThat(jane.optedIn()).isTrue();
    assertThat(String.join("\n", jane.describe())).contains("Welcome email now: would not be sent").contains("UNCONFIRMED");
    assertThat(report.wouldReceive()).isEmpty();
    assertThat(report.weeklyInsightsEmail()).isFalse();
    assertThat(report.render()).contains("UNCONFIRMED").contains("0 of ");
    assertThat(report.check(DemoCast.JANE).orElseThrow().reasons()).anySatisfy(r -> assertThat(r).contains("Weekly insights email off").contains("UNCONFIRMED"));
  }

  @Test
  void welcome_whenWeeklyInsightsEmailOn_licensedOptedInUsersGetOne() {
    EffectiveInsights jane = insights.effective(DemoCast.JANE);

    assertThat(jane.welcomeEmail()).isTrue();
    assertThat(String.join("\n", jane.describe())).contains("Welcome email now: would be sent").contains("UNCONFIRMED");
  }

  @Test
  void welcomeCheck_onSeededStore_listsLicensedOptedInUsersWithReasons() {
    store.setUserPrivacyMode(FIONA, PrivacyMode.OPT_OUT);
    store.setUserPrivacyMode(DemoCast.RECEPTION, PrivacyMode.OPT_IN);

    WelcomeReport report = insights.welcomeCheck();

    assertThat(report.wouldReceive())
        .contains(DemoCast.JANE, DemoCast.BIG, DemoCast.CLOUD_FIRST, DemoCast.CLOUD_ONLY, DemoCast.FINANCE.get(1), DemoCast.FINANCE.get(2))
        .containsAll(DemoCast.EXTRAS).containsAll(DemoCast.LEGACY)
        .doesNotContain(FIONA, DemoCast.RECEPTION, DemoCast.ADMIN, DemoCast.OLD_ACCOUNT)
        .hasSize(13);
    assertThat(report.checks()).hasSize(17);
    assertThat(report.check(FIONA).orElseThrow().reasons()).contains("privacy mode opt-out (set for the user)");
    assertThat(report.check(DemoCast.ADMIN).orElseThrow().reasons()).anySatisfy(r -> assertThat(r).startsWith("not licensed"));
    assertThat(report.check(DemoCast.RECEPTION).orElseThrow().wouldReceive()).isFalse();
    assertThat(report.check(DemoCast.JANE).orElseThrow().reasons()).contains("privacy mode opt-in (tenant default)");
    assertThat(report.notes()).contains(InsightsSettings.WELCOME_RULE_CAVEAT);
    assertThat(report.render()).contains("13 of 17 users").contains("WOULD GET  " + DemoCast.JANE).contains("would not " + FIONA);
  }

  @Test
  void itemInsights_areAControlSeparateFromMyAnalytics() {
    store.setItemInsightsEnabled(DemoCast.JANE, false);
    store.setItemInsightsOrg(new ItemInsightsOrgSettings(false, Optional.of("6f1b0e7c-0000-4000-8000-000000000001")));

    EffectiveInsights jane = insights.effective(DemoCast.JANE);

    assertThat(jane.itemInsights()).isFalse();
    assertThat(jane.optedIn()).isTrue();
    assertThat(jane.welcomeEmail()).isTrue();
    assertThat(store.itemInsightsOrg().disabledForGroup()).contains("6f1b0e7c-0000-4000-8000-000000000001");

    store.setUserPrivacyMode(DemoCast.CLOUD_ONLY, PrivacyMode.OPT_OUT);
    assertThat(store.itemInsightsEnabled(DemoCast.CLOUD_ONLY)).isTrue();
    assertThat(String.join("\n", jane.describe())).contains("Graph item insights (Delve/profile card, not MyAnalytics): off");
  }

  @Test
  void privacyModePlan_rendersQuotedPowerShellPerUser() {
    Upn hostile = Upn.of("o'brien@contoso.com");
    tenant.addUser(io.github.m365kit.model.CloudUser.builder().id(io.github.m365kit.model.ObjectId.of("0b0b0b0b-1111-2222-3333-444444444444"))
        .userPrincipalName(hostile).build());
    Plan plan = insights.privacyModePlan(List.of(FIONA, hostile, FIONA), PrivacyMode.OPT_OUT);

    String ps = PlanRenderer.render(plan, PlanRenderer.Format.POWERSHELL);

    assertThat(plan.steps()).hasSize(2);
    assertThat(ps).contains("Set-MyAnalyticsFeatureConfig -Identity 'fiona.finance@contoso.com' -PrivacyMode 'opt-out'")
        .contains("Set-MyAnalyticsFeatureConfig -Identity 'o''brien@contoso.com' -PrivacyMode 'opt-out'");
  }

  @Test
  void privacyModePlan_dryRun_changesNothing() {
    Plan plan = insights.privacyModePlan(DemoCast.FINANCE, PrivacyMode.OPT_OUT);

    RunResult r = PlanRunner.create().dryRun(plan);

    assertThat(r.steps()).extracting(s -> s.status()).containsOnly(StepStatus.WOULD_APPLY);
    assertThat(tenant.faults().calls("setUserPrivacyMode")).isZero();
    for (Upn u : DemoCast.FINANCE) {
      assertThat(store.userConfig(u).privacyMode()).isEmpty();
      assertThat(insights.effective(u).optedIn()).isTrue();
    }
  }

  @Test
  void privacyModePlan_forSeveralUsers_whenOneIsUnknown_refusesBeforeAnythingChanges_namingThem() {
    assertThatThrownBy(() -> insights.privacyModePlan(List.of(FIONA, Upn.of("ghost@contoso.com"), Upn.of("spook@contoso.com")), PrivacyMode.OPT_OUT))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("users ghost@contoso.com, spook@contoso.com are not in the tenant; nothing was changed");
    assertThatThrownBy(() -> insights.privacyModePlan(List.of(Upn.of("ghost@contoso.com")), PrivacyMode.OPT_OUT))
        .hasMessage("user ghost@contoso.com is not in the tenant; nothing was changed");
    assertThat(store.userConfig(FIONA).privacyMode()).isEmpty();
  }

  @Test
  void privacyModePlan_forOneUser_whenUnknownAtRunTime_refusesItsStep() {
    // the one-user plan the bulk runner uses checks the user when its step runs: one unknown user fails alone
    Plan plan = insights.privacyModePlan(Upn.of("ghost@contoso.com"), PrivacyMode.OPT_OUT);

    RunResult r = PlanRunner.create().run(plan);

    assertThat(r.failure()).isPresent();
    assertThat(r.failure().get().getMessage()).contains("refused").contains("ghost@contoso.com");
    assertThat(store.userConfig(Upn.of("ghost@contoso.com")).privacyMode()).isEmpty();
  }

  @Test
  void stepIds_areValidAndDistinctForLookAlikeAddresses() {
    String a = InsightsSettings.stepId(Upn.of("o'brien@contoso.com"));
    String b = InsightsSettings.stepId(Upn.of("o_brien@contoso.com"));
    String c = InsightsSettings.stepId(Upn.of("O_Brien@contoso.com"));

    assertThat(a).matches("[a-z0-9][a-z0-9.-]*").isNotEqualTo(b);
    assertThat(b).isEqualTo(c);
  }

  @Test
  void userFeaturePlan_appliesAndRendersAndIsThenDone() {
    Plan plan = insights.userFeaturePlan(DemoCast.JANE, UserFeature.DIGEST_EMAIL, false);

    assertThat(PlanRenderer.render(plan, PlanRenderer.Format.POWERSHELL))
        .contains("Set-MyAnalyticsFeatureConfig -Identity 'jane.doe@contoso.com' -Feature 'digest-email' -IsEnabled $false");
    PlanRunner.create().run(plan).orThrow();

    assertThat(insights.effective(DemoCast.JANE).feature(UserFeature.DIGEST_EMAIL)).isEqualTo(new Setting<>(false, Setting.Source.USER));
    assertThat(PlanRunner.create().run(plan).steps()).extracting(s -> s.status()).containsOnly(StepStatus.ALREADY_DONE);
  }

  @Test
  void userFeaturePlan_all_isDoneOnlyWhenEverySwitchMatches() {
    store.setUserFeature(DemoCast.JANE, UserFeature.DASHBOARD, false);
    Plan plan = insights.userFeaturePlan(DemoCast.JANE, UserFeature.ALL, false);

    assertThat(PlanRunner.create().dryRun(plan).steps()).extracting(s -> s.status()).containsOnly(StepStatus.WOULD_APPLY);
    PlanRunner.create().run(plan).orThrow();
    assertThat(insights.effective(DemoCast.JANE).features().values()).extracting(Setting::value).containsOnly(false);
  }

  @Test
  void tenantDefaultPlan_weeklyInsightsOff_notesUnconfirmedRuleAndStopsWelcome() {
    Plan plan = insights.tenantDefaultPlan(TenantFeature.WEEKLY_INSIGHTS_EMAIL, false);

    assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("Welcome email").contains("UNCONFIRMED"));
    assertThat(PlanRenderer.render(plan, PlanRenderer.Format.POWERSHELL)).contains("# no documented cmdlet parameter")
        .doesNotContain("Set-DefaultTenantMyAnalyticsFeatureConfig");
    PlanRunner.create().run(plan).orThrow();

    assertThat(insights.welcomeCheck().wouldReceive()).isEmpty();
  }

  @Test
  void tenantDefaultPlan_documentedFeature_rendersTenantCmdlet() {
    Plan plan = insights.tenantDefaultPlan(TenantFeature.DIGEST_EMAIL, false);

    assertThat(PlanRenderer.render(plan, PlanRenderer.Format.POWERSHELL))
        .contains("Set-DefaultTenantMyAnalyticsFeatureConfig -Feature 'Digest-email' -IsEnabled $false");
    PlanRunner.create().run(plan).orThrow();
    assertThat(insights.tenantDefaults().isEnabled(TenantFeature.DIGEST_EMAIL)).isFalse();
    assertThat(insights.effective(DemoCast.JANE).feature(UserFeature.DIGEST_EMAIL).value()).isFalse();
  }

  @Test
  void tenantPrivacyModePlan_optOutByDefault_keepsUsersOwnChoice() {
    store.setUserPrivacyMode(DemoCast.JANE, PrivacyMode.OPT_IN);

    PlanRunner.create().run(insights.tenantPrivacyModePlan(PrivacyMode.OPT_OUT)).orThrow();

    assertThat(insights.effective(DemoCast.JANE).optedIn()).isTrue();
    assertThat(insights.effective(DemoCast.CLOUD_ONLY).optedIn()).isFalse();
  }

  @Test
  void parse_acceptsCmdletValuesAndRefusesRetiredExcluded() {
    assertThat(PrivacyMode.parse("Opt-Out")).isEqualTo(PrivacyMode.OPT_OUT);
    assertThat(UserFeature.parse("digest-email")).isEqualTo(UserFeature.DIGEST_EMAIL);
    assertThat(TenantFeature.parse("schedule-send")).isEqualTo(TenantFeature.SCHEDULE_SEND);
    assertThat(TenantFeature.parse("weekly_insights_email")).isEqualTo(TenantFeature.WEEKLY_INSIGHTS_EMAIL);
    assertThatThrownBy(() -> PrivacyMode.parse("excluded")).isInstanceOf(InvalidInputException.class).hasMessageContaining("Set-UserAnalyticsConfig");
    assertThatThrownBy(() -> UserFeature.parse("headspace")).isInstanceOf(InvalidInputException.class);
    assertThat(TenantFeature.INLINE_SUGGESTIONS.confirmed()).isFalse();
    assertThat(TenantFeature.INLINE_SUGGESTIONS.cmdletValue()).isEmpty();
  }

  @Test
  void describe_saysWhereEachValueComesFrom() {
    store.setUserFeature(DemoCast.JANE, UserFeature.DASHBOARD, false);
    store.setUserPrivacyMode(DemoCast.JANE, PrivacyMode.OPT_OUT);
    List<String> jane = insights.effective(DemoCast.JANE).describe();
    assertThat(jane.get(0)).isEqualTo("jane.doe@contoso.com (has an Exchange Online license)");
    assertThat(jane).contains("  privacy mode: " + PrivacyMode.OPT_OUT.cmdletValue() + " (set for the user)", "  dashboard: off (set for the user)",
        "  add-in: on (tenant default)", "  weekly insights email (tenant): on");
    List<String> admin = insights.effective(DemoCast.ADMIN).describe();
    assertThat(admin.get(0)).isEqualTo("admin@contoso.onmicrosoft.com (no Exchange Online license)");
    assertThat(admin).contains("  privacy mode: " + PrivacyMode.OPT_IN.cmdletValue() + " (tenant default)");
    store.setTenantDefault(TenantFeature.WEEKLY_INSIGHTS_EMAIL, false);
    assertThat(insights.effective(DemoCast.JANE).describe()).contains("  weekly insights email (tenant): off");
  }

  @Test
  void welcomeCheck_suggestsTurningOffTheWeeklyEmailOnlyWhileItIsOn() {
    assertThat(insights.welcomeCheck().notes()).anySatisfy(n -> assertThat(n).startsWith("to stop every Welcome email"));
    store.setTenantDefault(TenantFeature.WEEKLY_INSIGHTS_EMAIL, false);
    assertThat(insights.welcomeCheck().notes()).noneMatch(n -> n.startsWith("to stop every Welcome email"));
  }

  @Test
  void privacyModePlan_notesTheWelcomeRuleOnlyWhenOptingOut() {
    assertThat(insights.privacyModePlan(List.of(DemoCast.JANE), PrivacyMode.OPT_OUT).notes()).anySatisfy(n -> assertThat(n).startsWith("opted-out users"));
    assertThat(insights.privacyModePlan(List.of(DemoCast.JANE), PrivacyMode.OPT_IN).notes()).noneMatch(n -> n.startsWith("opted-out users"));
  }

  @Test
  void userFeaturePlan_describesOnAndOff_andRefusesAnUnknownUser() {
    Plan on = insights.userFeaturePlan(DemoCast.JANE, UserFeature.ADD_IN, true);
    assertThat(on.title()).isEqualTo("Turn the MyAnalytics add-in feature on for jane.doe@contoso.com");
    assertThat(on.steps().get(0).description()).isEqualTo("Turn add-in on for jane.doe@contoso.com");
    Plan off = insights.userFeaturePlan(DemoCast.JANE, UserFeature.ADD_IN, false);
    assertThat(off.title()).isEqualTo("Turn the MyAnalytics add-in feature off for jane.doe@contoso.com");
    assertThat(off.steps().get(0).description()).isEqualTo("Turn add-in off for jane.doe@contoso.com");
    assertThat(on.steps().get(0).guard()).isEmpty();
    assertThat(insights.userFeaturePlan(Upn.of("ghost@contoso.com"), UserFeature.ADD_IN, true).steps().get(0).guard())
        .contains("the directory has no user ghost@contoso.com");
  }

  @Test
  void tenantDefaultPlan_describesOnAndOff_andFlagsOnlyUnconfirmedSettings() {
    Plan on = insights.tenantDefaultPlan(TenantFeature.SCHEDULE_SEND, true);
    assertThat(on.title()).isEqualTo("Turn the MyAnalytics tenant default " + TenantFeature.SCHEDULE_SEND.label() + " on");
    assertThat(on.steps().get(0).description()).isEqualTo("Turn the tenant default for " + TenantFeature.SCHEDULE_SEND.label() + " on");
    assertThat(on.notes()).noneMatch(n -> n.contains("UNCONFIRMED"));
    Plan off = insights.tenantDefaultPlan(TenantFeature.INLINE_SUGGESTIONS, false);
    assertThat(off.title()).isEqualTo("Turn the MyAnalytics tenant default Inline suggestions in Outlook (UNCONFIRMED as a separate toggle) off");
    assertThat(off.steps().get(0).description()).endsWith(" off");
    assertThat(off.notes()).contains("Inline suggestions in Outlook (UNCONFIRMED as a separate toggle): UNCONFIRMED as a tenant setting in Microsoft documentation");
  }

  @Test
  void userOverrides_keepEarlierSwitchesWhenAnotherIsSet() {
    UserInsightsOverrides o = UserInsightsOverrides.none(DemoCast.JANE).withFeature(UserFeature.DASHBOARD, false).withFeature(UserFeature.ADD_IN, true);
    assertThat(o.feature(UserFeature.DASHBOARD)).contains(false);
    assertThat(o.feature(UserFeature.ADD_IN)).contains(true);
    assertThat(o.feature(UserFeature.DIGEST_EMAIL)).isEmpty();
  }
}
