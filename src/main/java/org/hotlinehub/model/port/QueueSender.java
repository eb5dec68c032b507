package org.hotlinehub.model.port;

import java.util.Map;

/** Sends a message persistently to a destination on the hub's broker. */
public interface QueueSender {

    /** @param destination {@code queue:<name>} or {@code topic:<name>} */
    void send(String destination, String body, Map<String, Object> headers);
}
