package org.hotlinehub.connectors.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A saturated intake edge answers at once with 503 and Retry-After, and takes contacts again when it has room. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class IntakeAdmissionTest {

    @Inject
    IntakeAdmission admission;
    @Inject
    Sql sql;

    private static io.restassured.response.Response report() {
        return Reports.postJson("电梯坏了，饱和测试");
    }

    @Test
    void shouldAnswer503AtOnceWhileEveryPermitIsHeldAndAcceptAgainAfterwards() throws Exception {
        int held = admission.permits().availablePermits();
        assertEquals(64, held, "nothing else in flight, the default bound");
        admission.permits().acquire(held);
        long refusedBefore = admission.refused();
        try {
            var busy = report();
            assertEquals(503, busy.statusCode());
            assertEquals("1", busy.header("Retry-After"));
            assertEquals("热线繁忙，请稍后再试。", busy.body().asString());
            given().header("Accept-Language", "en").formParam("Body", "x").post("/twilio/sms").then().statusCode(503)
                    .body(equalTo("The hotline is very busy. Please try again in a moment."));
            assertEquals(refusedBefore + 2, admission.refused());
            // pages and other calls are not intake: they are still served
            given().get("/report").then().statusCode(200);
        } finally {
            admission.permits().release(held);
        }
        report().then().statusCode(202);
        assertEquals(held, admission.permits().availablePermits(), "every permit was given back");
    }

    /**
     * The edge reads a small body before the request goes to a worker thread (BENCHMARKS.md, round 18): a report
     * whose body arrives in pieces, the last one after a pause, is still read whole and filed; a body larger than
     * what is read ahead goes on as a stream (ReportValidationTest keeps a photo of that size).
     */
    @Test
    void shouldFileAReportWhoseBodyArrivesInPieces() throws Exception {
        String phone = Reports.uniquePhone();
        String body = "category=property-repair&description="
                + URLEncoder.encode("楼道灯坏了，分段发送", StandardCharsets.UTF_8) + "&phone=" + phone
                + "&compound=HY-GARDEN";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /report HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, 20);
            out.flush();
            Thread.sleep(300);
            out.write(bytes, 20, bytes.length - 20);
            out.flush();
            String answer = readAll(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
            assertTrue(answer.contains("\"reference\""), answer);
        }
        awaitStored(phone, 1);
    }

    /** The test's contacts are stored before it ends, so the next test's count of contacts does not see them late. */
    private void awaitStored(String phone, int contacts) {
        await().atMost(Duration.ofSeconds(15)).until(
                () -> sql.count("select count(*) from inbound_contact where phone = ?", "+86" + phone) == contacts);
    }

    /**
     * The JDK's HttpClient asks a plain-HTTP server to upgrade to HTTP/2 (h2c) with its first request, a form post
     * included; such a request's body is left to the REST layer (reading it ahead made the layer's pause fail: 500).
     */
    @Test
    void shouldFileAReportSentOverAnUpgradedHttp2Connection() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String phone = Reports.uniquePhone();
        String form = "category=property-repair&compound=HY-GARDEN&phone=" + phone + "&description="
                + URLEncoder.encode("电梯坏了，升级连接测试", StandardCharsets.UTF_8);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) { // the upgrade request, then one on the HTTP/2 connection
            var answer = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/report"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form + i)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(202, answer.statusCode(), answer.body());
        }
        awaitStored(phone, 2);
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        in.transferTo(read);
        return read.toString(StandardCharsets.UTF_8);
    }
}
