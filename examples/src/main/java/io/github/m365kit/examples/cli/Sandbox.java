package io.github.m365kit.examples.cli;

import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.spi.OnPremDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The state a CLI command runs on: the cloud tenant and the on-prem directory, from {@code --sandbox DIR} or a fresh
 * demo. Closing it saves a sandbox back to its files.
 */
final class Sandbox implements AutoCloseable {
  static final String TENANT_FILE = "tenant.json";
  static final String DIRECTORY_FILE = "directory.ldif";
  final InMemoryTenant tenant;
  final OnPremDirectory onPrem;
  private final Optional<Path> dir;

  private Sandbox(InMemoryTenant tenant, OnPremDirectory onPrem, Optional<Path> dir) {
    this.tenant = tenant;
    this.onPrem = onPrem;
    this.dir = dir;
  }

  static Sandbox open(Path dir) {
    if (dir == null) {
      return new Sandbox(InMemoryTenant.demo(), InMemoryOnPremDirectory.demo(), Optional.empty());
    }
    if (!Files.isRegularFile(dir.resolve(TENANT_FILE))) {
      throw new CliFailure("no " + TENANT_FILE + " in " + dir + "; create one with: m365kit sandbox init " + dir);
    }
    return new Sandbox(TenantJson.load(dir.resolve(TENANT_FILE)), InMemoryOnPremDirectory.demo(), Optional.of(dir));
  }

  static void writeDemo(Path dir) {
    TenantJson.save(InMemoryTenant.demo(), dir.resolve(TENANT_FILE));
  }

  /** @return a plan runner journaling to the sandbox ({@code journal.jsonl}) or to memory, retrying on the tenant's clock */
  io.github.m365kit.plan.PlanRunner runner() {
    io.github.m365kit.plan.Journal journal = dir.map(d -> io.github.m365kit.plan.Journal.jsonLines(d.resolve("journal.jsonl")))
        .orElseGet(io.github.m365kit.plan.Journal::inMemory);
    return io.github.m365kit.plan.PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).build();
  }

  @Override
  public void close() {
    dir.ifPresent(d -> TenantJson.save(tenant, d.resolve(TENANT_FILE)));
  }
}
