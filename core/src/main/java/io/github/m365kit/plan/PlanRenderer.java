package io.github.m365kit.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Renders a plan, optionally with the result of a (dry) run, as text for an admin, as a PowerShell script for review,
 * or as JSON for scripts. The JSON is an object with {@code id}, {@code title}, {@code notes} and a {@code steps}
 * array whose items have {@code id}, {@code description}, {@code powershell} (an array of lines) and, after a run,
 * {@code status} and {@code message}. Stateless and thread-safe.
 */
public final class PlanRenderer {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The output formats. */
  public enum Format {
    /** Numbered steps with their PowerShell equivalent. */ TEXT,
    /** A PowerShell script with each step as a comment and its commands. */ POWERSHELL,
    /** JSON, see the class description. */ JSON
  }

  private PlanRenderer() {}

  /**
   * @param plan the plan
   * @param format the format
   * @return the rendering
   */
  public static String render(Plan plan, Format format) {
    return render(plan, Optional.empty(), format);
  }

  /**
   * @param plan the plan
   * @param result the result of running or dry-running it, if any
   * @param format the format
   * @return the rendering
   */
  public static String render(Plan plan, Optional<RunResult> result, Format format) {
    switch (format) {
      case POWERSHELL:
        return powershell(plan);
      case JSON:
        return json(plan, result);
      default:
        return text(plan, result);
    }
  }

  private static String text(Plan plan, Optional<RunResult> result) {
    StringBuilder sb = new StringBuilder();
    sb.append(plan.title()).append('\n');
    for (String note : plan.notes()) {
      sb.append("  note: ").append(note).append('\n');
    }
    if (plan.isEmpty()) {
      sb.append("  nothing to do\n");
    }
    int i = 1;
    for (Step s : plan.steps()) {
      sb.append(String.format("  %d. %s", i++, s.description()));
      result.flatMap(r -> r.step(s.id())).ifPresent(r -> {
        sb.append("  [").append(r.status()).append(']');
        r.message().ifPresent(m -> sb.append(" ").append(m));
      });
      sb.append('\n');
      for (String line : s.powershell()) {
        sb.append("       PS> ").append(line).append('\n');
      }
    }
    result.flatMap(RunResult::failure).ifPresent(f -> sb.append("  stopped: ").append(f.getMessage()).append('\n'));
    return sb.toString();
  }

  private static String powershell(Plan plan) {
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(oneLine(plan.title())).append('\n');
    for (String note : plan.notes()) {
      sb.append("# note: ").append(oneLine(note)).append('\n');
    }
    int i = 1;
    for (Step s : plan.steps()) {
      sb.append("\n# ").append(i++).append(". ").append(oneLine(s.description())).append('\n');
      for (String line : s.powershell()) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static String oneLine(String s) {
    return s.replace('\r', ' ').replace('\n', ' ');
  }

  private static String json(Plan plan, Optional<RunResult> result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", plan.id());
    root.put("title", plan.title());
    ArrayNode notes = root.putArray("notes");
    plan.notes().forEach(notes::add);
    ArrayNode steps = root.putArray("steps");
    for (Step s : plan.steps()) {
      ObjectNode n = steps.addObject();
      n.put("id", s.id());
      n.put("description", s.description());
      ArrayNode ps = n.putArray("powershell");
      s.powershell().forEach(ps::add);
      result.flatMap(r -> r.step(s.id())).ifPresent(r -> {
        n.put("status", r.status().name());
        r.message().ifPresent(m -> n.put("message", m));
      });
    }
    result.ifPresent(r -> {
      root.put("dryRun", r.dryRun());
      root.put("succeeded", r.succeeded());
      r.failure().ifPresent(f -> root.put("failure", f.getMessage()));
    });
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
