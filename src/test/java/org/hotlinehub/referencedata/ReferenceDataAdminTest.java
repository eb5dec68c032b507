package org.hotlinehub.referencedata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotlinehub.testsupport.Sessions.admin;
import static org.hotlinehub.testsupport.Sessions.supervisor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.hotlinehub.model.port.ReferenceEditor;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReferenceDataAdminTest {

    @Inject
    ReferenceEditor editor;
    @Inject
    Sql sql;

    @Test
    void shouldRequireTheAdminRole() {
        given().contentType("text/csv").body("code\n").post("/api/v1/reference-data/import/places").then()
                .statusCode(401);
        supervisor().contentType("text/csv")
                .body("code\n").post("/api/v1/reference-data/import/places").then().statusCode(403);
    }

    @Test
    void shouldImportAYamlDocumentAndReportCounts() {
        admin().contentType("application/yaml; charset=UTF-8").body("""
                places:
                  - {code: ADMIN-COURT, type: compound, parent: SN-01-03-G08, name: {zh: 管理测试小区}}
                volunteers:
                  - {code: V-ADMIN1, name: 管理甲, phone: "13811112222", grid: SN-01-03-G08, skills: [shopping]}
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/reference-data/import?source=admin.yaml").then().statusCode(200)
                .body("applied", equalTo(true)).body("counts.places", equalTo(1))
                .body("counts.volunteers", equalTo(1));
        assertEquals("+8613811112222", sql.one("select phone from volunteer where code = 'V-ADMIN1'"));
    }

    @Test
    void shouldRejectACsvWithABadRowWholeAndNameTheRow() {
        admin().contentType("text/csv; charset=UTF-8").body("""
                code,name,phone,grid,skills,on-duty
                V-CSV1,表格甲,13811113333,SN-01-03-G08,shopping;escort,mon-fri 08:00-12:00
                V-CSV2,表格乙,13811113334,NO-SUCH-GRID,shopping,
                V-CSV3,表格丙,not-a-phone,SN-01-03-G08,shopping,someday
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/reference-data/import/volunteers")
                .then().statusCode(422)
                .body("applied", equalTo(false))
                .body("problems", hasItem("row 3 (V-CSV2): grid 'NO-SUCH-GRID' is not a known grid"))
                .body("problems", hasItem("row 4 (V-CSV3): phone 'not-a-phone' is not a phone number"))
                .body("problems", hasItem("row 4 (V-CSV3): on-duty 'someday' is not like 'mon-fri 08:00-12:00'"));
        assertEquals(0L, sql.count("select count(*) from volunteer where code like 'V-CSV%'"));

        admin().contentType("text/csv; charset=UTF-8").body("""
                code,name,phone,grid,skills,on-duty
                V-CSV1,表格甲,13811113333,SN-01-03-G08,shopping;escort,mon-fri 08:00-12:00
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/reference-data/import/volunteers")
                .then().statusCode(200);
        assertEquals("{shopping,escort}", String.valueOf(sql.one("select skills::text from volunteer"
                + " where code = 'V-CSV1'")));
        admin().contentType("text/csv").body("code,colour\nX,red\n").post("/api/v1/reference-data/import/places")
                .then().statusCode(422).body("problems[0]", equalTo("row 1: unknown column(s) [colour] for places"
                        + " (allowed: [code, type, parent, name_zh, name_en, aliases, address, lat, lon])"));
        admin().contentType("text/csv").body("a\n").post("/api/v1/reference-data/import/planets").then()
                .statusCode(400);
    }

    @Test
    void shouldRotateAPartnersKeyAndRetireAPartner() {
        admin().contentType("application/yaml").body("""
                partners:
                  - code: PF-ROTATE
                    type: property-firm
                    name: {zh: 轮换物业}
                    serves: [GH-COURT]
                    delivery: {channel: portal}
                    api-key: first-key
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/reference-data/import").then()
                .statusCode(200);
        given().header("Authorization", "Bearer first-key").get("/partner-api/v1/assignments").then().statusCode(200);
        String key = admin().post("/api/v1/reference-data/partners/PF-ROTATE/api-key").then().statusCode(200)
                .extract().path("apiKey");
        given().header("Authorization", "Bearer first-key").get("/partner-api/v1/assignments").then().statusCode(401);
        given().header("Authorization", "Bearer " + key).get("/partner-api/v1/assignments").then().statusCode(200);

        admin().delete("/api/v1/reference-data/partners/PF-ROTATE").then().statusCode(204);
        given().header("Authorization", "Bearer " + key).get("/partner-api/v1/assignments").then().statusCode(401);
        admin().delete("/api/v1/reference-data/partners/PF-NOBODY").then().statusCode(404);
    }

    @Test
    void shouldImportAndEditAPartnersContactPhonesForMaskedCalls() {
        admin().contentType("text/csv; charset=UTF-8").body("""
                code,type,name_zh,serves,channel,phone,phones
                PF-PHONES,service-provider,电话测试公司,SN-01-03-G08,portal,13811114444,13811114445;+86 138 1111 4446
                PF-PHONES-BAD,service-provider,坏电话公司,SN-01-03-G08,portal,,12
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/reference-data/import/partners")
                .then().statusCode(422)
                .body("problems", equalTo(List.of("row 3 (PF-PHONES-BAD): phones: '12' is not a phone number")));
        admin().contentType("text/csv; charset=UTF-8").body("""
                code,type,name_zh,serves,channel,phone,phones
                PF-PHONES,service-provider,电话测试公司,SN-01-03-G08,portal,13811114444,13811114445;+86 138 1111 4446
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/reference-data/import/partners")
                .then().statusCode(200);
        assertEquals(List.of("+8613811114445", "+8613811114446"), sql.column("select unnest(phones) from partner"
                + " where code = 'PF-PHONES'"));

        // the admin's form shows the field and saves it; the audit entry never repeats the numbers
        assertEquals(true, editor.fields(Kind.PARTNERS).contains("phones"));
        Map<String, String> values = new LinkedHashMap<>(editor.values(Kind.PARTNERS, "PF-PHONES").orElseThrow());
        assertEquals("+8613811114445;+8613811114446", values.get("phones"));
        values.put("phones", "13811114447");
        assertEquals(List.of(), editor.save(Kind.PARTNERS, "PF-PHONES", values, "admin", "test").problems());
        assertEquals(List.of("+8613811114447"), sql.column("select unnest(phones) from partner"
                + " where code = 'PF-PHONES'"));
        assertEquals(0L, sql.count("select count(*) from audit_log where target = 'PF-PHONES'"
                + " and detail like '%13811114447%'"));
        values.put("phones", "");
        editor.save(Kind.PARTNERS, "PF-PHONES", values, "admin", "test");
        assertEquals(0L, sql.count("select cardinality(phones) from partner where code = 'PF-PHONES'"));
    }
}
