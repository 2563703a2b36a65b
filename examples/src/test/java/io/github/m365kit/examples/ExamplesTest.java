package io.github.m365kit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.examples.cli.M365Kit;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's Java snippets, the JShell quick start and the CLI, so none of them can rot. */
class ExamplesTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = M365Kit.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void demo_passesEveryCheckAndExitsZero() {
    Run r = cli("demo");
    assertThat(r.out()).contains("Summary:").contains(" 0 failed");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
  }

  @Test
  void ruleCheck_exitCodesAndColumnError() {
    Run ok = cli("rule", "check", "user.department -eq \"Finance\"");
    assertThat(ok.code()).isZero();
    assertThat(ok.out().trim()).isEqualTo("user.department -eq \"Finance\"");
    Run bad = cli("rule", "check", "user.department -eq");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).startsWith("m365kit: error at column ").doesNotContain("\n\n").hasLineCount(1);
    Run usage = cli("rule", "check");
    assertThat(usage.code()).isEqualTo(2);
    Run unknown = cli("--no-such-option");
    assertThat(unknown.code()).isEqualTo(2);
  }

  @Test
  void ruleSimplify_printsTheSeedsFold() {
    Run r = cli("rule", "simplify", "(user.department -eq \"Finance\") -or (user.mail -eq \"user1@domain.com\") -or (user.mail -eq \"user2@domain.com\")");
    assertThat(r.out().trim()).isEqualTo("user.department -eq \"Finance\" -or user.mail -in [\"user1@domain.com\",\"user2@domain.com\"]");
  }

  @Test
  void ruleEval_printsMatchesInInputOrder(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.json");
    Files.writeString(users, "{\"value\":[{\"userPrincipalName\":\"b@contoso.com\",\"department\":\"finance\"},"
        + "{\"userPrincipalName\":\"x@contoso.com\",\"department\":\"Sales\"},{\"userPrincipalName\":\"a@contoso.com\",\"department\":\"Finance\"}]}");
    Run r = cli("rule", "eval", "user.department -eq \"Finance\"", "--users", users.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out().lines().toList()).containsExactly("b@contoso.com", "a@contoso.com");
    Files.writeString(users, "this is not json");
    Run bad = cli("rule", "eval", "user.department -eq \"Finance\"", "--users", users.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).startsWith("m365kit: ").hasLineCount(1);
  }

  @Test
  void sandboxInit_writesATenantThatCommandsCanLoad(@TempDir Path dir) {
    Run r = cli("sandbox", "init", dir.toString());
    assertThat(r.code()).isZero();
    assertThat(dir.resolve("tenant.json")).exists();
    assertThat(cli("--sandbox", dir.resolve("missing").toString(), "demo").code()).isIn(0, 1);
  }

  @Test
  void groupCommands_createPauseAndListMembersInASandbox(@TempDir Path dir) {
    String sb = dir.toString();
    assertThat(cli("sandbox", "init", sb).code()).isZero();
    String rule = cli("rule", "build", "--department", "Finance", "--include", "user1@contoso.com").out().trim();
    Run created = cli("--sandbox", sb, "group", "create", "--name", "Finance plus one", "--nickname", "finance-plus", "--rule", rule);
    assertThat(created.code()).as(created.err()).isZero();
    String id = created.out().trim();
    assertThat(cli("--sandbox", sb, "group", "members", id).out().lines().toList())
        .containsExactly("fiona.finance@contoso.com", "frank.ledger@contoso.com", "fatima.audit@contoso.com", "user1@contoso.com");
    // the mail nickname names the group as well as its object id
    assertThat(cli("--sandbox", sb, "group", "pause", "Finance-Plus").code()).isZero();
    assertThat(cli("--sandbox", sb, "group", "update-rule", "finance-plus", "--rule", "user.department -eq \"Legal\"").code()).isZero();
    assertThat(cli("--sandbox", sb, "group", "members", id).out().lines()).as("paused: membership frozen").hasSize(4);
    assertThat(cli("--sandbox", sb, "group", "resume", id).code()).isZero();
    assertThat(cli("--sandbox", sb, "group", "members", "finance-plus").out().trim()).isEqualTo("big.mailbox@contoso.com");
    Run unknown = cli("--sandbox", sb, "group", "members", "finance-pluss");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err().strip()).isEqualTo("m365kit: no group has the object id or mail nickname 'finance-pluss'");
    Run bad = cli("--sandbox", sb, "group", "update-rule", id, "--rule", "user.department -eq");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).contains("error at column");
  }

  @Test
  void everyCommand_hasHelpThatExitsZero() {
    List<List<String>> paths = new ArrayList<>();
    collect(new picocli.CommandLine(new M365Kit()), new ArrayList<>(), paths);
    assertThat(paths.size()).isGreaterThan(20);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Run r = cli(args.toArray(String[]::new));
      assertThat(r.code()).as(String.join(" ", args)).isZero();
      assertThat(r.out()).as(String.join(" ", args)).contains("Usage: m365kit");
    }
  }

  private static void collect(picocli.CommandLine cl, List<String> prefix, List<List<String>> out) {
    out.add(List.copyOf(prefix));
    cl.getSubcommands().forEach((name, sub) -> {
      if (!name.equals("help")) {
        List<String> next = new ArrayList<>(prefix);
        next.add(name);
        collect(sub, next, out);
      }
    });
  }

  @Test
  void tenantId_runsThroughTheGraphAndExchangeAdaptersAgainstTheLoopbackSimulator(@TempDir Path dir) throws Exception {
    io.github.m365kit.memory.InMemoryTenant tenant = io.github.m365kit.memory.InMemoryTenant.demo();
    try (io.github.m365kit.graph.sim.GraphSimulator sim = io.github.m365kit.graph.sim.GraphSimulator.start(tenant)) {
      Path token = dir.resolve("token");
      Files.writeString(token, io.github.m365kit.graph.sim.GraphSimulator.TOKEN);
      String[] real = {"--tenant-id", sim.tenantId(), "--graph-url", sim.graphBaseUrl().toString(), "--exchange-url", sim.exchangeBaseUrl().toString(),
          "--access-token-file", token.toString()};
      Run create = cli(concat(real, "auth", "policy", "create", "Block Basic Auth"));
      assertThat(create.code()).as(create.out() + create.err()).isZero();
      assertThat(tenant.find("Block Basic Auth")).isPresent();
      Run assign = cli(concat(real, "auth", "assign", "Block Basic Auth", "--user", "jane.doe@contoso.com", "--refresh-tokens"));
      assertThat(assign.code()).as(assign.out() + assign.err()).isZero();
      assertThat(tenant.assigned(io.github.m365kit.model.Upn.of("jane.doe@contoso.com"))).contains("Block Basic Auth");
      Run audit = cli(concat(real, "auth", "audit", "--format", "json"));
      assertThat(audit.code()).as(audit.err()).isZero();
      assertThat(audit.out()).contains("\"userPrincipalName\" : \"imap.user@contoso.com\"");
      // a service refusal travels over HTTP and comes back as the same one-line error
      Run delete = cli(concat(real, "auth", "policy", "delete", "Block Basic Auth"));
      assertThat(delete.code()).isEqualTo(1);
      assertThat(delete.err()).contains("jane.doe@contoso.com").hasLineCount(1);
      assertThat(sim.requestCount()).isPositive();
      Files.writeString(token, "wrong-token");
      Run denied = cli(concat(real, "auth", "policy", "list"));
      assertThat(denied.code()).isEqualTo(1);
      assertThat(denied.err()).doesNotContain("wrong-token").hasLineCount(1);
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void ldapUrl_runsAgainstAnExternalDirectoryOverLdap() {
    try (io.github.m365kit.ldap.EmbeddedDirectory dc = io.github.m365kit.ldap.EmbeddedDirectory.startWithDemoData()) {
      Run r = cli("--ldap-url", dc.ldapUrl(), "--ldap-allow-plaintext", "--base-dn", "DC=contoso,DC=com", "mailbox", "repair-remote", "cloud.first@contoso.com");
      assertThat(r.code()).as(r.out() + r.err()).isZero();
      var cloudFirst = dc.directory().findByUpn(io.github.m365kit.model.Upn.of("cloud.first@contoso.com")).orElseThrow();
      assertThat(cloudFirst.hasRemoteMailboxRecord()).isTrue();
      assertThat(cloudFirst.targetAddress()).contains("SMTP:cloud.first@contoso.mail.onmicrosoft.com");
      // ldap:// without the explicit opt-out means StartTLS, which this server does not offer: a one-line error, nothing written
      Run tls = cli("--ldap-url", dc.ldapUrl(), "--base-dn", "DC=contoso,DC=com", "mailbox", "preflight", "jane.doe@contoso.com");
      assertThat(tls.code()).isEqualTo(1);
      assertThat(tls.err()).startsWith("m365kit: ").hasLineCount(1);
      Run noBase = cli("--ldap-url", dc.ldapUrl(), "mailbox", "preflight", "jane.doe@contoso.com");
      assertThat(noBase.err()).contains("--base-dn");
    }
  }

  @Test
  void readmeJavaSnippets_compileAndRun() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).isNotEmpty();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    String imports = "import io.github.m365kit.*; import io.github.m365kit.model.*; import io.github.m365kit.memory.*; import io.github.m365kit.group.*;"
        + " import io.github.m365kit.plan.*; import io.github.m365kit.mailbox.*; import io.github.m365kit.ldap.*; import io.github.m365kit.graph.*;"
        + " import java.nio.file.*; import java.time.*; import java.util.*;";
    // the quick start and the plan block run, in order, on the in-memory tenant; the README's journal starts empty
    Files.createDirectories(Path.of("target"));
    Files.deleteIfExists(Path.of("target", "jane-offboarding.jsonl"));
    List<String> values = evalAll(imports + "\n" + blocks.get(0) + "\n" + blocks.get(1) + "\nString.valueOf(tenant.get(SmtpAddress.of(\"jane.doe@contoso.com\")).type());");
    assertThat(values.get(values.size() - 1)).isEqualTo("\"SHARED\"");
    // the real-backend block needs a DC and a tenant: compile it inside a lambda that is never called
    evalAll(imports + "\nString tenantId = \"t\", clientId = \"c\", clientSecret = \"s\"; char[] secret = {};\n"
        + "Runnable realBackends = () -> {\n" + blocks.get(2) + "\n};");
  }

  @Test
  void jshellQuickstart_runsAndChecksItself() throws Exception {
    String script = Files.readString(ROOT.resolve("examples/jshell/quickstart.jsh"), StandardCharsets.UTF_8);
    StringBuilder java = new StringBuilder();
    String exitExpr = null;
    for (String line : script.split("\n")) {
      if (line.startsWith("/exit")) {
        exitExpr = line.substring(5).trim();
      } else if (!line.startsWith("//")) {
        java.append(line).append('\n');
      }
    }
    assertThat(exitExpr).isNotNull();
    List<String> values = evalAll(java + "\n" + exitExpr + ";");
    assertThat(values.get(values.size() - 1)).isEqualTo("0");
  }

  /** Evaluates source in an in-process JShell on this test's class path; fails on any compile or runtime error. */
  static List<String> evalAll(String source) {
    List<String> values = new ArrayList<>();
    try (JShell js = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
        js.addToClasspath(entry);
      }
      SourceCodeAnalysis sca = js.sourceCodeAnalysis();
      String rest = source;
      while (!rest.isBlank()) {
        SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
        String snippet = info.source() != null ? info.source() : rest;
        for (SnippetEvent e : js.eval(snippet)) {
          if (e.exception() != null) {
            throw new AssertionError("snippet threw: " + snippet + "\n" + e.exception(), e.exception());
          }
          if (e.status() == Snippet.Status.REJECTED) {
            StringBuilder why = new StringBuilder();
            js.diagnostics(e.snippet()).forEach(d -> why.append(d.getMessage(java.util.Locale.ROOT)).append('\n'));
            throw new AssertionError("snippet rejected: " + snippet + "\n" + why);
          }
          if (e.value() != null) {
            values.add(e.value());
          }
        }
        rest = info.remaining();
      }
    }
    return values;
  }
}
