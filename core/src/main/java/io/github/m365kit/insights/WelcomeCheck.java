package io.github.m365kit.insights;

import io.github.m365kit.model.Upn;
import java.util.List;
import java.util.Objects;

/**
 * Whether one user would get the MyAnalytics Welcome email now, and why. The rule is m365kit's reading of the
 * seed blog and is partly UNCONFIRMED; see {@link InsightsSettings}. Immutable and thread-safe.
 *
 * @param user the user
 * @param wouldReceive true when every condition holds
 * @param reasons one line per condition, saying whether it holds
 */
public record WelcomeCheck(Upn user, boolean wouldReceive, List<String> reasons) {
  /** Validates and copies. */
  public WelcomeCheck {
    Objects.requireNonNull(user, "user == null");
    reasons = List.copyOf(reasons);
  }
}
