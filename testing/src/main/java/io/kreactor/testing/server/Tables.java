package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Server-side printing: the {@code meta.k8s.io/v1} Table that {@code kubectl get} asks for
 * ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}). Columns are Name and Age, plus Status (the
 * phase) for kinds that have one; each row carries the object as {@code PartialObjectMetadata} unless
 * {@code includeObject=Object} or {@code None} says otherwise.
 */
final class Tables {

    private Tables() {
    }

    /** A list rendered as a Table, keeping the list's metadata (resourceVersion, continue). */
    static ObjectNode fromList(ResourceType type, ObjectNode list, String includeObject, Instant now) {
        ObjectNode table = header(type, list.path("items"));
        table.set("metadata", list.get("metadata"));
        ArrayNode rows = table.putArray("rows");
        for (JsonNode item : list.path("items")) {
            rows.add(row(type, (ObjectNode) item, includeObject, now));
        }
        return table;
    }

    /** One object rendered as a one-row Table (GET and watch events). */
    static ObjectNode fromObject(ResourceType type, ObjectNode object, String includeObject, Instant now) {
        ArrayNode single = Json.MAPPER.createArrayNode().add(object);
        ObjectNode table = header(type, single);
        table.putObject("metadata").put("resourceVersion", Json.resourceVersion(object));
        table.putArray("rows").add(row(type, object, includeObject, now));
        return table;
    }

    private static boolean hasPhase(JsonNode items) {
        for (JsonNode item : items) {
            if (item.path("status").has("phase")) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode header(ResourceType type, JsonNode items) {
        ObjectNode table = Json.MAPPER.createObjectNode();
        table.put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        ArrayNode columns = table.putArray("columnDefinitions");
        column(columns, "Name", "string", "name", "Name must be unique within a namespace.");
        if (hasPhase(items)) {
            column(columns, "Status", "string", "", "The phase of the object.");
        }
        column(columns, "Age", "string", "", "CreationTimestamp is a timestamp representing the server time when "
                + "this object was created.");
        return table;
    }

    private static void column(ArrayNode columns, String name, String type, String format, String description) {
        columns.addObject().put("name", name).put("type", type).put("format", format)
                .put("description", description).put("priority", 0);
    }

    private static ObjectNode row(ResourceType type, ObjectNode object, String includeObject, Instant now) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        ArrayNode cells = row.putArray("cells");
        cells.add(Json.name(object));
        if (object.path("status").has("phase")) {
            cells.add(object.path("status").path("phase").asText());
        }
        cells.add(age(Json.text(object.path("metadata"), "creationTimestamp"), now));
        if ("None".equals(includeObject)) {
            return row;
        }
        if ("Object".equals(includeObject)) {
            row.set("object", object);
        } else {
            ObjectNode partial = row.putObject("object");
            partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", object.get("metadata"));
        }
        return row;
    }

    /** kubectl's short human duration: {@code 42s}, {@code 5m3s}, {@code 17m}, {@code 3h}, {@code 12d}. */
    static String age(String creationTimestamp, Instant now) {
        if (creationTimestamp == null) {
            return "<unknown>";
        }
        Duration age;
        try {
            age = Duration.between(Instant.parse(creationTimestamp), now);
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + (seconds % 60) + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + "h" : (hours / 24) + "d";
    }
}
