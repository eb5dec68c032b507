package org.hotlinehub.connectors.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hotlinehub.testsupport.Sessions.FORM;
import static org.hotlinehub.testsupport.Sessions.origin;
import static org.hotlinehub.testsupport.Sessions.session;
import static org.hotlinehub.testsupport.Tickets.audits;
import static org.hotlinehub.testsupport.Tickets.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;

/** The operator pages over HTTP: who may open them, both languages, and form actions answered as a browser expects. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class OperatorPagesTest {

    @Inject
    Sql sql;

    @Test
    void shouldOpenTheOperatorPagesToOperatorsOnly() {
        given().redirects().follow(false).get("/console/queue").then().statusCode(302)
                .header("Location", endsWith("/login"));
        Cookie partner = session("test-portal-flaky", "portal-pass-1");
        given().redirects().follow(false).cookie(partner).get("/console/queue").then().statusCode(403);
        given().redirects().follow(false).cookie(partner).get("/console/tickets").then().statusCode(403);
        given().redirects().follow(false).cookie(partner).header("Origin", origin()).contentType(FORM)
                .formParam("reason", "x").post("/console/tickets/100000009/cancel").then().statusCode(403);

        Cookie operator = session("operator", "demo-operator-pass");
        given().cookie(operator).header("Accept-Language", "zh-CN").get("/console/queue").then().statusCode(200)
                .body(containsString("待分拣")).body(containsString("/js/console-queue.js"))
                .body(containsString("/webjars/htmx.org/2.0.4/dist/htmx.min.js"));
        given().cookie(operator).get("/console/queue?lang=en").then().statusCode(200)
                .body(containsString("Triage (needs a category or a place)"));
        given().cookie(operator).get("/console/tickets/new?lang=en").then().statusCode(200)
                .body(containsString("Caller&#39;s phone"));
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200);
        given().get("/js/console-queue.js").then().statusCode(200).body(containsString("/console/queue/events"));
    }

    @Test
    void shouldPushTheQueueFingerprintWhenATriageItemArrives() throws Exception {
        Cookie operator = session("operator", "demo-operator-pass");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<Stream<String>> events = client.send(HttpRequest.newBuilder(URI.create(origin()
                + "/console/queue/events")).header("Cookie", "hub-session=" + operator.getValue())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, events.statusCode());
        assertTrue(events.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> events.body().filter(l -> l.startsWith("data:"))
                .forEach(l -> data.add(l.substring(5).strip())));
        reader.setDaemon(true);
        reader.start();
        try {
            String first = data.poll(60, TimeUnit.SECONDS);
            assertNotNull(first, "the current fingerprint comes at once");
            Tickets.inTriage(sql, "楼下有点事 sse " + System.nanoTime());
            String next = data.poll(60, TimeUnit.SECONDS);
            assertNotNull(next, "a new triage item changes the fingerprint");
            assertNotEquals(first, next);
        } finally {
            events.body().close();
        }
    }

    @Test
    void shouldCancelFromTheTicketPageAndShowWhyASecondCancelIsRefused() {
        String reference = Tickets.dispatched(sql, "电梯坏了 console cancel " + System.nanoTime(), "HY-GARDEN");
        Cookie operator = session("operator", "demo-operator-pass");
        given().cookie(operator).get("/console/tickets/" + reference).then().statusCode(200)
                .body(containsString("id=\"cancel-form\"")).body(containsString("PF-HAIYUN"));
        given().redirects().follow(false).cookie(operator).header("Origin", origin()).contentType(FORM)
                .formParam("reason", "居民撤回").post("/console/tickets/" + reference + "/cancel").then()
                .statusCode(303).header("Location", endsWith("/console/tickets/" + reference + "?done=cancel"));
        assertEquals("CANCELLED", status(sql, reference));
        assertEquals(1L, audits(sql, "ticket.cancel", reference));
        given().redirects().follow(false).cookie(operator).header("Origin", origin()).contentType(FORM)
                .formParam("reason", "again").post("/console/tickets/" + reference + "/cancel").then()
                .statusCode(409).body(containsString("only an open ticket can be cancelled"));
        given().cookie(operator).get("/console/tickets/999999999").then().statusCode(404)
                .body(containsString("999999999"));
    }
}
