package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.connectors.wechat.WechatSender;

/**
 * The WeChat outbox worker and one of its feeders: contacts the broker could not take when WeChat was answered are
 * queued again, and due messages are sent as customer-service or template messages (or recorded in sandbox mode). A
 * failed tick is logged; claimed messages come due again after their lease. Status notices are queued from the ticket
 * events ({@link WechatNoticeRoute}).
 */
@ApplicationScoped
public class WechatOutboundRoute extends RouteBuilder {

    @Inject
    HubConfig config;
    @Inject
    WechatSender sender;

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(true).logExhaustedMessageHistory(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:wechat-resubmit?delay=2000&period=5000")
                .routeId(RouteIds.WECHAT_RESUBMIT)
                .bean(sender, "resubmit");
        from("timer:wechat-outbound?delay=1000&period=" + config.delivery().pollInterval().toMillis())
                .routeId(RouteIds.WECHAT_OUTBOUND)
                .bean(sender, "sendDue");
    }
}
