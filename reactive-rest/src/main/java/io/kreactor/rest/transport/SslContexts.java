package io.kreactor.rest.transport;

import io.kreactor.core.config.TlsConfig;
import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.tls.KeyMaterial;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.tcp.SslProvider.GenericSslContextSpec;

/**
 * Builds the TLS client configuration from a {@link TlsConfig}, the way client-go's {@code transport.TLSConfigFor}
 * does: verify the server against the configured CA certificates (or the JVM trust store when there are none),
 * check the host name, send {@code serverName} as SNI and verify against it, skip verification only when
 * {@code insecureSkipTlsVerify} is set, and present the client certificate when there is one.
 */
final class SslContexts {

    private SslContexts() {
    }

    /**
     * The Reactor Netty SSL context spec: ALPN offering {@code h2} and {@code http/1.1} when {@code alpnH2},
     * plain HTTP/1.1 otherwise.
     */
    static GenericSslContextSpec<SslContextBuilder> spec(TlsConfig tls, KeyMaterial keyMaterial, boolean alpnH2) {
        Consumer<SslContextBuilder> configure = builder -> configure(builder, tls, keyMaterial);
        try {
            return alpnH2
                    ? Http2SslContextSpec.forClient().configure(configure)
                    : Http11SslContextSpec.forClient().configure(configure);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid TLS configuration: " + e.getMessage(), e);
        }
    }

    private static void configure(SslContextBuilder builder, TlsConfig tls, KeyMaterial keyMaterial) {
        // The JDK provider: its trust manager checks the SNI name (serverName) during host name verification.
        builder.sslProvider(SslProvider.JDK);
        if (tls.insecureSkipTlsVerify()) {
            builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else if (!tls.trustedCertificates().isEmpty()) {
            builder.trustManager(tls.trustedCertificates().toArray(X509Certificate[]::new));
        }
        if (keyMaterial != null) {
            builder.keyManager(keyMaterial.privateKey(), keyMaterial.chain().toArray(X509Certificate[]::new));
        }
    }

    /**
     * Adjusts each new SSL engine: host name verification on (off only for {@code insecureSkipTlsVerify}) and
     * {@code serverName} as SNI, which the JDK then verifies the certificate against.
     */
    static Consumer<SslHandler> engineConfigurer(TlsConfig tls) {
        return handler -> {
            SSLEngine engine = handler.engine();
            SSLParameters params = engine.getSSLParameters();
            params.setEndpointIdentificationAlgorithm(tls.insecureSkipTlsVerify() ? null : "HTTPS");
            if (tls.serverName() != null && !tls.serverName().isEmpty()) {
                params.setServerNames(List.of(new SNIHostName(tls.serverName())));
            }
            engine.setSSLParameters(params);
        };
    }
}
