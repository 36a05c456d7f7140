package dev.creditcontrol.rules;

/**
 * Root of the library's own failures (a rule set that cannot be loaded, an engine that cannot
 * start). Business outcomes are never exceptions: a refused order is a {@code CreditDecision}.
 * Invalid input is an {@link IllegalArgumentException} instead.
 */
public class CreditControlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public CreditControlException(String message) {
        super(message);
    }

    /** With a message and a cause. */
    public CreditControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
