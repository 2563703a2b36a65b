package io.github.m365kit.testkit;

/**
 * Behaviour a backend may genuinely lack, so that a contract test of it is skipped (with JUnit's assumptions) rather
 * than failed. Core behaviour (look-ups, errors, round trips, the service rules every backend must enforce) is never
 * behind a capability. A contract's {@code capabilities()} returns all of them unless the backend overrides it.
 */
public enum Capability {
  /**
   * The test can move the backend's clock forward ({@link PortContract#advanceClock(java.time.Duration)}), so that
   * time-based rules such as the 30-day grace period of an unlicensed mailbox can be observed. Real tenants cannot.
   */
  CONTROLLABLE_CLOCK,

  /**
   * Removing the last suitable license from a shared mailbox that must keep one (over 50 GB, archive, hold) is
   * refused with {@link io.github.m365kit.ServiceRuleException.Rule#SHARED_MAILBOX_REQUIRES_LICENSE}. The in-memory
   * tenant refuses; the real service accepts the change and leaves the mailbox out of compliance.
   */
  REFUSES_NONCOMPLIANT_LICENSE_REMOVAL,

  /** The sign-in log visits events oldest first (the port only asks for it "where the backend allows"). */
  ORDERED_SIGN_INS,

  /**
   * The cloud directory reports a mailbox's purpose
   * ({@link io.github.m365kit.spi.CloudDirectory#mailboxPurpose(io.github.m365kit.model.Upn)}) rather than keeping the
   * port's default of "cannot tell" (always empty).
   */
  MAILBOX_PURPOSE
}
