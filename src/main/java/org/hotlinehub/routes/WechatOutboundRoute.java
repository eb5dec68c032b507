package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.connectors.wechat.WechatSender;

/**
 * The two feeders of WeChat's outbound messages: status changes of WeChat tickets become messages (one instance at a
 * time reads the timeline, under a row lock), and contacts the broker could not take when WeChat was answered are
 * queued again. The hub's one outbox sends them ({@link OutboxRoute}). A failed tick is logged.
 */
@ApplicationScoped
public class WechatOutboundRoute extends RouteBuilder {

    @Inject
    WechatSender sender;

    @Override
    public void configure() {
        errorHandler(defaultErrorHandler().logExhausted(true).logExhaustedMessageHistory(false)
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        from("timer:wechat-notices?delay=1000&period=1000")
                .routeId(RouteIds.WECHAT_NOTICES)
                .bean(sender, "queueNotices");
        from("timer:wechat-resubmit?delay=2000&period=5000")
                .routeId(RouteIds.WECHAT_RESUBMIT)
                .bean(sender, "resubmit");
    }
}
