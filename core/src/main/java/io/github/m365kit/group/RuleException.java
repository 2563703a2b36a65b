package io.github.m365kit.group;

/**
 * Base class of the unchecked exceptions thrown by the dynamic-membership rule tools in this package.
 *
 * <p>Package-local root for now; it is meant to extend the library-wide {@code M365KitException} once that exists.
 */
public class RuleException extends RuntimeException {

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
