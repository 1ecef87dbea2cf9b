package io.kreactor.core.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * The name rules of Kubernetes' {@code apimachinery/pkg/util/validation} and {@code api/validation/path}, with
 * messages worded as the API server words them and naming the offending value.
 *
 * <p>Which rule applies where: most object names (namespaces, configmaps, deployments…) are
 * {@link Rule#DNS1123_SUBDOMAIN DNS-1123 subdomains}; namespaces, services and a few others are
 * {@link Rule#DNS1123_LABEL DNS-1123 labels}; label and annotation keys are {@link Rule#QUALIFIED_NAME
 * qualified names}; label values follow {@link Rule#LABEL_VALUE}. Whatever the kind, a name used in a URL must
 * be a {@link Rule#PATH_SEGMENT_NAME valid path segment} — client-go checks that rule on every request.
 */
public final class Names {

    private static final String LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN_FMT = LABEL_FMT + "(\\." + LABEL_FMT + ")*";
    private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
    private static final Pattern LABEL_PATTERN = Pattern.compile(LABEL_FMT);
    private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN_FMT);
    private static final Pattern QUALIFIED_NAME_PATTERN = Pattern.compile(QUALIFIED_NAME_FMT);
    private static final Pattern LABEL_VALUE_PATTERN = Pattern.compile(LABEL_VALUE_FMT);

    /** Maximum length of a DNS-1123 label, and of a qualified name's name part and of a label value. */
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    /** Maximum length of a DNS-1123 subdomain, and of a qualified name's prefix. */
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

    private Names() {
    }

    /** One validation rule; {@link #validate} lists every problem, {@link #check} throws on the first call. */
    public enum Rule {
        /** RFC 1123 label: at most 63 lower-case alphanumerics or '-', starting and ending alphanumeric. */
        DNS1123_LABEL("RFC 1123 label", (v, errors) -> {
            maxLength(v, DNS1123_LABEL_MAX_LENGTH, errors);
            regex(v, LABEL_PATTERN, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                    + "and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used "
                    + "for validation is '" + LABEL_FMT + "')", errors);
        }),
        /** RFC 1123 subdomain: at most 253 characters, dot-separated RFC 1123 labels. */
        DNS1123_SUBDOMAIN("RFC 1123 subdomain", (v, errors) -> {
            maxLength(v, DNS1123_SUBDOMAIN_MAX_LENGTH, errors);
            regex(v, SUBDOMAIN_PATTERN, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                    + "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
                    + "for validation is '" + SUBDOMAIN_FMT + "')", errors);
        }),
        /** client-go's {@code IsValidPathSegmentName}: not {@code .} or {@code ..}, no {@code /} or {@code %}. */
        PATH_SEGMENT_NAME("path segment name", (v, errors) -> {
            if (v.equals(".") || v.equals("..")) {
                errors.add("may not be '" + v + "'");
                return;
            }
            forbiddenCharacters(v, errors);
        }),
        /** client-go's {@code IsValidPathSegmentPrefix} (for {@code generateName}): no {@code /} or {@code %}. */
        PATH_SEGMENT_PREFIX("path segment prefix", Names::forbiddenCharacters),
        /** A label or annotation key: an optional DNS-1123 subdomain prefix and {@code /}, then a name of at most 63 characters. */
        QUALIFIED_NAME("qualified name", Names::qualifiedName),
        /** A label value: empty, or at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric. */
        LABEL_VALUE("label value", (v, errors) -> {
            maxLength(v, DNS1123_LABEL_MAX_LENGTH, errors);
            regex(v, LABEL_VALUE_PATTERN, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
                    + "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value', or "
                    + "'12345', regex used for validation is '" + LABEL_VALUE_FMT + "')", errors);
        });

        private final String description;
        private final BiConsumer<String, List<String>> checker;

        Rule(String description, BiConsumer<String, List<String>> checker) {
            this.description = description;
            this.checker = checker;
        }

        /** Every way {@code value} breaks this rule, empty when it is valid; a null value is invalid. */
        public List<String> validate(String value) {
            List<String> errors = new ArrayList<>();
            if (value == null) {
                errors.add("must not be null");
            } else {
                checker.accept(value, errors);
            }
            return errors;
        }

        /** True when {@code value} follows this rule. */
        public boolean isValid(String value) {
            return validate(value).isEmpty();
        }

        /**
         * Returns {@code value} when it follows this rule.
         *
         * @param what what the value is, for the message ({@code "namespace"}, {@code "label key"}, …)
         * @throws IllegalArgumentException naming {@code what}, the value and every broken part of the rule
         */
        public String check(String what, String value) {
            List<String> errors = validate(value);
            if (!errors.isEmpty()) {
                throw new IllegalArgumentException("invalid " + what + " '" + value + "' (not a valid " + description + "): "
                        + String.join("; ", errors));
            }
            return value;
        }
    }

    /** True when {@code value} is a DNS-1123 label (namespaces, services). */
    public static boolean isDns1123Label(String value) {
        return Rule.DNS1123_LABEL.isValid(value);
    }

    /** True when {@code value} is a DNS-1123 subdomain (most object names). */
    public static boolean isDns1123Subdomain(String value) {
        return Rule.DNS1123_SUBDOMAIN.isValid(value);
    }

    /** True when {@code value} may be used as a name in a request path (client-go's {@code IsValidPathSegmentName}). */
    public static boolean isValidPathSegmentName(String value) {
        return Rule.PATH_SEGMENT_NAME.isValid(value);
    }

    /** True when {@code value} is a valid label or annotation key. */
    public static boolean isQualifiedName(String value) {
        return Rule.QUALIFIED_NAME.isValid(value);
    }

    /** True when {@code value} is a valid label value (possibly empty). */
    public static boolean isLabelValue(String value) {
        return Rule.LABEL_VALUE.isValid(value);
    }

    /**
     * Returns {@code name} when it can address an object in a URL, the check client-go applies to every
     * request's name and namespace.
     *
     * @param what what the name is, for the message ({@code "name"}, {@code "namespace"})
     * @throws IllegalArgumentException naming the value and the rule
     */
    public static String checkPathSegmentName(String what, String name) {
        return Rule.PATH_SEGMENT_NAME.check(what, name);
    }

    private static void maxLength(String v, int max, List<String> errors) {
        if (v.length() > max) {
            errors.add("must be no more than " + max + " characters");
        }
    }

    private static void regex(String v, Pattern pattern, String message, List<String> errors) {
        if (!pattern.matcher(v).matches()) {
            errors.add(message);
        }
    }

    private static void forbiddenCharacters(String v, List<String> errors) {
        for (String illegal : new String[] {"/", "%"}) {
            if (v.contains(illegal)) {
                errors.add("may not contain '" + illegal + "'");
            }
        }
    }

    private static void qualifiedName(String v, List<String> errors) {
        String[] parts = v.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                errors.add("prefix part must be non-empty");
            } else {
                for (String e : Rule.DNS1123_SUBDOMAIN.validate(prefix)) {
                    errors.add("prefix part " + e);
                }
            }
        } else {
            errors.add("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
                    + "with an alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. "
                    + "'example.com/MyName'), regex used for validation is '" + QUALIFIED_NAME_FMT + "'");
            return;
        }
        if (name.isEmpty()) {
            errors.add("name part must be non-empty");
            return;
        }
        if (name.length() > DNS1123_LABEL_MAX_LENGTH) {
            errors.add("name part must be no more than " + DNS1123_LABEL_MAX_LENGTH + " characters");
        }
        regex(name, QUALIFIED_NAME_PATTERN, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start "
                + "and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc', regex used for "
                + "validation is '" + QUALIFIED_NAME_FMT + "')", errors);
    }
}
