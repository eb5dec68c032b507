package org.hotlinehub.model.port;

/**
 * The voice line's part of {@link ResidentReach}: calls an operator's phone (or Twilio Client) from the hotline
 * number, and when they answer connects them to a ticket's resident or emergency contact, whose number the voice line
 * asks for only then ({@link ResidentReach#dialNumber}) and dials with the hotline number as caller id.
 */
public interface OperatorCalls {

    /**
     * @param operatorTarget the operator's phone ({@code +86…}) or {@code client:<identity>}
     * @return the call's sid, or a sentence saying it was not placed (sandbox mode: no Twilio credentials)
     * @throws org.hotlinehub.model.RetryLaterException when Twilio refused or could not be reached (answered 503)
     */
    String callOperatorThen(String operatorTarget, String reference, String target, boolean english);
}
