package io.github.m365kit.group;

/**
 * Thrown when a membership rule's text cannot be parsed.
 *
 * <p>The message has the form {@code error at column N: expected X but found Y}; the parts are also available
 * separately. Columns are 1-based and count UTF-16 characters of the text that was passed to the parser.
 */
public final class RuleSyntaxException extends RuleException {

    /** The 1-based column of the error. */
    private final int column;
    /** What the parser expected. */
    private final String expected;
    /** What the parser found. */
    private final String found;

    /**
     * Creates a syntax error.
     *
     * @param column 1-based column of the offending input
     * @param expected what the parser expected at that point
     * @param found what it found instead
     */
    public RuleSyntaxException(int column, String expected, String found) {
        super("error at column " + column + ": expected " + expected + " but found " + found);
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    /**
     * Returns the 1-based column of the error.
     *
     * @return the column
     */
    public int column() {
        return column;
    }

    /**
     * Returns a description of what the parser expected.
     *
     * @return the expectation, for example {@code "an operator such as -eq"}
     */
    public String expected() {
        return expected;
    }

    /**
     * Returns a description of what the parser found instead.
     *
     * @return the offending input, for example {@code "'-foo'"} or {@code "end of input"}
     */
    public String found() {
        return found;
    }
}
