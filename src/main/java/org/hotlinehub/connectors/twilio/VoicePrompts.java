package org.hotlinehub.connectors.twilio;

import java.util.stream.Collectors;

import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.TicketStatus;

import com.twilio.twiml.voice.Say;

/**
 * What the voice line says, in Mandarin (Polly.Zhiyu, cmn-CN) or English (Polly.Joanna, en-US). References are read
 * digit by digit so a caller can write them down.
 */
final class VoicePrompts {

    static final Say.Voice ZH_VOICE = Say.Voice.POLLY_ZHIYU;
    static final Say.Language ZH_LANGUAGE = Say.Language.CMN_CN;
    static final Say.Voice EN_VOICE = Say.Voice.POLLY_JOANNA;
    static final Say.Language EN_LANGUAGE = Say.Language.EN_US;

    private VoicePrompts() {
    }

    static Say say(boolean english, String text) {
        return new Say.Builder(text).voice(english ? EN_VOICE : ZH_VOICE).language(english ? EN_LANGUAGE : ZH_LANGUAGE)
                .build();
    }

    /** {@code 100000009} → {@code 1 0 0 0 0 0 0 0 9}. */
    static String digits(String reference) {
        return reference.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.joining(" "));
    }

    static String menu(boolean english) {
        return english
                ? "Welcome to the 96993 community service hotline. For urgent help for registered elderly or disabled"
                        + " residents, press 1. For home services and repairs, press 2. For property matters, press 3."
                        + " For non-emergency public order, press 4. To check a request, press 5. To speak to an"
                        + " operator, press 0. 普通话服务请按9。"
                : "您好，这里是96993社区服务热线。独居老人和残疾人紧急求助请按1，家政和维修服务请按2，物业问题请按3，"
                        + "治安问题请按4，查询工单进度请按5，人工服务请按0。";
    }

    /** Said in English inside the Mandarin menu. */
    static String englishKey() {
        return "For English, press 9.";
    }

    static String closed(boolean english) {
        return english
                ? "Our operators are not on duty now. You can still check a request or leave a message."
                : "现在是非工作时间，您仍可以查询工单或留言。";
    }

    static String invalid(boolean english) {
        return english ? "Sorry, that was not a valid choice." : "抱歉，没有收到有效的按键。";
    }

    static String toOperatorAfterInvalid(boolean english) {
        return english ? "Let us connect you to an operator." : "为您转接人工服务。";
    }

    static String assurance(boolean english, String name, boolean silenceAlarm) {
        String who = name == null || name.isBlank() ? "" : name;
        if (english) {
            return "Hello " + who + ", this is 96993 call assurance. If you need urgent help, press 1"
                    + (silenceAlarm ? ", or stay on the line and we will send a community volunteer at once." : ".")
                    + " For other services, press 2.";
        }
        return who + "您好，这里是96993呼叫保障。需要紧急帮助请按1"
                + (silenceAlarm ? "，或者不要挂机，我们会马上通知社区志愿者上门。" : "。") + "其他服务请按2。";
    }

    static String urgentRaised(boolean english, String reference, boolean contactsTexted) {
        return english
                ? "We have called for help: a community volunteer is on the way. Your request number is "
                        + digits(reference) + "." + (contactsTexted ? " We have texted your emergency contacts." : "")
                : "已为您发出紧急求助，社区志愿者会尽快上门。工单编号：" + digits(reference) + "。"
                        + (contactsTexted ? "我们已短信通知您的紧急联系人。" : "");
    }

    static String stayOnLine(boolean english) {
        return english
                ? "Please keep your phone free; the volunteer may call you. Goodbye."
                : "请保持电话畅通，志愿者可能会给您回电。再见。";
    }

    static String priorityConnect(boolean english) {
        return english ? "Connecting you to an operator first, please hold." : "正在为您优先转接话务员，请不要挂机。";
    }

    static String urgentNotRegistered(boolean english) {
        return english
                ? "Urgent help by key 1 is for registered elderly and disabled residents. If a life is in danger,"
                        + " hang up and dial 120."
                : "按键紧急求助面向已登记的独居老人和残疾人。如有生命危险，请挂机拨打120。";
    }

    static String emergencies(boolean english) {
        return english
                ? "For a crime in progress dial 110, for a fire dial 119, for illness or injury dial 120."
                : "如遇正在发生的违法犯罪请拨打110，火灾请拨打119，急病或受伤请拨打120。";
    }

    static String connecting(boolean english) {
        return english ? "Connecting you to an operator, please hold." : "正在为您转接话务员，请稍候。";
    }

    static String waiting(boolean english, String position) {
        boolean known = position != null && position.matches("\\d+");
        return english
                ? "All operators are busy. Please hold" + (known ? "; you are number " + position + " in line." : ".")
                : "话务员正在忙，请稍候" + (known
                        ? "，您前面还有" + Math.max(0, Integer.parseInt(position) - 1) + "位。"
                        : "。");
    }

    static String operatorMissed(boolean english) {
        return english
                ? "The operator could not take your call. You stay first in line, please hold."
                : "话务员暂时无法接听，请继续等待。";
    }

    static String voicemail(boolean english) {
        return english
                ? "Please leave a message after the tone: what the problem is and where. Press the hash key when done."
                : "请在提示音后留言，说明您遇到的问题和地址，按井号键结束。";
    }

    static String noMessage(boolean english) {
        return english ? "We did not hear a message. Goodbye." : "没有录到留言，再见。";
    }

    static String messageKept(boolean english, String reference) {
        return english
                ? "Your message is recorded. Your request number is " + digits(reference)
                        + ". We will get back to you soon. Goodbye."
                : "您的留言已记录，工单编号：" + digits(reference) + "。我们会尽快处理，再见。";
    }

    static String busy(boolean english) {
        return english
                ? "Sorry, we cannot take your message right now. Please call again in a few minutes."
                : "抱歉，系统繁忙，暂时无法记录，请稍后再拨。";
    }

    static String askReference(boolean english) {
        return english
                ? "Please enter your request number, then press the hash key."
                : "请输入工单编号，以井号键结束。";
    }

    static String status(boolean english, String reference, TicketStatus status, String categoryZh,
            String categoryEn) {
        if (english) {
            String category = categoryEn != null ? categoryEn : categoryZh;
            return "Request " + digits(reference) + (category == null ? "" : ", " + category) + ": "
                    + ResidentTexts.statusEn(status) + ". Thank you for calling, goodbye.";
        }
        return "工单" + digits(reference) + (categoryZh == null ? "" : "，" + categoryZh) + "，当前状态："
                + ResidentTexts.statusZh(status) + "。感谢来电，再见。";
    }

    static String notFound(boolean english, String reference) {
        return english
                ? "We found no request " + digits(reference) + " filed from this phone."
                : "没有找到本号码的工单" + digits(reference) + "。";
    }

    static String surveyQuestion(boolean english, String reference) {
        return english
                ? "Hello, this is the 96993 community service hotline calling about your request "
                        + digits(reference) + ", which has been resolved. Is the problem solved? Press 1 for yes,"
                        + " 2 for no."
                : "您好，这里是96993社区服务热线回访。您反映的问题，工单" + digits(reference)
                        + "，已经办结。问题解决了吗？已解决请按1，未解决请按2。";
    }

    static String surveyRating(boolean english) {
        return english
                ? "How satisfied are you with our service? Press 1 satisfied, 2 basically satisfied, 3 dissatisfied."
                : "请对我们的服务作出评价：满意请按1，基本满意请按2，不满意请按3。";
    }

    static String surveyThanks(boolean english) {
        return english ? "Thank you for your feedback. Goodbye." : "感谢您的评价，再见。";
    }

    static String surveyReopened(boolean english) {
        return english
                ? "We are sorry it is not solved. Your request has been reopened and we will follow up. Goodbye."
                : "很抱歉问题还没有解决，我们已重新交办，会尽快跟进。再见。";
    }

    static String surveyLater(boolean english) {
        return english ? "We will call you again later. Goodbye." : "我们稍后再与您联系，再见。";
    }
}
