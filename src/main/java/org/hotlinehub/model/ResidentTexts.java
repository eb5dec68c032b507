package org.hotlinehub.model;

/**
 * What the hub says to residents by text message, in Simplified Chinese or English. Kept short: a Chinese text up to
 * 70 characters is one SMS segment.
 */
public final class ResidentTexts {

    private ResidentTexts() {
    }

    /** Chinese when the resident wrote any Han character, else English. */
    public static boolean english(String text) {
        return text == null
                || text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    public static String language(boolean english) {
        return english ? "en" : "zh";
    }

    public static String received(String reference, boolean english) {
        return english
                ? "We have received your request, reference " + reference + ". Reply STATUS " + reference
                        + " to check on it; reply to this number to add details."
                : "您的诉求已受理，工单编号" + reference + "。回复“查询 " + reference + "”可查进度，直接回复本号码可补充情况。";
    }

    public static String followUp(String reference, boolean english) {
        return english
                ? "Added to your request " + reference + ". To report a different problem, start your message with NEW."
                : "已将您的补充记入工单" + reference + "。如要反映新的问题，请以“新”字开头发送。";
    }

    public static String status(String reference, TicketStatus status, String categoryZh, String categoryEn,
            boolean english) {
        if (english) {
            String category = categoryEn != null ? categoryEn : categoryZh;
            return "Request " + reference + (category == null ? "" : " (" + category + ")") + ": " + statusEn(status)
                    + ".";
        }
        return "工单" + reference + (categoryZh == null ? "" : "（" + categoryZh + "）") + "当前状态：" + statusZh(status)
                + "。";
    }

    public static String notFound(String reference, boolean english) {
        return english
                ? "No request " + reference + " was filed from this phone. Please check the number."
                : "没有找到本手机号的工单" + reference + "，请核对编号。";
    }

    public static String statusUsage(boolean english) {
        return english
                ? "To check a request, send STATUS and its number, e.g. STATUS 100000009."
                : "查询进度请发送“查询”加工单编号，例如：查询 100000009";
    }

    public static String emptyMessage(boolean english) {
        return english
                ? "Please describe your problem in words, and where it is (compound or address)."
                : "请用文字说明您遇到的问题和所在小区或地址。";
    }

    public static String surveyQuestion(String reference, boolean english) {
        return english
                ? "Your request " + reference
                        + " has been resolved. Please reply 1 satisfied, 2 basically satisfied, 3 dissatisfied,"
                        + " 4 not solved."
                : "您的工单" + reference + "已办结。请回复数字评价：1满意 2基本满意 3不满意 4未解决";
    }

    public static String surveyThanks(String reference, SurveyResult result, boolean english) {
        if (result == SurveyResult.NOT_SOLVED) {
            return english
                    ? "Sorry it is not solved yet. Request " + reference + " has been reopened; we will follow up."
                    : "很抱歉问题仍未解决，工单" + reference + "已重新交办，我们会尽快跟进。";
        }
        return english
                ? "Thank you for your feedback (" + result.labelEn() + "). Request " + reference + " is now closed."
                : "感谢您的评价（" + result.labelZh() + "），工单" + reference + "已结案。";
    }

    public static String askPlace(String reference, boolean english) {
        return english
                ? "About request " + reference + ": which compound or address is this at? Just reply to this message."
                : "工单" + reference + "已受理。请问是在哪个小区或地址？直接回复即可。";
    }

    public static String askCategory(String reference, boolean english) {
        return english
                ? "About request " + reference
                        + ": what help do you need, e.g. leak, broken lift, noise, meal delivery? Just reply."
                : "工单" + reference + "已受理。请简要说明需要哪类帮助，例如：漏水、电梯故障、噪音、送餐。";
    }

    public static String optedOut(boolean english) {
        return english
                ? "You will get no more text messages from the hotline. Reply START to receive them again."
                : "您已退订热线短信，将不再收到通知。回复“订阅”可恢复。";
    }

    public static String optedIn(boolean english) {
        return english
                ? "You will receive text messages from the hotline again."
                : "您已恢复接收热线短信。";
    }

    /** The status in words, as {@link #statusEn} or {@link #statusZh}. */
    public static String statusWord(TicketStatus status, boolean english) {
        return english ? statusEn(status) : statusZh(status);
    }

    public static String statusZh(TicketStatus status) {
        return switch (status) {
            case RECEIVED -> "已受理";
            case TRIAGE -> "人工分拣中";
            case DISPATCHED -> "已派单";
            case ACCEPTED -> "承办单位已签收";
            case IN_PROGRESS -> "办理中";
            case RESOLVED -> "已办结，待回访";
            case CLOSED -> "已结案";
            case REOPENED -> "已重新交办";
            case CANCELLED -> "已撤销";
            case MERGED -> "已合并";
        };
    }

    public static String statusEn(TicketStatus status) {
        return switch (status) {
            case RECEIVED -> "received";
            case TRIAGE -> "being reviewed by an operator";
            case DISPATCHED -> "sent to the handling party";
            case ACCEPTED -> "accepted by the handling party";
            case IN_PROGRESS -> "in progress";
            case RESOLVED -> "resolved, awaiting your feedback";
            case CLOSED -> "closed";
            case REOPENED -> "reopened";
            case CANCELLED -> "cancelled";
            case MERGED -> "merged with another request";
        };
    }
}
