package io.kreactor.testing.junit;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link EmbeddedApiServerTest}; usable alone with
 * {@code @ExtendWith(EmbeddedApiServerExtension.class)} (then one server per class, default settings).
 *
 * <p>The server and the {@code RestClient} live in JUnit's extension store and are closed with the scope that
 * created them (the class or the test method). Resolves parameters of type {@link EmbeddedApiServer},
 * {@link RestClient} and {@link ClientConfig}.
 */
public final class EmbeddedApiServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedApiServerExtension.class);
    private static final String SERVER = "server";
    private static final String CLIENT = "client";

    /** Starts the per-class server, unless the class asks for one per method. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (!settings(context).map(EmbeddedApiServerTest::perMethod).orElse(false)) {
            server(context);
        }
    }

    /** Starts the per-method server when the class asks for one. */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (settings(context).map(EmbeddedApiServerTest::perMethod).orElse(false)) {
            server(context);
        }
    }

    /** Whether the parameter is one of the types this extension provides. */
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == EmbeddedApiServer.class || type == RestClient.class || type == ClientConfig.class;
    }

    /** The server, a client for it, or its client configuration. */
    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        EmbeddedApiServer server = findServer(context);
        Class<?> type = parameter.getParameter().getType();
        if (type == EmbeddedApiServer.class) {
            return server;
        }
        if (type == ClientConfig.class) {
            return server.clientConfig();
        }
        ExtensionContext scope = scopeOf(context);
        return scope.getStore(NAMESPACE).getOrComputeIfAbsent(CLIENT,
                key -> new ClosableClient(RestClient.create(server.clientConfig())), ClosableClient.class).client();
    }

    /** The server of the innermost scope that has one, started on demand. */
    private EmbeddedApiServer findServer(ExtensionContext context) {
        EmbeddedApiServer server = scopeOf(context).getStore(NAMESPACE).get(SERVER, EmbeddedApiServer.class);
        if (server == null) {
            throw new ParameterResolutionException("no embedded API server is running for " + context.getDisplayName()
                    + "; with @EmbeddedApiServerTest(perMethod = true) inject it into test methods, not into "
                    + "constructors or @BeforeAll methods");
        }
        return server;
    }

    private static ExtensionContext scopeOf(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getStore(NAMESPACE).get(SERVER) != null) {
                return c;
            }
        }
        return context;
    }

    private static void server(ExtensionContext context) {
        EmbeddedApiServerTest settings = settings(context).orElse(null);
        context.getStore(NAMESPACE).getOrComputeIfAbsent(SERVER, key -> {
            EmbeddedApiServer.Builder builder = EmbeddedApiServer.builder();
            if (settings != null) {
                builder.requireNamespaces(settings.requireNamespaces()).historySize(settings.historySize());
            }
            return builder.start();
        }, EmbeddedApiServer.class);
    }

    private static Optional<EmbeddedApiServerTest> settings(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(type -> AnnotationSupport.findAnnotation(type, EmbeddedApiServerTest.class));
    }

    /** Disposes the client when its scope closes. */
    private record ClosableClient(RestClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.dispose();
        }
    }
}
