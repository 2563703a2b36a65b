package io.github.m365kit.examples.cli;

import io.github.m365kit.group.GroupNeed;
import io.github.m365kit.group.GroupTypeAdvisor;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code m365kit group …}. */
@Command(name = "group", mixinStandardHelpOptions = true, description = "Distribution list vs Microsoft 365 group vs shared mailbox.",
    subcommands = {GroupCommand.Advise.class, GroupCommand.Create.class, GroupCommand.Members.class, GroupCommand.Pause.class, GroupCommand.Resume.class,
        GroupCommand.UpdateRule.class})
final class GroupCommand {
  @picocli.CommandLine.ParentCommand M365Kit root;

  static io.github.m365kit.group.GroupMembershipRule validated(String rule, java.io.PrintWriter err) {
    io.github.m365kit.group.GroupMembershipRule r = RuleCommand.parse(null, rule);
    java.util.List<io.github.m365kit.group.RuleFinding> findings = r.validate();
    findings.stream().filter(f -> !f.isError()).forEach(f -> err.println("warning: " + f.message()));
    r.requireValid();
    return r;
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a dynamic group; the rule is validated offline first.")
  static final class Create implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand GroupCommand parent;
    @Spec CommandSpec spec;
    @Option(names = "--name", required = true, description = "Display name.") String name;
    @Option(names = "--nickname", required = true, description = "Mail nickname (ASCII, no spaces).") String nickname;
    @Option(names = "--rule", required = true, description = "The membership rule.") String rule;
    @Option(names = "--security", description = "A security group instead of a Microsoft 365 group.") boolean security;

    @Override
    public Integer call() {
      validated(rule, spec.commandLine().getErr());
      io.github.m365kit.spi.GroupStore.DynamicGroup g = new io.github.m365kit.spi.GroupStore.DynamicGroup(java.util.Optional.empty(), name, nickname, !security, rule, false);
      try (Sandbox sb = Sandbox.open(parent.root)) {
        io.github.m365kit.model.ObjectId id = sb.groups().createDynamicGroup(g);
        spec.commandLine().getOut().println(id);
        spec.commandLine().getErr().println("created " + (security ? "security" : "Microsoft 365") + " group '" + name + "' with " + sb.groups().members(id).size()
            + " member(s) now (the service takes minutes to hours to process a new rule)");
      }
      return 0;
    }
  }

  @Command(name = "members", mixinStandardHelpOptions = true, description = "List a group's members, one per line.")
  static final class Members implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand GroupCommand parent;
    @Spec CommandSpec spec;
    @picocli.CommandLine.Parameters(paramLabel = "GROUP", description = "The group's object id or mail nickname.") String id;

    @Override
    public Integer call() {
      try (Sandbox sb = Sandbox.open(parent.root)) {
        sb.groups().members(group(sb, id)).forEach(u -> spec.commandLine().getOut().println(u));
      }
      return 0;
    }
  }

  /** A group named by its object id or, failing that, by its mail nickname. */
  static io.github.m365kit.model.ObjectId group(Sandbox sb, String idOrNickname) {
    try {
      return io.github.m365kit.model.ObjectId.of(idOrNickname);
    } catch (io.github.m365kit.InvalidInputException notAnId) {
      return sb.groups().findByMailNickname(idOrNickname).flatMap(io.github.m365kit.spi.GroupStore.DynamicGroup::id)
          .orElseThrow(() -> new CliFailure("no group has the object id or mail nickname '" + idOrNickname + "'"));
    }
  }

  static Integer setPaused(M365Kit root, String id, boolean paused) {
    try (Sandbox sb = Sandbox.open(root)) {
      sb.groups().setProcessingPaused(group(sb, id), paused);
    }
    return 0;
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause rule processing (membership stays as it is).")
  static final class Pause implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand GroupCommand parent;
    @picocli.CommandLine.Parameters(paramLabel = "GROUP", description = "The group's object id or mail nickname.") String id;

    @Override
    public Integer call() {
      return setPaused(parent.root, id, true);
    }
  }

  @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume rule processing.")
  static final class Resume implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand GroupCommand parent;
    @picocli.CommandLine.Parameters(paramLabel = "GROUP", description = "The group's object id or mail nickname.") String id;

    @Override
    public Integer call() {
      return setPaused(parent.root, id, false);
    }
  }

  @Command(name = "update-rule", mixinStandardHelpOptions = true, description = "Replace a group's rule; validated offline first.")
  static final class UpdateRule implements Callable<Integer> {
    @picocli.CommandLine.ParentCommand GroupCommand parent;
    @Spec CommandSpec spec;
    @picocli.CommandLine.Parameters(paramLabel = "GROUP", description = "The group's object id or mail nickname.") String id;
    @Option(names = "--rule", required = true) String rule;

    @Override
    public Integer call() {
      validated(rule, spec.commandLine().getErr());
      try (Sandbox sb = Sandbox.open(parent.root)) {
        sb.groups().updateRule(group(sb, id), rule);
      }
      return 0;
    }
  }

  @Command(name = "advise", mixinStandardHelpOptions = true, description = "Recommend a group type from stated needs.")
  static final class Advise implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--need", paramLabel = "NEED", description = "One of: ${COMPLETION-CANDIDATES}") List<GroupNeed> needs = List.of();
    @Option(names = "--address", defaultValue = "team@contoso.com") String address;

    @Override
    public Integer call() {
      EnumSet<GroupNeed> set = needs.isEmpty() ? EnumSet.noneOf(GroupNeed.class) : EnumSet.copyOf(needs);
      spec.commandLine().getOut().println(GroupTypeAdvisor.advise(set, address).render());
      return 0;
    }
  }
}
