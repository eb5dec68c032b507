package org.hotlinehub.testsupport;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.awaitility.Awaitility;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Voicemail recordings at Twilio, served by the Twilio stub to the account's credentials only (as Twilio does with
 * HTTP basic authentication on), and a voicemail left on the hotline through the signed webhooks.
 */
public final class TwilioRecordings {

    private TwilioRecordings() {
    }

    /** Where Twilio keeps the test account's recording. */
    public static String path(String recordingSid) {
        return "/2010-04-01/Accounts/" + TwilioApiStub.ACCOUNT_SID + "/Recordings/" + recordingSid;
    }

    public static String url(String recordingSid) {
        return "https://api.twilio.com" + path(recordingSid);
    }

    /** A second of a 440 Hz tone, 8 kHz 16-bit mono WAV, as Twilio serves recordings. */
    public static byte[] wav() {
        int rate = 8000;
        byte[] pcm = new byte[rate * 2];
        for (int i = 0; i < rate; i++) {
            short v = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, rate),
                    AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * Serves the recording to the account's credentials, after answering {@code notYet} 404s first (Twilio may call
     * back before the file is there); any other caller gets 401.
     */
    public static void serve(String recordingSid, byte[] wav, int notYet) {
        String scenario = "recording-" + recordingSid;
        String state = STARTED;
        for (int i = 0; i < notYet; i++) {
            String next = "try-" + (i + 1);
            TwilioApiStub.server.stubFor(get(urlPathEqualTo(path(recordingSid))).atPriority(5)
                    .withBasicAuth(TwilioApiStub.ACCOUNT_SID, TwilioApiStub.AUTH_TOKEN).inScenario(scenario)
                    .whenScenarioStateIs(state).willSetStateTo(next)
                    .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                            .withBody("{\"code\": 20404, \"message\": \"not found\"}")));
            state = next;
        }
        TwilioApiStub.server.stubFor(get(urlPathEqualTo(path(recordingSid))).atPriority(5)
                .withBasicAuth(TwilioApiStub.ACCOUNT_SID, TwilioApiStub.AUTH_TOKEN).inScenario(scenario)
                .whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "audio/x-wav").withBody(wav)));
        TwilioApiStub.server.stubFor(get(urlPathEqualTo(path(recordingSid))).atPriority(9)
                .willReturn(aResponse().withStatus(401)));
    }

    /** The requests for the recording, and those of them with the account's credentials. */
    public static List<LoggedRequest> requests(String recordingSid, boolean withCredentials) {
        var pattern = getRequestedFor(urlPathEqualTo(path(recordingSid)));
        if (withCredentials) {
            pattern = pattern.withBasicAuth(new BasicCredentials(TwilioApiStub.ACCOUNT_SID,
                    TwilioApiStub.AUTH_TOKEN));
        }
        return TwilioApiStub.server.findAll(pattern);
    }

    /**
     * A caller leaves a voicemail (the Record verb's action callback) with a recording at {@code recordingUrl}; waits
     * for its ticket and answers the reference.
     */
    public static String leaveVoicemail(Sql sql, String phone, String recordingSid, String recordingUrl) {
        String callSid = TwilioVoice.newCallSid();
        TwilioVoice.post("/twilio/voice", TwilioVoice.call(callSid, phone, "ringing"));
        TwilioVoice.post("/twilio/voice/voicemail?lang=zh", TwilioVoice.with(TwilioVoice.call(callSid, phone,
                "in-progress"), "RecordingSid", recordingSid, "RecordingUrl", recordingUrl, "RecordingDuration", "1",
                "Digits", "#"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sql.count("select count(*) from ticket t"
                + " join inbound_contact c on c.ticket_id = t.id where c.channel = 'VOICE' and c.external_id = ?",
                recordingSid) == 1);
        return (String) sql.one("select t.reference from ticket t join inbound_contact c on c.ticket_id = t.id"
                + " where c.channel = 'VOICE' and c.external_id = ?", recordingSid);
    }
}
