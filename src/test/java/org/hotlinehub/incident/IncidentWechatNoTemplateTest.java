package org.hotlinehub.incident;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotlinehub.model.SystemReason;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.WechatApiStub;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Without a status template ({@code hub.wechat.template-id} unset), an incident's broadcast cannot reach a WeChat
 * reporter whose 48-hour window has closed: nothing is written for WeChat to refuse (and nothing retried), and the
 * reporter's timeline says why, while the other reporters are told as usual.
 */
@QuarkusTest
@TestProfile(IncidentWechatNoTemplateTest.NoTemplate.class)
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
@QuarkusTestResource(WechatApiStub.class)
class IncidentWechatNoTemplateTest {

    /** Detection on as in {@link IncidentTest}, and the WeChat account as the stub's but without a template. */
    public static class NoTemplate extends IncidentTest.On {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("hub.wechat.template-id", "");
            return config;
        }
    }

    @Inject
    Sql sql;
    @Inject
    Clock clock;

    @Test
    void shouldSkipAWechatReporterOutsideTheWindowWithANoteWhenNoTemplateIsConfigured() {
        Reporters.QuietFollower joined = Reporters.acceptedWithQuietFollower(sql, clock, "RPT-COURT-4", "海燕测试苑");
        String openid = joined.openid();
        String wechat = joined.wechat();
        String filerPhone = Reporters.phoneOf(sql, joined.incident());

        // the filer is told by SMS as usual; the WeChat reporter's ticket says why they were not
        await().atMost(Reporters.WAIT).until(() -> TwilioApiStub.sentTo(filerPhone).stream()
                .anyMatch(f -> f.get("Body").contains("承办单位已签收")));
        List<Object> notes = sql.column("select e.detail from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'NOTE' and e.actor = 'hub:incident'", wechat);
        assertEquals(List.of(SystemReason.WECHAT_UPDATE_NOT_SENT.text("承办单位已签收")), notes);
        assertEquals(SystemReason.WECHAT_UPDATE_NOT_SENT, SystemReason.find((String) notes.get(0)).get(0).reason());
        assertEquals(0L, sql.count("select count(*) from outbox where topic = 'incident-update' and recipient = ?",
                openid), "nothing for WeChat to refuse, nothing to retry");
    }
}
