package io.kreactor.dynamic.mapper;

import io.kreactor.core.errors.KubernetesException;

/**
 * No resource of the server serves the kind asked for (client-go's {@code NoKindMatchError}), even after
 * discovery was read again: the group or version is not served, or the CustomResourceDefinition is not
 * installed. The message reads {@code no matches for kind "Widget" in group "example.com"} (or {@code in version
 * "example.com/v1"} when a version was asked for).
 */
public class NoKindMatchException extends KubernetesException {

    private final String group;
    private final String kind;
    private final String version;

    /** No match for {@code kind} in {@code group} at {@code version} (null or empty when any version would do). */
    public NoKindMatchException(String group, String kind, String version, Throwable cause) {
        super(message(group, kind, version), cause);
        this.group = group;
        this.kind = kind;
        this.version = version;
    }

    private static String message(String group, String kind, String version) {
        if (version == null || version.isEmpty()) {
            return "no matches for kind \"" + kind + "\" in group \"" + group + "\"";
        }
        return "no matches for kind \"" + kind + "\" in version \"" + (group.isEmpty() ? version : group + "/" + version) + "\"";
    }

    /** The group asked for ("" for core). */
    public String group() {
        return group;
    }

    /** The kind asked for. */
    public String kind() {
        return kind;
    }

    /** The version asked for, or null when any would do. */
    public String version() {
        return version;
    }
}
