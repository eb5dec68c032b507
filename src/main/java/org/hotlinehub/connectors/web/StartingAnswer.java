package org.hotlinehub.connectors.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * While the hub starts (embedded database and broker, migrations, reference data), its HTTP port answers every
 * request with 503 and {@code Retry-After} instead of refusing the connection, so Twilio, WeChat, forms and probes
 * are told "try again shortly" after a crash and restart. Quarkus opens its HTTP server after the start-up observers
 * (migrations, reference data, the pipeline's consumers), so this closes in the last of them, and the port is refused
 * only for the moment between the two. It accepts nothing: no request is read beyond its headers.
 */
@ApplicationScoped
public class StartingAnswer {

    private static final Logger LOG = Logger.getLogger(StartingAnswer.class);
    private static final byte[] BODY = "正在启动，请稍后再试 / starting, try again shortly\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEAD = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\nConnection: close\r\nContent-Length: " + BODY.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private static volatile ServerSocket listening;

    /** Starts answering on host:port; if the port cannot be taken, connections are refused while starting. */
    public static void open(String host, int port) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(host, port));
            listening = server;
            Thread acceptor = new Thread(() -> serve(server), "starting-answer");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            LOG.debugf("no 503 answer while starting on %s:%d: %s", host, port, e.getMessage());
        }
    }

    /** Everything else has started; the hub's own HTTP server opens next. */
    void close(@Observes @Priority(Integer.MAX_VALUE) StartupEvent started) {
        ServerSocket server = listening;
        listening = null;
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                LOG.debugf("closing the starting answer: %s", e.getMessage());
            }
        }
    }

    /** Whether the stand-in still holds the port. */
    static boolean isOpen() {
        ServerSocket server = listening;
        return server != null && !server.isClosed();
    }

    private static void serve(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.setSoTimeout(1000);
                skipHeaders(client.getInputStream());
                OutputStream out = client.getOutputStream();
                out.write(HEAD);
                out.write(BODY);
                out.flush();
            } catch (IOException e) {
                LOG.tracef("starting answer: %s", e.getMessage());
            }
        }
    }

    /** Reads up to the blank line that ends the request's headers (at most 16 KiB), so closing sends no reset. */
    private static void skipHeaders(InputStream in) throws IOException {
        int matched = 0;
        for (int read = 0; read < 16 * 1024 && matched < 4; read++) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }
}
