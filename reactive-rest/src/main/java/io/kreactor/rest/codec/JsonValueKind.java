package io.kreactor.rest.codec;

/** What kind of JSON value starts at a byte, decided from that first byte alone. */
enum JsonValueKind {
    OBJECT("an object"),
    ARRAY("an array"),
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    NULL("null");

    private final String description;

    JsonValueKind(String description) {
        this.description = description;
    }

    /** How error messages name a value of this kind ("an object", "a string"). */
    String description() {
        return description;
    }

    /** True for objects and arrays, whose end is a closing bracket. */
    boolean isContainer() {
        return this == OBJECT || this == ARRAY;
    }

    /**
     * The kind of value that starts with byte {@code b}, or null when no JSON value can start with it. Scalars
     * are only recognised here; whether {@code tru} or {@code 1.2.3} is valid is decided when they are bound.
     */
    static JsonValueKind startingWith(byte b) {
        return switch (b) {
            case '{' -> OBJECT;
            case '[' -> ARRAY;
            case '"' -> STRING;
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> NUMBER;
            case 't', 'f' -> BOOLEAN;
            case 'n' -> NULL;
            default -> null;
        };
    }
}
