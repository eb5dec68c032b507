package org.hotlinehub.connectors.twilio;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the masked line says and answers to partners and volunteers (docs/contract.md, "Masked calls and texts"), in
 * Simplified Chinese; English in {@code messages/masked_en.properties}. A refusal is always given in both languages.
 * Numbers for the voice come spelt digit by digit ({@link VoicePrompts#digits}).
 */
@MessageBundle(value = "masked", locale = "zh")
public interface MaskedLineMessages {

    @Message("{name}您好，这里是96993号码保护通话，居民看到的是热线号码。")
    String greeting(String name);

    @Message("按{key}联系工单{number}的居民。")
    String choice(int key, String number);

    @Message("也可以输入工单号，按井号键结束。拨打热线请按0。")
    String askReference();

    @Message("抱歉，没有收到有效的按键。")
    String invalid();

    @Message("正在为您接通工单{number}的居民，请稍候。")
    String connecting(String number);

    @Message("居民未接听，请稍后再试。再见。")
    String noAnswer();

    @Message("工单{number}尚未签收，签收后才能联系居民。")
    String notAccepted(String number);

    @Message("您在工单{number}的派单已结束（已办结、拒单、退单或超时），号码保护通话和短信已停止。如仍需联系居民，请拨打热线转人工服务。")
    String ended(String number);

    @Message("没有派给您的工单{number}，请核对编号。")
    String notHeld(String number);

    @Message("工单{number}没有居民的电话号码，无法联系。")
    String noPhone(String number);

    @Message("已转给工单{number}的居民，居民回复会转到本手机。")
    String relayed(String number);
}
