package io.github.m365kit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.m365kit.NotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** How the CLI reports a failed command: the exit code and what an admin reads on stderr. */
class FailureReportingTest {

  private static String report(Exception ex, boolean verbose, int expectedCode) {
    StringWriter err = new StringWriter();
    assertThat(M365Kit.failed(ex, new PrintWriter(err, true), verbose)).isEqualTo(expectedCode);
    return err.toString();
  }

  @Test
  void aUserErrorIsOneLineWithExitOne() {
    assertThat(report(new NotFoundException("mailbox", "nobody@contoso.com"), false, 1)).hasLineCount(1).startsWith("m365kit: ");
  }

  @Test
  void anIoFailureIsOneLineWithExitOne_sayingWhyInWords() {
    assertThat(report(new UncheckedIOException("cannot read users JSON", new AccessDeniedException("/x")), false, 1))
        .isEqualTo("m365kit: cannot read users JSON: permission denied" + System.lineSeparator());
    assertThat(M365Kit.reason(new NoSuchFileException("/x"))).isEqualTo("no such file");
    assertThat(M365Kit.reason(new FileSystemException("/x", null, "Read-only file system"))).isEqualTo("Read-only file system");
    assertThat(M365Kit.reason(new IOException("Connection reset"))).isEqualTo("Connection reset");
  }

  @Test
  void aBugIsOneLineWithExitThree_andTheStackTraceOnlyWithVerbose() {
    assertThat(report(new IllegalStateException("boom"), false, 3))
        .isEqualTo("m365kit: internal error (java.lang.IllegalStateException: boom); please report it with the output of --verbose"
            + System.lineSeparator());
    String verbose = report(new IllegalStateException("boom"), true, 3);
    assertThat(verbose).startsWith("m365kit: internal error (java.lang.IllegalStateException: boom); please report it" + System.lineSeparator())
        .contains("\tat io.github.m365kit.examples.cli.FailureReportingTest");
  }
}
