package org.hotlinehub.connectors.twilio;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The signed webhook: only Twilio's signature gets in, bad input is refused before anything is stored. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class TwilioSmsResourceTest {

    @Inject
    Sql sql;

    private long rowsFor(String sid) {
        return sql.count("select count(*) from sms_inbound where message_sid = ?", sid)
                + sql.count("select count(*) from inbound_contact where external_id = ?", sid);
    }

    /**
     * Each new SMS looks for its sender's request of the last 10 minutes still on its way to a ticket: through the
     * index by phone, not by walking every SMS of those 10 minutes (20,000 here from other senders; 225 ms a text in
     * the fault suite's load before V128).
     */
    @Test
    void shouldFindASendersPendingRequestThroughTheIndexByPhone() throws Exception {
        sql.update("""
                insert into sms_inbound (message_sid, from_phone, kind, reference, reply, created_at)
                select 'SMfeed' || lpad(g::text, 28, '0'), '+86139' || lpad(g::text, 8, '0'), 'REQUEST',
                       '7' || lpad(g::text, 8, '0'), 'ok', now() - (g % 500) * interval '1 second'
                  from generate_series(1, 20000) g""");
        try {
            sql.update("analyze sms_inbound");
            String plan = String.join("\n", sql.column("explain (analyze) " + SmsConversationQueries.PENDING_REQUEST
                    .replace("?1", "'+8613900000042'").replace("?2", "'REQUEST'")).stream().map(String::valueOf)
                    .toList());
            System.out.println("a sender's pending request, 20,000 SMS in 10 minutes:\n" + plan);
            assertTrue(plan.contains("sms_inbound_phone_idx"), plan);
            assertEquals("700000042", sql.one(SmsConversationQueries.PENDING_REQUEST.replace("?1", "?")
                    .replace("?2", "?"), "+8613900000042", "REQUEST"));
        } finally {
            sql.update("delete from sms_inbound where message_sid like 'SMfeed%'");
        }
    }

    @Test
    void shouldAnswerTwimlWithReferenceAndMakeOneTicketWhenTwilioRetriesTheSameMessage() {
        String phone = "+86" + Reports.uniquePhone();
        String sid = TwilioSms.newSid();
        Map<String, String> params = TwilioSms.inbound(sid, phone, "短信测试苑2号楼楼道灯不亮，晚上看不见路");

        var first = TwilioSms.postSigned("/twilio/sms", params).then().statusCode(200)
                .contentType(containsString("text/xml")).extract().asString();
        assertTrue(first.startsWith("<?xml"), first);
        String reply = TwilioSms.replyIn(first);
        String reference = TwilioSms.referenceIn(reply);
        assertEquals("您的诉求已受理，工单编号" + reference + "。回复“查询 " + reference + "”可查进度，直接回复本号码可补充情况。", reply);

        String retry = TwilioSms.postSigned("/twilio/sms", params).then().statusCode(200).extract().asString();
        assertEquals(first, retry, "a retry gets the same answer");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> sql.count("select count(*) from ticket where reference = ?", reference) == 1);
        String third = TwilioSms.postSigned("/twilio/sms", params).then().statusCode(200).extract().asString();
        assertEquals(first, third, "a retry after the ticket exists is still a new request, not a follow-up of itself");
        assertEquals(1L, sql.count("select count(*) from inbound_contact where external_id = ?", sid));
        assertEquals(1L, sql.count("select count(*) from ticket t join resident r on r.id = t.resident_id"
                + " where r.phone = ?", phone));
        assertEquals("SMS", sql.one("select channel from ticket where reference = ?", reference));
        assertEquals("TEST-SMS-COURT", sql.one("select p.code from ticket t join place p on p.id = t.place_id"
                + " where t.reference = ?", reference));
    }

    @Test
    void shouldRefuseWithoutStoringWhenSignatureIsWrongOrMissing() {
        String sid = TwilioSms.newSid();
        Map<String, String> params = TwilioSms.inbound(sid, "+86" + Reports.uniquePhone(), "电梯坏了");

        TwilioSms.post("/twilio/sms", params, "bm90IGEgc2lnbmF0dXJl").then().statusCode(403)
                .body(equalTo("invalid or missing X-Twilio-Signature"));
        TwilioSms.post("/twilio/sms", params, null).then().statusCode(403);
        Map<String, String> tampered = new java.util.LinkedHashMap<>(params);
        String signature = TwilioSms.sign(TwilioSms.PUBLIC_BASE + "/twilio/sms", params);
        tampered.put("Body", "电梯坏了，另外请派人来");
        TwilioSms.post("/twilio/sms", tampered, signature).then().statusCode(403);
        TwilioSms.post("/twilio/sms", params, TwilioSms.sign("http://localhost:8081/twilio/sms", params)).then()
                .statusCode(403);

        assertEquals(0L, rowsFor(sid));
    }

    @Test
    void shouldAcceptSignatureComputedWithTheDefaultPort() {
        String sid = TwilioSms.newSid();
        Map<String, String> params = TwilioSms.inbound(sid, "+86" + Reports.uniquePhone(), "STATUS");
        TwilioSms.post("/twilio/sms", params, TwilioSms.sign("http://hub.test:80/twilio/sms", params)).then()
                .statusCode(200).body(containsString("To check a request, send STATUS and its number"));
    }

    @Test
    void shouldAnswer400AndStoreNothingWhenAFieldIsMissingOrBad() {
        String phone = "+86" + Reports.uniquePhone();
        Map<String, String> noSid = TwilioSms.inbound(TwilioSms.newSid(), phone, "电梯坏了");
        noSid.remove("MessageSid");
        TwilioSms.postSigned("/twilio/sms", noSid).then().statusCode(400)
                .body(equalTo("MessageSid is missing or not a Twilio message SID"));

        String sid = TwilioSms.newSid();
        Map<String, String> noFrom = TwilioSms.inbound(sid, phone, "电梯坏了");
        noFrom.remove("From");
        TwilioSms.postSigned("/twilio/sms", noFrom).then().statusCode(400)
                .body(equalTo("From is missing or not a phone number"));

        Map<String, String> badMedia = TwilioSms.inbound(sid, phone, "");
        badMedia.put("NumMedia", "1");
        TwilioSms.postSigned("/twilio/sms", badMedia).then().statusCode(400)
                .body(equalTo("MediaUrl0 is missing or not an https URL"));

        assertEquals(0L, rowsFor(sid));
        assertEquals(0L, sql.count("select count(*) from resident where phone = ?", phone));
    }

    @Test
    void shouldAskInBothLanguagesAndFileNothingWhenTheTextIsEmpty() {
        String phone = "+86" + Reports.uniquePhone();
        assertEquals("请用文字说明您遇到的问题和所在小区或地址。 / Please describe your problem in words, and where it is"
                + " (compound or address).", TwilioSms.text(phone, "  "));
        assertEquals(0L, sql.count("select count(*) from inbound_contact where phone = ?", phone));
    }

    @Test
    void shouldKeepMmsMediaUrlsAsAttachments() {
        String phone = "+86" + Reports.uniquePhone();
        String sid = TwilioSms.newSid();
        Map<String, String> params = TwilioSms.inbound(sid, phone, "短信测试苑门口水管爆了，看照片");
        params.put("NumMedia", "2");
        params.put("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1");
        params.put("MediaContentType0", "image/jpeg");
        params.put("MediaUrl1", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2");
        params.put("MediaContentType1", "image/png");
        String reference = TwilioSms.referenceIn(TwilioSms.replyIn(TwilioSms.postSigned("/twilio/sms", params)
                .then().statusCode(200).extract().asString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from attachment a join ticket t"
                + " on t.id = a.ticket_id where t.reference = ?", reference) == 2);
        assertEquals(java.util.List.of("image/jpeg", "image/png"), sql.column("select a.content_type from attachment a"
                + " join ticket t on t.id = a.ticket_id where t.reference = ? order by a.id", reference));
        assertEquals("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", sql.one("select a.url"
                + " from attachment a join ticket t on t.id = a.ticket_id where t.reference = ? and a.content_type"
                + " = 'image/jpeg'", reference));
    }
}
