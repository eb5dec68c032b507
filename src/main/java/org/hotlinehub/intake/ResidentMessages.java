package org.hotlinehub.intake;

import org.hotlinehub.model.TicketStatus;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the hub says to residents by text message, in Simplified Chinese; English in
 * {@code messages/resident_en.properties}. {@link BundledResidentReplies} picks the language and the variant.
 */
@MessageBundle(value = "resident", locale = "zh")
public interface ResidentMessages {

    @Message("您的诉求已受理，工单编号{reference}。回复“查询 {reference}”可查进度，直接回复本号码可补充情况。")
    String received(String reference);

    @Message("已将您的补充记入工单{reference}。如要反映新的问题，请以“新”字开头发送。")
    String followUp(String reference);

    /** {@link #followUp} of a ticket merged into {@code into} (a report of an incident): it went on that record. */
    @Message("已将您的补充记入同一问题的工单{into}（您的工单{reference}已并入办理）。如要反映新的问题，请以“新”字开头发送。")
    String followUpMerged(String reference, String into);

    /** {@code state} is {@link #statusWord}. */
    @Message("工单{reference}当前状态：{state}。")
    String status(String reference, String state);

    /** {@link #status} of a ticket with a category. */
    @Message("工单{reference}（{category}）当前状态：{state}。")
    String statusIn(String reference, String category, String state);

    @Message("没有找到本手机号的工单{reference}，请核对编号。")
    String notFound(String reference);

    @Message("查询进度请发送“查询”加工单编号，例如：查询 100000009")
    String statusUsage();

    @Message("请用文字说明您遇到的问题和所在小区或地址。")
    String emptyMessage();

    @Message("您的工单{reference}已办结。请回复数字评价：1满意 2基本满意 3不满意 4未解决")
    String surveyQuestion(String reference);

    /**
     * {@link #surveyQuestion} to a reporter of an incident, with what was done: the resolution and the question in one
     * message (begins as every broadcast does, 您反映的问题).
     */
    @Message("您反映的问题（工单{reference}）已办结：{resolution}。请回复数字评价：1满意 2基本满意 3不满意 4未解决")
    String resolvedSurveyQuestion(String reference, String resolution);

    /** {@code result} is the survey result in words. */
    @Message("感谢您的评价（{result}），工单{reference}已结案。")
    String surveyThanks(String reference, String result);

    @Message("很抱歉问题仍未解决，工单{reference}已重新交办，我们会尽快跟进。")
    String surveyReopened(String reference);

    @Message("工单{reference}已受理。请问是在哪个小区或地址？直接回复即可。")
    String askPlace(String reference);

    @Message("工单{reference}已受理。请简要说明需要哪类帮助，例如：漏水、电梯故障、噪音、送餐。")
    String askCategory(String reference);

    @Message("您已退订热线短信，将不再收到通知。回复“订阅”可恢复。")
    String optedOut();

    @Message("您已恢复接收热线短信。")
    String optedIn();

    @Message("关于您反映的问题（工单{reference}）：{status}")
    String incidentStatus(String reference, String status);

    @Message("您反映的问题（工单{reference}）：{state}。")
    String incidentUpdate(String reference, String state);

    @Message("您反映的问题（工单{reference}）：{state}。{note}")
    String incidentUpdateNote(String reference, String state, String note);

    @Message("""
            {#when status}{#is RECEIVED}已受理{#is TRIAGE}人工分拣中{#is DISPATCHED}已派单{#is ACCEPTED}承办单位已签收\
            {#is IN_PROGRESS}办理中{#is RESOLVED}已办结，待回访{#is CLOSED}已结案{#is REOPENED}已重新交办\
            {#is CANCELLED}已撤销{#is MERGED}已合并{/when}""")
    String statusWord(TicketStatus status);
}
