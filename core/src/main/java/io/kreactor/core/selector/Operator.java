package io.kreactor.core.selector;

/**
 * The operators of a label selector requirement ({@code apimachinery/pkg/selection}), with how each one
 * renders and how many values it takes.
 */
public enum Operator {
    /** {@code key=value}: the label is present with exactly this value. */
    EQUALS("="),
    /** {@code key==value}: the same as {@link #EQUALS}, kept so a parsed selector renders as it was written. */
    DOUBLE_EQUALS("=="),
    /** {@code key!=value}: the label is absent, or present with another value. */
    NOT_EQUALS("!="),
    /** {@code key in (a,b)}: the label is present with one of the values. */
    IN(" in "),
    /** {@code key notin (a,b)}: the label is absent, or present with none of the values. */
    NOT_IN(" notin "),
    /** {@code key}: the label is present, whatever its value. */
    EXISTS(""),
    /** {@code !key}: the label is absent. */
    DOES_NOT_EXIST("");

    private final String infix;

    Operator(String infix) {
        this.infix = infix;
    }

    /** The text between key and values when rendered ({@code "="}, {@code " in "}, … ; empty for the unary ones). */
    String infix() {
        return infix;
    }

    /** True for {@code in} and {@code notin}, which take a parenthesised set of at least one value. */
    public boolean isSetBased() {
        return this == IN || this == NOT_IN;
    }

    /** True for {@code =}, {@code ==} and {@code !=}, which take exactly one value. */
    public boolean isExactMatch() {
        return this == EQUALS || this == DOUBLE_EQUALS || this == NOT_EQUALS;
    }

    /** True for {@code key} and {@code !key}, which take no value. */
    public boolean isUnary() {
        return this == EXISTS || this == DOES_NOT_EXIST;
    }
}
