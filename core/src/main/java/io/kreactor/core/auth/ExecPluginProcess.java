package io.kreactor.core.auth;

import io.kreactor.core.errors.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import reactor.core.scheduler.Schedulers;

/**
 * One run of an exec credential plugin: started with the stanza's arguments and environment plus
 * {@code KUBERNETES_EXEC_INFO}, standard input closed (no terminal), standard output collected for parsing and
 * standard error captured (capped) for error messages. Blocking: runs on the bounded-elastic scheduler, and is
 * {@linkplain #close() killed} when the caller gives up (timeout or cancellation).
 */
final class ExecPluginProcess implements AutoCloseable {

    static final int MAX_STDOUT_BYTES = 1024 * 1024;
    static final int MAX_STDERR_CHARS = 4096;

    private final Process process;
    private final Path stderrFile;
    private final String plugin;
    private volatile boolean closed;

    private ExecPluginProcess(Process process, Path stderrFile, String plugin) {
        this.process = process;
        this.stderrFile = stderrFile;
        this.plugin = plugin;
    }

    /** Starts the plugin; a command that cannot be run fails with the stanza's install hint. */
    static ExecPluginProcess start(ExecConfig config, String execInfo, String plugin) {
        List<String> command = new ArrayList<>();
        command.add(config.command());
        command.addAll(config.args());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(config.env());
        builder.environment().put("KUBERNETES_EXEC_INFO", execInfo);
        Path stderrFile;
        try {
            // A file instead of a pipe: nothing has to drain stderr concurrently for the plugin not to stall.
            stderrFile = Files.createTempFile("kreactor-exec-", ".stderr");
        } catch (IOException e) {
            throw new ConfigException("cannot create a temporary file for the stderr of " + plugin + ": " + e.getMessage(), e);
        }
        builder.redirectError(stderrFile.toFile());
        try {
            return new ExecPluginProcess(builder.start(), stderrFile, plugin);
        } catch (IOException e) {
            deleteQuietly(stderrFile);
            String hint = config.installHint() == null || config.installHint().isBlank() ? ""
                    : "\n" + config.installHint().strip();
            throw new ConfigException(plugin + " cannot be run: executable '" + config.command()
                    + "' was not found or is not executable (" + e.getMessage() + ")" + hint, e);
        }
    }

    /**
     * Waits for the plugin to finish and returns its standard output; fails when it exits with an error. Returns
     * null when the run was {@linkplain #close() given up} meanwhile: nobody waits for the outcome any more.
     */
    byte[] awaitOutput() throws IOException, InterruptedException {
        try {
            return collect();
        } catch (IOException | ConfigException e) {
            if (closed) {
                return null;
            }
            throw e;
        }
    }

    private byte[] collect() throws IOException, InterruptedException {
        process.getOutputStream().close();
        byte[] stdout = readCapped(process.getInputStream());
        int exitCode = process.waitFor();
        if (closed) {
            return null;
        }
        if (exitCode != 0) {
            String stderr = stderr();
            throw new ConfigException(plugin + " exited with code " + exitCode
                    + (stderr.isEmpty() ? " and wrote nothing to stderr" : "; stderr: " + stderr));
        }
        return stdout;
    }

    private byte[] readCapped(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > MAX_STDOUT_BYTES) {
                throw new ConfigException(plugin + " wrote more than " + MAX_STDOUT_BYTES + " bytes to stdout");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private String stderr() {
        try {
            String text = new String(Files.readAllBytes(stderrFile), StandardCharsets.UTF_8).strip();
            return text.length() <= MAX_STDERR_CHARS ? text : text.substring(0, MAX_STDERR_CHARS) + "… (truncated)";
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * Kills the plugin if it still runs and removes the captured stderr. May be called from any thread (a timeout
     * or cancellation), so the file deletion is handed to the bounded-elastic scheduler.
     */
    @Override
    public void close() {
        closed = true;
        process.destroyForcibly();
        Schedulers.boundedElastic().schedule(() -> deleteQuietly(stderrFile));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
