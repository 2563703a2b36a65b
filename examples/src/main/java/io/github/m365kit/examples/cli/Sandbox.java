package io.github.m365kit.examples.cli;

import io.github.m365kit.ldap.EmbeddedDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.plan.Journal;
import io.github.m365kit.plan.PlanRunner;
import io.github.m365kit.spi.OnPremDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The state a CLI command runs on: the in-memory cloud tenant and the on-prem directory served by the embedded LDAP
 * server on 127.0.0.1 (real LDAP over a socket), from {@code --sandbox DIR} ({@code tenant.json},
 * {@code directory.ldif}, {@code journal.jsonl}) or a fresh demo. Closing it saves a sandbox back to its files and
 * stops the server.
 */
final class Sandbox implements AutoCloseable {
  static final String TENANT_FILE = "tenant.json";
  static final String DIRECTORY_FILE = "directory.ldif";
  static final String JOURNAL_FILE = "journal.jsonl";
  final InMemoryTenant tenant;
  final EmbeddedDirectory ldap;
  final OnPremDirectory onPrem;
  private final Optional<Path> dir;
  private Journal journal;

  private Sandbox(InMemoryTenant tenant, EmbeddedDirectory ldap, Optional<Path> dir) {
    this.tenant = tenant;
    this.ldap = ldap;
    this.onPrem = ldap.directory();
    this.dir = dir;
  }

  static Sandbox open(Path dir) {
    if (dir == null) {
      return new Sandbox(InMemoryTenant.demo(), EmbeddedDirectory.startWithDemoData(), Optional.empty());
    }
    if (!Files.isRegularFile(dir.resolve(TENANT_FILE))) {
      throw new CliFailure("no " + TENANT_FILE + " in " + dir + "; create one with: m365kit sandbox init " + dir);
    }
    InMemoryTenant tenant = TenantJson.load(dir.resolve(TENANT_FILE));
    EmbeddedDirectory ldap = EmbeddedDirectory.start();
    if (Files.isRegularFile(dir.resolve(DIRECTORY_FILE))) {
      ldap.loadLdif(dir.resolve(DIRECTORY_FILE));
    }
    return new Sandbox(tenant, ldap, Optional.of(dir));
  }

  static void writeDemo(Path dir) {
    TenantJson.save(InMemoryTenant.demo(), dir.resolve(TENANT_FILE));
    try (EmbeddedDirectory ldap = EmbeddedDirectory.startWithDemoData()) {
      ldap.exportLdif(dir.resolve(DIRECTORY_FILE));
    }
  }

  /** @return a plan runner journaling to the sandbox ({@code journal.jsonl}) or to memory, retrying on the tenant's clock */
  PlanRunner runner() {
    if (journal == null) {
      journal = dir.map(d -> Journal.jsonLines(d.resolve(JOURNAL_FILE))).orElseGet(Journal::inMemory);
    }
    return PlanRunner.builder().journal(journal).sleeper(tenant.simulatedClock().sleeper()).build();
  }

  @Override
  public void close() {
    try {
      dir.ifPresent(d -> {
        TenantJson.save(tenant, d.resolve(TENANT_FILE));
        ldap.exportLdif(d.resolve(DIRECTORY_FILE));
      });
      if (journal != null) {
        journal.close();
      }
    } finally {
      ldap.close();
    }
  }
}
