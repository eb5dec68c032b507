package org.hotlinehub.connectors.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiML;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Say;

/** The hub's TwiML writer gives exactly what the SDK's {@code toXml()} gives, on every thread, again and again. */
class TwimlXmlTest {

    private static List<TwiML> documents() {
        return List.of(new MessagingResponse.Builder().build(),
                new MessagingResponse.Builder().message(new Message.Builder().body(new Body.Builder(
                        "已受理，工单号100000019。回复\"查 100000019\"查询 <进度> & 满意度 'ok'").build()).build()).build(),
                new VoiceResponse.Builder()
                        .gather(new Gather.Builder().numDigits(1).timeout(6).action(
                                "https://hub.example/twilio/voice/menu?lang=zh&step=1").method(HttpMethod.POST)
                                .say(new Say.Builder("您好，这里是96993社区服务热线。报修请按1。").language(Say.Language.CMN_CN)
                                        .build())
                                .build())
                        .redirect(new Redirect.Builder("https://hub.example/twilio/voice?again=1").build())
                        .build(),
                new VoiceResponse.Builder()
                        .say(new Say.Builder("Please leave a message after the tone.").language(Say.Language.EN_US)
                                .build())
                        .record(new Record.Builder().maxLength(120).playBeep(true).action(
                                "https://hub.example/twilio/voice/recorded").build())
                        .dial(new Dial.Builder().callerId("+8653296993").number(new Number.Builder("+8613900000002")
                                .build()).build())
                        .hangup(new Hangup.Builder().build())
                        .build());
    }

    @Test
    void shouldWriteWhatTheSdkWrites() {
        assertTrue(TwimlXml.fast(), "the SDK's TwiML.buildXmlElement(Document) is used, not toXml() per answer");
        for (int round = 0; round < 3; round++) { // the per-thread builder and transformer are reused
            for (TwiML twiml : documents()) {
                assertEquals(twiml.toXml(), TwimlXml.of(twiml));
            }
        }
    }

    @Test
    void shouldWriteTheSameOnManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> documents().stream().map(TwimlXml::of).toList()));
            }
            List<String> expected = documents().stream().map(TwiML::toXml).toList();
            for (Future<List<String>> r : results) {
                assertEquals(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
