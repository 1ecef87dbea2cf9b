package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class ListAndWatchOptionsTest {

    @Test
    void listOptionsUseKubernetesParameterNamesInStableOrder() {
        ListOptions o = ListOptions.DEFAULT.withTimeoutSeconds(5).withResourceVersionMatch(ResourceVersionMatch.EXACT)
                .withResourceVersion("10").withContinue("tok").withLimit(500).withFieldSelector("status.phase=Running")
                .withLabelSelector("app=web");
        assertThat(o.toQueryParameters()).containsExactly(
                entry("labelSelector", "app=web"), entry("fieldSelector", "status.phase=Running"), entry("limit", "500"),
                entry("continue", "tok"), entry("resourceVersion", "10"), entry("resourceVersionMatch", "Exact"),
                entry("timeoutSeconds", "5"));
    }

    @Test
    void listOptionsRejectANonPositiveLimit() {
        assertThatThrownBy(() -> ListOptions.DEFAULT.withLimit(0)).hasMessageContaining("limit must be positive, was 0");
    }

    @Test
    void watchListAsksForInitialEventsFromTheCurrentStateWithBookmarks() {
        assertThat(WatchOptions.watchList().toQueryParameters()).containsExactly(
                entry("resourceVersion", ""), entry("resourceVersionMatch", "NotOlderThan"),
                entry("allowWatchBookmarks", "true"), entry("sendInitialEvents", "true"));
    }

    @Test
    void listSelectorsCarryOverToTheWatch() {
        WatchOptions w = ListOptions.DEFAULT.withLabelSelector("a=b").withFieldSelector("x=y").withLimit(3).toWatchOptions();
        assertThat(w.toQueryParameters()).containsExactly(entry("labelSelector", "a=b"), entry("fieldSelector", "x=y"));
    }
}
