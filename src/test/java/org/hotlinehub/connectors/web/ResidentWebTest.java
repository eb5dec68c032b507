package org.hotlinehub.connectors.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Abuse protection of the report form (same-origin check, rate limit) and its compound suggestions. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ResidentWebTest {

    @Inject
    Sql sql;

    private static RequestSpecification report(String description) {
        return given().accept("application/json").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("description", description).formParam("phone", Reports.uniquePhone())
                .formParam("compound", "HY-GARDEN");
    }

    @Test
    void shouldRefusePostsFromAnotherSiteAndAcceptOwnSiteAndScripts() {
        report("跨站提交测试 " + System.nanoTime()).header("Origin", "https://evil.example").post("/report").then()
                .statusCode(403).body("error.code", equalTo("forbidden"))
                .body("error.fields.form", containsString("只能从本站提交"));
        report("跨站提交测试 " + System.nanoTime()).header("Sec-Fetch-Site", "cross-site").post("/report").then()
                .statusCode(403);
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("Origin", "null")
                .formParam("description", "跨站提交测试 页面").formParam("phone", Reports.uniquePhone())
                .formParam("lang", "en").post("/report").then().statusCode(403)
                .body(containsString("This form can only be sent from this site"));
        report("本站提交测试 " + System.nanoTime()).header("Origin", "http://hub.test")
                .header("Sec-Fetch-Site", "same-origin").post("/report").then().statusCode(202);
        report("脚本提交测试 " + System.nanoTime()).post("/report").then().statusCode(202);
    }

    @Test
    void shouldRefuseAFormTokenUsedAgainForAnotherReportButAnswerADoubleSubmitTheSame() {
        String token = Reports.formToken();
        String phone = Reports.uniquePhone();
        String description = "令牌测试：3号楼漏水 " + System.nanoTime();
        String first = tokenReport(token, phone, description).post("/report").then().statusCode(202).extract()
                .path("reference");
        // a double submit of the same report names the same ticket
        tokenReport(token, phone, description).post("/report").then().statusCode(202)
                .body("reference", equalTo(first));
        // the same token carrying another report is refused, in Chinese and in English, and nothing is queued
        tokenReport(token, phone, "令牌测试：另一件事，5号楼电梯坏了").post("/report").then().statusCode(409)
                .body("error.code", equalTo("conflict"))
                .body("error.fields.token", containsString("这张表单已经提交过另一条报事"));
        tokenReport(token, phone, "token test: another thing, the lift").formParam("lang", "en").post("/report")
                .then().statusCode(409).body("error.fields.token", containsString("already used for another report"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from ticket where reference = ?",
                first) == 1);
        assertEquals(0L, sql.count("select count(*) from ticket where description like '令牌测试：另一件事%'"
                + " or description like 'token test: another%'"));
    }

    private static RequestSpecification tokenReport(String token, String phone, String description) {
        return given().accept("application/json").contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("description", description).formParam("phone", phone).formParam("compound", "HY-GARDEN")
                .formParam("token", token);
    }

    @Test
    void shouldAnswer429WithRetryAfterWhenOneClientPostsTooOften() {
        AtomicLong now = new AtomicLong(1_000_000);
        QuarkusMock.installMockForType(new RateLimiter(Map.of(RateLimiter.Bucket.REPORT, 2), now::get),
                RateLimiter.class);
        report("频率测试一 " + System.nanoTime()).post("/report").then().statusCode(202);
        report("频率测试二 " + System.nanoTime()).post("/report").then().statusCode(202);
        now.addAndGet(15_000);
        report("频率测试三 " + System.nanoTime()).post("/report").then().statusCode(429)
                .header("Retry-After", "45").body("error.code", equalTo("too_many_requests"))
                .body("error.fields.form", equalTo("提交太频繁，请 45 秒后再试。"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("lang", "en")
                .formParam("description", "rate limit page").post("/report").then().statusCode(429)
                .body(containsString("Too many reports from your connection; please try again in 45 seconds."));
        now.addAndGet(45_000);
        report("频率测试四 " + System.nanoTime()).post("/report").then().statusCode(202);
    }

    @Test
    void shouldSuggestCompoundsByNameOrAddressWhileTyping() {
        given().queryParam("q", "海韵").get("/report/places").then().statusCode(200)
                .body("[0].code", equalTo("HY-GARDEN")).body("[0].name", equalTo("海韵花园"))
                .body("[0].address", equalTo("观海路12号"));
        given().queryParam("q", "观海路").get("/report/places").then().statusCode(200)
                .body("code", hasItem("HY-GARDEN")).body("code", hasItem("GH-COURT"));
        given().queryParam("q", "haiyun").get("/report/places").then().statusCode(200)
                .body("[0].code", equalTo("HY-GARDEN"));
        given().queryParam("q", " ").get("/report/places").then().statusCode(200).body("size()", equalTo(0));
        given().get("/report").then().statusCode(200)
                .body(matchesPattern("(?s).*list=\"place-suggestions\".*<datalist id=\"place-suggestions\">.*"));
    }

    @Test
    void shouldAskTheChosenCategorysQuestionsAndKeepTheAnswersOnTheTicket() {
        given().get("/report").then().statusCode(200)
                .body(containsString(
                        "<fieldset class=\"questions\" data-category=\"property-repair\" hidden disabled>"))
                .body(containsString("<label for=\"attr-property-repair-building\">楼号及单元（如 3号楼2单元）</label>"))
                .body(containsString("name=\"attribute[waste-kind][]\" value=\"bulky\""))
                .body(containsString("<p class=\"note\">正在发生的违法犯罪、火灾或伤病请直接拨打 110/119/120</p>"));

        report("属性校验 " + System.nanoTime()).formParam("category", "property-repair")
                .formParam("attribute[floor]", "五楼").formParam("attribute[problem]", "volcano").post("/report")
                .then().statusCode(400).body("error.fields.'attribute[floor]'", equalTo("请检查这一项：楼层"))
                .body("error.fields.'attribute[problem]'", equalTo("请检查这一项：问题类型"));
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("lang", "en")
                .formParam("category", "property-repair").formParam("attribute[floor]", "fifth")
                .formParam("description", "short").post("/report").then().statusCode(400)
                .body(containsString("Please check this answer: Floor"))
                .body(containsString("<fieldset class=\"questions\" data-category=\"property-repair\">"))
                .body(containsString("value=\"fifth\""));

        String urlencoded = report("属性保存 " + System.nanoTime()).formParam("category", "property-repair")
                .formParam("attribute[building]", "3号楼").formParam("attribute[problem]", "leak").post("/report")
                .then().statusCode(202).extract().path("reference");
        String description = "属性保存 multipart " + System.nanoTime();
        String multipart = given().accept("application/json").multiPart("description", description)
                .multiPart("phone", Reports.uniquePhone()).multiPart("compound", "GH-COURT")
                .multiPart("category", "sanitation").multiPart("attribute[waste-kind][]", "bulky")
                .multiPart("attribute[waste-kind][]", "sewage").multiPart("attribute[since]", "2026-11-20T08:00")
                .post("/report").then().statusCode(202).extract().path("reference");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> sql.count(
                "select count(*) from ticket where reference in (?, ?)", urlencoded, multipart) == 2);
        org.junit.jupiter.api.Assertions.assertEquals(true, sql.one("select attributes = cast(? as jsonb) from ticket"
                + " where reference = ?", "{\"building\": [\"3号楼\"], \"problem\": [\"leak\"]}", urlencoded));
        org.junit.jupiter.api.Assertions.assertEquals(true, sql.one("select attributes = cast(? as jsonb) from ticket"
                + " where reference = ?",
                "{\"since\": [\"2026-11-20T08:00\"], \"waste-kind\": [\"bulky\","
                        + " \"sewage\"]}",
                multipart));
    }
}
