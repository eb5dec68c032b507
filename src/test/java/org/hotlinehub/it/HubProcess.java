package org.hotlinehub.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The packaged hub (target/quarkus-app) run as its own process, as a user runs it, so it can be killed. */
final class HubProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final Path log;

    private HubProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static HubProcess start(Path dataDir, Map<String, String> env, Path log) throws IOException {
        String jar = System.getProperty("hub.jar", "target/quarkus-app/quarkus-run.jar");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> environment = new HashMap<>(env);
        environment.put("HUB_DATA_DIR", dataDir.toString());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("HUB_EMBEDDED_BROKER_PORT", "0");
        // the test posts dozens of reports from one address; the form's per-client limit is not what it tests
        environment.put("HUB_WEB_REPORTS_PER_MINUTE", "100000");
        builder.environment().putAll(environment);
        return new HubProcess(builder.start(), port, log);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("hub exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("hub not ready within " + timeout + "; see " + log);
    }

    /** kill -9: no shutdown hooks, no graceful close of the broker or the database connections. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(40, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
