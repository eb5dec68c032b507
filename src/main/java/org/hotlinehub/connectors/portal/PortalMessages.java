package org.hotlinehub.connectors.portal;

import org.hotlinehub.model.AssignmentState;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Partner-facing text of the portal, in Simplified Chinese; English in {@code messages/portal_en.properties}. */
@MessageBundle(value = "portal", locale = "zh")
public interface PortalMessages {

    @Message("96993 承办单位工作台")
    String brand();

    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();

    /** The html lang attribute of the pages in this language. */
    @Message("zh-CN")
    String htmlLang();

    @Message("跳到正文")
    String skip();

    @Message("退出登录")
    String signOut();

    @Message("{user} · {partner}")
    String signedInAs(String user, String partner);

    @Message("我的工单")
    String homeTitle();

    @Message("待签收")
    String offersTitle();

    @Message("目前没有待签收的工单。")
    String offersEmpty();

    @Message("办理中")
    String workTitle();

    @Message("目前没有办理中的工单。")
    String workEmpty();

    @Message("已退单，等待热线中心裁定")
    String returnedTitle();

    @Message("最近办结")
    String closedTitle();

    @Message("签收时限")
    String acceptBy();

    @Message("办结时限")
    String resolveBy();

    @Message("工单 {reference}")
    String ticketNo(String reference);

    @Message("查看详情")
    String open();

    @Message("返回列表")
    String backToList();

    @Message("状态")
    String state();

    @Message("""
            {#when state}{#is OFFERED}待签收{#is ACCEPTED}已签收{#is IN_PROGRESS}办理中{#is RETURNED}已退单，待裁定\
            {#is RESOLVED}已办结{#is DECLINED}已拒单{#is EXPIRED}签收超时，已改派{#is CANCELLED}已撤销{/when}""")
    String stateName(AssignmentState state);

    @Message("事项")
    String category();

    @Message("紧急程度")
    String priority();

    @Message("情况描述")
    String description();

    @Message("地点")
    String place();

    @Message("居民")
    String resident();

    @Message("详细地址")
    String fullAddress();

    @Message("居民填写的信息")
    String answers();

    @Message("照片")
    String photos();

    @Message("照片 {n}（点击查看原图）")
    String photoAlt(int n);

    @Message("居民电话已隐藏，请通过热线中心联系居民。")
    String residentPhoneNote();

    @Message("派单依据")
    String reasonChosen();

    @Message("签收")
    String accept();

    @Message("拒单")
    String decline();

    @Message("拒单原因")
    String declineReason();

    @Message("例如：不在我单位服务范围")
    String declineHint();

    @Message("办理进展")
    String progressTitle();

    @Message("进展说明")
    String progressNote();

    @Message("提交进展")
    String addProgress();

    @Message("办结")
    String resolveTitle();

    @Message("办理结果")
    String resolveNote();

    @Message("现场照片（选填）")
    String photo();

    @Message("JPEG、PNG、GIF 或 WebP，不超过 {maxMb} MB。")
    String photoHint(long maxMb);

    @Message("提交办结")
    String resolve();

    @Message("退单")
    String giveBackTitle();

    @Message("如果该工单不应由本单位办理，请选择原因退回，热线中心会重新安排或说明后退回给您。")
    String giveBackIntro();

    @Message("退单原因")
    String giveBackReason();

    @Message("请选择")
    String choose();

    @Message("补充说明（选填）")
    String giveBackNote();

    @Message("提交退单")
    String giveBack();

    @Message("已退单，等待热线中心裁定。")
    String awaitingRuling();

    @Message("本单位办理记录")
    String historyTitle();

    @Message("已签收，请尽快办理。")
    String doneAccept();

    @Message("已拒单，热线中心会另行派单。")
    String doneDecline();

    @Message("已退单，等待热线中心裁定。")
    String doneReturn();

    @Message("进展已记录。")
    String doneProgress();

    @Message("已办结，谢谢！热线中心会回访居民。")
    String doneResolve();

    @Message("当前状态不能进行此操作。")
    String notPossible();

    @Message("请填写拒单原因。")
    String errDeclineReason();

    @Message("请选择退单原因。")
    String errReturnReason();

    @Message("请填写进展说明。")
    String errProgressNote();

    @Message("请填写办理结果。")
    String errResolveNote();

    @Message("照片不能超过 {maxMb} MB。")
    String errPhotoSize(long maxMb);

    @Message("照片只能是 JPEG、PNG、GIF 或 WebP 图片。")
    String errPhotoType();

    @Message("找不到该工单")
    String notFoundTitle();

    @Message("没有派给本单位的这个工单。请返回列表查看。")
    String notFound();

    // how long is left before a deadline, or how long it is overdue ({@link Deadline})
    @Message("还剩{span}")
    String deadlineLeft(String span);

    @Message("已超时{span}")
    String deadlineOverdue(String span);

    @Message("{days}天{hours}小时")
    String spanDays(long days, long hours);

    @Message("{hours}小时{minutes}分钟")
    String spanHours(long hours, long minutes);

    @Message("{minutes}分钟")
    String spanMinutes(long minutes);
}
