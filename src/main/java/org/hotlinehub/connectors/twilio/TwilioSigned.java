package org.hotlinehub.connectors.twilio;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * Puts a Twilio webhook resource behind {@link TwilioSignatureFilter}: no endpoint method runs before the request's
 * {@code X-Twilio-Signature} is valid, and the endpoints read the signed parameters from {@link TwilioForm}.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface TwilioSigned {
}
