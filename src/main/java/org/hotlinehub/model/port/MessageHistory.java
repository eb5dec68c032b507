package org.hotlinehub.model.port;

import java.util.List;

import org.hotlinehub.model.Channel;
import org.hotlinehub.model.MessageItem;

/**
 * The outbound log of one channel (SMS in the core; WeChat and voice add theirs in their connectors): the ticket's
 * page shows the messages of every implementation together.
 */
public interface MessageHistory {

    Channel channel();

    List<MessageItem> forTicket(String reference);
}
