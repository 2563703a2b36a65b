package io.github.m365kit.mailbox;

import io.github.m365kit.ServiceRuleException;
import java.util.Objects;

/**
 * Why the service refused a step of a mailbox conversion, and what fixes it. Returned by
 * {@link MailboxConverter#explain(Throwable)}. Immutable.
 *
 * @param rule the service rule that refused
 * @param cause what the refusal means, in words
 * @param fix what to do about it
 */
public record Explanation(ServiceRuleException.Rule rule, String cause, String fix) {
  /** Validates. */
  public Explanation {
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(cause, "cause == null");
    Objects.requireNonNull(fix, "fix == null");
  }

  @Override
  public String toString() {
    return cause + " Fix: " + fix;
  }
}
