package io.kreactor.rest.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of one discovery document and names the document and the field in every error, so a
 * server that sends a broken document is reported as "{@code /apis/apps/v1: resources[2] has no "kind"}".
 */
final class DocumentReader {

    private final String document;

    DocumentReader(String document) {
        this.document = document;
    }

    String document() {
        return document;
    }

    JsonNode requireObject(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw error(where + " is not a JSON object");
        }
        return node;
    }

    String requiredText(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isEmpty()) {
            throw error(where + " has no \"" + field + "\"");
        }
        return value.asText();
    }

    /** A text field that may be absent or empty (the core group's name is ""); a non-text value is an error. */
    String optionalText(JsonNode node, String field, String where, String fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw error(where + " field \"" + field + "\" is not a string");
        }
        return value.asText();
    }

    List<String> stringList(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isArray()) {
            throw error(where + " field \"" + field + "\" is not a list");
        }
        for (JsonNode v : value) {
            out.add(v.asText());
        }
        return out;
    }

    /** The array {@code field}; absent means empty when {@code required} is false. */
    List<JsonNode> array(JsonNode node, String field, String where, boolean required) {
        JsonNode value = node.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            if (required) {
                throw error(where + " has no \"" + field + "\"");
            }
            return out;
        }
        if (!value.isArray()) {
            throw error(where + " field \"" + field + "\" is not a list");
        }
        value.forEach(out::add);
        return out;
    }

    DiscoveryDocumentException error(String what) {
        return new DiscoveryDocumentException("discovery document " + document + ": " + what);
    }
}
