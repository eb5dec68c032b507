package org.hotlinehub.connectors.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hotlinehub.testsupport.Sessions.admin;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The ticket API: who may call it, its filters and search, keyset paging under concurrent filing, the detail. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class TicketApiTest {

    @Inject
    Sql sql;

    @Test
    void shouldRefuseCallersWithoutARoleThatMayReadTickets() {
        given().get("/api/v1/tickets").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"))
                .body("error.status", equalTo(401)).body("error.code", equalTo("unauthorized"));
        given().auth().preemptive().basic("operator", "wrong-password").get("/api/v1/tickets").then()
                .statusCode(401);
        given().auth().preemptive().basic("nobody", "demo-operator-pass").get("/api/v1/tickets").then()
                .statusCode(401);
        given().header("X-Api-Key", "not-a-key").get("/api/v1/tickets").then().statusCode(401);
        given().header("X-Api-Key", Sessions.OPEN311_KEY).get("/api/v1/tickets").then().statusCode(403)
                .body("error.code", equalTo("forbidden"));
        given().header("X-Api-Key", "demo-api-key-integrator-2026").get("/api/v1/tickets").then().statusCode(200);
        operator().get("/api/v1/tickets").then().statusCode(200);
        admin().get("/api/v1/tickets").then().statusCode(200);
    }

    @Test
    void shouldNeverRepeatOrSkipTicketsWhenNewOnesAreFiledWhilePaging() {
        String marker = "paging" + System.nanoTime();
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            before.add(0, file(marker + " 路灯不亮 " + i, "HY-GARDEN"));
        }
        JsonPath page = operator().queryParam("q", marker).queryParam("limit", 3).get("/api/v1/tickets").then()
                .statusCode(200).extract().jsonPath();
        List<String> seen = new ArrayList<>(page.getList("items.reference"));
        List<String> filedMeanwhile = new ArrayList<>();
        String cursor = page.getString("next");
        while (cursor != null) {
            filedMeanwhile.add(file(marker + " 路灯不亮 new " + filedMeanwhile.size(), "HY-GARDEN"));
            page = operator().queryParam("q", marker).queryParam("limit", 3).queryParam("cursor", cursor)
                    .get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.reference"));
            cursor = page.getString("next");
        }
        assertEquals(before, seen, "every ticket that existed, once each, newest first");
        List<String> firstPageNow = operator().queryParam("q", marker).queryParam("limit", 3).get("/api/v1/tickets")
                .then().statusCode(200).extract().jsonPath().getList("items.reference");
        List<String> newestFirst = new ArrayList<>(filedMeanwhile);
        Collections.reverse(newestFirst);
        newestFirst.addAll(before);
        assertEquals(newestFirst.subList(0, 3), firstPageNow, "the tickets filed meanwhile lead a fresh first page");
    }

    /**
     * Within a period the list is newest first by filing time (the time index reads it from the period's end), then by
     * id; its pages are keyed by the last ticket shown. Here the filing times run against the ids, as for tickets
     * imported late or filed by one batch, so an order by id alone fails.
     */
    @Test
    void shouldPageAPeriodByFilingTimeNewestFirst() {
        String marker = "period" + System.nanoTime();
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            filed.add(file(marker + " 路灯不亮 " + i, "HY-GARDEN"));
        }
        // the first two filed last, on one second (the id decides between them), then the others in reverse order
        String[] at = {"2021-03-20T10:00:00Z", "2021-03-20T10:00:00Z", "2021-03-05T08:00:00Z",
                "2021-03-04T08:00:00Z", "2021-03-03T08:00:00Z", "2021-02-27T08:00:00Z"};
        for (int i = 0; i < filed.size(); i++) {
            sql.update("update ticket set created_at = ?::timestamptz where reference = ?", at[i], filed.get(i));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = operator().queryParam("q", marker).queryParam("from", "2021-03-01")
                    .queryParam("to", "2021-03-31").queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.reference"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(List.of(filed.get(1), filed.get(0), filed.get(2), filed.get(3), filed.get(4)), seen,
                "March's five, latest filed first, the two of one second by id; February's left out");
    }

    @Test
    void shouldFindATicketByItsNumberAndTheTicketsThatNameIt() {
        String first = file("search-by-number 路灯不亮", "HY-GARDEN");
        String again = file("上次报修的 " + first + " 还没修好", "HY-GARDEN");
        operator().queryParam("q", first).get("/api/v1/tickets").then().statusCode(200)
                .body("items.reference", contains(again, first));
        // a number that is not a whole ticket number is a substring like any other text
        operator().queryParam("q", first.substring(first.length() - 8)).queryParam("limit", 100)
                .get("/api/v1/tickets").then().statusCode(200).body("items.reference", hasItems(again, first));
    }

    @Test
    void shouldFilterByStatusCategoryPlaceChannelPartnerAndDates() {
        String marker = "filter" + System.nanoTime();
        String repair = file(marker + " 电梯坏了", "HY-GARDEN");
        String elsewhere = file(marker + " 楼道有垃圾没人清", "XHS-ESTATE");
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", repair) == 1);
        sql.update("update ticket set status = 'CLOSED' where reference = ?", elsewhere);

        operator().queryParam("q", marker).queryParam("place", "SN-01-03-G07").get("/api/v1/tickets").then()
                .statusCode(200).body("items.reference", contains(repair));
        operator().queryParam("q", marker).queryParam("place", "SN-01-03").get("/api/v1/tickets").then()
                .statusCode(200).body("items.reference", contains(elsewhere, repair));
        operator().queryParam("q", marker).queryParam("status", "closed").get("/api/v1/tickets").then()
                .statusCode(200).body("items.reference", contains(elsewhere))
                .body("items.status", everyItem(equalTo("CLOSED")));
        operator().queryParam("q", marker).queryParam("status", "received,triage,dispatched,accepted")
                .get("/api/v1/tickets").then().statusCode(200).body("items.reference", contains(repair));
        operator().queryParam("q", marker).queryParam("category", "property-repair").get("/api/v1/tickets").then()
                .statusCode(200).body("items.reference", hasItem(repair))
                .body("items.categoryCode", everyItem(equalTo("property-repair")));
        operator().queryParam("q", marker).queryParam("partner", "PF-HAIYUN").get("/api/v1/tickets").then()
                .statusCode(200).body("items.reference", contains(repair))
                .body("items[0].leadPartner", equalTo("PF-HAIYUN"));
        operator().queryParam("q", marker).queryParam("channel", "web").get("/api/v1/tickets").then()
                .statusCode(200).body("items.reference", hasItems(repair, elsewhere));
        operator().queryParam("q", marker).queryParam("channel", "open311,sms").get("/api/v1/tickets").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
        operator().queryParam("q", marker).queryParam("from", "2020-01-01").queryParam("to", "2020-12-31")
                .get("/api/v1/tickets").then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        operator().queryParam("q", marker).queryParam("from", "2020-01-01T00:00:00Z").get("/api/v1/tickets").then()
                .statusCode(200).body("items.reference", hasItems(repair, elsewhere));
    }

    @Test
    void shouldFindTicketsByWordsChinesePhrasesAndReference() {
        String word = "zebra" + System.nanoTime();
        String english = file("The gate of building 5 is broken, " + word + " crossing", "JS-APTS");
        String chinese = file("单元门坏了关不上，" + word + " 门禁卡也刷不开", "JS-APTS");
        operator().queryParam("q", word).get("/api/v1/tickets").then().statusCode(200)
                .body("items.reference", contains(chinese, english));
        operator().queryParam("q", "gate building " + word).get("/api/v1/tickets").then().statusCode(200)
                .body("items.reference", contains(english));
        operator().queryParam("q", "门禁卡也刷不开").get("/api/v1/tickets").then().statusCode(200)
                .body("items.reference", hasItem(chinese)).body("items.reference", not(hasItem(english)));
        operator().queryParam("q", chinese).get("/api/v1/tickets").then().statusCode(200)
                .body("items.reference", contains(chinese));
    }

    @Test
    void shouldShowTimelineAssignmentsAttachmentsAndAnswersInDetail() {
        String reference = given().contentType("application/x-www-form-urlencoded; charset=utf-8")
                .formParam("api_key", Sessions.OPEN311_KEY).formParam("service_code", "property-repair")
                .formParam("address_id", "HY-GARDEN").formParam("phone", "13900000002")
                .formParam("description", "详情测试 " + System.nanoTime() + " 楼道灯不亮")
                .formParam("media_url", "https://photos.example/lamp.jpg")
                .formParam("attribute[building]", "5号楼").formParam("attribute[problem]", "lighting")
                .post("/open311/v2/requests.json").then().statusCode(201).extract().path("[0].service_request_id");
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", reference) == 1);

        operator().get("/api/v1/tickets/" + reference).then().statusCode(200)
                .body("reference", equalTo(reference))
                .body("channel", equalTo("OPEN311"))
                .body("categoryCode", equalTo("property-repair"))
                .body("placeCode", equalTo("HY-GARDEN"))
                .body("resident.phone", equalTo("+86139****0002"))
                .body("resident.flags", hasItem("elderly-alone"))
                .body("attributes.building", contains("5号楼"))
                .body("attributes.problem", contains("lighting"))
                .body("timeline.kind", hasItems("RECEIVED", "CLASSIFIED", "LOCATED", "DISPATCHED"))
                .body("timeline[0].actor", equalTo("hub:intake"))
                .body("assignments[0].partnerCode", equalTo("PF-HAIYUN"))
                .body("assignments[0].state", equalTo("OFFERED"))
                .body("assignments[0].acceptBy", notNullValue())
                .body("attachments[0].url", equalTo("https://photos.example/lamp.jpg"));
        operator().get("/api/v1/tickets/999999999").then().statusCode(404).body("error.code", equalTo("not_found"));
    }

    @Test
    void shouldAnswer400InTheOneErrorShapeWhenParametersAreInvalid() {
        operator().queryParam("limit", 0).get("/api/v1/tickets").then().statusCode(400)
                .body("error.status", equalTo(400)).body("error.code", equalTo("bad_request"))
                .body("error.message", equalTo("limit must be between 1 and 200"));
        operator().queryParam("cursor", "bogus!").get("/api/v1/tickets").then().statusCode(400)
                .body("error.message", equalTo("cursor 'bogus!' is not one this API gave out"));
        operator().queryParam("status", "lost").get("/api/v1/tickets").then().statusCode(400)
                .body("error.message", equalTo("unknown status 'lost'"));
        operator().queryParam("from", "yesterday").get("/api/v1/tickets").then().statusCode(400)
                .body("error.message", startsWith("from 'yesterday' is not an ISO date-time"));
    }

    @Test
    void shouldDescribeTheApiInOpenApi() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/tickets'.get.summary", equalTo("List tickets, newest first"))
                .body("paths.'/api/v1/tickets'.get.parameters.name", hasItems("status", "place", "q", "cursor"))
                .body("paths.'/api/v1/tickets/{reference}'.get.summary", notNullValue())
                .body("components.securitySchemes.basic.scheme", equalTo("basic"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-Api-Key"));
    }

    /** Files a report through the web form (JSON answer) and waits for its ticket. */
    private String file(String description, String compound) {
        String reference = Reports.fileJson(null, description, Reports.uniquePhone(), compound, null);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        return reference;
    }
}
