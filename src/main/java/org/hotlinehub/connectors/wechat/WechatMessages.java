package org.hotlinehub.connectors.wechat;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the hub says to followers on WeChat, in Simplified Chinese; English in {@code messages/wechat_en.properties}.
 * {@link WechatTexts} picks the language (or joins both) for each reply.
 */
@MessageBundle(value = "wechat", locale = "zh")
public interface WechatMessages {

    @Message("欢迎关注社区服务热线！直接发送文字或语音说明问题和所在小区，即可报事；也可以发送位置和图片。"
            + "发送“查询 工单编号”查进度，发送“绑定 手机号”关联您的手机，电话、短信和微信的诉求将合并到一起。")
    String welcome();

    @Message("请直接发送文字或语音，说明遇到的问题和所在小区或地址，可附位置和图片。")
    String howToReport();

    @Message("您的诉求已受理，工单编号{reference}。发送“查询 {reference}”可查进度，直接在此留言可补充情况、位置或图片。")
    String received(String reference);

    @Message("没有找到您在本公众号提交的工单{reference}，请核对编号。")
    String notFound(String reference);

    @Message("您目前没有未办结的工单。直接发送文字即可报事。")
    String noOpenTickets();

    @Message("您未办结的工单：")
    String openTickets();

    @Message("已收到位置。请再用文字或语音说明遇到的问题，我们会连同位置一起受理。")
    String locationKept();

    @Message("已收到位置（{label}）。请再用文字或语音说明遇到的问题，我们会连同位置一起受理。")
    String locationKeptAt(String label);

    @Message("已收到图片。请再用文字或语音说明遇到的问题和地点，我们会连同图片一起受理。")
    String photoKept();

    @Message("已记入工单{reference}。")
    String addedTo(String reference);

    @Message("没能识别这段语音，请改用文字说明问题和地点。")
    String voiceNotRecognized();

    @Message("暂不支持此类消息，请发送文字、语音、图片或位置。")
    String unsupported();

    @Message("关联手机请发送“绑定”加手机号，例如：绑定 13900000000")
    String bindUsage();

    @Message("验证码已通过短信发送至{maskedPhone}，请在10分钟内将6位验证码发送到本公众号。")
    String bindCodeSent(String maskedPhone);

    @Message("【社区服务热线】您的微信绑定验证码为{code}，10分钟内有效，如非本人操作请忽略。")
    String bindSms(String code);

    @Message("绑定成功！本微信已关联{maskedPhone}，您的电话、短信和微信诉求将合并查看。")
    String bound(String maskedPhone);

    @Message("验证码不正确，请核对短信后重试。")
    String wrongCode();

    @Message("验证码已失效或错误次数过多，请重新发送“绑定 手机号”。")
    String bindExpired();
}
