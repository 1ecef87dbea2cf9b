package io.kreactor.core.config;

/**
 * Which HTTP version the transport speaks to the API server.
 */
public enum HttpProtocol {
    /** HTTP/2 when the server offers it through TLS ALPN, HTTP/1.1 otherwise (the default, as client-go). */
    AUTO,
    /** Always HTTP/1.1 (client-go's {@code DISABLE_HTTP2}). */
    HTTP_1_1,
    /** Always HTTP/2: over TLS via ALPN, or prior-knowledge h2c over plain {@code http}. */
    HTTP_2
}
