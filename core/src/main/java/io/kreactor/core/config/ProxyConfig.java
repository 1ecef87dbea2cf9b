package io.kreactor.core.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A proxy to reach the API server through, from a kubeconfig cluster's {@code proxy-url}.
 *
 * @param type     HTTP (CONNECT tunnel), HTTPS (also a CONNECT tunnel; TLS to the proxy is not supported by
 *                 Reactor Netty, so the tunnel opens in clear text), or SOCKS5
 * @param host     the proxy host
 * @param port     the proxy port
 * @param username the user for proxy authentication, or null
 * @param password the password for proxy authentication, or null; never printed
 */
public record ProxyConfig(Type type, String host, int port, String username, String password) {

    /** The proxy protocol. */
    public enum Type {
        /** An HTTP proxy, used through CONNECT. */
        HTTP,
        /** An {@code https://} proxy URL. */
        HTTPS,
        /** A SOCKS5 proxy ({@code socks5://}). */
        SOCKS5
    }

    /** Validates the host and port. */
    public ProxyConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range: " + port);
        }
    }

    /**
     * Parses a {@code proxy-url} such as {@code http://proxy:3128} or {@code socks5://user:pw@proxy:1080};
     * the default ports are 80, 443 and 1080.
     *
     * @throws IllegalArgumentException naming the URL (without its password) when it is malformed
     */
    public static ProxyConfig parse(String proxyUrl) {
        URI uri;
        try {
            uri = URI.create(proxyUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed proxy-url '" + redactUserInfo(proxyUrl) + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Type type = switch (scheme) {
            case "http" -> Type.HTTP;
            case "https" -> Type.HTTPS;
            case "socks5" -> Type.SOCKS5;
            default -> throw new IllegalArgumentException("unsupported proxy-url scheme '" + scheme
                    + "' in '" + redactUserInfo(proxyUrl) + "' (expected http, https or socks5)");
        };
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy-url '" + redactUserInfo(proxyUrl) + "' has no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : switch (type) {
            case HTTP -> 80;
            case HTTPS -> 443;
            case SOCKS5 -> 1080;
        };
        String user = null;
        String pass = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            pass = parts.length > 1 ? parts[1] : null;
        }
        return new ProxyConfig(type, uri.getHost(), port, user, pass);
    }

    private static String redactUserInfo(String url) {
        return url == null ? null : url.replaceAll("//[^/@]*@", "//<redacted>@");
    }

    /** Names the proxy; never the password. */
    @Override
    public String toString() {
        return "ProxyConfig[" + type.name().toLowerCase(Locale.ROOT) + "://" + (username == null ? "" : username + ":<redacted>@")
                + host + ":" + port + "]";
    }
}
