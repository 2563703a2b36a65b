package io.github.m365kit.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.m365kit.M365KitException;
import io.github.m365kit.access.OwaUrls;
import io.github.m365kit.examples.cli.M365Kit;
import io.github.m365kit.mailbox.ConversionOptions;
import io.github.m365kit.mailbox.MailboxConverter;
import io.github.m365kit.memory.InMemoryOnPremDirectory;
import io.github.m365kit.memory.InMemoryTenant;
import io.github.m365kit.memory.TenantJson;
import io.github.m365kit.model.SmtpAddress;
import io.github.m365kit.model.Upn;
import io.github.m365kit.plan.PowerShell;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and malformed input, through the public API and through the CLI: each case gets a typed error (an
 * M365KitException subtype, or exit code 1 with one line on stderr and no stack trace) or a correctly escaped result,
 * and the tenant and directory are unchanged.
 */
class BadInputCorpusTest {
  private static final String HUGE = "a".repeat(100_000) + "@contoso.com";
  private static final List<String> HOSTILE = List.of("", " ", "not-an-upn", "jane@@contoso.com", "jane.doe@", "@contoso.com", "*)(mail=*", "jane\\00@contoso.com",
      "a,+\"\\<>;@contoso.com", "x'; Remove-Mailbox -Identity *; '", "x`$(whoami)`@contoso.com", "$(Remove-Item C:\\)@contoso.com", "a;b@contoso.com",
      "nobody@contoso.com", "jane.doe@contoso.com\u0000", "j\u00e4ne@contoso.com\ud800", HUGE);

  static Stream<String> hostile() {
    return HOSTILE.stream();
  }

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = M365Kit.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }

  static String state(Path dir) throws Exception {
    StringBuilder s = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().filter(p -> !p.getFileName().toString().endsWith(".jsonl")).toList()) {
        s.append(f.getFileName()).append('\n').append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
      }
    }
    return s.toString();
  }

  static void assertOneLineError(Run r, String what) {
    assertThat(r.code()).as("%s: exit code (stderr: %s)", what, r.err()).isEqualTo(1);
    assertThat(r.err().strip().lines().count()).as("%s: one line on stderr: %s", what, r.err()).isEqualTo(1);
    assertThat(r.err() + r.out()).as(what).doesNotContain("\tat ").doesNotContain("Exception in thread").doesNotContain("NullPointerException");
    assertThat(r.err().length()).as("%s: the error line stays short", what).isLessThan(2_000);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void api_hostileIdentity_typedErrorAndNothingChanges(String identity) {
    InMemoryTenant tenant = InMemoryTenant.demo();
    InMemoryOnPremDirectory ad = InMemoryOnPremDirectory.demo();
    String before = TenantJson.write(tenant) + ad.users();
    MailboxConverter c = MailboxConverter.using(tenant, tenant, ad, tenant.clock());
    assertThatThrownBy(() -> c.plan(identity, ConversionOptions.toShared())).isInstanceOf(M365KitException.class);
    assertThatThrownBy(() -> c.preflight(identity)).isInstanceOf(M365KitException.class);
    assertThat(TenantJson.write(tenant) + ad.users()).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void api_powershellRendering_keepsEveryValueInsideSingleQuotes(String value) {
    String line = PowerShell.command("Set-User").param("Identity", value).param("Notes", "x").toString();
    assertThat(parseSingleQuoted(line, "-Identity ")).isEqualTo(value);
    assertThat(parseSingleQuoted(line, "-Notes ")).isEqualTo("x");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void api_owaUrl_isAValidUriWhoseMailboxSegmentDecodesBack(String local) {
    SmtpAddress a;
    try {
      a = SmtpAddress.of(local.contains("@") ? local : local + "@contoso.com");
    } catch (M365KitException e) {
      return; // refused as an address: the typed error is the correct outcome
    }
    String url = OwaUrls.classic(a).toString();
    URI uri = URI.create(url.contains("://") ? url : "https://" + OwaUrls.HOST + url);
    assertThat(uri.getHost()).isEqualTo(OwaUrls.HOST);
    assertThat(uri.getRawPath() + (uri.getRawQuery() == null ? "" : uri.getRawQuery())).doesNotContain(" ", "\"", "<", ">", "`");
  }

  /** Reads the single-quoted PowerShell string after {@code marker}, undoing '' escapes; fails if it is not quoted. */
  static String parseSingleQuoted(String line, String marker) {
    int i = line.indexOf(marker);
    assertThat(i).as("%s in %s", marker, line).isNotNegative();
    i += marker.length();
    assertThat(line.charAt(i)).as("value after %s is single-quoted", marker).isEqualTo('\'');
    StringBuilder v = new StringBuilder();
    for (i = i + 1; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\'' || ch == '\u2018' || ch == '\u2019' || ch == '\u201a' || ch == '\u201b') {
        if (i + 1 < line.length() && line.charAt(i + 1) == ch) {
          v.append(ch);
          i++;
          continue;
        }
        return v.toString();
      }
      v.append(ch);
    }
    throw new AssertionError("unterminated quote in " + line);
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void cli_hostileIdentity_exitOneWithOneLineAndNothingChanges(String identity, @TempDir Path dir) throws Exception {
    assertThat(cli("sandbox", "init", dir.toString()).code()).isZero();
    String before = state(dir);
    for (String[] args : List.of(new String[] {"--sandbox", dir.toString(), "mailbox", "preflight", identity},
        new String[] {"--sandbox", dir.toString(), "mailbox", "convert", identity, "--remove-licenses", "--disable-account"},
        new String[] {"--sandbox", dir.toString(), "auth", "assign", "Block Basic Auth", "--user", identity},
        new String[] {"--sandbox", dir.toString(), "auth", "ca-policy", "--apply", "--exclude", identity},
        new String[] {"--sandbox", dir.toString(), "insights", "show", identity},
        new String[] {"--sandbox", dir.toString(), "insights", "set", "--user", identity, "--privacy-mode", "opt-out"})) {
      assertOneLineError(cli(args), String.join(" ", args).substring(0, Math.min(200, String.join(" ", args).length())));
    }
    assertThat(state(dir)).isEqualTo(before);
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void cli_corruptTenantFile_exitOneWithOneLine(byte[] content, @TempDir Path dir) throws Exception {
    assertThat(cli("sandbox", "init", dir.toString()).code()).isZero();
    Files.write(dir.resolve("tenant.json"), content);
    String before = state(dir);
    assertOneLineError(cli("--sandbox", dir.toString(), "mailbox", "preflight", "jane.doe@contoso.com"), "corrupt tenant.json");
    assertThat(state(dir)).isEqualTo(before);
  }

  static Stream<byte[]> badFiles() {
    List<byte[]> files = new ArrayList<>();
    files.add(new byte[0]);
    files.add("this is not JSON".getBytes(StandardCharsets.UTF_8));
    files.add(new byte[] {'{', '"', 'u', '"', ':', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'});
    files.add(("{\"users\":[" + "{}".repeat(1) + "]}").getBytes(StandardCharsets.UTF_8));
    files.add(("[\"" + "x".repeat(100_000) + "\"]").getBytes(StandardCharsets.UTF_8));
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("badSignInFiles")
  void cli_badSignInExport_exitOneWithOneLineNamingTheFlaw_neverAnAuditWhereNobodyBreaks(String name, byte[] content, String flaw,
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, content);
    Run r = cli("auth", "audit", file.toString());
    assertOneLineError(r, name);
    assertThat(r.err()).as(name).contains(flaw);
    assertThat(r.out()).as(name).doesNotContain("Would break");
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> badSignInFiles() {
    String header = "Date (UTC),Username,Client app,Failure reason\n";
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("ansi.csv", (header + "2026-01-05T10:00:00Z,a@contoso.com,IMAP4,\u00e9chou\u00e9\n")
            .getBytes(StandardCharsets.ISO_8859_1), "invalid sign-in CSV record 2 '2026-01-05T10:00:00Z,a@contoso.com,IMAP4': the file is not UTF-8"),
        org.junit.jupiter.params.provider.Arguments.of("excel-de.csv", "Date (UTC);Username;Client app\n2026-01-05T10:00:00Z;a@contoso.com;IMAP4\n"
            .getBytes(StandardCharsets.UTF_8), "separated by semicolons"),
        org.junit.jupiter.params.provider.Arguments.of("cut.csv", (header + "2026-01-05T10:00:00Z,a@contoso.com,IMAP4,\"Invalid pa")
            .getBytes(StandardCharsets.UTF_8), "ends inside a quoted field"),
        org.junit.jupiter.params.provider.Arguments.of("audit-log.json", "[{\"id\":\"1\",\"activityDisplayName\":\"Add member to group\"}]"
            .getBytes(StandardCharsets.UTF_8), "none of its 1 records is a sign-in"),
        org.junit.jupiter.params.provider.Arguments.of("cut.json", "[{\"createdDateTime\":\"2026-01-05T10:00:00Z\"},{\"createdDate"
            .getBytes(StandardCharsets.UTF_8), "invalid sign-in JSON"),
        org.junit.jupiter.params.provider.Arguments.of("report.pdf", "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1), "invalid sign-in CSV"));
  }

  @org.junit.jupiter.api.Test
  void cli_rolloutWithAMistypedExceptionUser_exitOneAndNobodyIsAssigned(@TempDir Path dir) throws Exception {
    String sb = dir.toString();
    assertThat(cli("sandbox", "init", sb).code()).isZero();
    assertThat(cli("--sandbox", sb, "auth", "policy", "create", "Block Basic Auth").code()).isZero();
    assertThat(cli("--sandbox", sb, "auth", "policy", "create", "Allow SMTP", "--allow", "SMTP").code()).isZero();
    String before = state(dir);
    for (String dry : new String[] {"--dry-run", "--format=text"}) {
      Run r = cli("--sandbox", sb, "auth", "assign", "Block Basic Auth", "--all", "--except", "scaner@contoso.com", "--exception-policy", "Allow SMTP", dry);
      assertOneLineError(r, "typo in --except " + dry);
      assertThat(r.err()).contains("exception user scaner@contoso.com is not in the tenant");
      assertThat(r.out()).doesNotContain("would assign");
    }
    assertThat(state(dir)).isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void cli_missingFilesDirectoriesAndUnwritableOutputs_exitOneWithOneLineSayingWhy(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("missing.json");
    Path ok = dir.resolve("signins.json");
    Files.writeString(ok, "[{\"createdDateTime\":\"2026-01-05T10:00:00Z\",\"userPrincipalName\":\"a@contoso.com\",\"clientAppUsed\":\"IMAP4\"}]");
    String rule = "user.department -eq \"Sales\"";
    record Case(Run run, String says) {}
    for (Case c : List.of(
        new Case(cli("rule", "eval", rule, "--users", missing.toString()), "cannot read " + missing + ": no such file"),
        new Case(cli("rule", "eval", rule, "--users", dir.toString()), "cannot read " + dir + ": it is a directory, not a file"),
        new Case(cli("auth", "audit", missing.toString()), "invalid sign-in file '" + missing + "': no such file"),
        new Case(cli("auth", "audit", dir.toString()), "invalid sign-in file '" + dir + "': it is a directory, not a file"),
        new Case(cli("auth", "audit", ok.toString(), "--out", dir.resolve("no/such/dir/r.html").toString()),
            "cannot write " + dir.resolve("no/such/dir/r.html") + ": no such file"))) {
      assertOneLineError(c.run(), c.says());
      assertThat(c.run().err().strip()).isEqualTo("m365kit: " + c.says());
    }
  }

  @ParameterizedTest
  @MethodSource("hostileRules")
  void cli_ruleInjection_typedErrorOrCleanResult(String rule) {
    Run r = cli("rule", "check", rule);
    assertThat(r.code()).as(rule + " -> " + r.err()).isIn(0, 1);
    if (r.code() == 1) {
      assertOneLineError(r, "rule " + rule);
    }
    assertThat(r.out() + r.err()).doesNotContain("\tat ");
  }

  static Stream<String> hostileRules() {
    return Stream.of("user.department -eq \"Fin\" or \"1\"=\"1\"", "user.department -eq 'Finance'", "user.department -eq \"Fin`\"ance\"",
        "user.department -eq \"$(Remove-Item C:\\)\"", "user.mail -eq \"*)(mail=*\"", "(((((", "\"", "`", "", "user.department -eq \"" + "x".repeat(100_000) + "\"",
        "user.department -eq \"a\u0000b\"");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void api_upnAndAddress_refuseOrRoundTrip(String text) {
    for (java.util.function.Function<String, Object> parse : List.<java.util.function.Function<String, Object>>of(Upn::of, SmtpAddress::of)) {
      Object v;
      try {
        v = parse.apply(text);
      } catch (M365KitException e) {
        assertThat(e.getMessage()).isNotBlank().hasSizeLessThan(2_000);
        continue;
      }
      assertThat(v.toString()).as("a parsed value must not carry control characters or LDAP metacharacters").doesNotContain("\u0000", "*", "(", ")", "\\", "\"", "<", ">", ";", " ");
    }
  }
}
