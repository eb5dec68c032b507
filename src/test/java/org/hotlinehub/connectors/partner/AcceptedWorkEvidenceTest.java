package org.hotlinehub.connectors.partner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hotlinehub.testsupport.Sessions.partner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PartnerReceiver;
import org.hotlinehub.testsupport.Photos;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;

/**
 * Issue 20, items 3 and 4: an offer carries only what is needed to decide; once accepted, the holder gets the full
 * address, the answers to the category's questions and the resident's photos, in the partner API, the
 * {@code assignment.accepted} webhook and the portal; and every download of a photo is authorised (the holder and
 * staff yes, another partner and anonymous callers no).
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class AcceptedWorkEvidenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Sql sql;

    private long photoId(long assignmentId) {
        return ((Number) sql.one("select f.id from attachment f join assignment a on a.ticket_id = f.ticket_id"
                + " where a.id = ? and f.content_type like 'image/%' order by f.id limit 1", assignmentId))
                .longValue();
    }

    private String reference(long assignmentId) {
        return (String) sql.one("select t.reference from ticket t join assignment a on a.ticket_id = t.id"
                + " where a.id = ?", assignmentId);
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/partner-api/"));
    }

    private static JsonNode hook(String event, long assignmentId) {
        List<PartnerReceiver.Received> hooks = HubTestResources.receiver.to("/hooks/PF-HAIYUN");
        return hooks.stream().filter(r -> event.equals(r.header("X-Hub-Event"))).map(r -> {
            try {
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).filter(b -> b.path("assignment").path("id").asLong() == assignmentId).findFirst().orElse(null);
    }

    @Test
    void shouldGiveThePartnerTheFlatAnswersAndPhotosOnlyOnceAccepted() throws Exception {
        byte[] png = Photos.png();
        long id = Photos.report(sql, "HY-GARDEN", Reports.uniquePhone(), "海韵花园3号楼2单元501", png);
        long photo = photoId(id);
        String file = "/partner-api/v1/assignments/" + id + "/attachments/" + photo;

        // Offered: what is needed to decide, no details, and the photo does not open yet.
        partner("PF-HAIYUN").get("/partner-api/v1/assignments/" + id).then().statusCode(200)
                .body("state", equalTo("OFFERED")).body("details", nullValue())
                .body("ticket.categoryCode", equalTo("property-repair"));
        partner("PF-HAIYUN").get(file).then().statusCode(404);
        await().atMost(Duration.ofSeconds(20)).until(() -> hook("assignment.offered", id) != null);
        assertTrue(hook("assignment.offered", id).path("assignment").path("details").isNull(),
                "the offer's webhook carries no details");

        // Accepted: the answer itself has them.
        Response accepted = partner("PF-HAIYUN").post("/partner-api/v1/assignments/" + id + "/accept");
        accepted.then().statusCode(200).body("state", equalTo("ACCEPTED"))
                .body("details.address", equalTo("海韵花园3号楼2单元501"))
                .body("details.answers.building[0]", equalTo("3号楼2单元"))
                .body("details.photos.size()", equalTo(1))
                .body("details.photos[0].id", equalTo((int) photo))
                .body("details.photos[0].contentType", equalTo("image/png"))
                .body("ticket.resident.phone", containsString("****"));
        String url = accepted.path("details.photos[0].url");
        String thumbnailUrl = accepted.path("details.photos[0].thumbnailUrl");
        assertEquals(file, path(url));

        // The follow-up webhook: the same assignment, with the details; the offer's fields kept as they were.
        await().atMost(Duration.ofSeconds(20)).until(() -> hook("assignment.accepted", id) != null);
        JsonNode followUp = hook("assignment.accepted", id).path("assignment");
        assertEquals("ACCEPTED", followUp.path("state").asText());
        assertEquals("海韵花园3号楼2单元501", followUp.path("details").path("address").asText());
        assertEquals("3号楼2单元", followUp.path("details").path("answers").path("building").path(0).asText());
        assertEquals(url, followUp.path("details").path("photos").path(0).path("url").asText());
        assertFalse(followUp.path("ticket").path("location").isMissingNode(), "the offer's location is still there");

        // The holder opens the photo, full size and as a thumbnail, with its key.
        byte[] full = partner("PF-HAIYUN").get(path(url)).then().statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", containsString("private"))
                .extract().asByteArray();
        assertArrayEquals(png, full);
        byte[] small = partner("PF-HAIYUN").get(path(thumbnailUrl)).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(small));
        assertEquals(240, thumbnail.getWidth());
        assertEquals(160, thumbnail.getHeight());
        partner("PF-HAIYUN").queryParam("size", "huge").get(file).then().statusCode(400)
                .body("error.message", containsString("size"));

        // Nobody else: another partner, a wrong key, no key.
        partner("PF-FLAKY").get(file).then().statusCode(404);
        given().header("Authorization", "Bearer wrong").get(file).then().statusCode(401);
        given().get(file).then().statusCode(401);
        // Not another ticket's file through this assignment either.
        partner("PF-HAIYUN").get("/partner-api/v1/assignments/" + id + "/attachments/" + (photo + 100000))
                .then().statusCode(404);

        // Done: the work is no longer in hand, the details and the photo go with it.
        partner("PF-HAIYUN").contentType("application/json").body("{\"note\":\"已更换灯具\"}")
                .post("/partner-api/v1/assignments/" + id + "/resolve").then().statusCode(200)
                .body("state", equalTo("RESOLVED")).body("details", nullValue());
        partner("PF-HAIYUN").get(file).then().statusCode(404);
    }

    @Test
    void shouldShowThePortalHolderTheRegisteredFlatAndThePhotoAfterAccepting() throws Exception {
        byte[] png = Photos.png();
        // 任秀云, registered at 汇泉湾小区1号楼2单元301, reports without giving an address
        long id = Photos.report(sql, "HQW-ESTATE", "+8613953201044", null, png);
        long photo = photoId(id);
        String file = "/portal/assignments/" + id + "/attachments/" + photo;
        Cookie huiquan = Sessions.session("huiquan", "demo-portal-pass");

        String offered = given().cookie(huiquan).get("/portal/assignments/" + id).then().statusCode(200).extract()
                .asString();
        assertFalse(offered.contains("汇泉湾小区1号楼2单元301"), "no flat before acceptance");
        assertFalse(offered.contains("id=\"photos\""), "no photos before acceptance");
        given().cookie(huiquan).get(file).then().statusCode(404);

        given().redirects().follow(false).cookie(huiquan).header("Origin", Sessions.origin())
                .post("/portal/assignments/" + id + "/accept").then().statusCode(303);
        String page = given().cookie(huiquan).get("/portal/assignments/" + id).then().statusCode(200).extract()
                .asString();
        assertTrue(page.contains("<dd id=\"full-address\">汇泉湾小区1号楼2单元301</dd>"), page);
        assertTrue(page.contains("3号楼2单元"), "the building answer");
        assertTrue(page.contains("src=\"" + file + "?size=thumbnail\""), "the thumbnail");
        assertTrue(page.contains("href=\"" + file + "\""), "the full size");

        assertArrayEquals(png, given().cookie(huiquan).get(file).then().statusCode(200).contentType("image/png")
                .extract().asByteArray());
        given().cookie(huiquan).get(file + "?size=thumbnail").then().statusCode(200).contentType("image/jpeg");

        // another partner's portal user, staff in the portal, and nobody signed in
        given().cookie(Sessions.session("tpj-owners", "demo-portal-pass")).get(file).then().statusCode(404);
        given().redirects().follow(false).cookie(Sessions.kept("operator")).get(file).then().statusCode(403);
        given().redirects().follow(false).get(file).then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void shouldLetStaffOpenEveryStoredFileAndNobodyElse() throws Exception {
        byte[] png = Photos.png();
        long id = Photos.report(sql, "HY-GARDEN", Reports.uniquePhone(), "海韵花园5号楼1单元202", png);
        long photo = photoId(id);
        String reference = reference(id);
        String file = "/console/tickets/" + reference + "/attachments/" + photo;

        String page = Sessions.console("operator").get("/console/tickets/" + reference).then().statusCode(200)
                .extract().asString();
        assertTrue(page.contains("<img src=\"" + file + "?size=thumbnail\""), "the thumbnail on the ticket's page");
        assertTrue(page.contains("href=\"" + file + "\""), "the full size on the ticket's page");
        assertArrayEquals(png, Sessions.console("operator").get(file).then().statusCode(200)
                .contentType("image/png").extract().asByteArray());
        Sessions.console("supervisor").get(file + "?size=thumbnail").then().statusCode(200)
                .contentType("image/jpeg");
        Sessions.console("operator").get(file + "?size=huge").then().statusCode(400);

        // the file under another ticket's reference does not exist
        String other = reference(Photos.report(sql, "HY-GARDEN", Reports.uniquePhone(), null, png));
        Sessions.console("operator").get("/console/tickets/" + other + "/attachments/" + photo).then()
                .statusCode(404);
        // a partner's portal user and nobody signed in
        given().redirects().follow(false).cookie(Sessions.session("huiquan", "demo-portal-pass")).get(file).then()
                .statusCode(403);
        given().redirects().follow(false).get(file).then().statusCode(302).header("Location", endsWith("/login"));
    }
}
