package io.github.m365kit.examples.cli;

import io.github.m365kit.plan.Plan;
import io.github.m365kit.plan.PlanRenderer;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.plan.RunResult;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of every command that prints or runs a plan: {@code --dry-run} and {@code --format}. */
final class PlanOptions {
  @Option(names = "--dry-run", description = "Show what would be done; change nothing.")
  boolean dryRun;

  @Option(names = "--format", defaultValue = "text", description = "text, powershell or json (default: ${DEFAULT-VALUE}).")
  String format;

  PlanRenderer.Format format() {
    switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "text":
        return PlanRenderer.Format.TEXT;
      case "powershell":
      case "ps":
        return PlanRenderer.Format.POWERSHELL;
      case "json":
        return PlanRenderer.Format.JSON;
      default:
        throw new CliFailure("unknown --format '" + format + "': use text, powershell or json");
    }
  }

  /**
   * Renders and (unless a dry run or a PowerShell rendering) runs the plan.
   *
   * @return 0 when the plan succeeded or was only shown, 1 when it failed
   */
  int execute(Plan plan, PlanRunner runner, PrintWriter out, PrintWriter err) {
    PlanRenderer.Format f = format();
    if (f == PlanRenderer.Format.POWERSHELL) {
      out.print(PlanRenderer.render(plan, f));
      out.flush();
      return 0;
    }
    RunResult result = dryRun ? runner.dryRun(plan) : runner.run(plan);
    out.print(PlanRenderer.render(plan, Optional.of(result), f));
    if (f == PlanRenderer.Format.JSON) {
      out.println();
    }
    out.flush();
    if (result.failure().isPresent()) {
      err.println("m365kit: " + M365Kit.oneLine(result.failure().get().getMessage()));
      return 1;
    }
    return 0;
  }
}
