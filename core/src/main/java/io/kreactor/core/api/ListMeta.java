package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code metadata} of a list response ({@code metav1.ListMeta}).
 *
 * @param resourceVersion    the list's resourceVersion: start a watch from it to see every later change
 * @param continueToken      the {@code continue} token for the next page, {@code null} or empty on the last page
 * @param remainingItemCount how many items remain after this page, when the server knows (may be null)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ListMeta(String resourceVersion,
                       @JsonProperty("continue") String continueToken,
                       Long remainingItemCount) {

    /** True when a further page can be fetched with {@link #continueToken()}. */
    public boolean hasMore() {
        return continueToken != null && !continueToken.isEmpty();
    }
}
