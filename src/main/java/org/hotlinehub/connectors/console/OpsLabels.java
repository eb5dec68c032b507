package org.hotlinehub.connectors.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.TicketStatus;
import org.hotlinehub.model.TimelineKind;

import io.quarkus.qute.TemplateExtension;

/**
 * Words for codes on the operator pages, in both languages, as {@code {ops:status(t.status, page.english)}} (a
 * namespace, so other console pages' extensions never clash).
 */
@TemplateExtension(namespace = "ops")
public final class OpsLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private OpsLabels() {
    }

    static String status(TicketStatus status, boolean english) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case RECEIVED -> english ? "Received" : "已受理";
            case TRIAGE -> english ? "Triage" : "待分拣";
            case DISPATCHED -> english ? "Dispatched" : "已派单";
            case ACCEPTED -> english ? "Accepted" : "已签收";
            case IN_PROGRESS -> english ? "In progress" : "办理中";
            case RESOLVED -> english ? "Resolved" : "已办结";
            case CLOSED -> english ? "Closed" : "已结案";
            case REOPENED -> english ? "Reopened" : "重新办理";
            case CANCELLED -> english ? "Cancelled" : "已撤销";
            case MERGED -> english ? "Merged" : "已合并";
        };
    }

    static String channel(Channel channel, boolean english) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case WEB -> english ? "Web form" : "网页";
            case SMS -> english ? "SMS" : "短信";
            case VOICE -> english ? "Phone" : "电话";
            case WECHAT -> english ? "WeChat" : "微信";
            case OPEN311 -> "Open311";
            case API -> "API";
            case OPERATOR -> english ? "Operator" : "话务员";
            case PORTAL -> english ? "Partner portal" : "合作单位门户";
        };
    }

    static String priority(String priority, boolean english) {
        if (priority == null) {
            return "";
        }
        return switch (priority) {
            case "urgent" -> english ? "Urgent" : "紧急";
            case "low" -> english ? "Low" : "低";
            default -> english ? "Normal" : "一般";
        };
    }

    static String kind(TimelineKind kind, boolean english) {
        return kind == null ? "" : english ? kind.labelEn() : kind.labelZh();
    }

    static String assignment(AssignmentState state, boolean english) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case OFFERED -> english ? "Offered" : "待签收";
            case ACCEPTED -> english ? "Accepted" : "已签收";
            case DECLINED -> english ? "Declined" : "已拒绝";
            case EXPIRED -> english ? "Not accepted in time" : "签收超时";
            case RETURNED -> english ? "Returned" : "已退单";
            case IN_PROGRESS -> english ? "In progress" : "办理中";
            case RESOLVED -> english ? "Resolved" : "已办结";
            case CANCELLED -> english ? "Withdrawn" : "已撤回";
        };
    }

    static String flag(String flag, boolean english) {
        return switch (flag) {
            case "elderly-alone" -> english ? "Elderly, living alone" : "独居老人";
            case "disabled" -> english ? "Disabled" : "残疾人";
            case "elderly" -> english ? "Elderly" : "老年人";
            case "low-income" -> english ? "Low income" : "低收入";
            default -> flag;
        };
    }

    /** Hotline time ({@code page.zone}), month-day hour:minute. */
    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.withZone(zone).format(at);
    }

    /** Whether {@code at} lies before {@code now} ({@code page.now}, the hub's clock when the page was made). */
    static boolean past(Instant at, Instant now) {
        return at != null && at.isBefore(now);
    }
}
