package io.kreactor.testing.server;

import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What a "container" does when a client execs into (or attaches to) a pod of the {@link EmbeddedApiServer}: a
 * function from the call and its stdin to stdout, stderr and an exit code. Register one with
 * {@link EmbeddedApiServer#execHandler(ContainerExec)}.
 *
 * <p>Example, an {@code echo} that upper-cases its input and exits 0:
 * <pre>{@code
 * server.execHandler((call, stdin) -> new ContainerExec.Result(
 *         stdin.map(bytes -> new String(bytes, UTF_8).toUpperCase().getBytes(UTF_8)), Flux.empty(), Mono.just(0)));
 * }</pre>
 */
@FunctionalInterface
public interface ContainerExec {

    /**
     * Runs one exec or attach.
     *
     * @param call  which pod and container, the command and the stream flags the client asked for
     * @param stdin the bytes the client writes to stdin; completes when the client closes stdin or goes away.
     *              It may be subscribed more than once: every subscriber sees all of it
     * @return the process's output and exit code
     */
    Result run(Call call, Flux<byte[]> stdin);

    /**
     * One exec or attach request.
     *
     * @param namespace the pod's namespace
     * @param pod       the pod's name
     * @param container the container (the only one when the request named none)
     * @param command   the command ({@code command} parameters; empty for attach)
     * @param attach    true for {@code /attach}, false for {@code /exec}
     * @param tty       whether a TTY was requested
     */
    record Call(String namespace, String pod, String container, List<String> command, boolean attach, boolean tty) {
        /** Copies the command. */
        public Call {
            command = List.copyOf(command);
        }
    }

    /**
     * The output of a process. The server sends stdout and stderr as they are emitted, then the exit status on
     * the error channel: {@code Success} for 0, else a {@code NonZeroExitCode} Failure carrying the code.
     *
     * @param stdout   bytes for channel 1
     * @param stderr   bytes for channel 2
     * @param exitCode the exit code, emitted after the process ends
     */
    record Result(Flux<byte[]> stdout, Flux<byte[]> stderr, Mono<Integer> exitCode) {
        /** Rejects nulls. */
        public Result {
            Objects.requireNonNull(stdout, "stdout");
            Objects.requireNonNull(stderr, "stderr");
            Objects.requireNonNull(exitCode, "exitCode");
        }
    }
}
