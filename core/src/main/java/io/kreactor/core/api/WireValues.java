package io.kreactor.core.api;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shared lookup of enum constants by their Kubernetes wire spelling. */
final class WireValues {

    private WireValues() {
    }

    static <E extends Enum<E>> E lookup(Class<E> type, E[] constants, Function<E, String> wire, String parameter, String value) {
        for (E e : constants) {
            if (wire.apply(e).equals(value)) {
                return e;
            }
        }
        String accepted = Arrays.stream(constants).map(wire).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unsupported " + parameter + " '" + value + "' for " + type.getSimpleName()
                + ": must be one of " + accepted);
    }
}
