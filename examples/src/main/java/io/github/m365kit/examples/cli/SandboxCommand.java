package io.github.m365kit.examples.cli;

import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code m365kit sandbox init DIR}: writes the demo cast as tenant.json (and directory.ldif). */
@Command(name = "sandbox", mixinStandardHelpOptions = true, description = "Scenario files for --sandbox.", subcommands = {SandboxCommand.Init.class})
final class SandboxCommand {

  @Command(name = "init", mixinStandardHelpOptions = true, description = "Write the demo cast into DIR as tenant.json and directory.ldif.")
  static final class Init implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "DIR") Path dir;

    @Override
    public Integer call() {
      Sandbox.writeDemo(dir);
      spec.commandLine().getOut().println("wrote " + dir.resolve(Sandbox.TENANT_FILE) + " and " + dir.resolve(Sandbox.DIRECTORY_FILE));
      return 0;
    }
  }

  static InMemoryTenant loadTenant(Path dir) {
    return TenantJson.load(dir.resolve(Sandbox.TENANT_FILE));
  }
}
