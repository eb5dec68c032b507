package org.hotlinehub.connectors.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Bad input gets a clear answer and leaves nothing behind; a double submit is one ticket. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReportValidationTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d};

    @Inject
    Sql sql;

    private long contactsBefore;

    @BeforeEach
    void countContacts() {
        contactsBefore = sql.count("select count(*) from inbound_contact");
    }

    @AfterEach
    void nothingStoredLater() {
        // an accepted contact reaches the database within milliseconds; give a rejected one time to show up wrongly
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> sql.count("select count(*) from inbound_contact") == contactsBefore);
    }

    private static RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Test
    void shouldRerenderFormWithMessagesWhenRequiredFieldsMissing() {
        form().formParam("description", "短").formParam("phone", "12345").formParam("name", "张三")
                .post("/report").then().statusCode(400)
                .body(containsString("请填写情况描述（至少 5 个字）"))
                .body(containsString("请填写正确的手机号码"))
                .body(containsString("请选择小区或填写地址"))
                .body(containsString("value=\"张三\""));
    }

    @Test
    void shouldAnswerInEnglishWhenAskedTo() {
        form().queryParam("lang", "en").formParam("lang", "en").formParam("description", "").formParam("phone", "")
                .post("/report").then().statusCode(400)
                .body(containsString("Please describe the problem"));
    }

    @Test
    void shouldRejectUnknownCategoryWith400() {
        form().accept("application/json").formParam("category", "no-such-thing")
                .formParam("description", "楼道灯不亮很多天了").formParam("phone", "13812340000")
                .formParam("compound", "HY-GARDEN")
                .post("/report").then().statusCode(400)
                .body("error.code", equalTo("invalid_input"))
                .body("error.fields.category", equalTo("未知的事项类别"));
    }

    @Test
    void shouldRejectUnknownCompoundWith400() {
        form().formParam("description", "楼道灯不亮很多天了").formParam("phone", "13812340000")
                .formParam("compound", "NOWHERE")
                .post("/report").then().statusCode(400).body(containsString("未知的小区"));
    }

    @Test
    void shouldRejectFilledHoneypot() {
        form().formParam("description", "楼道灯不亮很多天了").formParam("phone", "13812340000")
                .formParam("compound", "HY-GARDEN").formParam("website", "http://spam.example")
                .post("/report").then().statusCode(400);
    }

    @Test
    void shouldAnswer413WhenPhotoIsTooLarge() {
        byte[] big = new byte[5 * 1024 * 1024 + 10];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        given().multiPart("description", "楼道灯不亮很多天了").multiPart("phone", "13812340000")
                .multiPart("compound", "HY-GARDEN").multiPart("photo", "big.png", big, "image/png")
                .post("/report").then().statusCode(413).body(containsString("照片太大，最大 5 MB"));
    }

    @Test
    void shouldRejectPhotoThatIsNotAnImage() {
        given().multiPart("description", "楼道灯不亮很多天了").multiPart("phone", "13812340000")
                .multiPart("compound", "HY-GARDEN")
                .multiPart("photo", "x.png", "<script>alert(1)</script>".getBytes(), "image/png")
                .post("/report").then().statusCode(400).body(containsString("照片格式不支持"));
    }

    @Test
    void shouldKeepPhotoWithTicketWhenItIsAnImage() {
        fileWithPhotoAndAwaitItKept("楼道墙皮脱落，见照片", PNG);
    }

    /** Files a report with the PNG through the form and waits until its ticket keeps the photo, whole. */
    private void fileWithPhotoAndAwaitItKept(String description, byte[] png) {
        String reference = Reports.referenceIn(given().multiPart("description", description)
                .multiPart("phone", Reports.uniquePhone()).multiPart("compound", "HY-GARDEN")
                .multiPart("photo", "wall.png", png, "image/png")
                .post("/report").then().statusCode(200).extract().asString());
        await().atMost(Duration.ofSeconds(15)).until(() -> sql.count("select count(*) from attachment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ? and a.content_type = 'image/png' and a.size_bytes = ?",
                reference, (long) png.length) == 1);
        contactsBefore++;
    }

    /** A photo larger than what the edge reads ahead of the worker goes on as a stream, and is kept whole. */
    @Test
    void shouldKeepAPhotoLargerThanWhatTheEdgeReadsAhead() throws Exception {
        byte[] photo = noisyPng();
        assertTrue(photo.length > IntakeAdmission.READ_AHEAD_MAX_BYTES, photo.length + " bytes");
        fileWithPhotoAndAwaitItKept("楼道墙皮脱落，见大图", photo);
    }

    /** A PNG of random pixels: it does not compress, so 200×200 is about 120 KiB. */
    private static byte[] noisyPng() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(16);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void shouldMakeOneTicketWhenTheSameFormIsPostedTwice() {
        String token = Reports.formToken();
        String phone = Reports.uniquePhone();
        String first = Reports.referenceIn(Reports.post(token, "property-repair", "单元门禁坏了，进不去", phone,
                "HY-GARDEN", null).then().statusCode(200).extract().asString());
        String second = Reports.referenceIn(Reports.post(token, "property-repair", "单元门禁坏了，进不去", phone,
                "HY-GARDEN", null).then().statusCode(200).extract().asString());
        assertEquals(first, second, "a resubmitted form names the same ticket");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> sql.count("select count(*) from inbound_contact where phone = ?", "+86" + phone) == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(
                () -> sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                        + " where r.phone = ?", "+86" + phone) == 1);
        contactsBefore++;
    }

    @Test
    void shouldAnswerTheSameReferenceWhenAScriptPostsTwiceWithoutToken() {
        String phone = Reports.uniquePhone();
        String first = form().accept("application/json").formParam("description", "路灯坏了一整条街都黑")
                .formParam("phone", phone).formParam("compound", "HY-GARDEN")
                .post("/report").then().statusCode(202).extract().path("reference");
        String second = form().accept("application/json").formParam("description", "路灯坏了一整条街都黑")
                .formParam("phone", phone).formParam("compound", "HY-GARDEN")
                .post("/report").then().statusCode(202).extract().path("reference");
        assertEquals(first, second);
        await().atMost(Duration.ofSeconds(15)).until(() -> sql.count("select count(*) from ticket where reference = ?",
                first) == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> sql.count(
                "select count(*) from ticket t join resident r on r.id = t.resident_id where r.phone = ?",
                "+86" + phone) == 1);
        contactsBefore++;
    }
}
