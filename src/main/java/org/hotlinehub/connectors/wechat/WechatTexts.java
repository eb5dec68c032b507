package org.hotlinehub.connectors.wechat;

import java.util.List;

import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.TicketView;

/**
 * What the hub says to followers on WeChat, in Simplified Chinese or English (both where it cannot know which the
 * follower reads). Texts shared with SMS (status, survey, follow-up) come from {@link ResidentTexts}.
 */
final class WechatTexts {

    static final String BOTH = "\n——\n";

    private WechatTexts() {
    }

    static String welcome() {
        return "欢迎关注社区服务热线！直接发送文字或语音说明问题和所在小区，即可报事；也可以发送位置和图片。"
                + "发送“查询 工单编号”查进度，发送“绑定 手机号”关联您的手机，电话、短信和微信的诉求将合并到一起。" + BOTH
                + "Welcome to the community service hotline! Send a text or voice message saying what is wrong and where"
                + " (compound or address) to report it; locations and photos help too. Send STATUS and a request number"
                + " to check on it, or BIND and your phone number to link your phone.";
    }

    static String howToReport() {
        return "请直接发送文字或语音，说明遇到的问题和所在小区或地址，可附位置和图片。" + BOTH
                + "Just send a text or voice message with the problem and the compound or address; add a location or"
                + " photo if you can.";
    }

    static String received(String reference, boolean english) {
        return english
                ? "We have received your request, reference " + reference + ". Send STATUS " + reference
                        + " to check on it; write here to add details, a location or photos."
                : "您的诉求已受理，工单编号" + reference + "。发送“查询 " + reference + "”可查进度，直接在此留言可补充情况、位置或图片。";
    }

    static String notFound(String reference, boolean english) {
        return english
                ? "No request " + reference + " was filed from this WeChat account. Please check the number."
                : "没有找到您在本公众号提交的工单" + reference + "，请核对编号。";
    }

    static String myTickets(List<TicketView> tickets, boolean english) {
        if (tickets.isEmpty()) {
            return english
                    ? "You have no open requests. Send a message to report a problem."
                    : "您目前没有未办结的工单。直接发送文字即可报事。";
        }
        StringBuilder s = new StringBuilder(english ? "Your open requests:" : "您未办结的工单：");
        for (TicketView t : tickets) {
            s.append('\n').append(ResidentTexts.status(t.reference(), t.status(), t.categoryZh(), t.categoryEn(),
                    english));
        }
        return s.toString();
    }

    static String locationKept(String label, boolean english) {
        String where = label == null ? "" : (english ? " (" + label + ")" : "（" + label + "）");
        return english
                ? "Location received" + where + ". Now tell us what is wrong and we will file it with this location."
                : "已收到位置" + where + "。请再用文字或语音说明遇到的问题，我们会连同位置一起受理。";
    }

    static String photoKept(boolean english) {
        return english
                ? "Photo received. Now tell us what is wrong and where; we will file it with the photo."
                : "已收到图片。请再用文字或语音说明遇到的问题和地点，我们会连同图片一起受理。";
    }

    static String addedTo(String reference, boolean english) {
        return english ? "Added to your request " + reference + "." : "已记入工单" + reference + "。";
    }

    static String voiceNotRecognized() {
        return "没能识别这段语音，请改用文字说明问题和地点。" + BOTH
                + "We could not make out this voice message; please write what is wrong and where.";
    }

    static String unsupported() {
        return "暂不支持此类消息，请发送文字、语音、图片或位置。" + BOTH
                + "This kind of message is not supported; please send text, voice, a photo or a location.";
    }

    static String bindUsage(boolean english) {
        return english
                ? "To link your phone, send BIND and your mobile number, e.g. BIND 13900000000."
                : "关联手机请发送“绑定”加手机号，例如：绑定 13900000000";
    }

    static String bindCodeSent(String maskedPhone, boolean english) {
        return english
                ? "A 6-digit code was sent by SMS to " + maskedPhone + ". Send it here within 10 minutes."
                : "验证码已通过短信发送至" + maskedPhone + "，请在10分钟内将6位验证码发送到本公众号。";
    }

    static String bindSms(String code) {
        return "【社区服务热线】您的微信绑定验证码为" + code + "，10分钟内有效，如非本人操作请忽略。 WeChat link code: " + code;
    }

    static String bound(String maskedPhone, boolean english) {
        return english
                ? "Your WeChat is now linked to " + maskedPhone + ": your calls, texts and messages here are kept"
                        + " together."
                : "绑定成功！本微信已关联" + maskedPhone + "，您的电话、短信和微信诉求将合并查看。";
    }

    static String wrongCode(boolean english) {
        return english ? "That code is not right. Please check the SMS and try again." : "验证码不正确，请核对短信后重试。";
    }

    static String bindExpired(boolean english) {
        return english
                ? "That code has expired or was tried too often. Send BIND and your number for a new one."
                : "验证码已失效或错误次数过多，请重新发送“绑定 手机号”。";
    }
}
