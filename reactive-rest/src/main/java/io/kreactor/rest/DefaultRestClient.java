package io.kreactor.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.codec.JsonStreamDecoder;
import io.kreactor.rest.transport.HttpTransport;
import java.util.Objects;
import reactor.core.scheduler.Schedulers;

/** The {@link RestClient} behind {@link RestClient#create}: one {@link HttpTransport}, shared by every request. */
final class DefaultRestClient implements RestClient {

    private final ClientConfig config;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final JsonStreamDecoder decoder;

    DefaultRestClient(ClientConfig config, WarningHandler warnings) {
        this(HttpTransport.create(Objects.requireNonNull(config, "config"), Objects.requireNonNull(warnings, "warnings")));
    }

    DefaultRestClient(HttpTransport transport) {
        this.config = transport.config();
        this.transport = transport;
        this.mapper = KubernetesJson.mapper();
        JsonStreamDecoder onEventLoop = new JsonStreamDecoder(mapper, config.maxObjectSizeBytes());
        this.decoder = config.decodeParallelism() == 0 ? onEventLoop
                : onEventLoop.withParallelBinding(config.decodeParallelism(), Schedulers.parallel());
    }

    /** The streaming decoder for list, watch and value bodies, capped at the configured object size. */
    JsonStreamDecoder decoder() {
        return decoder;
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    @Override
    public ObjectMapper objectMapper() {
        return mapper;
    }

    @Override
    public Request verb(String method) {
        return new DefaultRequest(this, transport, Objects.requireNonNull(method, "method"));
    }

    @Override
    public void dispose() {
        transport.dispose();
    }

    @Override
    public boolean isDisposed() {
        return transport.isDisposed();
    }

    @Override
    public String toString() {
        return "RestClient[" + config.server() + "]";
    }
}
