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
}
