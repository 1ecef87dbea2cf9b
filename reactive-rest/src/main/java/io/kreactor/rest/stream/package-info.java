/**
 * The streaming pod subresources: log lines over HTTP, and exec, attach and port-forward over WebSocket with the
 * {@code channel.k8s.io} framing ({@code v5}, falling back to {@code v4}).
 */
package io.kreactor.rest.stream;
