package org.hotlinehub.connectors.wechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.SystemReason;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.port.ResidentReplies;
import org.hotlinehub.model.port.SurveyAsker;
import org.hotlinehub.model.port.WechatOutbox;

/**
 * The call-back question on WeChat, for residents who follow the account: a customer-service message (a template
 * message saying the request is resolved when the 48-hour window has closed), answered 1–4 like SMS.
 */
@ApplicationScoped
public class WechatSurveyAsker implements SurveyAsker {

    @Inject
    ResidentReplies replies;
    @Inject
    WechatFollowers followers;
    @Inject
    WechatOutbox outbox;
    @Inject
    HubTime time;

    @Override
    public Channel channel() {
        return Channel.WECHAT;
    }

    @Override
    public boolean canReach(Question question) {
        return followers.openidOf(question.residentId()).isPresent();
    }

    @Override
    public String ask(Question question) {
        String openid = followers.openidOf(question.residentId()).orElseThrow();
        outbox.enqueue(question.idempotencyKey(), openid,
                replies.surveyQuestion(question.ticketReference(), question.resolution(),
                        question.english()),
                WechatOutbox.statusTemplate(question.ticketReference(),
                        replies.statusWord(TicketStatus.RESOLVED, false),
                        time.now(), time.zone()),
                "survey", question.ticketReference());
        return SystemReason.SURVEY_BY_WECHAT.text();
    }
}
