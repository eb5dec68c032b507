package org.hotlinehub.connectors.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** While the hub starts its port answers 503 with Retry-After; once the hub's server is up the stand-in is gone. */
class StartingAnswerTest {

    @Test
    void shouldAnswer503WithRetryAfterUntilTheHubsServerHasStarted() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        StartingAnswer.open("127.0.0.1", port);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/twilio/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("MessageSid=SM0123&Body=hello")).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, answer.statusCode());
            assertEquals("5", answer.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(answer.body().contains("正在启动"), answer.body());
        }
        assertTrue(StartingAnswer.isOpen());
        new StartingAnswer().close(null);
        assertFalse(StartingAnswer.isOpen(), "the port is left to the hub's own server");
    }
}
