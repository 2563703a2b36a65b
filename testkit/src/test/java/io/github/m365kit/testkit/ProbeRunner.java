package io.github.m365kit.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a probe test class (a nested class whose name does not end in Test) on the JUnit Platform and records what happened. */
final class ProbeRunner {
  private ProbeRunner() {}

  /**
   * What happened to one test or container.
   *
   * @param name the display name, e.g. {@code first()}
   * @param container whether it is a class rather than a test
   * @param status the outcome
   * @param error the failure, if any
   */
  record Outcome(String name, boolean container, TestExecutionResult.Status status, Optional<Throwable> error) {
    String message() {
      return error.map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).orElse("");
    }
  }

  static List<Outcome> run(Class<?> probe) {
    List<Outcome> out = new ArrayList<>();
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(probe)).build();
    Launcher launcher = LauncherFactory.create();
    launcher.execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.getSource().isPresent()) {
          out.add(new Outcome(id.getDisplayName(), id.isContainer(), result.getStatus(), result.getThrowable()));
        }
      }
    });
    return out;
  }

  static List<Outcome> tests(Class<?> probe) {
    return run(probe).stream().filter(o -> !o.container()).toList();
  }
}
