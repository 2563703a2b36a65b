package io.github.m365kit;

/**
 * The service refused the change by one of its own rules, with the service's own message where it is known:
 * converting an unlicensed mailbox, disabling Unified Messaging on a shared mailbox ("License validation
 * error"), giving away an extension that another mailbox holds. Retrying will not help; changing the state first
 * may.
 */
public class ServiceRuleException extends M365KitException {
  private static final long serialVersionUID = 1L;
  private final Rule rule;

  /** The service rules m365kit knows by name, so that callers can react to one without parsing messages. */
  public enum Rule {
    /** Set-Mailbox -Type needs a licensed mailbox. */
    CONVERSION_REQUIRES_LICENSE,
    /** A shared mailbox over 50 GB, with an archive or on hold must keep a license. */
    SHARED_MAILBOX_REQUIRES_LICENSE,
    /** Disable-UMMailbox on a shared or unlicensed mailbox: "License validation error". */
    UM_LICENSE_VALIDATION,
    /** Disable-UMMailbox on a mailbox without Unified Messaging: "already disabled". */
    UM_ALREADY_DISABLED,
    /** A UM extension is held by another mailbox in the dial plan. */
    UM_EXTENSION_IN_USE,
    /** A property of an object synchronised from on-prem AD must be changed in AD. */
    ON_PREMISES_MASTERED,
    /** The mailbox was disconnected after the 30-day grace period; its data is gone. */
    MAILBOX_DISCONNECTED,
    /** The object is of a kind the operation does not handle (room, equipment, guest). */
    UNSUPPORTED_RECIPIENT,
    /**
     * Entra ID refused a dynamic group's membership rule ("Invalid membership rule"): the rule does not parse or
     * names something the group kind cannot hold. Fix the rule; retrying will not help.
     */
    INVALID_MEMBERSHIP_RULE,
    /** Any other refusal. */
    OTHER
  }

  /**
   * Creates the exception.
   *
   * @param rule which rule refused the change
   * @param message the service's message (or ours, naming the object)
   */
  public ServiceRuleException(Rule rule, String message) {
    super(message);
    this.rule = rule;
  }

  /** @return which rule refused the change */
  public Rule rule() {
    return rule;
  }
}
