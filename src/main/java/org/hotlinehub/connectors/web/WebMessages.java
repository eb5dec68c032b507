package org.hotlinehub.connectors.web;

import org.hotlinehub.model.TicketStatus;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Resident-facing text of the web pages, in Simplified Chinese; English in {@code messages/msg_en.properties}. */
@MessageBundle(locale = "zh")
public interface WebMessages {

    @Message("社区服务热线 96993")
    String brand();

    @Message("在线报事")
    String reportTitle();

    @Message("请告诉我们需要什么帮助。紧急情况请拨打 110 / 119 / 120。")
    String reportIntro();

    @Message("事项类别")
    String category();

    @Message("不确定（由我们判断）")
    String categoryUnsure();

    @Message("情况描述")
    String description();

    @Message("例如：3号楼2单元楼道灯不亮已经一周")
    String descriptionHint();

    @Message("您的称呼")
    String name();

    @Message("手机号码")
    String phone();

    @Message("用于回复您和回访，不会公开")
    String phoneHint();

    @Message("小区")
    String compound();

    @Message("请选择小区")
    String compoundChoose();

    @Message("详细地址")
    String address();

    @Message("例如：海韵花园3号楼2单元501")
    String addressHint();

    @Message("照片（可选，最大 {maxMb} MB）")
    String photo(long maxMb);

    @Message("提交")
    String submit();

    @Message("请检查以下内容")
    String fixErrors();

    @Message("已受理")
    String receivedTitle();

    @Message("您的诉求已受理，我们会尽快派给负责的单位处理。")
    String receivedText();

    @Message("受理编号")
    String reference();

    @Message("请记下编号，可凭编号和手机号查询进度。")
    String referenceHint();

    @Message("查询进度")
    String statusTitle();

    @Message("查询")
    String lookUp();

    @Message("没有找到该编号，或手机号不一致。")
    String statusNotFound();

    @Message("当前状态")
    String currentStatus();

    @Message("类别")
    String categoryLabel();

    @Message("地点")
    String placeLabel();

    @Message("承办单位")
    String handlerLabel();

    @Message("协办单位")
    String supportLabel();

    @Message("（待签收）")
    String handlerOffered();

    @Message("预计 {dueBy} 前办结")
    String handlerDueBy(String dueBy);

    @Message("正在安排承办单位")
    String handlerNone();

    @Message("提交时间")
    String createdLabel();

    @Message("办理记录")
    String timelineLabel();

    @Message("再报一件事")
    String reportAnother();

    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();

    @Message("请填写情况描述（至少 5 个字）")
    String errDescription();

    @Message("请填写正确的手机号码")
    String errPhone();

    @Message("请选择小区或填写地址")
    String errPlace();

    @Message("未知的事项类别")
    String errCategory();

    @Message("未知的小区")
    String errCompound();

    @Message("照片太大，最大 {maxMb} MB")
    String errPhotoSize(long maxMb);

    @Message("照片格式不支持，请上传 JPEG、PNG、WebP 或 GIF")
    String errPhotoType();

    @Message("系统繁忙，请稍后再试。您的内容尚未提交。")
    String errUnavailable();

    @Message("提交太频繁，请 {seconds} 秒后再试。")
    String errTooMany(long seconds);

    @Message("请求太频繁，请 {seconds} 秒后再试。")
    String errTooManyRequests(long seconds);

    @Message("这张表单已经提交过另一条报事，不能再用来提交不同的内容。请刷新页面后重新填写。")
    String errTokenUsed();

    @Message("该表单只能从本站提交。请打开本站的报事页面重新填写。")
    String errForeignOrigin();

    @Message("请检查这一项：{label}")
    String errAttribute(String label);

    @Message("“{label}”最多 {max} 个字")
    String errTooLong(String label, int max);

    @Message("工作人员登录")
    String signInTitle();

    @Message("话务员、主管、管理员和合作单位用户请登录。居民报事无需登录。")
    String signInIntro();

    @Message("用户名")
    String username();

    @Message("密码")
    String password();

    @Message("登录")
    String signIn();

    @Message("用户名或密码错误。连续输错 {maxFailures} 次后需等待一段时间（最长 {lockoutMinutes} 分钟）才能再试。")
    String signInFailed(int maxFailures, long lockoutMinutes);

    @Message("您已退出登录。")
    String signedOut();

    @Message("退出登录")
    String signOut();

    @Message("使用统一身份认证登录（话务员、主管、管理员）")
    String signInSso();

    @Message("或使用本系统账号登录（合作单位及本地账号）：")
    String signInLocal();

    @Message("未启用统一身份认证，请使用用户名和密码登录。")
    String ssoDisabled();

    @Message("您的统一身份账号 {name} 没有热线系统的角色。请联系管理员把您加入话务员、主管或管理员对应的用户组。")
    String ssoNoRole(String name);

    @Message("返回登录页")
    String backToSignIn();

    @Message("热线繁忙，请稍后再试。")
    String errIntakeBusy();

    /** A ticket's status as the status page shows it to the resident. */
    @Message("""
            {#when status}{#is RECEIVED}已受理{#is TRIAGE}人工核实中{#is DISPATCHED}已派单{#is ACCEPTED}承办单位已签收\
            {#is IN_PROGRESS}处理中{#is RESOLVED}已办结，待回访{#is CLOSED}已结案{#is REOPENED}已重新办理{#is CANCELLED}已撤销\
            {#is MERGED}已合并办理{/when}""")
    String ticketStatus(TicketStatus status);
}
