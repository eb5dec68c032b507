package org.hotlinehub.connectors.console;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.MovableClock;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The admin screens over HTTP: each action's effect on the rows, its audit entry, and its refusals. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class AdminConsoleTest {

    @Inject
    Sql sql;
    @Inject
    MovableClock clock;

    private long audits(String action, String target) {
        return sql.count("select count(*) from audit_log where actor = 'admin' and action = ? and target = ?", action,
                target);
    }

    @Test
    void shouldCreateEditAndDeactivateAPartnerThroughTheValidatorWithAuditEntries() {
        String code = "MED-ADM-" + System.nanoTime();
        Response bad = Sessions.console("admin").contentType(Sessions.FORM).formParam("code", code)
                .formParam("type", "mediation").formParam("name_zh", "").formParam("serves", "NO-SUCH-PLACE")
                .formParam("channel", "webhook").formParam("url", "ftp://x").post("/console/admin/partners/new");
        assertEquals(422, bad.statusCode());
        Document form = Jsoup.parse(bad.asString());
        assertEquals("name.zh is required", form.getElementById("e-name_zh").text());
        assertEquals("serves: unknown place 'NO-SUCH-PLACE'", form.getElementById("e-serves").text());
        assertEquals("delivery.url 'ftp://x' must be an http(s) URL", form.getElementById("e-url").text());
        assertEquals("true", form.getElementById("f-url").attr("aria-invalid"));
        assertEquals("ftp://x", form.getElementById("f-url").val(), "what was typed is kept");
        assertEquals(0L, sql.count("select count(*) from partner where code = ?", code), "nothing half-stored");
        assertEquals(0L, sql.count("select count(*) from audit_log where target = ?", code));

        Sessions.console("admin").contentType(Sessions.FORM).formParam("code", code)
                .formParam("type", "mediation").formParam("name_zh", "管理测试调解室").formParam("serves", "HY-GARDEN")
                .formParam("channel", "webhook").formParam("url", "https://partner.example/hub")
                .formParam("secret", "s3cret-for-test").post("/console/admin/partners/new").then().statusCode(303)
                .header("Location", endsWith("/console/admin/partners/" + code + "?saved=true"));
        assertEquals(1L, audits("reference-data.create", code));
        Sessions.console("admin").contentType(Sessions.FORM).formParam("code", code)
                .formParam("type", "mediation").formParam("name_zh", "重复").formParam("serves", "HY-GARDEN")
                .formParam("channel", "portal").post("/console/admin/partners/new").then().statusCode(422)
                .body(containsString("exists already"));

        // an edit keeps the secret when the field is left blank, and cannot move the entry to another code; the
        // areas it serves go into the catalog draft (live once published), the rest is saved at once
        Sessions.console("admin").contentType(Sessions.FORM).formParam("code", "SOMETHING-ELSE")
                .formParam("type", "mediation").formParam("name_zh", "管理测试调解室（新）")
                .formParam("name_en", "Admin Test Mediation").formParam("serves", "HY-GARDEN; SN-01-03")
                .formParam("channel", "webhook").formParam("url", "https://partner.example/hub2")
                .formParam("secret", "").post("/console/admin/partners/" + code).then().statusCode(303)
                .header("Location", endsWith("/console/admin/partners/" + code + "?drafted=true"));
        assertEquals("管理测试调解室（新）", sql.one("select name_zh from partner where code = ?", code));
        assertEquals("s3cret-for-test", sql.one("select webhook_secret from partner where code = ?", code));
        assertEquals(1L, sql.count("select count(*) from partner_area pa join partner p on p.id = pa.partner_id"
                + " where p.code = ?", code), "the areas wait in the draft");
        assertEquals(1L, audits("catalog-draft.change", code));
        Sessions.console("admin").contentType(Sessions.FORM).formParam("note", "admin test")
                .post("/console/admin/catalog-versions/draft/publish").then().statusCode(303);
        assertEquals(2L, sql.count("select count(*) from partner_area pa join partner p on p.id = pa.partner_id"
                + " where p.code = ?", code));
        assertEquals(0L, sql.count("select count(*) from partner where code = 'SOMETHING-ELSE'"));
        String detail = (String) sql.one("select detail from audit_log where action = 'reference-data.update'"
                + " and target = ?", code);
        assertTrue(detail.contains("name_zh: 管理测试调解室 → 管理测试调解室（新）"), detail);
        assertTrue(!detail.contains("s3cret"), detail);

        Document edit = Jsoup.parse(Sessions.console("admin").get("/console/admin/partners/" + code).then()
                .statusCode(200).extract().asString());
        assertEquals("Admin Test Mediation", edit.getElementById("f-name_en").val());
        assertEquals("", edit.getElementById("f-secret").val(), "a secret is never sent back to the browser");

        Sessions.console("admin").post("/console/admin/partners/" + code + "/deactivate").then().statusCode(303);
        assertEquals(false, sql.one("select active from partner where code = ?", code));
        assertEquals(1L, audits("reference-data.deactivate", code));
        Document list = Jsoup.parse(Sessions.console("admin").get("/console/admin/partners?q=" + code).then()
                .statusCode(200).extract().asString());
        assertEquals(1, list.select("#entries tr[data-key=" + code + "]").size());
        assertTrue(list.select("#entries tr[data-key=" + code + "]").text().contains("已停用"));
    }

    @Test
    void shouldEditAResidentWithoutPuttingThePhoneInTheUrlOrTheLog() {
        String phone = "+86139" + String.valueOf(System.nanoTime()).substring(0, 8);
        Sessions.console("admin").contentType(Sessions.FORM).formParam("phone", phone)
                .formParam("name", "测试居民").formParam("place", "HY-GARDEN").formParam("language", "fr")
                .post("/console/admin/residents/new").then().statusCode(422)
                .body(containsString("language must be zh or en"));
        Response created = Sessions.console("admin").contentType(Sessions.FORM).formParam("phone", phone)
                .formParam("name", "测试居民").formParam("place", "HY-GARDEN").post("/console/admin/residents/new");
        created.then().statusCode(303);
        String id = String.valueOf(sql.one("select id from resident where phone = ?", phone));
        assertTrue(created.header("Location").endsWith("/console/admin/residents/" + id + "?saved=true"));
        assertEquals(0L, sql.count("select count(*) from audit_log where target like ? or detail like ?",
                "%" + phone.substring(3) + "%", "%" + phone.substring(3) + "%"));
        assertEquals(1L, sql.count("select count(*) from audit_log where action = 'reference-data.create'"
                + " and target_type = 'resident' and target = ?", org.hotlinehub.model.Masks.phone(phone)));
    }

    @Test
    void shouldManageAUserWithAuditEntriesAndEndTheirAccess() {
        String name = "staff" + System.nanoTime();
        Sessions.console("admin").contentType(Sessions.FORM).formParam("username", name)
                .formParam("password", "short").formParam("roles", "operator").post("/console/admin/users/new")
                .then().statusCode(422).body(containsString("password must have at least 8 characters"));
        Sessions.console("admin").contentType(Sessions.FORM).formParam("username", name)
                .formParam("password", "first-pass-1").formParam("roles", "operator")
                .formParam("roles", "wizard").post("/console/admin/users/new").then().statusCode(422)
                .body(containsString("unknown role &#39;wizard&#39;"));
        Sessions.console("admin").contentType(Sessions.FORM).formParam("username", name)
                .formParam("name", "新同事").formParam("password", "first-pass-1").formParam("roles", "operator")
                .post("/console/admin/users/new").then().statusCode(303)
                .header("Location", endsWith("/console/admin/users/" + name + "?done=created"));
        assertEquals(1L, audits("user.create", name));
        Sessions.as(name, "first-pass-1").get("/console/supervision").then().statusCode(403);

        Sessions.console("admin").contentType(Sessions.FORM).formParam("name", "新同事")
                .formParam("roles", "operator").formParam("roles", "supervisor").post("/console/admin/users/" + name)
                .then().statusCode(303);
        assertEquals("{operator,supervisor}", sql.one("select roles::text from hub_user where username = ?", name));
        assertEquals(1L, audits("user.change", name));
        // a role change ends the user's sessions; signed in again, the new role counts
        Sessions.as(name, "first-pass-1").get("/console/supervision").then().statusCode(302);
        Sessions.signInAgain(name, "first-pass-1");
        Sessions.as(name, "first-pass-1").get("/console/supervision").then().statusCode(200);

        Sessions.console("admin").contentType(Sessions.FORM).formParam("password", "second-pass-2")
                .post("/console/admin/users/" + name + "/password").then().statusCode(303);
        assertEquals(1L, audits("user.reset-password", name));
        Sessions.as(name, "first-pass-1").get("/console").then().statusCode(302);
        Sessions.as(name, "second-pass-2").get("/console").then().statusCode(200);

        // locked on the hub's clock (which sign-in and the users page read), not the database's now()
        sql.update("update hub_user set failed_logins = 5, locked_until = ? where username = ?",
                Timestamp.from(clock.instant().plus(Duration.ofMinutes(15))), name);
        Sessions.as(name, "second-pass-2").get("/console").then().statusCode(302);
        Sessions.console("admin").get("/console/admin/users/" + name).then().statusCode(200)
                .body(containsString("/console/admin/users/" + name + "/unlock"));
        Sessions.console("admin").post("/console/admin/users/" + name + "/unlock").then().statusCode(303);
        assertEquals(0L, sql.count("select count(*) from hub_user where username = ? and locked_until is not null",
                name));
        assertEquals(1L, audits("user.unlock", name));
        Sessions.as(name, "second-pass-2").get("/console").then().statusCode(200);

        Sessions.console("admin").post("/console/admin/users/" + name + "/deactivate").then().statusCode(303);
        assertEquals(1L, audits("user.deactivate", name));
        Sessions.as(name, "second-pass-2").get("/console").then().statusCode(302);
    }

    @Test
    void shouldNotLetAnAdminLockThemselvesOut() {
        Sessions.console("admin").post("/console/admin/users/admin/deactivate").then().statusCode(422)
                .body(containsString("you cannot deactivate yourself"));
        Sessions.console("admin").contentType(Sessions.FORM).formParam("roles", "operator")
                .post("/console/admin/users/admin").then().statusCode(422)
                .body(containsString("you cannot take the admin role from yourself"));
        assertEquals(true, sql.one("select active from hub_user where username = 'admin'"));
    }

    @Test
    void shouldImportInTheBackgroundAndReportEveryProblemOrApplyAll() {
        String code = "V-IMP-" + System.nanoTime();
        String bad = "code,name,phone,grid\n" + code + ",导入测试,+8613800770001,SN-01-03-G07\n"
                + code + "-2,,not-a-phone,NO-GRID\n";
        String job = startImport("volunteers", "bad.csv", bad);
        Document report = finished(job);
        assertEquals("REJECTED", report.getElementById("import-status").attr("data-state"));
        assertEquals("100", report.getElementById("import-progress").attr("value"));
        List<String> rows = report.select("#import-problems tbody tr").eachText();
        assertTrue(rows.contains("row 3 (" + code + "-2) name name is required"), rows.toString());
        assertTrue(rows.contains("row 3 (" + code + "-2) phone phone 'not-a-phone' is not a phone number"),
                rows.toString());
        assertTrue(rows.contains("row 3 (" + code + "-2) grid grid 'NO-GRID' is not a known grid"), rows.toString());
        assertEquals(0L, sql.count("select count(*) from volunteer where code like ?", code + "%"),
                "nothing applied when one row is wrong");
        assertEquals(1L, audits("reference-data.import-rejected", "bad.csv"));

        String good = "code,name,phone,grid,skills\n" + code + ",导入测试,+8613800770001,SN-01-03-G07,shopping;visits\n";
        Document done = finished(startImport("volunteers", "good.csv", good));
        assertEquals("APPLIED", done.getElementById("import-status").attr("data-state"));
        assertEquals("100", done.getElementById("import-progress").attr("value"));
        assertTrue(done.getElementById("import-outcome").text().contains("volunteers 1"));
        assertEquals("{shopping,visits}", sql.one("select skills::text from volunteer where code = ?", code));
        assertEquals(1L, audits("reference-data.import", "good.csv"));

        String yaml = "places:\n  - {code: IMP-" + code + ", type: compound, parent: SN-01-03-G07, name: {zh: 导入小区}}\n";
        Document yamlDone = finished(startImport("yaml", "places.yaml", yaml));
        assertEquals("APPLIED", yamlDone.getElementById("import-status").attr("data-state"));
        assertEquals(1L, sql.count("select count(*) from place where code = ?", "IMP-" + code));
    }

    @Test
    void shouldPageTheAuditLogNewestFirstAndFilterByActorAndTarget() {
        String target = "T-" + System.nanoTime();
        for (int i = 0; i < 55; i++) {
            sql.update("insert into audit_log (actor, action, target_type, target, detail) values"
                    + " ('audit-tester', 'test.action', 'test', ?, ?)", target, "n" + i);
        }
        Document first = Jsoup.parse(Sessions.console("admin").get("/console/admin/audit?actor=audit-tester&target="
                + target).then().statusCode(200).extract().asString());
        assertEquals(50, first.select("#audit tbody tr").size());
        assertTrue(first.select("#audit tbody tr").first().text().contains("n54"), "newest first");
        String older = first.select("a[rel=next]").attr("href");
        Document second = Jsoup.parse(Sessions.console("admin").get("/console/admin/audit" + older).then()
                .statusCode(200).extract().asString());
        assertEquals(List.of("n4", "n3", "n2", "n1", "n0"),
                second.select("#audit tbody tr").stream().map(tr -> tr.child(5).text()).toList());
        assertTrue(second.select("a[rel=next]").isEmpty());
        Document otherActor = Jsoup.parse(Sessions.console("admin").get("/console/admin/audit?actor=admin&target="
                + target).then().statusCode(200).extract().asString());
        assertEquals(0, otherActor.select("#audit tbody tr").size());
    }

    private static String startImport(String format, String filename, String content) {
        Response r = Sessions.console("admin").multiPart("format", format)
                .multiPart("file", filename, content.getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/console/admin/import");
        r.then().statusCode(303);
        String location = r.header("Location");
        assertNotNull(location);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Document finished(String job) {
        Document[] page = new Document[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            page[0] = Jsoup.parse(Sessions.console("admin").get("/console/admin/import/" + job + "/status").then()
                    .statusCode(200).extract().asString());
            return !page[0].getElementById("import-status").hasAttr("hx-get");
        });
        return page[0];
    }
}
