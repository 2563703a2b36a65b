package io.github.m365kit.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.m365kit.BackendException;
import io.github.m365kit.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers which steps of which plans have finished, so that a rerun after a crash or a failure resumes instead of
 * starting over. A step counts as finished when it was applied and verified, or found already done. Once a whole plan
 * finishes, the runner records {@link StepStatus#PLAN_COMPLETED} and the journal forgets that plan's steps: a later run
 * of the same plan checks every step again rather than trusting a run that is over.
 *
 * <p>{@link #inMemory()} keeps entries for the life of the object; {@link #jsonLines(Path)} appends one JSON object
 * per line ({@code {"at":…,"plan":…,"step":…,"status":…,"message":…}}) and reads them back when reopened, so it
 * survives the process. Both are thread-safe.
 */
public final class Journal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  private final List<Entry> entries = new ArrayList<>();
  private final BufferedWriter out;
  private final Clock clock;

  /**
   * One journal line.
   *
   * @param at ISO-8601 instant
   * @param plan plan id
   * @param step step id
   * @param status what happened
   * @param message a note or failure reason, may be empty
   */
  public record Entry(String at, String plan, String step, StepStatus status, String message) {}

  private Journal(BufferedWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** @return a journal kept in memory */
  public static Journal inMemory() {
    return new Journal(null, Clock.systemUTC());
  }

  /**
   * Opens (or creates) a JSON-lines journal file and reads what it already records.
   *
   * @param file the file
   * @return the journal
   * @throws InvalidInputException when a line of the file is not a journal entry
   */
  public static Journal jsonLines(Path file) {
    return jsonLines(file, Clock.systemUTC());
  }

  /**
   * @param file the file
   * @param clock the clock for entry timestamps
   * @return the journal
   */
  public static Journal jsonLines(Path file, Clock clock) {
    try {
      Journal j;
      List<Entry> old = new ArrayList<>();
      if (Files.exists(file)) {
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          n++;
          if (line.isBlank()) {
            continue;
          }
          try {
            JsonNode node = JSON.readTree(line);
            old.add(new Entry(node.path("at").asText(), node.get("plan").asText(), node.get("step").asText(),
                StepStatus.valueOf(node.get("status").asText()), node.path("message").asText("")));
          } catch (IOException | RuntimeException e) {
            // a torn last line from a crash mid-write is expected; anything else is not a journal
            if (n == countLines(file)) {
              continue;
            }
            throw new InvalidInputException("journal line " + n + " of " + file, line, "not a journal entry");
          }
        }
      }
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      j = new Journal(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND), clock);
      for (Entry e : old) {
        j.remember(e);
      }
      return j;
    } catch (IOException e) {
      throw new BackendException("journal", "io", "cannot open journal " + file + ": " + e.getMessage(), e);
    }
  }

  private static int countLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).size();
  }

  private static String key(String plan, String step) {
    return plan + "\u0000" + step;
  }

  private synchronized void remember(Entry e) {
    entries.add(e);
    if (e.status() == StepStatus.APPLIED || e.status() == StepStatus.ALREADY_DONE) {
      finished.add(key(e.plan(), e.step()));
    } else if (e.status() == StepStatus.PLAN_COMPLETED) {
      finished.removeIf(k -> k.startsWith(e.plan() + "\u0000"));
    }
  }

  /**
   * @param planId the plan
   * @param stepId the step
   * @return true when the journal records the step as finished
   */
  public boolean isFinished(String planId, String stepId) {
    return finished.contains(key(planId, stepId));
  }

  /**
   * Records what happened to a step; written through to the file before returning.
   *
   * @param planId the plan
   * @param stepId the step
   * @param status what happened
   * @param message a note, may be empty
   */
  public synchronized void record(String planId, String stepId, StepStatus status, String message) {
    Entry e = new Entry(clock.instant().toString(), planId, stepId, status, message == null ? "" : message);
    if (out != null) {
      ObjectNode node = JSON.createObjectNode();
      node.put("at", e.at()).put("plan", planId).put("step", stepId).put("status", status.name()).put("message", e.message());
      try {
        out.write(node.toString());
        out.write('\n');
        out.flush();
      } catch (IOException ex) {
        throw new UncheckedIOException("cannot write journal", ex);
      }
    }
    remember(e);
  }

  /** @return every entry so far, oldest first */
  public synchronized List<Entry> entries() {
    return List.copyOf(entries);
  }

  /**
   * @param planId a plan
   * @return the ids of the steps of that plan recorded as finished
   */
  public synchronized Set<String> finishedSteps(String planId) {
    Set<String> s = new HashSet<>();
    for (Entry e : entries) {
      if (!e.plan().equals(planId)) {
        continue;
      }
      if (e.status() == StepStatus.APPLIED || e.status() == StepStatus.ALREADY_DONE) {
        s.add(e.step());
      } else if (e.status() == StepStatus.PLAN_COMPLETED) {
        s.clear();
      }
    }
    return s;
  }

  @Override
  public synchronized void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
