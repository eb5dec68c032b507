package org.hotlinehub.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Filing reports through the real form, as a browser would. */
public final class Reports {

    private static final AtomicLong NEXT_PHONE = new AtomicLong((System.nanoTime() / 1000) % 100_000_000L);
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");
    private static final Pattern REFERENCE = Pattern.compile("id=\"reference\">(\\d+)<");

    private Reports() {
    }

    /** GET /report and take the hidden form token. */
    public static String formToken() {
        String html = given().get("/report").then().statusCode(200).extract().asString();
        Matcher m = TOKEN.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no form token in /report");
        }
        return m.group(1);
    }

    public static Response post(String token, String category, String description, String phone, String compound,
            String address) {
        var request = form(category, description, phone, compound, address).formParam("name", "测试居民");
        if (token != null) {
            request.formParam("token", token);
        }
        return request.post("/report");
    }

    /** A JSON-answered form report of a repair at 海韵花园, without a token, as a script or a retrying client posts it. */
    public static Response postJson(String description) {
        return given().accept("application/json").formParam("category", "property-repair")
                .formParam("description", description).formParam("phone", uniquePhone())
                .formParam("compound", "HY-GARDEN").post("/report");
    }

    /**
     * Files a report through the form with a JSON answer, as a script posts it, and answers its reference (HTTP 202
     * asserted).
     */
    public static String fileJson(String category, String description, String phone, String compound,
            String address) {
        return form(category, description, phone, compound, address).accept("application/json").post("/report")
                .then().statusCode(202).extract().path("reference");
    }

    /** The report form's fields, form-encoded in UTF-8; a null category, compound or address is left out. */
    private static RequestSpecification form(String category, String description, String phone, String compound,
            String address) {
        var request = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("description", description).formParam("phone", phone);
        if (category != null) {
            request.formParam("category", category);
        }
        if (compound != null) {
            request.formParam("compound", compound);
        }
        if (address != null) {
            request.formParam("address", address);
        }
        return request;
    }

    public static String referenceIn(String html) {
        Matcher m = REFERENCE.matcher(html);
        if (!m.find()) {
            throw new AssertionError("no reference in page: " + html);
        }
        return m.group(1);
    }

    /**
     * Files a report for a compound and category through the form (JSON answer) and waits until the hub has offered
     * the ticket; answers the lead assignment's id.
     */
    public static long fileAndAwaitOffer(Sql sql, String compound, String category, String description) {
        String reference = fileJson(category, description, uniquePhone(), compound, null);
        String lead = "select a.id from assignment a join ticket t on t.id = a.ticket_id where t.reference = ?"
                + " and a.role = 'lead'";
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from (" + lead + ") x",
                reference) == 1);
        return ((Number) sql.one(lead, reference)).longValue();
    }

    /**
     * A phone number no other test uses: from a counter, as two threads (IncidentBatchJoinTest's batches) could read
     * the same microsecond of the clock and file two reports as one sender's.
     */
    public static String uniquePhone() {
        return "139" + String.format("%08d", NEXT_PHONE.getAndIncrement() % 100_000_000L);
    }
}
