package org.hotlinehub.connectors.twilio;

import java.util.List;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the voice line says and writes, in Simplified Chinese; English in {@code messages/voice_en.properties}.
 * {@link VoicePrompts} speaks them; {@link CallAssurance} and the voicemail write some into tickets and texts.
 * Request numbers come in already spelt digit by digit ({@link VoicePrompts#digits}).
 */
@MessageBundle(value = "voice", locale = "zh")
public interface VoiceMessages {

    @Message("您好，这里是96993社区服务热线。独居老人和残疾人紧急求助请按1，家政和维修服务请按2，物业问题请按3，"
            + "治安问题请按4，查询工单进度请按5，人工服务请按0。")
    String menu();

    @Message("我们已经知道{place}{status}。如果您仍要补充报告，请按1。")
    String surge(String status, String place);

    @Message("感谢来电，我们会持续通报进展。再见。")
    String surgeGoodbye();

    /** Said in English inside the Mandarin menus, so it has no other language. */
    @Message("For English, press 9.")
    String englishKey();

    @Message("现在是非工作时间，您仍可以查询工单或留言。")
    String closed();

    @Message("抱歉，没有收到有效的按键。")
    String invalid();

    @Message("为您转接人工服务。")
    String toOperatorAfterInvalid();

    @Message("{who}您好，这里是96993呼叫保障。需要紧急帮助请按1{#if silenceAlarm}，或者不要挂机，我们会马上通知社区志愿者上门。{#else}。{/if}"
            + "其他服务请按2。")
    String assurance(String who, boolean silenceAlarm);

    @Message("已为您发出紧急求助，社区志愿者会尽快上门。工单编号：{number}。{#if contactsTexted}我们已短信通知您的紧急联系人。{/if}")
    String urgentRaised(String number, boolean contactsTexted);

    @Message("请保持电话畅通，志愿者可能会给您回电。再见。")
    String stayOnLine();

    @Message("正在为您优先转接话务员，请不要挂机。")
    String priorityConnect();

    @Message("按键紧急求助面向已登记的独居老人和残疾人。如有生命危险，请挂机拨打120。")
    String urgentNotRegistered();

    @Message("如遇正在发生的违法犯罪请拨打110，火灾请拨打119，急病或受伤请拨打120。")
    String emergencies();

    @Message("正在为您转接话务员，请稍候。")
    String connecting();

    @Message("话务员正在忙，请稍候。")
    String waiting();

    /** {@code position} is the caller's place in the queue, {@code ahead} how many callers are before them. */
    @Message("话务员正在忙，请稍候，您前面还有{ahead}位。")
    String waitingInLine(String position, int ahead);

    @Message("话务员暂时无法接听，请继续等待。")
    String operatorMissed();

    @Message("请在提示音后留言，说明您遇到的问题和地址，按井号键结束。")
    String voicemail();

    @Message("没有录到留言，再见。")
    String noMessage();

    @Message("您的留言已记录，工单编号：{number}。我们会尽快处理，再见。")
    String messageKept(String number);

    @Message("抱歉，系统繁忙，暂时无法记录，请稍后再拨。")
    String busy();

    @Message("请输入工单编号，以井号键结束。")
    String askReference();

    /** {@code state} is the status in words ({@code ResidentReplies}); {@code category} only when {@code hasCategory}. */
    @Message("工单{number}{#if hasCategory}，{category}{/if}，当前状态：{state}。感谢来电，再见。")
    String status(String number, boolean hasCategory, String category, String state);

    @Message("没有找到本号码的工单{number}。")
    String notFound(String number);

    @Message("您好，这里是96993社区服务热线回访。您反映的问题，工单{number}，已经办结。问题解决了吗？已解决请按1，未解决请按2。")
    String surveyQuestion(String number);

    @Message("请对我们的服务作出评价：满意请按1，基本满意请按2，不满意请按3。")
    String surveyRating();

    @Message("感谢您的评价，再见。")
    String surveyThanks();

    @Message("很抱歉问题还没有解决，我们已重新交办，会尽快跟进。再见。")
    String surveyReopened();

    @Message("我们稍后再与您联系，再见。")
    String surveyLater();

    /** What the caller chose in the menu, as the console and the voicemail ticket name it. */
    @Message("""
            {#when topic}{#is 'urgent-help'}紧急求助{#is 'home-services-repairs'}家政和维修{#is 'property'}物业问题\
            {#is 'public-order'}治安问题{#is 'operator'}人工服务{#is 'masked-relay'}号码保护通话{#else}未选择{/when}""")
    String topic(String topic);

    /** A voicemail's ticket text; {@code topic} ({@link #topic}) only when {@code hasTopic}, {@code seconds} if any. */
    @Message("电话留言{#if hasTopic}（{topic}）{/if}{#if seconds}，{seconds}秒{/if}，请收听录音，转写稍后附上。")
    String voicemailTicket(boolean hasTopic, String topic, String seconds);

    @Message("留言转写：{text}")
    String voicemailTranscript(String text);

    /** The urgent ticket's text: who called, their flags, and how they asked for help. */
    @Message("""
            呼叫保障：已登记居民{name}（{#each flags}{it}{#if it_hasNext}、{/if}{/each}）来电，\
            {#if silent}在呼叫保障提示后未按键（静默求助）{#else}按1紧急求助{/if}，请立即上门查看。""")
    String assuranceTicket(String name, List<String> flags, boolean silent);

    /** The SMS to the resident's emergency contacts; {@code where} only when {@code hasPlace}. */
    @Message("""
            【96993呼叫保障】您的家人{name}于{at}拨打热线求助（{#if silent}未按键{#else}按1求助{/if}）。\
            社区志愿者正赶往{#if hasPlace}{where}{#else}其住处{/if}，工单{reference}。请尽快与其联系。""")
    String assuranceContacts(String name, String at, boolean silent, boolean hasPlace, String where,
            String reference);

    /**
     * What the hub's call to an emergency contact says first (stored with the call); {@code where} only when
     * {@code hasPlace}; {@code number} spelt digit by digit.
     */
    @Message("""
            您好，这里是96993社区服务热线呼叫保障。您的家人{name}于{at}拨打热线紧急求助\
            （{#if silent}未按键{#else}按1求助{/if}），{#if hasPlace}地址：{where}，{/if}工单{number}。""")
    String contactCall(String name, String at, boolean silent, boolean hasPlace, String where, String number);

    @Message("如果您能马上赶去照看，请按1；去不了请按2。")
    String contactAsk();

    @Message("谢谢您！已记录由您前往照看，志愿者和社区的派单已撤回。情况危急请拨打120。再见。")
    String contactTaken();

    @Message("谢谢您！已有志愿者或社区工作人员接手，正在赶去，请与家人保持联系。再见。")
    String contactAlreadyTaken();

    @Message("谢谢您！热线话务员正在处理，请尽快与家人联系。再见。")
    String contactWithOperators();

    @Message("好的，我们会继续联系志愿者和社区工作人员，请尽快与家人联系。再见。")
    String contactDeclined();

    /** Said first when a resident with a daily check-in calls the hotline (call assurance). */
    @Message("已为您签到，祝您平安。")
    String checkedIn();

    /** The answer to a check-in text (签到, 平安, OK) from a resident with a daily check-in. */
    @Message("【96993呼叫保障】已为您签到，祝您平安！")
    String checkedInText();

    /** The urgent ticket's text when a resident with a daily check-in did not check in by {@code by}. */
    @Message("""
            呼叫保障：已登记居民{name}（{#each flags}{it}{#if it_hasNext}、{/if}{/each}）今天{by}前未签到            （没有来电，也没有签到短信），请立即上门查看。""")
    String missedCheckInTicket(String name, List<String> flags, String by);

    /** The SMS to the emergency contacts of a resident who missed the check-in; {@code where} only when {@code hasPlace}. */
    @Message("""
            【96993呼叫保障】您的家人{name}今天{by}前未按时签到。社区志愿者正赶往{#if hasPlace}{where}{#else}其住处{/if}            查看，工单{reference}。请尽快与其联系。""")
    String missedCheckInContacts(String name, String by, boolean hasPlace, String where, String reference);

    /** What the hub's call to an emergency contact says first when the resident missed the check-in. */
    @Message("""
            您好，这里是96993社区服务热线呼叫保障。您的家人{name}今天{by}前未按时签到，            {#if hasPlace}地址：{where}，{/if}工单{number}。""")
    String missedCheckInCall(String name, String by, boolean hasPlace, String where, String number);

    /** Said to the operator who asked the hub to call a resident ({@code whom}) once they pick up. */
    @Message("热线为您接通工单{number}的{#if resident}居民{#else}紧急联系人{/if}，请稍候。")
    String bridgeConnecting(String number, boolean resident);
}
