package io.kreactor.core.config;

import io.kreactor.core.errors.ConfigException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to one mapping of a kubeconfig file. Every error names the file, the field path
 * ({@code users[name=alice].user.client-key-data}) and — unless the field is secret — the offending value.
 */
final class YamlFields {

    private static final Set<String> SECRET_FIELDS = Set.of("token", "password", "client-key-data", "id-token",
            "refresh-token", "client-secret", "access-token", "value", "config");

    private final Path file;
    private final String path;
    private final Map<?, ?> map;

    YamlFields(Path file, String path, Map<?, ?> map) {
        this.file = file;
        this.path = path;
        this.map = map;
    }

    String path() {
        return path;
    }

    Path file() {
        return file;
    }

    boolean has(String key) {
        Object value = map.get(key);
        return value != null && !(value instanceof String s && s.isEmpty())
                && !(value instanceof List<?> l && l.isEmpty()) && !(value instanceof Map<?, ?> m && m.isEmpty());
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigException error(String key, String problem) {
        return new ConfigException("kubeconfig " + file + ": " + (key == null ? path : field(key)) + ": " + problem);
    }

    private ConfigException typeError(String key, String expected, Object value) {
        String shown = SECRET_FIELDS.contains(key) || path.contains(".env") ? "" : " '" + truncate(String.valueOf(value)) + "'";
        return error(key, "expected " + expected + " but found " + describeType(value) + shown);
    }

    String string(String key) {
        Object value = map.get(key);
        if (value == null || value instanceof String) {
            String s = (String) value;
            return s == null || s.isEmpty() ? null : s;
        }
        throw typeError(key, "a string", value);
    }

    boolean bool(String key) {
        Boolean value = optionalBool(key);
        return value != null && value;
    }

    Boolean optionalBool(String key) {
        Object value = map.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw typeError(key, "a boolean (true or false)", value);
    }

    YamlFields mapping(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> m) {
            return new YamlFields(file, field(key), m);
        }
        throw typeError(key, "a mapping", value);
    }

    List<?> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l;
        }
        throw typeError(key, "a list", value);
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<?> values = list(key);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (!(value instanceof String s)) {
                throw typeError(key + "[" + i + "]", "a string", value);
            }
            out.add(s);
        }
        return out;
    }

    /** The decoded bytes of a base64 {@code *-data} field, or null when absent. */
    byte[] base64(String key) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            String shown = SECRET_FIELDS.contains(key) ? "" : " '" + truncate(value) + "'";
            throw error(key, "invalid base64" + shown + " (" + e.getMessage() + ")");
        }
    }

    /** A path field, resolved against the directory of the file that names it when relative. */
    Path path(String key) {
        String value = string(key);
        return value == null ? null : resolve(value);
    }

    Path resolve(String value) {
        Path p = Path.of(value);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = file.toAbsolutePath().getParent();
        return (dir == null ? p : dir.resolve(p)).normalize();
    }

    /** The entries of a {@code string -> string} mapping such as an auth-provider's config. */
    Map<String, String> stringMap(String key) {
        YamlFields m = mapping(key);
        if (m == null) {
            return Map.of();
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.map.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value != null && !(value instanceof String)) {
                throw m.error(name, "expected a string but found " + describeType(value));
            }
            out.put(name, (String) value);
        }
        return out;
    }

    private static String describeType(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return "a " + value.getClass().getSimpleName();
    }

    static String truncate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
