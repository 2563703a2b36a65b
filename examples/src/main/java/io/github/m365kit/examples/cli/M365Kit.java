package io.github.m365kit.examples.cli;

import io.github.m365kit.InvalidInputException;
import io.github.m365kit.M365KitException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code m365kit} command line. Exit codes: 0 success, 1 a user error (one-line reason on stderr), 2 a usage
 * error. Without {@code --sandbox} every command runs on a fresh in-memory demo tenant and directory.
 */
@Command(name = "m365kit", mixinStandardHelpOptions = true, version = "m365kit 0.1.0-SNAPSHOT",
    description = "Microsoft 365 / Exchange hybrid admin chores as typed, ordered, testable operations.",
    subcommands = {DemoCommand.class, MailboxCommand.class, AuthCommand.class, InsightsCommand.class, RuleCommand.class, GroupCommand.class, SandboxCommand.class})
public final class M365Kit {
  @Option(names = "--sandbox", scope = ScopeType.INHERIT, paramLabel = "DIR",
      description = "Keep state in DIR (tenant.json and directory.ldif); default: a fresh demo tenant each run.")
  Path sandbox;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Log what m365kit does (DEBUG).")
  boolean verbose;

  @Option(names = "--tenant-id", scope = ScopeType.INHERIT, paramLabel = "TENANT_ID",
      description = "Use the real tenant through Microsoft Graph and Exchange Online; credentials from azure-identity's environment "
          + "variables (AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH, AZURE_TENANT_ID).")
  String tenantId;

  @Option(names = "--graph-url", scope = ScopeType.INHERIT, hidden = true, description = "Graph base URL (tests, national clouds).")
  String graphUrl;

  @Option(names = "--exchange-url", scope = ScopeType.INHERIT, hidden = true, description = "Exchange admin base URL (tests, national clouds).")
  String exchangeUrl;

  @Option(names = "--access-token-file", scope = ScopeType.INHERIT, hidden = true, paramLabel = "FILE",
      description = "Use the bearer token in FILE instead of azure-identity (tests against the loopback simulator, short scripts).")
  Path accessTokenFile;

  @Option(names = "--ldap-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "Use a real domain controller, e.g. ldaps://dc01.contoso.com:636 (ldap:// means StartTLS).")
  String ldapUrl;

  @Option(names = "--base-dn", scope = ScopeType.INHERIT, paramLabel = "DN", description = "With --ldap-url: the domain root, e.g. DC=contoso,DC=com.")
  String baseDn;

  @Option(names = "--bind-dn", scope = ScopeType.INHERIT, paramLabel = "DN", description = "With --ldap-url: the account to bind as.")
  String bindDn;

  @Option(names = "--bind-password-env", scope = ScopeType.INHERIT, paramLabel = "VAR", defaultValue = "M365KIT_BIND_PASSWORD",
      description = "With --bind-dn: the environment variable holding the password (default: ${DEFAULT-VALUE}); never on the command line.")
  String bindPasswordEnv;

  @Option(names = "--trust-store", scope = ScopeType.INHERIT, paramLabel = "FILE", description = "With --ldap-url: trust store with the DC's CA.")
  Path trustStore;

  @Option(names = "--trust-store-pin-env", scope = ScopeType.INHERIT, paramLabel = "VAR", description = "The environment variable holding the trust store password.")
  String trustStorePinEnv;

  @Option(names = "--ldap-allow-plaintext", scope = ScopeType.INHERIT, description = "With an ldap:// URL: no TLS at all (test labs only).")
  boolean ldapPlaintext;

  /**
   * Runs the CLI.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the CLI with the given streams; used by tests.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
    if (verbose) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
    }
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    CommandLine cl = new CommandLine(new M365Kit());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, line, parse) -> failed(ex, err, verbose));
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("m365kit: " + oneLine(ex.getMessage()));
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      return 2;
    });
    return cl.execute(args);
  }

  /**
   * Reports a command's failure on stderr.
   *
   * @return 1 for a user error or an I/O failure (one line), 3 for a bug (one line; the stack trace with --verbose)
   */
  static int failed(Exception ex, PrintWriter err, boolean verbose) {
    if (ex instanceof M365KitException) {
      err.println("m365kit: " + oneLine(ex.getMessage()));
      return 1;
    }
    if (ex instanceof java.io.UncheckedIOException io) {
      err.println("m365kit: " + oneLine(io.getMessage() + ": " + reason(io.getCause())));
      return 1;
    }
    err.println("m365kit: internal error (" + ex.getClass().getName() + ": " + oneLine(String.valueOf(ex.getMessage()))
        + "); please report it" + (verbose ? "" : " with the output of --verbose"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    return 3;
  }

  /** @return why an I/O operation failed, in words (the JDK's file exceptions carry only the path) */
  static String reason(java.io.IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }

  static InvalidInputException usage(String what, String value, String reason) {
    return new InvalidInputException(what, value, reason);
  }
}
