package io.kreactor.rest.transport;

import io.kreactor.rest.WarningHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Hands every {@code Warning} response header (deprecated APIs, unknown fields, …) to the {@link WarningHandler},
 * one call per warning, as client-go's {@code handleWarnings} does. A failing handler is logged, never fatal.
 */
final class WarningFilter implements ExchangeFilter {

    private static final Logger LOG = LoggerFactory.getLogger(WarningFilter.class);

    private final WarningHandler handler;

    WarningFilter(WarningHandler handler) {
        this.handler = handler;
    }

    @Override
    public Mono<ClientResponse> filter(TransportRequest request, ExchangeFunction next) {
        return next.exchange(request).doOnNext(this::handle);
    }

    private void handle(ClientResponse response) {
        List<String> values = response.headers().get("warning");
        if (values == null) {
            return;
        }
        for (String value : values) {
            for (WarningHeaders.Warning w : WarningHeaders.parse(value)) {
                try {
                    handler.handle(w.code(), w.agent(), w.text());
                } catch (RuntimeException e) {
                    LOG.warn("warning handler failed on '{}'", w.text(), e);
                }
            }
        }
    }
}
