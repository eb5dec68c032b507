package org.hotlinehub.connectors.twilio;

import java.util.Map;

/**
 * One signed voice webhook: the call's sid, the resident's side of the call in E.164 (the caller of an inbound call,
 * the called party of the hub's own calls; null when withheld), and every parameter Twilio sent.
 */
record VoiceRequest(String callSid, String phone, Map<String, String> params) {

    String param(String name) {
        String value = params.get(name);
        return value == null ? "" : value.strip();
    }

    /** The keys pressed, without the finishing {@code #}. */
    String digits() {
        return param("Digits").replace("#", "").replace("*", "");
    }
}
