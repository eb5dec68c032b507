package org.hotlinehub.connectors.twilio;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the operators' calls page ({@link TwilioCallConsole}) says, in Simplified Chinese; English in
 * {@code messages/calls_en.properties}.
 */
@MessageBundle(value = "calls", locale = "zh")
public interface CallConsoleMessages {

    @Message("正在接通 {phone} → {target}{#if sandbox}（沙箱模式，未实际接通）{/if}")
    String connecting(String phone, String target, boolean sandbox);

    @Message("当前没有排队的来电。")
    String nobodyWaiting();

    @Message("已标记为已回拨。")
    String calledBack();

    @Message("""
            {#when stage}{#is MENU}语音菜单中{#is QUEUED}排队中{#is CONNECTING}正在接通{#is CONNECTED}通话中\
            {#is ENDED}已结束{/when}""")
    String stage(VoiceCalls.Stage stage);

    /** Why a caller waits for a call back; an unknown reason is the queue's own word. */
    @Message("""
            {#when reason}{#is 'abandoned'}排队时挂断{#is 'vulnerable-hangup'}重点关爱居民在菜单中挂断\
            {#else}排队失败（{reason}）{/when}""")
    String reason(String reason);

    /** The html lang attribute of the calls page. */
    @Message("zh-CN")
    String htmlLang();

    @Message("来电 · 96993")
    String title();

    @Message("96993 热线 — 来电")
    String heading();

    @Message("值班时间")
    String staffed();

    @Message("非值班时间：留言")
    String afterHours();

    @Message("en")
    String otherLanguageCode();

    @Message("English")
    String otherLanguage();

    @Message("zh")
    String languageCode();

    @Message("接听下一个来电")
    String takeNext();

    @Message("实时来电")
    String liveCalls();

    @Message("来电号码")
    String colCaller();

    @Message("状态")
    String colWhere();

    @Message("事项")
    String colTopic();

    @Message("等待")
    String colWaiting();

    @Message("居民信息")
    String colProfile();

    @Message("近期工单")
    String colTickets();

    @Message("重点关爱")
    String priority();

    @Message("工单")
    String ticket();

    @Message("紧急联系人")
    String emergencyContacts();

    @Message("未登记")
    String unknownCaller();

    @Message("当前没有来电。")
    String noCalls();

    @Message("待回拨")
    String callbackList();

    @Message("号码")
    String colNumber();

    @Message("原因")
    String colWhy();

    @Message("等待")
    String colWaited();

    @Message("时间")
    String colWhen();

    @Message("居民")
    String colResident();

    @Message("备注")
    String note();

    @Message("已回拨")
    String markCalledBack();

    @Message("没有待回拨的来电。")
    String nobodyToCallBack();
}
