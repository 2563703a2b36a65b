package io.github.m365kit.group;

/**
 * Base class of the unchecked exceptions thrown by the dynamic-membership rule tools in this package.
 *
 * <p>Part of the library-wide {@link io.github.m365kit.M365KitException} hierarchy: a rule that does not parse or
 * validate is bad input, so nothing was changed.
 */
public class RuleException extends io.github.m365kit.M365KitException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with the given message.
     *
     * @param message what went wrong
     */
    public RuleException(String message) {
        super(message);
    }

    /**
     * Creates an exception with the given message and cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public RuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
