package org.hotlinehub.connectors.web;

import org.hotlinehub.model.TicketStatus;

/** How a ticket's status reads to a resident, in either language. */
final class StatusLabels {

    private StatusLabels() {
    }

    static String of(TicketStatus status, boolean english) {
        return switch (status) {
            case RECEIVED -> english ? "Received" : "已受理";
            case TRIAGE -> english ? "Being reviewed by an operator" : "人工核实中";
            case DISPATCHED -> english ? "Sent to the responsible party" : "已派单";
            case ACCEPTED -> english ? "Accepted by the responsible party" : "承办单位已签收";
            case IN_PROGRESS -> english ? "Being handled" : "处理中";
            case RESOLVED -> english ? "Resolved, awaiting your feedback" : "已办结，待回访";
            case CLOSED -> english ? "Closed" : "已结案";
            case REOPENED -> english ? "Reopened" : "已重新办理";
            case CANCELLED -> english ? "Cancelled" : "已撤销";
            case MERGED -> english ? "Merged with another report of the same problem" : "已合并办理";
        };
    }
}
