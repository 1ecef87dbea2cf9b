package io.kreactor.dynamic.apply;

import io.kreactor.core.errors.KubernetesException;

/**
 * A multi-document YAML manifest could not be read: a syntax error, a document that is not a mapping, or an
 * object without {@code apiVersion} or {@code kind}. The message names the document (counted from 1, empty
 * documents included, as an editor shows the {@code ---}-separated parts) and, for syntax errors, the line.
 */
public class ManifestParseException extends KubernetesException {

    private final int document;
    private final int line;

    /** A failure in {@code document} (from 1) at {@code line} (from 1, or 0 when unknown). */
    public ManifestParseException(String source, int document, int line, String problem, Throwable cause) {
        super(source + ": document " + document + (line > 0 ? " (line " + line + ")" : "") + ": " + problem, cause);
        this.document = document;
        this.line = line;
    }

    /** The document that failed, counted from 1. */
    public int document() {
        return document;
    }

    /** The line of a syntax error, counted from 1 over the whole input; 0 when not known. */
    public int line() {
        return line;
    }
}
