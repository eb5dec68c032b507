package org.hotlinehub.connectors.twilio;

import java.util.Collections;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;

/**
 * The parameters of the current Twilio webhook as {@link TwilioSignatureFilter} verified them, then cleaned of control
 * characters. Read before the filter has passed the request (a resource that is not {@link TwilioSigned}) it fails, so
 * an unsigned endpoint answers 500 instead of acting on what anyone could have sent.
 */
@RequestScoped
public class TwilioForm {

    private Map<String, String> params;

    void signed(Map<String, String> signed) {
        params = Collections.unmodifiableMap(signed);
    }

    /** Every parameter Twilio sent, by name (the first value of a repeated one). */
    Map<String, String> params() {
        if (params == null) {
            throw new IllegalStateException("this request did not pass the Twilio signature filter; is its resource"
                    + " annotated @TwilioSigned?");
        }
        return params;
    }
}
