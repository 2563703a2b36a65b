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
    subcommands = {GroupCommand.Advise.class})
final class GroupCommand {

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
