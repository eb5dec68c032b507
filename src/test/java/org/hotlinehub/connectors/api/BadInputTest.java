package org.hotlinehub.connectors.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The hostile requests of issue 15 (items 1, 2) and the NUL bytes of issue 17, on every channel: a 4xx naming the
 * field or parameter where the sender can be told, cleaned text where it cannot; never a 5xx, never an acknowledged
 * contact that is then dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class BadInputTest {

    @Inject
    Sql sql;

    private static RequestSpecification form() {
        return given().accept("application/json").contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private String descriptionOf(String reference) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        return (String) sql.one("select description from ticket where reference = ?", reference);
    }

    // ---- item 1: body and field limits ---------------------------------------------------------------------------

    @Test
    void shouldRefuseTwilioWebhookBodiesOver64KbBeforeParsing() {
        String sid = TwilioSms.newSid();
        Map<String, String> params = TwilioSms.inbound(sid, "+86" + Reports.uniquePhone(), "楼道灯坏了");
        params.put("Padding", "x".repeat(100_000));
        TwilioSms.postSigned("/twilio/sms", params).then().statusCode(413);
        TwilioSms.postSigned("/twilio/sms/status", params).then().statusCode(413);
        TwilioSms.postSigned("/twilio/voice", params).then().statusCode(413);
        assertEquals(0L, sql.count("select count(*) from inbound_contact where external_id like ?", "%" + sid + "%"));
    }

    @Test
    void shouldRefuseOverlongFormFieldsNamingThem() {
        form().formParam("description", "楼道灯不亮很多天了").formParam("phone", Reports.uniquePhone())
                .formParam("compound", "HY-GARDEN").formParam("name", "n".repeat(30_000))
                .formParam("address", "a".repeat(30_000)).post("/report").then().statusCode(400)
                .body("error.fields.name", containsString("100")).body("error.fields.address", containsString("300"));
    }

    @Test
    void shouldRefuseOverlongOpen311FieldsNamingThem() {
        given().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("api_key", Sessions.OPEN311_KEY)
                .formParam("service_code", "property-repair").formParam("address_string", "址".repeat(60_000))
                .formParam("first_name", "名".repeat(60_000)).post("/open311/v2/requests.json").then()
                .statusCode(400).body("description", org.hamcrest.Matchers.hasItems(
                        "address_string is limited to 300 characters", "first_name is limited to 100 characters"));
    }

    @Test
    void shouldRefuseOverlongApiAndPartnerNotesNamingTheField() {
        String reference = Tickets.file(sql, "小区路灯不亮，晚上很黑 " + System.nanoTime(), "HY-GARDEN", null);
        Sessions.operator().contentType(ContentType.JSON).body(Map.of("text", "注".repeat(2_001)))
                .post("/api/v1/tickets/" + reference + "/notes").then().statusCode(400)
                .body("error.message", equalTo("text is limited to 2000 characters"));
        long id = Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "地下车库漏水 " + System.nanoTime());
        Sessions.partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + id + "/accept").then().statusCode(200);
        Sessions.partnerJson("PF-HAIYUN").body(Map.of("note", "x".repeat(5_000_000)))
                .post("/partner-api/v1/assignments/" + id + "/progress")
                .then().statusCode(400).body("error.message", equalTo("note is limited to 2000 characters"));
        assertEquals(0L, sql.count("select count(*) from timeline_event where length(detail) > 100000"));
    }

    // ---- item 2: 500s and 404s that are 400s ---------------------------------------------------------------------

    @Test
    void shouldAnswer400WhenAFormHasMoreThan1000Fields() {
        RequestSpecification request = form().formParam("description", "楼道灯不亮很多天了")
                .formParam("phone", Reports.uniquePhone()).formParam("compound", "HY-GARDEN");
        for (int i = 0; i < 1_100; i++) {
            request.formParam("f" + i, "x");
        }
        request.post("/report").then().statusCode(400).body("error.message", containsString("too many fields"));
    }

    @Test
    void shouldAnswer400ForDeepNestingOrHugeNumbersInTheJsonBody() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        Sessions.operator().contentType(ContentType.JSON)
                .body("{\"phone\":\"13900000002\",\"description\":\"路灯坏了\",\"extra\":" + deep + "}")
                .post("/api/v1/tickets").then().statusCode(400).body("error.message", containsString("body"));
        Sessions.operator().contentType(ContentType.JSON)
                .body("{\"phone\":\"13900000002\",\"description\":\"路灯坏了\",\"extra\":" + "9".repeat(2_000_000)
                        + "}")
                .post("/api/v1/tickets").then().statusCode(400).body("error.message", containsString("body"));
    }

    @Test
    void shouldAnswer400NamingTheParameterForYearsOutOfRange() {
        for (String year : new String[]{"+999999999-01-01", "-999999999-01-01"}) {
            Sessions.operator().queryParam("from", year).get("/api/v1/tickets").then().statusCode(400)
                    .body("error.message", containsString("from '" + year + "'"));
            Sessions.supervisor().queryParam("to", year)
                    .get("/api/v1/rates").then().statusCode(400).body("error.message", containsString("to '"));
            Sessions.console("supervisor").queryParam("day", year).get("/console/supervision/daily").then()
                    .statusCode(400).body("error.message", containsString("day '" + year + "'"));
        }
    }

    @Test
    void shouldAnswer400NamingThePagingParameterThatIsNoNumber() {
        Sessions.operator().queryParam("limit", "abc").get("/api/v1/tickets").then().statusCode(400)
                .body("error.message", containsString("limit 'abc'"));
        Sessions.supervisor().queryParam("offset", "99999999999")
                .get("/api/v1/dead-letters").then().statusCode(400)
                .body("error.message", containsString("offset '99999999999'"));
        Sessions.partnerJson("PF-HAIYUN").queryParam("limit", "abc").get("/partner-api/v1/assignments").then()
                .statusCode(400)
                .body("error.message", containsString("limit 'abc'"));
        Sessions.console("supervisor").queryParam("offset", "99999999999").get("/console/supervision/dead-letters")
                .then().statusCode(400).body("error.message", containsString("offset"));
        // a path that does not exist is still a 404
        Sessions.operator().get("/api/v1/no-such-thing").then().statusCode(404);
    }

    @Test
    void shouldAnswer400NamingTheRangeOfAPageOutOfIt() {
        Map<String, Supplier<RequestSpecification>> lists = new LinkedHashMap<>();
        lists.put("/api/v1/appeals", Sessions::supervisor);
        lists.put("/api/v1/dead-letters", Sessions::supervisor);
        lists.put("/api/v1/outbound-messages", Sessions::operator);
        lists.put("/api/v1/outbound-messages/wechat", Sessions::operator);
        lists.put("/partner-api/v1/assignments", () -> Sessions.partnerJson("PF-HAIYUN"));
        lists.forEach((path, caller) -> {
            int max = path.contains("appeals") || path.startsWith("/partner-api") ? 200 : 500;
            String message = "offset must be >= 0 and limit between 1 and " + max;
            caller.get().queryParam("limit", max + 1).get(path).then().statusCode(400)
                    .body("error.code", equalTo("bad_request")).body("error.message", equalTo(message));
            caller.get().queryParam("limit", 0).get(path).then().statusCode(400)
                    .body("error.message", equalTo(message));
            caller.get().queryParam("offset", -1).get(path).then().statusCode(400)
                    .body("error.message", equalTo(message));
            caller.get().queryParam("limit", max).get(path).then().statusCode(200);
        });
    }

    // ---- issue 17: NUL and other control characters are cleaned on every channel -------------------------------

    @Test
    void shouldStoreAFormReportWithNulInDescriptionAndAddressCleaned() {
        String description = "楼道灯\u0000不亮很多天了\u0007 " + System.nanoTime();
        String reference = form().formParam("description", description).formParam("phone", Reports.uniquePhone())
                .formParam("address", "观海路\u000012号").post("/report").then().statusCode(202).extract()
                .path("reference");
        assertEquals(description.replace("\u0000", "").replace("\u0007", ""), descriptionOf(reference));
    }

    @Test
    void shouldStoreAnSmsWithNulCleaned() {
        String body = "我家\u0000楼道灯坏了 " + System.nanoTime();
        String reference = TwilioSms.referenceIn(TwilioSms.text("+86" + Reports.uniquePhone(), body));
        assertEquals(body.replace("\u0000", ""), descriptionOf(reference));
    }

    @Test
    void shouldStoreAnOpen311RequestWithNulCleaned() {
        String description = "路灯\u0000坏了 " + System.nanoTime();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("api_key", Sessions.OPEN311_KEY);
        fields.put("service_code", "public-order");
        fields.put("address_string", "观海路\u000012号");
        fields.put("description", description);
        fields.put("first_name", "\u0000明");
        String reference = given().contentType("application/x-www-form-urlencoded; charset=utf-8").formParams(fields)
                .post("/open311/v2/requests.json").then().statusCode(201).extract().path("[0].service_request_id");
        assertEquals(description.replace("\u0000", ""), descriptionOf(reference));
    }

    @Test
    void shouldStoreApiTicketsNotesAndPartnerNotesWithNulCleaned() {
        String description = "来电\u0000反映路灯不亮 " + System.nanoTime();
        String reference = Sessions.operator().contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("phone", Reports.uniquePhone(), "description", description, "place", "HY-GARDEN"))
                .post("/api/v1/tickets").then().statusCode(202).extract().path("reference");
        assertEquals(description.replace("\u0000", ""), descriptionOf(reference));
        Sessions.operator().contentType(ContentType.JSON).body("{\"text\":\"已\\u0000回电\"}")
                .post("/api/v1/tickets/" + reference + "/notes").then().statusCode(201);
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.detail like '%已回电%'", reference));
        long id = Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "地下车库漏水 " + System.nanoTime());
        Sessions.partnerJson("PF-HAIYUN").post("/partner-api/v1/assignments/" + id + "/accept").then().statusCode(200);
        Sessions.partnerJson("PF-HAIYUN").body("{\"note\":\"已到场\\u0000正在抽水\"}")
                .post("/partner-api/v1/assignments/" + id + "/progress")
                .then().statusCode(200).body("state", equalTo("IN_PROGRESS"));
        assertEquals(1L, sql.count("select count(*) from timeline_event e join assignment a on a.ticket_id ="
                + " e.ticket_id where a.id = ? and e.detail like '%已到场正在抽水%'", id));
    }

    @Test
    void shouldCleanAndLimitConsoleFormFieldsLikeTheApi() {
        String reference = Tickets.file(sql, "小区路灯不亮，晚上很黑 " + System.nanoTime(), "HY-GARDEN", null);
        Sessions.console("operator").contentType(Sessions.FORM).formParam("text", "注".repeat(2_001))
                .post("/console/tickets/" + reference + "/notes").then().statusCode(400)
                .body("error.message", equalTo("text is limited to 2000 characters"));
        Sessions.console("operator").contentType(Sessions.FORM).formParam("text", "控制台\u0000备注")
                .post("/console/tickets/" + reference + "/notes").then().statusCode(303);
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.detail like '%控制台备注%'", reference));
    }
}
