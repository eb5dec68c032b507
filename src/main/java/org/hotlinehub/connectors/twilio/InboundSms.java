package org.hotlinehub.connectors.twilio;

import java.time.Instant;
import java.util.List;

import org.hotlinehub.model.Attachment;

/** A text (or MMS) from Twilio's webhook after its signature and fields were checked; {@code from} is E.164. */
record InboundSms(String messageSid, String from, String body, List<Attachment> media, Instant receivedAt) {
}
