package org.hotlinehub.model;

/** What a timeline entry records; {@code publicToResident} entries show on the resident's status page. */
public enum TimelineKind {

    RECEIVED(true, "已受理", "Received"),
    FOLLOW_UP(true, "补充信息", "Follow-up received"),
    CLASSIFIED(false, "已分类", "Classified"),
    LOCATED(false, "已定位", "Located"),
    TRIAGE(false, "待人工分拣", "Awaiting operator triage"),
    DISPATCHED(true, "已派单", "Dispatched"),
    DELIVERED(false, "已送达承办方", "Delivered to partner"),
    DELIVERY_FAILED(false, "送达失败", "Delivery failed"),
    ACCEPTED(true, "承办方已签收", "Accepted by the handling party"),
    DECLINED(false, "承办方拒绝", "Declined by partner"),
    EXPIRED(false, "签收超时", "Not accepted in time"),
    /** An offer of an emergency made to several parties at once, withdrawn because another party took it. */
    WITHDRAWN(false, "派单已撤回", "Offer withdrawn"),
    RETURNED(false, "承办方退单", "Returned by partner"),
    RULING(false, "退单裁定", "Ruling on a return"),
    PROGRESS(true, "办理进展", "Progress"),
    RESOLVED(true, "已办结", "Resolved"),
    SUPPORT_ADDED(false, "增加协办单位", "Supporting party added"),
    SUPPORT_REMOVED(false, "撤销协办单位", "Supporting party removed"),
    REASSIGNED(false, "人工改派", "Reassigned by an operator"),
    DEADLINE_WARNING(false, "时限预警", "Deadline approaching"),
    OVERDUE(false, "超期", "Overdue"),
    ESCALATED(false, "已转交主管", "Escalated to a supervisor"),
    SURVEY_REQUESTED(false, "已发送回访", "Survey sent"),
    SURVEY_ANSWERED(true, "已回访", "Survey answered"),
    REOPENED(true, "已重新办理", "Reopened"),
    CLARIFICATION_REQUESTED(false, "已请居民补充信息", "Asked the resident for details"),
    PAUSED(false, "计时暂停（等待居民）", "Clock paused (waiting for the resident)"),
    RESUMED(false, "计时恢复", "Clock resumed"),
    SURVEY_NO_REPLY(false, "回访无应答，已结案", "No answer to the survey; closed"),
    APPEALED(false, "承办方申诉回访结果", "Partner appealed the survey result"),
    APPEAL_DECIDED(false, "申诉已裁定", "Appeal decided"),
    NOTE(false, "内部备注", "Internal note"),
    MESSAGE_SENT(false, "已发消息给居民", "Message to the resident"),
    RELAYED_CALL(false, "号码保护通话", "Masked call"),
    RELAYED_TEXT(false, "号码保护短信", "Masked text"),
    MERGED(true, "已合并办理", "Merged"),
    CANCELLED(true, "已撤销", "Cancelled"),
    /** A second problem of the ticket's report taken out into a ticket of its own (on both tickets). */
    SPLIT(false, "已拆分", "Split"),
    /** On an incident's ticket: another resident's report joined it (score and reason in the detail). */
    REPORTER_ADDED(false, "同一事件新增报告", "Another report of this incident"),
    /** On a new ticket: intake found a likely duplicate (grey zone); an operator links it or keeps it separate. */
    DUPLICATE_SUSPECTED(false, "疑似重复报告", "Likely duplicate"),
    KEPT_SEPARATE(false, "确认非重复，单独办理", "Kept separate"),
    /** A link to an incident undone: the report is a ticket of its own again. */
    UNLINKED(false, "已撤销合并", "Link undone"),
    /** On an incident's ticket: a surge (集中报告) was declared. */
    SURGE_DECLARED(false, "集中报告", "Surge declared"),
    /** On an incident's ticket: staff confirmed its surge with one status message to every reporter. */
    SURGE_CONFIRMED(false, "确认集中报告并通告", "Surge confirmed, status sent");

    private final boolean publicToResident;
    private final String labelZh;
    private final String labelEn;

    TimelineKind(boolean publicToResident, String labelZh, String labelEn) {
        this.publicToResident = publicToResident;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public boolean publicToResident() {
        return publicToResident;
    }

    public String labelZh() {
        return labelZh;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The label in English or else in Chinese. */
    public String label(boolean english) {
        return english ? labelEn : labelZh;
    }
}
