package io.kreactor.core.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.errors.ConfigException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The {@code status} an exec plugin printed: a token valid until {@code expirationTimestamp} (forever when absent,
 * as client-go treats it). Also builds the {@code KUBERNETES_EXEC_INFO} input document.
 */
record ExecCredential(String token, Instant expiration) {

    private static final ObjectMapper MAPPER = KubernetesJson.mapper();

    /** True once the expiration has been reached. */
    boolean expired(Clock clock) {
        return expiration != null && !clock.instant().isBefore(expiration);
    }

    /**
     * Parses the plugin's standard output. Error messages never quote the output, which holds the token.
     *
     * @param plugin describes the plugin for messages
     */
    static ExecCredential parse(byte[] stdout, String expectedApiVersion, String plugin) {
        JsonNode root;
        try {
            root = MAPPER.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new ConfigException(plugin + " wrote output that is not valid JSON (at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); expected an ExecCredential object");
        } catch (java.io.IOException e) {
            throw new ConfigException(plugin + " wrote output that cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(plugin + " wrote no ExecCredential JSON object to standard output");
        }
        String apiVersion = root.path("apiVersion").asText(null);
        if (!expectedApiVersion.equals(apiVersion)) {
            throw new ConfigException(plugin + " returned an ExecCredential with apiVersion '" + apiVersion
                    + "', but the kubeconfig's exec.apiVersion is '" + expectedApiVersion + "'");
        }
        String kind = root.path("kind").asText(null);
        if (!"ExecCredential".equals(kind)) {
            throw new ConfigException(plugin + " returned kind '" + kind + "', expected 'ExecCredential'");
        }
        JsonNode status = root.get("status");
        if (status == null || !status.isObject()) {
            throw new ConfigException(plugin + " returned an ExecCredential without a status");
        }
        if (status.hasNonNull("clientCertificateData") || status.hasNonNull("clientKeyData")) {
            throw new ConfigException(plugin + " returned status.clientCertificateData/clientKeyData; client"
                    + " certificates from exec plugins are not supported by this library (use a plugin that returns"
                    + " status.token, or client-certificate/client-key in the kubeconfig)");
        }
        JsonNode token = status.get("token");
        if (token == null || !token.isTextual() || token.asText().isEmpty()) {
            throw new ConfigException(plugin + " returned an ExecCredential without status.token");
        }
        Instant expiration = null;
        JsonNode expiry = status.get("expirationTimestamp");
        if (expiry != null && !expiry.isNull()) {
            try {
                expiration = OffsetDateTime.parse(expiry.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw new ConfigException(plugin + " returned status.expirationTimestamp '" + expiry.asText()
                        + "', which is not an RFC 3339 time");
            }
        }
        return new ExecCredential(token.asText(), expiration);
    }

    /**
     * The {@code KUBERNETES_EXEC_INFO} document: an ExecCredential whose {@code spec.interactive} is false (this
     * library has no terminal) and whose {@code spec.cluster} is present when the stanza asks for cluster info.
     */
    static String execInfo(ExecConfig config, ExecClusterInfo cluster) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("apiVersion", config.apiVersion());
        root.put("kind", "ExecCredential");
        ObjectNode spec = root.putObject("spec");
        if (config.provideClusterInfo() && cluster != null) {
            ObjectNode c = spec.putObject("cluster");
            c.put("server", cluster.server());
            if (cluster.tlsServerName() != null) {
                c.put("tls-server-name", cluster.tlsServerName());
            }
            if (cluster.insecureSkipTlsVerify()) {
                c.put("insecure-skip-tls-verify", true);
            }
            byte[] ca = cluster.certificateAuthorityData();
            if (ca != null) {
                c.put("certificate-authority-data", Base64.getEncoder().encodeToString(ca));
            }
            if (cluster.proxyUrl() != null) {
                c.put("proxy-url", cluster.proxyUrl());
            }
        }
        spec.put("interactive", false);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write KUBERNETES_EXEC_INFO", e);
        }
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "ExecCredential[token=<redacted>, expiration=" + expiration + "]";
    }

}
