package io.github.m365kit.examples.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The verifications a demo makes; it passes only if every one does. Not thread-safe. */
final class Checks {
  private final PrintWriter out;
  private final List<String> passed = new ArrayList<>();
  private final List<String> failed = new ArrayList<>();

  Checks(PrintWriter out) {
    this.out = out;
  }

  void check(String what, boolean ok) {
    (ok ? passed : failed).add(what);
    out.println("  " + (ok ? "✔ " : "✘ ") + what);
  }

  boolean allPassed() {
    return failed.isEmpty() && !passed.isEmpty();
  }

  void summary() {
    out.println();
    out.println("Summary: " + passed.size() + " checks passed, " + failed.size() + " failed.");
    for (String f : failed) {
      out.println("  failed: " + f);
    }
  }
}
