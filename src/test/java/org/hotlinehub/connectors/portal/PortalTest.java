package org.hotlinehub.connectors.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The partner portal over HTTP: who may open it, what a partner user sees, and every answer with the partner API's
 * rules — illegal steps refused with the reason on the page, repeated steps harmless, another partner's assignment
 * invisible, each step in the timeline with the user and the portal channel.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class PortalTest {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static final String USER_ACTOR = "partner:PF-HUIQUAN/huiquan";

    @Inject
    Sql sql;

    /** A fresh property-repair ticket at Huiquan Bay, offered to the portal partner PF-HUIQUAN. */
    private long offer(String description) {
        return Reports.fileAndAwaitOffer(sql, "HQW-ESTATE", "property-repair", description + " " + System.nanoTime());
    }

    private RequestSpecification as(Cookie session) {
        return given().redirects().follow(false).cookie(session).header("Origin", Sessions.origin());
    }

    private Cookie huiquan() {
        return Sessions.session("huiquan", "demo-portal-pass");
    }

    private Response post(Cookie session, long id, String step, String... fields) {
        RequestSpecification request = as(session).contentType(Sessions.FORM);
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request.post("/portal/assignments/" + id + "/" + step);
    }

    private void assertDone(Response response, long id, String step) {
        response.then().statusCode(303).header("Location", endsWith("/portal/assignments/" + id + "?done=" + step));
    }

    private String state(long id) {
        return (String) sql.one("select state from assignment where id = ?", id);
    }

    /** Timeline entries of the assignment's ticket (alias e) that match the condition. */
    private long events(long id, String condition, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = id;
        System.arraycopy(params, 0, all, 1, params.length);
        return sql.count("select count(*) from timeline_event e join assignment a on a.ticket_id = e.ticket_id"
                + " where a.id = ? and " + condition, all);
    }

    /** Steps of the kind by the portal user huiquan, on the portal channel. */
    private long steps(long id, String kind) {
        return events(id, "e.kind = ? and e.actor = ? and e.channel = 'PORTAL'", kind, USER_ACTOR);
    }

    /** A fresh offer to PF-HUIQUAN, accepted in the portal. */
    private long accepted(Cookie session, String description) {
        long id = offer(description);
        assertDone(post(session, id, "accept"), id, "accept");
        return id;
    }

    @Test
    void shouldSendAnonymousBrowsersToSignInAndRefuseStaff() {
        given().redirects().follow(false).get("/portal").then().statusCode(302).header("Location",
                endsWith("/login"));
        given().redirects().follow(false).get("/portal/assignments/1").then().statusCode(302)
                .header("Location", endsWith("/login"));
        given().redirects().follow(false).contentType(Sessions.FORM).post("/portal/assignments/1/accept").then()
                .statusCode(302).header("Location", endsWith("/login"));

        Cookie operator = Sessions.session("operator", "demo-operator-pass");
        as(operator).get("/portal").then().statusCode(403);
        as(operator).post("/portal/assignments/1/accept").then().statusCode(403);
    }

    @Test
    void shouldShowAFreshOfferWithItsAcceptDeadlineWithoutPushingItAnywhere() {
        long id = offer("楼道灯不亮");
        assertEquals("PF-HUIQUAN", sql.one("select p.code from assignment a join partner p on p.id = a.partner_id"
                + " where a.id = ?", id));
        assertEquals("portal", sql.one("select p.delivery_channel from assignment a join partner p"
                + " on p.id = a.partner_id where a.id = ?", id));
        // a portal partner's offer waits in the portal: nothing queued for a transport, nothing dead-lettered
        assertEquals(0L, sql.count("select count(*) from partner_delivery where assignment_id = ?", id));
        assertEquals(1L,
                events(id, "e.kind = 'DISPATCHED' and e.detail like '%picked up in the portal%'"));
        assertEquals(0L,
                events(id, "e.kind = 'DELIVERY_FAILED'"));
        String description = (String) sql.one("select t.description from assignment a join ticket t"
                + " on t.id = a.ticket_id where a.id = ?", id);

        Cookie session = huiquan();
        String home = as(session).header("Accept-Language", "zh-CN").get("/portal").then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asString();
        int offers = home.indexOf("id=\"offers-title\"");
        int inHand = home.indexOf("id=\"work-title\"");
        int card = home.indexOf("href=\"/portal/assignments/" + id + "\"");
        assertTrue(offers >= 0 && offers < card && card < inHand, "the offer is listed under 待签收");
        assertTrue(home.substring(card, inHand).contains("签收时限"), "the accept-by time is on the card");
        assertTrue(home.contains(description), "the description is on the card");

        as(session).get("/portal?lang=en").then().statusCode(200).cookie("hub-lang", "en")
                .body(containsString("Waiting for you to accept")).body(containsString("Accept by"))
                .body(containsString("lang=\"en\""));
        as(session).get("/portal/assignments/" + id).then().statusCode(200)
                .body(containsString("action=\"/portal/assignments/" + id + "/accept\""))
                .body(containsString("签收时限")).body(containsString("<time datetime="))
                .body(not(containsString("/resolve\"")));
    }

    @Test
    void shouldAcceptOnceAndRecordTheUserAndTheChannel() {
        long id = offer("单元门禁坏了");
        Cookie session = huiquan();
        assertDone(post(session, id, "accept"), id, "accept");
        assertDone(post(session, id, "accept"), id, "accept");
        assertEquals("ACCEPTED", state(id));
        assertEquals(1L, steps(id, "ACCEPTED"), "a repeated accept is recorded once");
        assertEquals(1L,
                events(id, "e.kind = 'ACCEPTED' and e.detail = 'accepted by PF-HUIQUAN (huiquan, portal)'"));
        as(session).header("Accept-Language", "zh-CN").get("/portal/assignments/" + id + "?done=accept").then()
                .statusCode(200).body(containsString("已签收，请尽快办理。")).body(containsString("办结时限"))
                .body(containsString("/resolve\"")).body(containsString("accepted by PF-HUIQUAN (huiquan, portal)"));
    }

    @Test
    void shouldRefuseIllegalStepsWithTheReasonOnThePage() {
        long id = offer("电梯异响");
        Cookie session = huiquan();
        post(session, id, "progress", "progress-note", "已到现场").then().statusCode(409)
                .body(containsString("当前状态不能进行此操作"))
                .body(containsString("assignment " + id + " is offered and cannot become in_progress"));
        post(session, id, "resolve", "resolve-note", "已修好").then().statusCode(409)
                .body(containsString("is offered and cannot become resolved"));
        post(session, id, "decline").then().statusCode(400).body(containsString("请填写拒单原因"))
                .body(containsString("aria-invalid=\"true\""));
        assertEquals("OFFERED", state(id));

        assertDone(post(session, id, "decline", "reason", "电梯由维保公司负责，不在我司合同范围"), id, "decline");
        assertDone(post(session, id, "decline", "reason", "电梯由维保公司负责，不在我司合同范围"), id, "decline");
        assertEquals("DECLINED", state(id));
        assertEquals(1L, steps(id, "DECLINED"));
        as(session).cookie("hub-lang", "en").contentType(Sessions.FORM)
                .post("/portal/assignments/" + id + "/accept").then().statusCode(409)
                .body(containsString("This step is not possible"))
                .body(containsString("assignment " + id + " is declined and cannot become accepted"));
        assertEquals("DECLINED", state(id));
        // the hub moved on: the ticket is offered to the next party
        assertEquals(1L, sql.count("select count(*) from assignment a join assignment d on d.ticket_id = a.ticket_id"
                + " where d.id = ? and a.id <> d.id and a.state = 'OFFERED'", id));
    }

    @Test
    void shouldReturnAcceptedWorkWithAReasonCodeForTheHubToRuleOn() {
        Cookie session = huiquan();
        long id = accepted(session, "外墙瓷砖脱落");
        String page = as(session).get("/portal/assignments/" + id).then().statusCode(200).extract().asString();
        for (String code : new String[]{"wrong-area", "not-our-duty", "duplicate", "needs-another-party"}) {
            assertTrue(page.contains("<option value=\"" + code + "\">"), "reason " + code + " offered");
        }
        post(session, id, "return", "return-reason", "too-busy").then().statusCode(400)
                .body(containsString("请选择退单原因"));
        assertEquals("ACCEPTED", state(id));

        assertDone(post(session, id, "return", "return-reason", "not-our-duty", "return-note", "外墙属开发商保修"), id,
                "return");
        assertDone(post(session, id, "return", "return-reason", "not-our-duty", "return-note", "外墙属开发商保修"), id,
                "return");
        assertEquals("RETURNED", state(id));
        assertEquals("not-our-duty", sql.one("select return_reason from assignment where id = ?", id));
        assertEquals("外墙属开发商保修", sql.one("select closed_reason from assignment where id = ?", id));
        assertEquals("TRIAGE", sql.one("select t.status from assignment a join ticket t on t.id = a.ticket_id"
                + " where a.id = ?", id));
        assertEquals(1L, steps(id, "RETURNED"), "a repeated return is recorded once");
        as(session).get("/portal/assignments/" + id).then().statusCode(200)
                .body(containsString("已退单，等待热线中心裁定。")).body(not(containsString("/progress\"")));
        post(session, id, "progress", "progress-note", "继续处理").then().statusCode(409)
                .body(containsString("is returned and cannot become in_progress"));

        long other = accepted(session, "楼顶水箱漏水");
        assertDone(post(session, other, "return", "return-reason", "duplicate"), other, "return");
        assertEquals("duplicate", sql.one("select return_reason from assignment where id = ?", other));
        assertEquals(1L,
                events(other, "e.kind = 'RETURNED' and e.detail like '%: duplicate; awaiting%'"));
    }

    @Test
    void shouldKeepEachPartnerToItsOwnAssignments() {
        long id = offer("垃圾桶满溢");
        for (String[] user : new String[][]{{"test-portal-flaky", "portal-pass-1"}, {"tpj-owners",
                "demo-portal-pass"}}) {
            Cookie other = Sessions.session(user[0], user[1]);
            as(other).header("Accept-Language", "zh-CN").get("/portal/assignments/" + id).then().statusCode(404)
                    .body(containsString("没有派给本单位的这个工单"));
            post(other, id, "accept").then().statusCode(404);
            post(other, id, "decline", "reason", "不是我们的").then().statusCode(404);
            as(other).get("/portal").then().statusCode(200)
                    .body(not(containsString("href=\"/portal/assignments/" + id + "\"")));
        }
        assertEquals("OFFERED", state(id));
        assertEquals(0L,
                events(id, "e.channel = 'PORTAL'"));
    }

    @Test
    void shouldTakeProgressAndAResolutionWithAPhotoOnce() {
        Cookie session = huiquan();
        long id = accepted(session, "下水道堵塞");
        assertDone(post(session, id, "progress", "progress-note", "已到现场疏通"), id, "progress");
        assertDone(post(session, id, "progress", "progress-note", "已到现场疏通"), id, "progress");
        assertEquals("IN_PROGRESS", state(id));
        assertEquals(1L, steps(id, "PROGRESS"), "the same note sent twice is recorded once");

        resolve(session, id, "疏通完毕", "notes.jpg", "not a picture at all".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(415).body(containsString("照片只能是"));
        byte[] huge = Arrays.copyOf(PNG, 6 * 1024 * 1024);
        resolve(session, id, "疏通完毕", "huge.png", huge).then().statusCode(413).body(containsString("照片不能超过"));
        assertEquals("IN_PROGRESS", state(id));
        long ticketId = ((Number) sql.one("select ticket_id from assignment where id = ?", id)).longValue();
        assertEquals(0L, sql.count("select count(*) from attachment where ticket_id = ?", ticketId));

        assertDone(resolve(session, id, "疏通完毕，已清理现场", "drain.png", PNG), id, "resolve");
        assertDone(resolve(session, id, "疏通完毕，已清理现场", "drain.png", PNG), id, "resolve");
        assertEquals("RESOLVED", state(id));
        assertEquals("疏通完毕，已清理现场", sql.one("select resolution_note from assignment where id = ?", id));
        assertEquals(1L, steps(id, "RESOLVED"));
        assertEquals(1L, sql.count("select count(*) from attachment where ticket_id = ? and content_type = 'image/png'"
                + " and size_bytes = ? and filename = 'drain.png'", ticketId, (long) PNG.length));
        assertEquals("RESOLVED", sql.one("select status from ticket where id = ?", ticketId));
    }

    private Response resolve(Cookie session, long id, String note, String filename, byte[] photo) {
        return as(session)
                .multiPart(new MultiPartSpecBuilder(note).controlName("resolve-note").charset(StandardCharsets.UTF_8)
                        .build())
                .multiPart("photo", filename, photo, "image/png").post("/portal/assignments/" + id + "/resolve");
    }
}
