package io.kreactor.core.config;

import io.kreactor.core.errors.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Small helpers shared by the kubeconfig and in-cluster loaders: reading referenced files, parsing server URLs. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Reads a file a configuration field names; errors say which field ({@code origin}) named it. */
    static byte[] read(Path file, String origin) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(origin + ": file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException(origin + ": cannot read file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a server URL as client-go's {@code DefaultServerURL} does: a bare {@code host:port} means
     * {@code https://host:port}. The message of an error names {@code origin} and the URL without credentials.
     */
    static URI server(String value, String origin) {
        String candidate = value.strip();
        if (!candidate.contains("://")) {
            candidate = "https://" + candidate;
        }
        try {
            return ClientConfig.checkServer(new URI(candidate));
        } catch (URISyntaxException e) {
            throw new ConfigException(origin + ": malformed server URL '" + redact(value) + "': " + e.getReason());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin + ": " + redact(e.getMessage()));
        }
    }

    static String redact(String text) {
        return text == null ? null : text.replaceAll("//[^/@\\s]*@", "//<redacted>@");
    }
}
