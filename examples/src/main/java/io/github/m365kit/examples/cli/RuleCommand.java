package io.github.m365kit.examples.cli;

import io.github.m365kit.group.CompiledRule;
import io.github.m365kit.group.GroupMembershipRule;
import io.github.m365kit.group.GroupMembershipRuleBuilder;
import io.github.m365kit.group.MembershipPreview;
import io.github.m365kit.group.RuleException;
import io.github.m365kit.group.RuleFinding;
import io.github.m365kit.group.UserProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code m365kit rule …}: check, simplify, evaluate and build dynamic membership rules offline. */
@Command(name = "rule", mixinStandardHelpOptions = true, description = "Entra ID dynamic membership rules, offline.",
    subcommands = {RuleCommand.Check.class, RuleCommand.Simplify.class, RuleCommand.Eval.class, RuleCommand.Build.class})
final class RuleCommand {

  static GroupMembershipRule parse(CommandSpec unused, String text) {
    try {
      return GroupMembershipRule.parse(text);
    } catch (RuleException e) {
      throw new CliFailure(e.getMessage());
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Parse and validate a rule; print its canonical form.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "RULE") String rule;

    @Override
    public Integer call() {
      GroupMembershipRule r = parse(spec, rule);
      List<RuleFinding> findings = new ArrayList<>(r.parseWarnings());
      findings.addAll(r.validate());
      spec.commandLine().getOut().println(r.toRuleText());
      boolean error = false;
      for (RuleFinding f : findings) {
        spec.commandLine().getErr().println(f.severity().name().toLowerCase() + (f.column() > 0 ? " at column " + f.column() : "") + ": " + f.message());
        error |= f.isError();
      }
      return error ? 1 : 0;
    }
  }

  @Command(name = "simplify", mixinStandardHelpOptions = true, description = "Fold -or chains of -eq into -in and -and chains of -ne into -notIn.")
  static final class Simplify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "RULE") String rule;

    @Override
    public Integer call() {
      spec.commandLine().getOut().println(parse(spec, rule).simplify().toRuleText());
      return 0;
    }
  }

  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Print the userPrincipalNames matching the rule, one per line, in input order, from a users JSON file (Graph pages or an array).")
  static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "RULE") String rule;
    @Option(names = "--users", required = true, paramLabel = "FILE") Path users;

    @Override
    public Integer call() {
      CompiledRule compiled = parse(spec, rule).requireValid().compile();
      MembershipPreview.forEachMatch(openFile(users), compiled, spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  static java.io.InputStream openFile(Path p) {
    if (java.nio.file.Files.isDirectory(p)) {
      throw new CliFailure("cannot read " + p + ": it is a directory, not a file");
    }
    try {
      return new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(p), 1 << 16);
    } catch (java.io.IOException e) {
      throw new CliFailure("cannot read " + p + ": " + M365Kit.reason(e));
    }
  }

  @Command(name = "build", mixinStandardHelpOptions = true, description = "Build a rule: a department plus named people.")
  static final class Build implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--department", required = true) String department;
    @Option(names = "--include", paramLabel = "MAIL") List<String> include = new ArrayList<>();

    @Override
    public Integer call() {
      GroupMembershipRuleBuilder b = GroupMembershipRuleBuilder.where(UserProperty.DEPARTMENT.eq(department));
      if (!include.isEmpty()) {
        b = b.orAnyOf(UserProperty.MAIL, include);
      }
      spec.commandLine().getOut().println(b.build().toRuleText());
      return 0;
    }
  }
}
