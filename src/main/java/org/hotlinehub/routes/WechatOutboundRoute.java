package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.connectors.wechat.WechatSender;

/**
 * The feeder of WeChat's outbound messages that is not an event: contacts the broker could not take when WeChat was
 * answered are queued again. The hub's one outbox sends them ({@link OutboxRoute}); status notices are queued from the
 * ticket events ({@link WechatNoticeRoute}). A failed tick is logged.
 */
@ApplicationScoped
public class WechatOutboundRoute extends RouteBuilder {

    @Inject
    WechatSender sender;

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(true).logExhaustedMessageHistory(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:wechat-resubmit?delay=2000&period=5000")
                .routeId(RouteIds.WECHAT_RESUBMIT)
                .bean(sender, "resubmit");
    }
}
