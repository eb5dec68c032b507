package org.hotlinehub.routes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.builder.RouteBuilder;
import org.hotlinehub.connectors.wechat.WechatSender;

/**
 * The feeder of WeChat's outbound messages that is not an event: contacts the broker could not take when WeChat was
 * answered are queued again. The hub's one outbox sends them ({@link OutboxRoute}); status notices are queued from the
 * ticket events ({@link WechatNoticeRoute}). A failed tick is logged ({@link HubErrorPolicy#SCHEDULED_JOBS}).
 */
@ApplicationScoped
public class WechatOutboundRoute extends RouteBuilder {

    @Inject
    WechatSender sender;

    @Override
    public void configure() {
        from("timer:wechat-resubmit?delay=2000&period=5000")
                .routeId(RouteIds.WECHAT_RESUBMIT)
                .routeConfigurationId(HubErrorPolicy.SCHEDULED_JOBS)
                .process(exchange -> sender.resubmit());
    }
}
