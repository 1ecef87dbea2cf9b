/**
 * Label and field selectors: immutable values that render the exact {@code labelSelector} /
 * {@code fieldSelector} query-string values the API server parses, parse those strings back, and match
 * label (or field) sets the way Kubernetes does — so a client-side cache (a Lister) and the embedded API
 * server select exactly what a real server would.
 */
package io.kreactor.core.selector;
