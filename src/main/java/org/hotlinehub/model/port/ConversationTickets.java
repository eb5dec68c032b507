package org.hotlinehub.model.port;

import java.util.Optional;

import org.hotlinehub.model.Conversation;

/**
 * Which of a resident's tickets a text message (SMS, WeChat) is about: one rule for both channels. The resident's
 * latest ticket that is open, or resolved and awaiting the survey answer. A ticket merged into another (a report that
 * joined an incident, or a duplicate an operator merged) stays in conversation while the ticket it was merged into is
 * open, so its resident's next message is a follow-up of that ticket, not a new report linked to it again.
 */
public interface ConversationTickets {

    /** The latest ticket in conversation of the resident with this phone number. */
    Optional<Conversation> byPhone(String phone);

    /** The latest ticket in conversation of the resident who follows the account with this openid. */
    Optional<Conversation> byOpenid(String openid);
}
