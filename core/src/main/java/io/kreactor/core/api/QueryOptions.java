package io.kreactor.core.api;

import java.util.Map;

/**
 * Options that travel as URL query parameters ({@code ListOptions}, {@code DeleteOptions}'s query form, …).
 * Implementations are immutable values; only parameters that were set appear in the map.
 */
public interface QueryOptions {

    /**
     * The query parameters these options stand for, in a stable order, with Kubernetes' parameter names
     * ({@code labelSelector}, {@code resourceVersionMatch}, {@code continue}, …). Values are not URL-encoded.
     */
    Map<String, String> toQueryParameters();
}
