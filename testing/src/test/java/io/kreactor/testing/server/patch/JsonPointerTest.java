package io.kreactor.testing.server.patch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPointerTest {

    @Test
    void emptyPointerIsTheWholeDocument() {
        assertThat(JsonPointer.parse("", "p").isRoot()).isTrue();
    }

    @Test
    void unescapesReferenceTokensAsRfc6901Says() {
        assertThat(JsonPointer.parse("/a~1b/m~0n/~01/", "p").tokens()).containsExactly("a/b", "m~n", "~1", "");
    }

    @Test
    void aPointerIsWithinItselfAndItsAncestors() {
        JsonPointer child = JsonPointer.parse("/a/b", "p");
        assertThat(child.isWithin(JsonPointer.parse("/a", "p"))).isTrue();
        assertThat(child.isWithin(child)).isTrue();
        assertThat(child.isWithin(JsonPointer.parse("/ab", "p"))).isFalse();
    }

    @Test
    void rejectsATrailingTilde() {
        assertThatThrownBy(() -> JsonPointer.parse("/a~", "operation 3 path"))
                .isExactlyInstanceOf(MalformedPatchException.class)
                .hasMessage("operation 3 path '/a~' has an invalid escape at position 2: '~' must be followed by '0' or '1'");
    }
}
