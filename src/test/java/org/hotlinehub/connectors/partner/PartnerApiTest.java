package org.hotlinehub.connectors.partner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hotlinehub.testsupport.Sessions.partner;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class PartnerApiTest {

    @Inject
    Sql sql;

    private long offeredToHaiyun() {
        return Reports.fileAndAwaitOffer(sql, "HY-GARDEN", "property-repair", "地下车库漏水严重");
    }

    @Test
    void shouldAnswer401WithoutAValidKey() {
        given().get("/partner-api/v1/assignments").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error.code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong").post("/partner-api/v1/assignments/1/accept").then()
                .statusCode(401);
        given().header("Authorization", "Bearer demo-key-PF-HAIYUN").get("/partner-api/v1/assignments").then()
                .statusCode(401);
    }

    @Test
    void shouldNotLetAPartnerTouchAnotherPartnersAssignment() {
        long id = offeredToHaiyun();
        partner("PF-FLAKY").post("/partner-api/v1/assignments/" + id
                + "/accept").then().statusCode(404).body("error.code", equalTo("not_found"));
        assertEquals("OFFERED", sql.one("select state from assignment where id = ?", id));
    }

    @Test
    void shouldListByStateAndRejectUnknownState() {
        long id = offeredToHaiyun();
        partner("PF-HAIYUN").queryParam("state", "offered")
                .get("/partner-api/v1/assignments").then().statusCode(200)
                .body("state", everyItem(equalTo("OFFERED")))
                .body("find { it.id == " + id + " }.ticket.categoryCode", equalTo("property-repair"));
        partner("PF-HAIYUN").queryParam("state", "sleeping")
                .get("/partner-api/v1/assignments").then().statusCode(400)
                .body("error.message", containsString("unknown state 'sleeping'"));
    }

    @Test
    void shouldOfferToTheNextPartyWhenDeclinedAndRefuseIllegalMoves() {
        long id = offeredToHaiyun();
        partner("PF-HAIYUN").contentType("application/json")
                .body("{}").post("/partner-api/v1/assignments/" + id + "/decline").then().statusCode(400)
                .body("error.message", containsString("reason"));
        partner("PF-HAIYUN").contentType("application/json")
                .body("{\"reason\":\"车库归开发商管理，不在我司服务范围\"}")
                .post("/partner-api/v1/assignments/" + id + "/decline").then().statusCode(200)
                .body("state", equalTo("DECLINED"));
        partner("PF-HAIYUN").post("/partner-api/v1/assignments/" + id
                + "/accept").then().statusCode(409)
                .body("error.message", equalTo("assignment " + id + " is declined and cannot become accepted"));

        long ticketId = ((Number) sql.one("select ticket_id from assignment where id = ?", id)).longValue();
        assertEquals("RC-GUANHAI", sql.one("select p.code from assignment a join partner p on p.id = a.partner_id"
                + " where a.ticket_id = ? and a.state = 'OFFERED'", ticketId));
        String reason = (String) sql.one("select reason from assignment where ticket_id = ? and state = 'OFFERED'",
                ticketId);
        assertEquals("compound HY-GARDEN → residents' committee RC-GUANHAI by catalog property-repair"
                + " (serves community SN-01-03), fallback after property-firm", reason);
    }

    @Test
    void shouldDescribeTheBearerKeyInTheOpenApiDocument() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.partnerKey.scheme", equalTo("bearer"))
                .body("paths.'/partner-api/v1/assignments'.get.security[0]", hasKey("partnerKey"));
    }
}
