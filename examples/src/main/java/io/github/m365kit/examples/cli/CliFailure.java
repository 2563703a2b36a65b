package io.github.m365kit.examples.cli;

import io.github.m365kit.M365KitException;

/** A user error detected by the CLI itself; exit code 1 with the message on stderr. */
final class CliFailure extends M365KitException {
  private static final long serialVersionUID = 1L;

  CliFailure(String message) {
    super(message);
  }
}
