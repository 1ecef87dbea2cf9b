package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Decodes the Kubernetes protobuf envelope ({@code k8s\0} + {@code runtime.Unknown}) of the few kinds kubectl's
 * typed generators send as protobuf ({@code kubectl create namespace|configmap|secret|serviceaccount}), so those
 * commands work although the server otherwise speaks JSON only. Other kinds get 415, which is what a server
 * without protobuf support answers. Only the fields those commands set are read; any other field is an error,
 * never silently dropped.
 */
final class ProtobufBodies {

    private static final byte[] MAGIC = {'k', '8', 's', 0};

    /** How a field is encoded. */
    private enum Kind { STRING, BOOL, STRING_MAP, BYTES_MAP, STRINGS, META, NAMESPACE_SPEC }

    private record Field(String name, Kind kind) {
    }

    private static final Map<Integer, Field> META = Map.of(
            1, new Field("name", Kind.STRING), 2, new Field("generateName", Kind.STRING),
            3, new Field("namespace", Kind.STRING), 11, new Field("labels", Kind.STRING_MAP),
            12, new Field("annotations", Kind.STRING_MAP), 14, new Field("finalizers", Kind.STRINGS));
    /** selfLink, uid, resourceVersion, generation, timestamps, grace period, zz_deprecatedClusterName, managedFields. */
    private static final java.util.Set<Integer> IGNORED_META = java.util.Set.of(4, 5, 6, 7, 8, 9, 10, 15, 17);
    private static final Map<Integer, Field> NAMESPACE_SPEC = Map.of(1, new Field("finalizers", Kind.STRINGS));
    private static final Map<String, Map<Integer, Field>> KINDS = Map.of(
            "Namespace", Map.of(1, new Field("metadata", Kind.META), 2, new Field("spec", Kind.NAMESPACE_SPEC)),
            "ConfigMap", Map.of(1, new Field("metadata", Kind.META), 2, new Field("data", Kind.STRING_MAP),
                    3, new Field("binaryData", Kind.BYTES_MAP), 4, new Field("immutable", Kind.BOOL)),
            "Secret", Map.of(1, new Field("metadata", Kind.META), 2, new Field("data", Kind.BYTES_MAP),
                    3, new Field("type", Kind.STRING), 4, new Field("stringData", Kind.STRING_MAP),
                    5, new Field("immutable", Kind.BOOL)),
            "ServiceAccount", Map.of(1, new Field("metadata", Kind.META)));

    private ProtobufBodies() {
    }

    static ObjectNode decode(byte[] body, ResourceType type) {
        Map<Integer, Field> schema = KINDS.get(type.kind());
        if (schema == null || !type.group().isEmpty() || body.length < MAGIC.length
                || !java.util.Arrays.equals(java.util.Arrays.copyOf(body, MAGIC.length), MAGIC)) {
            throw ApiError.of(415, "UnsupportedMediaType", "protobuf request bodies are only understood for core/v1 "
                    + "Namespace, ConfigMap, Secret and ServiceAccount; send application/json");
        }
        Reader envelope = new Reader(body, MAGIC.length, body.length);
        byte[] raw = null;
        while (envelope.more()) {
            int tag = envelope.varint32();
            if (tag >>> 3 == 2 && (tag & 7) == 2) {
                raw = envelope.bytes();
            } else {
                envelope.skip(tag & 7);
            }
        }
        if (raw == null) {
            throw ApiError.badRequest("the protobuf envelope carries no object");
        }
        ObjectNode object = message(new Reader(raw, 0, raw.length), schema, type);
        object.put("apiVersion", "v1").put("kind", type.kind());
        return object;
    }

    private static ObjectNode message(Reader in, Map<Integer, Field> schema, ResourceType type) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        while (in.more()) {
            int tag = in.varint32();
            Field field = schema.get(tag >>> 3);
            if (field == null) {
                boolean systemMeta = schema == META && IGNORED_META.contains(tag >>> 3);
                boolean namespaceStatus = type.kind().equals("Namespace") && schema != META && (tag >>> 3) == 3;
                if (systemMeta || namespaceStatus) {
                    // Fields the server sets itself on create (uid, resourceVersion, timestamps, status…): the
                    // encoder writes them even when empty.
                    in.skip(tag & 7);
                    continue;
                }
                throw ApiError.of(415, "UnsupportedMediaType", "protobuf field " + (tag >>> 3) + " of a "
                        + type.kind() + " is not understood by this server; send application/json");
            }
            switch (field.kind()) {
                case STRING -> out.put(field.name(), in.string());
                case BOOL -> out.put(field.name(), in.varint64() != 0);
                case STRINGS -> out.withArray(field.name()).add(in.string());
                case STRING_MAP, BYTES_MAP -> {
                    Reader entry = in.nested();
                    String key = null;
                    byte[] value = new byte[0];
                    while (entry.more()) {
                        int t = entry.varint32();
                        if (t >>> 3 == 1) {
                            key = entry.string();
                        } else if (t >>> 3 == 2) {
                            value = entry.bytes();
                        } else {
                            entry.skip(t & 7);
                        }
                    }
                    String text = field.kind() == Kind.BYTES_MAP ? Base64.getEncoder().encodeToString(value)
                            : new String(value, StandardCharsets.UTF_8);
                    out.withObjectProperty(field.name()).put(key == null ? "" : key, text);
                }
                case META -> out.set(field.name(), message(in.nested(), META, type));
                case NAMESPACE_SPEC -> out.set(field.name(), message(in.nested(), NAMESPACE_SPEC, type));
                default -> throw new IllegalStateException("unhandled field kind " + field.kind());
            }
        }
        return out;
    }

    /** A cursor over protobuf wire format. */
    private static final class Reader {
        private final byte[] data;
        private int pos;
        private final int end;

        Reader(byte[] data, int start, int end) {
            this.data = data;
            this.pos = start;
            this.end = end;
        }

        boolean more() {
            return pos < end;
        }

        long varint64() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw ApiError.badRequest("truncated protobuf body");
                }
                byte b = data[pos++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw ApiError.badRequest("malformed protobuf varint");
        }

        int varint32() {
            return (int) varint64();
        }

        byte[] bytes() {
            int length = varint32();
            if (length < 0 || pos + length > end) {
                throw ApiError.badRequest("truncated protobuf body");
            }
            byte[] out = java.util.Arrays.copyOfRange(data, pos, pos + length);
            pos += length;
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Reader nested() {
            int length = varint32();
            if (length < 0 || pos + length > end) {
                throw ApiError.badRequest("truncated protobuf body");
            }
            Reader nested = new Reader(data, pos, pos + length);
            pos += length;
            return nested;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint64();
                case 1 -> pos += 8;
                case 2 -> bytes();
                case 5 -> pos += 4;
                default -> throw ApiError.badRequest("unsupported protobuf wire type " + wireType);
            }
        }
    }

}
