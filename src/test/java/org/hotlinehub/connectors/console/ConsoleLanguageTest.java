package org.hotlinehub.connectors.console;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.model.SystemReason;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One language per page: the reasons the hub writes itself show in Chinese on Chinese console pages and as written on
 * English ones; compounds by their English name on English pages; the residents' status page says who handles the
 * ticket and by when, in the page's language.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ConsoleLanguageTest {

    @Inject
    Sql sql;

    /** The English the hub writes itself, none of which may stand on a Chinese page. */
    private static final List<String> ENGLISH = java.util.stream.Stream
            .concat(java.util.Arrays.stream(SystemReason.values()).flatMap(r -> r.englishParts().stream()),
                    java.util.stream.Stream.of("(resident null)", "not-our-duty", "Returned by partner"))
            .toList();

    private static String page(String user, String path) {
        return Sessions.console(user).get(path).then().statusCode(200).extract().asString();
    }

    private static void assertNoEnglishSystemText(String html, String where) {
        for (String english : ENGLISH) {
            assertTrue(!html.contains(english), where + " shows the hub's English '" + english + "'");
        }
    }

    @Test
    void shouldShowTheTriageReasonInChineseOnAChinesePageAndAsWrittenOnAnEnglishOne() {
        // nothing in the catalog, an address nowhere known: both reasons at once
        String reference = Tickets.inTriage(sql, "借书证的事 language " + System.nanoTime());
        assertEquals(SystemReason.NO_CATEGORY.text() + "; " + SystemReason.NO_PLACE.text(),
                sql.one("select triage_reason from ticket where reference = ?", reference));

        String zh = page("operator", "/console/tickets/" + reference + "?lang=zh");
        assertTrue(zh.contains("描述与服务目录中的类别都不相符；地址与已知地点都不相符"), zh);
        assertNoEnglishSystemText(zh, "the Chinese ticket page");
        assertNoEnglishSystemText(page("operator", "/console/queue?lang=zh"), "the Chinese queue");

        String en = page("operator", "/console/tickets/" + reference + "?lang=en");
        assertTrue(en.contains("no catalog entry matches the description; the address matches no known place"));
        assertTrue(!en.contains("描述与服务目录中的类别都不相符"), "one language per page");
    }

    @Test
    void shouldShowAReturnInChineseWithTheCompoundsEnglishNameOnEnglishPages() {
        String reference = Tickets.dispatched(sql, "楼道灯坏了 language " + System.nanoTime(), "HY-GARDEN");
        Tickets.returned(Tickets.assignment(sql, reference, "PF-HAIYUN"), "PF-HAIYUN");

        String zh = page("supervisor", "/console/tickets/" + reference + "?lang=zh");
        assertTrue(zh.contains("PF-HAIYUN 退单：不属于本单位职责 — 不归我们管；等待热线裁定"), zh);
        assertTrue(zh.contains("海韵花园 (HY-GARDEN)"));
        assertTrue(zh.contains("归入类别"), "the classifier's timeline entry in Chinese: " + zh);
        assertNoEnglishSystemText(zh, "the Chinese page of a returned ticket");

        String en = page("supervisor", "/console/tickets/" + reference + "?lang=en");
        assertTrue(en.contains("Haiyun Garden (HY-GARDEN)"), "the compound's English name on an English page");
        assertTrue(en.contains("awaiting the hub&#39;s ruling") || en.contains("awaiting the hub's ruling"));
    }

    @Test
    void shouldTellTheResidentWhoHandlesTheTicketAndByWhen() {
        String phone = Reports.uniquePhone();
        String reference = Reports.fileJson(null, "电梯坏了 status " + System.nanoTime(), phone, "HY-GARDEN", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from assignment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", reference) >= 1);

        String zh = given().get("/status?lang=zh&reference=" + reference + "&phone=" + phone).then().statusCode(200)
                .extract().asString();
        assertTrue(zh.contains("承办单位") && zh.contains("物业公司 · 海韵物业") && zh.contains("（待签收）"), zh);
        assertTrue(zh.matches("(?s).*预计 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 前办结.*"), "and by when: " + zh);

        String en = given().get("/status?lang=en&reference=" + reference + "&phone=" + phone).then().statusCode(200)
                .extract().asString();
        assertTrue(en.contains("Handled by") && en.contains("Property firm · Haiyun Property"), en);
        assertTrue(en.contains("Haiyun Garden"), "the compound's English name");
        assertTrue(en.matches("(?s).*due by \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"), en);
        assertTrue(!en.contains("海韵物业") && !en.contains("物业公司"), "one language per page");
    }
}
