package io.kreactor.rest.stream;

import java.util.List;
import java.util.Objects;
import org.reactivestreams.Publisher;

/**
 * What an exec (or attach) asks for: the command, the container, which streams to open, and the stdin and
 * terminal-size sources. Immutable; {@code withX} returns a copy.
 *
 * <p>stdin is opened exactly when a {@code stdin} publisher is given; its bytes go to channel 0 and, when it
 * completes, a {@code v5.channel.k8s.io} connection sends the close-channel message so the process sees EOF (with
 * {@code v4} the stream stays open until the process ends). stdout and stderr are requested by default; with a TTY
 * the server merges stderr into stdout, so stderr is then not requested.
 *
 * @param command   the command and its arguments (exec only; empty for attach)
 * @param container the container, or null for the pod's only container
 * @param stdin     the bytes to write to the process's stdin, or null for no stdin
 * @param stdout    open stdout
 * @param stderr    open stderr
 * @param tty       allocate a terminal
 * @param resize    terminal sizes to send as the local terminal changes (TTY only), or null
 */
public record ExecOptions(List<String> command, String container, Publisher<byte[]> stdin, boolean stdout,
                          boolean stderr, boolean tty, Publisher<TerminalSize> resize) {

    /** Copies the command. */
    public ExecOptions {
        command = List.copyOf(Objects.requireNonNull(command, "command"));
    }

    /** Runs {@code command} with stdout and stderr, no stdin and no TTY. */
    public static ExecOptions command(String... command) {
        return new ExecOptions(List.of(command), null, null, true, true, false, null);
    }

    /** Attach options: stdout and stderr, no stdin and no TTY. */
    public static ExecOptions attach() {
        return new ExecOptions(List.of(), null, null, true, true, false, null);
    }

    /** A copy targeting {@code container}. */
    public ExecOptions withContainer(String container) {
        return new ExecOptions(command, container, stdin, stdout, stderr, tty, resize);
    }

    /** A copy writing {@code stdin} to the process. */
    public ExecOptions withStdin(Publisher<byte[]> stdin) {
        return new ExecOptions(command, container, stdin, stdout, stderr, tty, resize);
    }

    /** A copy with stdout opened or not. */
    public ExecOptions withStdout(boolean stdout) {
        return new ExecOptions(command, container, stdin, stdout, stderr, tty, resize);
    }

    /** A copy with stderr opened or not. */
    public ExecOptions withStderr(boolean stderr) {
        return new ExecOptions(command, container, stdin, stdout, stderr, tty, resize);
    }

    /** A copy with a TTY, resized from {@code resize} (may be null). */
    public ExecOptions withTty(Publisher<TerminalSize> resize) {
        return new ExecOptions(command, container, stdin, stdout, stderr, true, resize);
    }
}
