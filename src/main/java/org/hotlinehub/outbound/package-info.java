/**
 * The one outbound pipeline (issue 16, item 5): every message the hub sends (partner webhooks and queues, SMS, WeChat,
 * voice call-backs) leaves through one outbox, one claim, one retry policy and one give-up rule. Channels only send,
 * through their {@link org.hotlinehub.model.port.OutboxSender}. Depends on store, deadletter and model.
 */
package org.hotlinehub.outbound;
