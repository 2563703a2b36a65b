package io.github.m365kit.examples.cli;

import io.github.m365kit.insights.InsightsSettings;
import io.github.m365kit.insights.PrivacyMode;
import io.github.m365kit.insights.TenantFeature;
import io.github.m365kit.insights.UserFeature;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.Plan;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code m365kit insights …}: MyAnalytics / Viva Insights settings and the Welcome-email check. */
@Command(name = "insights", mixinStandardHelpOptions = true, description = "MyAnalytics / Viva Insights settings.",
    subcommands = {InsightsCommand.Show.class, InsightsCommand.Set.class, InsightsCommand.WelcomeCheck.class})
final class InsightsCommand {
  @ParentCommand M365Kit root;

  /** Said on stderr whenever the commands run on a real tenant ({@code --tenant-id}). */
  static final String UNCONFIRMED_NOTE = "note: MyAnalytics settings go through Exchange InvokeCommand; Get-/Set-MyAnalyticsFeatureConfig and"
      + " Get-/Set-DefaultTenantMyAnalyticsFeatureConfig are UNCONFIRMED through that endpoint (item insights use Graph)";

  static InsightsSettings settings(Sandbox sb, PrintWriter err) {
    if (sb.tenant == null) {
      err.println(UNCONFIRMED_NOTE);
    }
    return InsightsSettings.using(sb.insights(), sb.cloud);
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Tenant defaults, or one user's effective settings.")
  static final class Show implements Callable<Integer> {
    @ParentCommand InsightsCommand parent;
    @Spec CommandSpec spec;
    @Parameters(arity = "0..1", paramLabel = "USER") String user;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Sandbox sb = Sandbox.open(parent.root)) {
        InsightsSettings s = settings(sb, spec.commandLine().getErr());
        if (user == null) {
          s.tenantDefaults().describe().forEach(out::println);
        } else {
          s.effective(Upn.of(user)).describe().forEach(out::println);
        }
      }
      return 0;
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true, description = "Change a tenant default or a user's settings (as a plan).")
  static final class Set implements Callable<Integer> {
    @ParentCommand InsightsCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanOptions plan;

    static final class Target {
      @Option(names = "--tenant", required = true, description = "Change the tenant default.") boolean tenant;
      @Option(names = "--user", required = true, paramLabel = "UPN", description = "Change these users (repeatable).") List<String> users;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Target target;
    @Option(names = "--privacy-mode", paramLabel = "opt-in|opt-out") String privacyMode;
    @Option(names = "--feature", paramLabel = "FEATURE") String feature;
    @Option(names = "--enabled", paramLabel = "true|false", arity = "1") Boolean enabled;

    @Override
    public Integer call() {
      try (Sandbox sb = Sandbox.open(parent.root)) {
        InsightsSettings s = settings(sb, spec.commandLine().getErr());
        Plan p;
        if (privacyMode != null) {
          PrivacyMode mode = PrivacyMode.parse(privacyMode);
          p = target.tenant ? s.tenantPrivacyModePlan(mode) : s.privacyModePlan(target.users.stream().map(Upn::of).toList(), mode);
        } else if (feature != null && enabled != null) {
          if (target.tenant) {
            p = s.tenantDefaultPlan(TenantFeature.parse(feature), enabled);
          } else if (target.users.size() == 1) {
            p = s.userFeaturePlan(Upn.of(target.users.get(0)), UserFeature.parse(feature), enabled);
          } else {
            throw new CliFailure("--feature applies to one --user at a time");
          }
        } else {
          throw new CliFailure("say what to change: --privacy-mode opt-in|opt-out, or --feature NAME --enabled true|false");
        }
        return plan.execute(p, sb.runner(), spec.commandLine().getOut(), spec.commandLine().getErr());
      }
    }
  }

  @Command(name = "welcome-check", mixinStandardHelpOptions = true, description = "Which users would get a Welcome email now, and why.")
  static final class WelcomeCheck implements Callable<Integer> {
    @ParentCommand InsightsCommand parent;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (Sandbox sb = Sandbox.open(parent.root)) {
        spec.commandLine().getOut().println(settings(sb, spec.commandLine().getErr()).welcomeCheck().render());
      }
      return 0;
    }
  }
}
