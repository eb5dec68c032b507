package org.hotlinehub.connectors.wechat;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.connectors.wechat.WechatConversations.Decision;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.ContactIntent;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * WeChat pushes answered while the broker refused their contact are stored as decisions and queued again: after an
 * outage there are thousands, and one tick takes every one of them, not one page (R1 of the fault suite waited
 * minutes for the last ones).
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class WechatResubmitTest {

    @Inject
    WechatSender sender;
    @Inject
    WechatConversations conversations;
    @Inject
    ReferenceNumbers references;
    @Inject
    Sql sql;

    @Test
    void shouldQueueEveryStoredContactAgainInOneTick() {
        String run = "resubmit-" + System.nanoTime();
        int count = 2 * WechatSender.BATCH + 7;
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = run + "-" + i;
            String openid = "oResubmit" + run.substring(run.length() - 6) + i;
            String reference = references.next();
            refs.add(reference);
            InboundContact contact = new InboundContact(Channel.WECHAT, key, reference, Instant.now(), null, null,
                    "小区门口的路灯坏了 " + key, "zh", null, null, null, null, null, List.of(), ContactIntent.REQUEST,
                    null, openid);
            conversations.decide(new Decision(key, openid, ContactIntent.REQUEST.name(), reference, "已收到", contact,
                    false));
        }
        // stored while the broker refused them, some seconds ago
        sql.update("update wechat_inbound set created_at = now() - interval '1 minute' where dedupe_key like ?",
                run + "-%");

        sender.resubmit();

        assertEquals(0, sql.count("select count(*) from wechat_inbound where dedupe_key like ? and not submitted",
                run + "-%"), "every stored contact queued again in one tick");
        await().atMost(Duration.ofSeconds(30)).until(() -> sql.count(
                "select count(*) from ticket where reference = any(string_to_array(?, ','))",
                String.join(",", refs)) == count);
    }
}
