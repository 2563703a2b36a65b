package io.github.m365kit.examples.cli;

import io.github.m365kit.auth.AuthPolicy;
import io.github.m365kit.auth.AuthPolicyManager;
import io.github.m365kit.auth.BasicAuthProtocol;
import io.github.m365kit.auth.LegacyAuthAudit;
import io.github.m365kit.auth.LegacyAuthBlockApplier;
import io.github.m365kit.auth.LegacyAuthBlockPolicy;
import io.github.m365kit.auth.LegacyAuthKql;
import io.github.m365kit.auth.LegacyAuthReport;
import io.github.m365kit.auth.Rollout;
import io.github.m365kit.auth.RolloutReport;
import io.github.m365kit.auth.TokenRefresh;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.BulkOutcome;
import io.github.m365kit.plan.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code m365kit auth …}: shut off basic authentication safely. */
@Command(name = "auth", mixinStandardHelpOptions = true, description = "Basic (legacy) authentication: policies, rollout, audit, alternatives.",
    subcommands = {AuthCommand.Policy.class, AuthCommand.Assign.class, AuthCommand.Default.class, AuthCommand.Audit.class, AuthCommand.CaPolicy.class,
        AuthCommand.Kql.class})
final class AuthCommand {
  @ParentCommand M365Kit root;

  static AuthPolicyManager manager(Sandbox sb) {
    return AuthPolicyManager.using(sb.policies, sb.cloud, sb.clock);
  }

  @Command(name = "policy", mixinStandardHelpOptions = true, description = "Authentication policies.",
      subcommands = {Policy.Create.class, Policy.ListCmd.class, Policy.Show.class, Policy.Delete.class})
  static final class Policy {
    @ParentCommand AuthCommand parent;

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a policy blocking basic auth for every protocol except --allow ones.")
    static final class Create implements Callable<Integer> {
      @ParentCommand Policy parent;
      @Spec CommandSpec spec;
      @Mixin PlanOptions plan;
      @Parameters(paramLabel = "NAME") String name;
      @Option(names = "--allow", paramLabel = "PROTOCOL", description = "Keep basic auth for this protocol, e.g. Smtp (repeatable).") List<String> allow = new ArrayList<>();

      @Override
      public Integer call() {
        Set<BasicAuthProtocol> allowed = EnumSet.noneOf(BasicAuthProtocol.class);
        allow.forEach(a -> allowed.add(BasicAuthProtocol.fromParameter(a)));
        try (Sandbox sb = Sandbox.open(parent.parent.root)) {
          AuthPolicyManager m = manager(sb);
          return plan.execute(allowed.isEmpty() ? m.create(name) : m.createException(name, allowed), sb.runner(), spec.commandLine().getOut(),
              spec.commandLine().getErr());
        }
      }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the policies.")
    static final class ListCmd implements Callable<Integer> {
      @ParentCommand Policy parent;
      @Spec CommandSpec spec;

      @Override
      public Integer call() {
        try (Sandbox sb = Sandbox.open(parent.parent.root)) {
          for (AuthPolicy p : manager(sb).list()) {
            spec.commandLine().getOut().println(p.name() + "  allows basic auth for: " + (p.allowBasicAuth().isEmpty() ? "nothing" : p.allowBasicAuth()));
          }
        }
        return 0;
      }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a policy and who holds it.")
    static final class Show implements Callable<Integer> {
      @ParentCommand Policy parent;
      @Spec CommandSpec spec;
      @Parameters(paramLabel = "NAME") String name;

      @Override
      public Integer call() {
        try (Sandbox sb = Sandbox.open(parent.parent.root)) {
          AuthPolicyManager m = manager(sb);
          AuthPolicy p = m.get(name);
          PrintWriter out = spec.commandLine().getOut();
          out.println(p.name());
          for (BasicAuthProtocol proto : BasicAuthProtocol.values()) {
            out.println("  " + proto.parameter() + ": " + (p.allows(proto) ? "True" : "False"));
          }
          out.println("  holders: " + m.holders(name));
        }
        return 0;
      }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a policy (refused while assigned).")
    static final class Delete implements Callable<Integer> {
      @ParentCommand Policy parent;
      @Spec CommandSpec spec;
      @Mixin PlanOptions plan;
      @Parameters(paramLabel = "NAME") String name;

      @Override
      public Integer call() {
        try (Sandbox sb = Sandbox.open(parent.parent.root)) {
          return plan.execute(manager(sb).delete(name), sb.runner(), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
      }
    }
  }

  @Command(name = "assign", mixinStandardHelpOptions = true, description = "Assign POLICY to pilot users, or to everyone (but exceptions).")
  static final class Assign implements Callable<Integer> {
    @ParentCommand AuthCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanOptions plan;
    @Parameters(paramLabel = "POLICY") String policy;

    static final class Who {
      @Option(names = "--user", required = true, paramLabel = "UPN", description = "A pilot user (repeatable).") List<String> users;
      @Option(names = "--all", required = true, description = "Every user in the tenant.") boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1") Who who;
    @Option(names = "--except", paramLabel = "UPN", description = "With --all: users who get the --exception-policy instead.") List<String> except = new ArrayList<>();
    @Option(names = "--exception-policy", paramLabel = "NAME") String exceptionPolicy;
    @Option(names = "--refresh-tokens", description = "Make the policy apply within about 30 minutes (Set-User -STSRefreshTokensValidFrom).") boolean refresh;

    @Override
    public Integer call() {
      TokenRefresh tr = refresh ? TokenRefresh.EXCHANGE_STS : TokenRefresh.NONE;
      PrintWriter out = spec.commandLine().getOut();
      try (Sandbox sb = Sandbox.open(parent.root)) {
        AuthPolicyManager m = manager(sb);
        if (who.users != null) {
          io.github.m365kit.plan.PlanRunner runner = sb.runner();
          return plan.execute(m.assign(policy, who.users.stream().map(Upn::of).toList(), tr, runner.journal()), runner, out, spec.commandLine().getErr());
        }
        Rollout rollout = m.rollout(policy).tokenRefresh(tr).sleeper(sb.sleeper()).journal(sb.runner().journal());
        if (!except.isEmpty()) {
          if (exceptionPolicy == null) {
            throw new CliFailure("--except needs --exception-policy NAME (the policy those users get instead)");
          }
          Set<Upn> ex = new LinkedHashSet<>();
          except.forEach(e -> ex.add(Upn.of(e)));
          rollout = rollout.except(ex, exceptionPolicy);
        }
        if (plan.dryRun) {
          rollout.targets().forEach((u, p) -> out.println("would assign " + p + " to " + u));
          return 0;
        }
        boolean tty = System.console() != null;
        PrintWriter err = spec.commandLine().getErr();
        RolloutReport report = rollout.listener(new ProgressListener() {
          @Override
          public void targetFinished(int finished, int total, BulkOutcome outcome) {
            if (tty) {
              int width = 30;
              int filled = total == 0 ? width : finished * width / total;
              synchronized (err) {
                err.print("\r[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + finished + "/" + total);
                if (finished == total) {
                  err.println();
                }
                err.flush();
              }
            }
          }
        }).run();
        out.println(report.toText());
        return report.failed().isEmpty() ? 0 : 1;
      }
    }
  }

  @Command(name = "default", mixinStandardHelpOptions = true, description = "Set the org default policy (new accounts get it), or remove it.")
  static final class Default implements Callable<Integer> {
    @ParentCommand AuthCommand parent;
    @Spec CommandSpec spec;
    @Mixin PlanOptions plan;
    @Parameters(arity = "0..1", paramLabel = "POLICY") String policy;
    @Option(names = "--none", description = "Remove the org default ($null).") boolean none;

    @Override
    public Integer call() {
      if ((policy == null) == !none) {
        throw new CliFailure("give either a POLICY or --none");
      }
      try (Sandbox sb = Sandbox.open(parent.root)) {
        AuthPolicyManager m = manager(sb);
        return plan.execute(none ? m.restoreOrgDefault(Optional.empty()) : m.setOrgDefault(policy), sb.runner(), spec.commandLine().getOut(),
            spec.commandLine().getErr());
      }
    }
  }

  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = "Who would break: legacy sign-ins per user and protocol, password sprays, from the tenant's sign-in log or an exported FILE.")
  static final class Audit implements Callable<Integer> {
    @ParentCommand AuthCommand parent;
    @Spec CommandSpec spec;
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "A portal JSON export, Graph pages {\"value\":[…]} or CSV.") Path file;
    @Option(names = "--since", paramLabel = "INSTANT", description = "e.g. 2026-11-01T00:00:00Z") String since;
    @Option(names = "--format", defaultValue = "text", description = "text, json, csv or html") String format;
    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of standard output.") Path outFile;

    @Override
    public Integer call() {
      LegacyAuthReport.Format f;
      try {
        f = LegacyAuthReport.Format.valueOf(format.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CliFailure("unknown --format '" + format + "': use text, json, csv or html");
      }
      try (Sandbox sb = Sandbox.open(parent.root)) {
        Set<String> disabled = new LinkedHashSet<>();
        sb.cloud.forEachUser(u -> {
          if (!u.accountEnabled()) {
            disabled.add(u.userPrincipalName().value());
          }
        });
        LegacyAuthAudit.Builder b = LegacyAuthAudit.builder().disabledUsers(disabled).clock(sb.clock);
        if (since != null) {
          try {
            b.since(Instant.parse(since));
          } catch (java.time.format.DateTimeParseException e) {
            throw new CliFailure("--since must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, not '" + since + "'");
          }
        }
        LegacyAuthAudit audit = b.build();
        LegacyAuthReport report = file != null ? audit.audit(file) : audit.audit(sb.signIns);
        if (outFile != null) {
          try (Writer w = Files.newBufferedWriter(outFile, StandardCharsets.UTF_8)) {
            report.write(f, w);
          } catch (IOException e) {
            throw new CliFailure("cannot write " + outFile + ": " + M365Kit.reason(e));
          }
          spec.commandLine().getOut().println("wrote " + outFile);
        } else {
          spec.commandLine().getOut().print(report.render(f));
          spec.commandLine().getOut().flush();
        }
      }
      return 0;
    }
  }

  @Command(name = "ca-policy", mixinStandardHelpOptions = true,
      description = {"The Conditional Access 'block legacy authentication' policy (report-only unless --enforce).",
          "Without --apply: print it as Graph JSON. With --apply: create it, or update its state and exclusions, through the",
          "Conditional Access port (Graph with --tenant-id) and print what changed."})
  static final class CaPolicy implements Callable<Integer> {
    /** Said on stderr when --apply runs on a real tenant. */
    static final String PATCH_NOTE = "note: an update PATCHes conditions.users in full (include/exclude users and groups); whether Graph"
        + " merges or replaces a partial users object is not documented (UNCONFIRMED), and roles or guest settings in it are not sent";

    @ParentCommand AuthCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--enforce", description = "state 'enabled' instead of report-only.") boolean enforce;
    @Option(names = "--exclude", paramLabel = "UPN", description = "Break-glass or exception accounts (repeatable).") List<String> exclude = new ArrayList<>();
    @Option(names = "--apply", description = "Create or update the policy in the tenant (idempotent) instead of printing the JSON.") boolean apply;
    @Option(names = "--force", description = "With --apply --enforce: enforce even without an --exclude (no break-glass account left out).")
    boolean force;

    @Override
    public Integer call() {
      if (force && !apply) {
        throw new CliFailure("--force only makes sense with --apply");
      }
      try (Sandbox sb = Sandbox.open(parent.root)) {
        LegacyAuthBlockPolicy.Builder b = LegacyAuthBlockPolicy.builder().enforce(enforce);
        for (String e : exclude) {
          b.excludeUser(sb.cloud.getUser(Upn.of(e)).id());
        }
        if (!apply) {
          spec.commandLine().getOut().println(b.build().toGraphJson());
          return 0;
        }
        if (sb.tenant == null) {
          spec.commandLine().getErr().println(PATCH_NOTE);
        }
        LegacyAuthBlockApplier.Result r = LegacyAuthBlockApplier.using(sb.conditionalAccess).apply(b.build(), force);
        spec.commandLine().getOut().print(r.render());
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }

  @Command(name = "kql", mixinStandardHelpOptions = true, description = "The KQL query for Log Analytics / Sentinel (SigninLogs).")
  static final class Kql implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(LegacyAuthKql.builder().build().query());
      return 0;
    }
  }
}
