package org.hotlinehub.referencedata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hotlinehub.testsupport.Sessions.admin;
import static org.hotlinehub.testsupport.Sessions.staff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.CatalogSetup;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The versioned dispatch catalog through the admin API: what a dry run predicts for a ticket is what dispatch chooses
 * for the next such ticket once the draft is published, every decision records the version it used, and a rollback
 * brings the earlier choice back. Each test has a compound, a catalog entry and partners of its own, so the demo's
 * dispatch and other tests' tickets stay as they are.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class CatalogVersionsTest {

    static final String JSON = "application/json; charset=UTF-8";

    @Inject
    Sql sql;

    @AfterEach
    void noDraftLeft() {
        sql.update("delete from catalog_draft");
    }

    String dispatched(CatalogSetup s, String words) {
        return s.dispatched(sql, words);
    }

    String firstOffer(String reference) {
        return CatalogSetup.firstOffer(sql, reference);
    }

    void closed(String reference) {
        CatalogSetup.closed(sql, reference);
    }

    static int current() {
        return admin().get("/api/v1/catalog/versions").then().statusCode(200).extract().path("current");
    }

    static JsonPath dryRun() {
        return admin().post("/api/v1/catalog/draft/dry-run").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> change(JsonPath dryRun, String list, String reference) {
        List<Map<String, Object>> changes = dryRun.getList(list);
        return changes.stream().filter(c -> reference.equals(c.get("reference"))).findFirst().orElse(null);
    }

    @Test
    void shouldPredictTheNextDispatchInTheDryRunAndRollBackToThePreviousChoice() {
        CatalogSetup s = CatalogSetup.create("");
        int imported = current();
        assertEquals("import", admin().get("/api/v1/catalog/versions?limit=1").then().extract()
                .path("versions[0].source"), "the import that wrote catalog entries published a version");
        String first = dispatched(s, "版本测试：请帮忙看看合同条款，房东要提前收回房子");
        assertEquals(s.legalAid() + " v" + imported, firstOffer(first));

        admin().contentType(JSON).body(Map.of("party", "mediation", "fallback", "legal-aid"))
                .put("/api/v1/catalog/draft/catalog/" + s.entry()).then().statusCode(200)
                .body("createdBy", equalTo("admin")).body("baseVersion", equalTo(imported))
                .body("items[0].fields.party", equalTo("mediation"))
                .body("items[0].published.party", equalTo("legal-aid"));
        JsonPath dry = dryRun();
        assertEquals(imported, dry.getInt("version"));
        Map<String, Object> predicted = change(dry, "open", first);
        assertEquals(s.legalAid(), predicted.get("publishedParty"));
        assertEquals(s.mediation(), predicted.get("draftParty"), "the draft hands the entry to mediation");
        assertEquals(
                "compound " + s.compound() + " → mediation committee " + s.mediation() + " by catalog " + s.entry(),
                predicted.get("draftReason"), "the selector's own reason");
        assertEquals(s.legalAid(), predicted.get("heldBy"));
        assertEquals("legal-aid", sql.one("select party_type from catalog_entry where code = ?", s.entry()),
                "a dry run writes nothing");

        int published = admin().contentType(JSON).body(Map.of("note", "调解先办")).post("/api/v1/catalog/draft/publish")
                .then().statusCode(200).body("source", equalTo("publish")).body("publishedBy", equalTo("admin"))
                .extract().path("version");
        assertTrue(published > imported);
        admin().get("/api/v1/catalog/draft").then().statusCode(404);
        closed(first);
        String second = dispatched(s, "邻居装修噪音太大，双方吵起来了，需要有人来调解一下");
        assertEquals(predicted.get("draftParty") + " v" + published, firstOffer(second),
                "the next dispatch chose what the dry run predicted, by the published version");

        int rolledBack = admin().contentType(JSON).body(Map.of("note", "回到原来的")).post("/api/v1/catalog/versions/"
                + imported + "/rollback").then().statusCode(200).body("source", equalTo("rollback"))
                .body("rolledBackTo", equalTo(imported)).extract().path("version");
        assertEquals(published + 1, rolledBack);
        closed(second);
        String third = dispatched(s, "版本测试第三件：工资被拖欠半年了想咨询怎么维权");
        assertEquals(s.legalAid() + " v" + rolledBack, firstOffer(third), "the rollback restored the choice");

        for (String action : List.of("catalog-draft.change", "catalog.dry-run", "catalog.publish",
                "catalog.rollback")) {
            assertTrue(sql.count("select count(*) from audit_log where actor = 'admin' and action = ?", action) >= 1,
                    action + " is audited");
        }
        assertEquals(1L, sql.count("select count(*) from audit_log where action = 'catalog.publish' and target = ?",
                String.valueOf(published)));
    }

    @Test
    void shouldDryRunAPartnersAreaMoveAndPublishItAsPredicted() {
        CatalogSetup s = CatalogSetup.create("mediation");
        String first = dispatched(s, "版本测试区域：遗产继承需要法律意见");
        assertEquals(s.legalAid(), firstOffer(first).split(" ")[0]);

        admin().contentType(JSON).body(Map.of("serves", "SN-02")).put("/api/v1/catalog/draft/partners/" + s.legalAid())
                .then().statusCode(200).body("items[0].published.serves", equalTo(s.compound()));
        closed(first); // filed within 30 days, no longer open: listed with the recent ones
        JsonPath dry = dryRun();
        Map<String, Object> predicted = change(dry, "recent", first);
        assertEquals(s.mediation(), predicted.get("draftParty"));
        assertEquals("CLOSED", predicted.get("status"));
        assertEquals(s.legalAid(), predicted.get("heldBy"), "who had it");
        assertTrue(((String) predicted.get("draftReason")).endsWith("fallback after legal-aid"),
                "why: " + predicted.get("draftReason"));
        assertNull(change(dry, "open", first), "a closed ticket is not among the open ones");

        admin().contentType(JSON).body("{}").post("/api/v1/catalog/draft/publish").then().statusCode(200);
        String second = dispatched(s, "楼上漏水把我家天花板泡坏了，协商赔偿谈不拢");
        assertEquals(predicted.get("draftParty"), firstOffer(second).split(" ")[0]);
        assertEquals("SN-02", sql.one("select string_agg(pl.code, ';') from partner_area pa join partner p"
                + " on p.id = pa.partner_id join place pl on pl.id = pa.place_id where p.code = ?", s.legalAid()));
    }

    @Test
    void shouldNameTheFieldOfEveryBadInputAndStoreNothing() {
        admin().contentType(JSON).body(Map.of("colour", "red")).put("/api/v1/catalog/draft/catalog/property-repair")
                .then().statusCode(400).body("error.message", containsString("colour"));
        admin().contentType(JSON).body(Map.of("party", "no-such-type"))
                .put("/api/v1/catalog/draft/catalog/property-repair").then().statusCode(422)
                .body("error.message", containsString("party"));
        admin().contentType(JSON).body(Map.of("accept-within", "half an hour"))
                .put("/api/v1/catalog/draft/catalog/property-repair").then().statusCode(422)
                .body("error.message", containsString("accept-within"));
        admin().contentType(JSON).body(Map.of("serves", "NO-SUCH-PLACE"))
                .put("/api/v1/catalog/draft/partners/PF-HAIYUN").then().statusCode(422)
                .body("error.message", containsString("serves"));
        admin().contentType(JSON).body(Map.of("serves", "SN")).put("/api/v1/catalog/draft/partners/NO-SUCH-PARTNER")
                .then().statusCode(404);
        admin().contentType(JSON).body(Map.of("party", "mediation")).put("/api/v1/catalog/draft/volunteers/V-0001")
                .then().statusCode(400).body("error.message", containsString("kind"));
        admin().contentType(JSON).body("{}").put("/api/v1/catalog/draft/catalog/property-repair").then()
                .statusCode(400).body("error.message", containsString("body"));
        admin().get("/api/v1/catalog/draft").then().statusCode(404);
        assertEquals(0L, sql.count("select count(*) from catalog_draft"), "nothing half-stored");

        admin().post("/api/v1/catalog/draft/dry-run").then().statusCode(404);
        admin().contentType(JSON).body("{}").post("/api/v1/catalog/draft/publish").then().statusCode(404);
        admin().contentType(JSON).body("{}").post("/api/v1/catalog/versions/999999/rollback").then().statusCode(404);
        admin().contentType(JSON).body("{}").post("/api/v1/catalog/versions/" + current() + "/rollback").then()
                .statusCode(409);
        admin().get("/api/v1/catalog/versions?limit=0").then().statusCode(400)
                .body("error.message", containsString("limit"));
    }

    @Test
    void shouldLetOnlyAdminsSeeOrChangeTheCatalogVersions() {
        given().get("/api/v1/catalog/versions").then().statusCode(401);
        for (String user : List.of("operator", "supervisor")) {
            staff(user).get("/api/v1/catalog/versions").then().statusCode(403);
            staff(user).contentType(JSON).body(Map.of("party", "mediation"))
                    .put("/api/v1/catalog/draft/catalog/property-repair").then().statusCode(403);
            staff(user).post("/api/v1/catalog/draft/dry-run").then().statusCode(403);
            staff(user).contentType(JSON).body("{}").post("/api/v1/catalog/draft/publish").then().statusCode(403);
            staff(user).contentType(JSON).body("{}").post("/api/v1/catalog/versions/1/rollback").then()
                    .statusCode(403);
            Sessions.console(user).get("/console/admin/catalog-versions").then().statusCode(403);
            Sessions.console(user).contentType(Sessions.FORM).formParam("kind", "catalog")
                    .formParam("code", "property-repair").formParam("field", "party").formParam("value", "mediation")
                    .post("/console/admin/catalog-versions/draft").then().statusCode(403);
        }
        assertEquals(0L, sql.count("select count(*) from catalog_draft"));
        Sessions.console("admin").get("/console/admin/catalog-versions").then().statusCode(200);
    }
}
