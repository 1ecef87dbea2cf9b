package io.kreactor.core.selector;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.KubernetesJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts a {@code metav1.LabelSelector} object ({@code matchLabels} + {@code matchExpressions}, as in a
 * Deployment's {@code spec.selector}) to a {@link LabelSelector}, as {@code metav1.LabelSelectorAsSelector} does.
 */
final class MetaV1LabelSelectors {

    private static final Map<String, Operator> OPERATORS = Map.of(
            "In", Operator.IN, "NotIn", Operator.NOT_IN, "Exists", Operator.EXISTS, "DoesNotExist", Operator.DOES_NOT_EXIST);

    private MetaV1LabelSelectors() {
    }

    static LabelSelector convert(Object labelSelector) {
        JsonNode tree = labelSelector instanceof JsonNode n ? n : KubernetesJson.mapper().valueToTree(labelSelector);
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a metav1.LabelSelector must be a JSON object with matchLabels and/or "
                    + "matchExpressions, got " + (tree == null ? "null" : tree.getNodeType()));
        }
        List<Requirement> requirements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : tree.path("matchLabels").properties()) {
            requirements.add(Requirement.of(e.getKey(), Operator.EQUALS, e.getValue().asText()));
        }
        for (JsonNode expression : tree.path("matchExpressions")) {
            String key = expression.path("key").asText();
            String op = expression.path("operator").asText();
            Operator operator = OPERATORS.get(op);
            if (operator == null) {
                throw new IllegalArgumentException("'" + op + "' is not a valid label selector operator (key '" + key
                        + "'): must be one of In, NotIn, Exists, DoesNotExist");
            }
            List<String> values = new ArrayList<>();
            expression.path("values").forEach(v -> values.add(v.asText()));
            requirements.add(new Requirement(key, operator, values));
        }
        return LabelSelector.of(requirements);
    }
}
