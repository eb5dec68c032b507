package org.hotlinehub.connectors.console;

import org.hotlinehub.model.AppealStatus;
import org.hotlinehub.model.AssignmentState;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.TicketStatus;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Operator-facing text of the console, in Simplified Chinese; English in {@code messages/con_en.properties}. */
@MessageBundle(value = "con", locale = "zh")
public interface ConsoleMessages {

    @Message("96993 热线工作台")
    String brand();

    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();

    /** The html lang attribute of the pages in this language. */
    @Message("zh-CN")
    String htmlLang();

    @Message("工作台")
    String home();

    @Message("待办队列")
    String queue();

    @Message("工单")
    String tickets();

    @Message("来电")
    String calls();

    @Message("督办")
    String supervision();

    @Message("{count} 条消息未能处理，请查看原因并重放。")
    String deadLettersAlert(long count);

    @Message("紧急求助无人接单：{count} 件呼叫保障工单已转话务员，请立即处理：")
    String emergencyAlert(int count);

    @Message("紧急求助")
    String emergencyFlag();

    @Message("报表")
    String reports();

    @Message("基础数据")
    String admin();

    @Message("退出登录")
    String signOut();

    @Message("您好，{name}")
    String hello(String name);

    @Message("角色：{roles}")
    String yourRoles(String roles);

    @Message("从左侧菜单开始工作：待办队列显示新工单和待分拣事项。")
    String homeIntro();

    // --- operator pages: queue, tickets, ticket detail, new ticket for a caller ---

    @Message("新工单和待分拣事项，实时更新；紧急事项和独居老人、残疾人等弱势居民排在前面。")
    String queueIntro();

    @Message("实时更新")
    String live();

    @Message("待分拣（需人工分类或定位）")
    String triageSection();

    @Message("新工单（等待承办方签收）")
    String newSection();

    @Message("暂无事项。")
    String queueEmpty();

    @Message("状态")
    String colStatus();

    @Message("工单号")
    String colReference();

    @Message("渠道")
    String colChannel();

    @Message("类别")
    String colCategory();

    @Message("地点")
    String colPlace();

    @Message("紧急程度")
    String colUrgency();

    @Message("等待")
    String colWaiting();

    @Message("居民")
    String colResident();

    @Message("情况")
    String colWhat();

    @Message("受理时间")
    String colCreated();

    @Message("承办方")
    String colLead();

    @Message("{n} 分钟")
    String minutes(long n);

    @Message("处理")
    String take();

    @Message("弱势居民")
    String vulnerable();

    @Message("未分类")
    String unclassified();

    @Message("未定位")
    String unlocated();

    @Message("搜索（工单号、描述、地址）")
    String search();

    @Message("筛选")
    String filter();

    @Message("全部状态")
    String anyStatus();

    @Message("全部渠道")
    String anyChannel();

    @Message("全部类别")
    String anyCategory();

    @Message("全部地点")
    String anyPlace();

    @Message("起始日期")
    String from();

    @Message("截止日期")
    String to();

    @Message("下一页")
    String nextPage();

    @Message("回到第一页")
    String firstPage();

    @Message("没有符合条件的工单。")
    String noTickets();

    @Message("新建来电工单")
    String newTicket();

    @Message("工单 {reference}")
    String ticketHeading(String reference);

    @Message("情况描述")
    String description();

    @Message("补充信息")
    String attributes();

    @Message("录音与照片")
    String evidence();

    @Message("录音 {n}")
    String recording(int n);

    @Message("照片 {n}（点击查看原图）")
    String photo(int n);

    @Message("文件 {n}")
    String file(int n);

    @Message("正在从运营商获取，稍后刷新页面。")
    String evidenceFetching();

    @Message("无法获取：{error}")
    String evidenceFailed(String error);

    @Message("外部链接")
    String evidenceLink();

    @Message("待分拣原因")
    String triageReason();

    @Message("已合并到工单")
    String mergedInto();

    @Message("合并到本工单的重复工单")
    String mergedHere();

    @Message("居民档案")
    String resident();

    @Message("此工单没有居民信息。")
    String noResident();

    @Message("电话")
    String phone();

    @Message("地址")
    String address();

    @Message("标记")
    String flags();

    @Message("紧急联系人")
    String emergencyContacts();

    @Message("经热线呼叫")
    String callThrough();

    @Message("正在呼叫您的电话，接听后为您接通；对方看到的是热线号码。")
    String callPlaced();

    @Message("显示号码")
    String showNumber();

    @Message("查看原因（必填，记入审计日志）")
    String showNumberReason();

    @Message("完整号码（已记入审计日志）：")
    String revealedNumber();

    @Message("您的角色不能查看完整号码，请用“经热线呼叫”。")
    String showNumberRefused();

    @Message("已登记（呼叫保障）")
    String registered();

    @Message("已关联微信")
    String wechatLinked();

    @Message("近期工单")
    String pastTickets();

    @Message("没有其他工单。")
    String noPastTickets();

    @Message("派单与时限")
    String assignments();

    @Message("尚未派单。")
    String noAssignments();

    @Message("承办方")
    String colPartner();

    @Message("角色")
    String colRole();

    @Message("状态")
    String colState();

    @Message("派单时间")
    String colOffered();

    @Message("签收时限")
    String colAcceptBy();

    @Message("办结时限")
    String colResolveBy();

    @Message("派单理由")
    String colReason();

    @Message("主办")
    String lead();

    @Message("协办")
    String support();

    @Message("已超时")
    String overdue();

    @Message("处理记录")
    String timeline();

    @Message("时间")
    String colTime();

    @Message("事项")
    String colKind();

    @Message("操作人")
    String colActor();

    @Message("说明")
    String colDetail();

    @Message("发给居民的消息（各渠道）")
    String messages();

    @Message("暂无消息。")
    String noMessages();

    @Message("发给")
    String colTo();

    @Message("用途")
    String colPurpose();

    @Message("内容")
    String colBody();

    @Message("操作")
    String actions();

    @Message("分类定位并派单")
    String triageAction();

    @Message("—— 请选择 ——")
    String triageChoose();

    @Message("系统建议的类别（可信度），点击选用：")
    String triageSuggestedCategories();

    @Message("建议的地点，点击选用：")
    String triageSuggestedPlaces();

    @Message("登记住址")
    String triageHome();

    @Message("依据：{words}")
    String triageWords(String words);

    @Message("类别")
    String category();

    @Message("地点（小区）")
    String place();

    @Message("说明（可选）")
    String note();

    @Message("人工改派")
    String reassignAction();

    @Message("承办方")
    String partner();

    @Message("添加内部备注")
    String noteAction();

    @Message("备注（居民和承办方看不到）")
    String noteText();

    @Message("发消息给居民")
    String messageAction();

    @Message("消息内容")
    String messageText();

    @Message("渠道")
    String channel();

    @Message("工单来源渠道（默认，否则短信）")
    String channelAuto();

    @Message("发送")
    String send();

    @Message("合并重复工单到本工单")
    String mergeAction();

    @Message("重复工单号（多个用逗号分隔）")
    String duplicates();

    @Message("这些工单将标记为已合并并指向本工单，其居民会收到通知。")
    String mergeHint();

    @Message("合并到其他工单")
    String mergeIntoHeading();

    @Message("以下工单可能与本工单是同一问题，可对照后选择合并目标：")
    String mergeCandidatesHint();

    @Message("{#when why}{#is 'suggested'}系统识别为同一事件{#is 'same-resident'}同一居民的在办工单{#is 'same-place'}同地点同类别{#else}{why}{/when}")
    String mergeWhy(String why);

    @Message("合并到这张工单")
    String mergeIntoThis();

    @Message("目标工单号")
    String mergeTarget();

    @Message("本工单将标记为已合并，由目标工单继续办理（与“关联到同一事件”相同，可撤销）。")
    String mergeTargetHint();

    @Message("在工单列表中查找")
    String findTicket();

    @Message("合并到该工单")
    String mergeIntoAction();

    @Message("拆分为两张工单")
    String splitAction();

    @Message("居民一次反映了两个问题时，把第二个问题拆成新工单：新工单有自己的工单号、类别和地点，同一居民，立即派单。")
    String splitHint();

    @Message("第二个问题的描述")
    String splitDescription();

    @Message("已拆分出新工单 {reference}。")
    String splitDone(String reference);

    @Message("拆分自")
    String splitFrom();

    @Message("拆分出的工单")
    String splitInto();

    @Message("重新办理")
    String reopenAction();

    @Message("交给")
    String reopenTo();

    @Message("原承办方")
    String toSame();

    @Message("下一个候选承办方")
    String toNext();

    @Message("主管")
    String toSupervisor();

    @Message("原因")
    String reason();

    @Message("撤销工单")
    String cancelAction();

    @Message("退单裁定")
    String rulingAction();

    @Message("裁定")
    String rulingDecision();

    @Message("退单成立，改派")
    String rulingReassign();

    @Message("退单不成立，退回原承办方")
    String rulingOverrule();

    @Message("改派给（不选则按规则派下一家）")
    String rulingPartner();

    @Message("裁定说明（退回时必填）")
    String rulingNote();

    @Message("已退单，等待主管裁定")
    String rulingAwaits();

    @Message("退单原因")
    String returnedFor();

    @Message("增加协办单位")
    String supportAction();

    @Message("撤销协办")
    String supportRemove();

    @Message("暂停计时")
    String pauseAction();

    @Message("暂停原因")
    String pauseReason();

    @Message("恢复计时")
    String resumeAction();

    @Message("恢复说明（可选）")
    String resumeReason();

    @Message("计时已暂停")
    String paused();

    @Message("操作")
    String colActions();

    @Message("申诉")
    String appeals();

    @Message("回访结果")
    String colOutcome();

    @Message("提出时间")
    String colFiled();

    @Message("裁定")
    String colDecision();

    @Message("裁定申诉")
    String appealAction();

    @Message("申诉成立（该结果不计入考核）")
    String appealUphold();

    @Message("申诉不成立（结果维持）")
    String appealReject();

    @Message("等待主管裁定")
    String appealAwaits();

    @Message("{#when outcome}{#is 'DISSATISFIED'}不满意{#is 'NOT_SOLVED'}未解决{#else}{outcome}{/when}")
    String outcomeName(String outcome);

    @Message("{#when status}{#is PENDING}待裁定{#is UPHELD}申诉成立{#is REJECTED}申诉不成立{/when}")
    String appealStatusName(AppealStatus status);

    /** A reason the hub wrote itself ({@link org.hotlinehub.model.SystemReason}), with its values a and b. */
    @Message("""
            {#when key}{#is 'NO_CATEGORY'}描述与服务目录中的类别都不相符{#is 'NO_PLACE'}地址与已知地点都不相符\
            {#is 'STILL_UNCLEAR_NO_CATEGORY'}居民补充信息后仍无法确定类别{#is 'STILL_UNCLEAR_NO_PLACE'}居民补充信息后仍无法确定地点\
            {#is 'NEEDS_CATEGORY_AND_PLACE'}需要先确定类别和地点才能派单{#is 'NEEDS_CATEGORY'}需要先确定类别才能派单（时限由类别决定）\
            {#is 'NEEDS_PLACE'}需要先确定地点才能选择下一家承办方{#is 'NO_CATEGORY_TO_CHOOSE_BY'}没有类别，无法选择下一家承办方\
            {#is 'NO_PLACE_TO_CHOOSE_BY'}没有地点，无法选择下一家承办方{#is 'OPERATOR_MUST_ASSIGN'}需由话务员或主管指派\
            {#is 'NO_PARTY_LEFT'}{b}已没有可承接“{a}”的承办方或志愿者{#is 'SUPERVISORS_DECIDE'}由主管决定交给谁\
            {#is 'REOPENED'}重新办理：{a}{#is 'RETURNED'}{a} 退单：{b}{#is 'AWAITING_RULING'}等待热线裁定\
            {#is 'BY_SENDER'}来信人选定类别 {a}{#is 'BY_WORDS'}按词语“{c}”归入类别 {a}（置信度 {b} %）\
            {#is 'BY_KEYWORDS'}按关键词“{b}”归入类别 {a}{#is 'CATEGORY_CHOSEN'}{b} 选定类别 {a}\
            {#is 'PLACE_CHOSEN'}{c} 选定地点 {b}，所属网格 {d}{#is 'DELIVERED'}{a} 已通过 {c} 送达 {b}（尝试 {d} 次）\
            {#is 'PICKED_UP'}由承办方在门户或接口中领取{#is 'ACCEPTED'}{a} 已签收{#is 'DECLINED'}{a} 拒收：{b}\
            {#is 'OFFER_EXPIRED'}派给 {a} 的工单未在 {b} 前签收，已过期{#is 'CANCELLED_BY'}{a} 撤销：{b}\
            {#is 'REOPENED_BY'}{a} 重新办理：{b}{#is 'MERGED_INTO'}{b} 将其合并到工单 {a}\
            {#is 'SPLIT_OFF'}{b} 拆分出工单 {a}{#is 'SPLIT_FROM'}{b} 从工单 {a} 拆分而来\
            {#is 'LOCATED'}定位到 {b}（{c}），所属网格 {d}{#is 'PLACE_BY_SENDER'}来信人选定\
            {#is 'PLACE_BY_REGISTERED_ADDRESS'}居民登记的地址{#is 'PLACE_BY_COORDINATES'}距所发坐标 {a} 米\
            {#is 'PLACE_BY_ADDRESS'}地址提到“{a}”{#is 'FOLLOW_UP_OF_MERGED'}已并入本工单的工单 {a} 的居民补充\
            {#is 'WECHAT_UPDATE_NOT_SENT'}事件通告“{a}”未通过微信发出：已超出居民的48小时客服消息时限，且未配置模板消息\
            {#is 'OFFER_BY_CATALOG'}{b} → {c} {d}（按服务目录 {e}）\
            {#is 'STAFF_AT_ONCE'}{b} → {c} {d}：一键呼援，与最近的志愿者同时派单\
            {#is 'CALL_ASSURANCE_REPLACING'}一键呼援，替换被拒或超时的派单：{a}\
            {#is 'SERVES_AREA'}（服务范围：{a} {b}）{#is 'FALLBACK_AFTER'}，{a} 均无人可接后的备选\
            {#is 'VOLUNTEER_NEAR'}（同一{a}；在办 {b} 件）{#is 'VOLUNTEER_NEAR_SKILLS'}（同一{a}；技能 {b}；在办 {c} 件）\
            {#is 'ASSIGNED_BY'}{b} 指派给 {a}{#is 'ASSIGNED_AFTER_RETURN'}退单后 {b} 指派给 {a}\
            {#is 'TAKEN_FROM'}{b} 从 {a} 收回{#is 'SUPPORT_ADDED_BY'}{b} 增加协办单位 {a}\
            {#is 'RETURN_OVERRULED'}{a} 的退单不成立，已退回{#is 'RETURN_UPHELD_BY'}{a} 的退单成立\
            {#is 'RETURN_UPHELD'}退单成立{#is 'WITHDRAWN'}已撤回 {b} 的{a}派单：{c}{#is 'TICKET_CANCELLED'}工单已撤销\
            {#is 'WITHDRAWN_FOR_MERGE'}合并到工单 {a}\
            {#is 'INCIDENT_LINKED'}关联到事件工单 {a}（{b}）{#is 'INCIDENT_SCORE'}相似度 {a}：{b}\
            {#is 'REPORTER_JOINED'}报告 {a}（{b}）并入：{c}；共 {d} 位报告人\
            {#is 'REPORT_JOINED_INCIDENT'}报告已并入事件工单 {a}\
            {#is 'LIKELY_SAME_INCIDENT'}可能与工单 {a} 是同一事件（{b}）{#is 'LINK_OR_KEEP_APART'}请关联或单独办理\
            {#is 'NOT_SAME_INCIDENT'}与工单 {a} 不是同一事件：{b}{#is 'KEPT_SEPARATE_BY'}{a} 确认单独办理\
            {#is 'NO_LONGER_IN_INCIDENT'}不再属于事件工单 {a}：{b}{#is 'UNDONE_BY'}{a} 撤销关联\
            {#is 'REPORT_TAKEN_OUT'}报告 {a} 已移出：{b}；共 {c} 位报告人{#is 'LINKED_BY'}{a} 关联\
            {#is 'CONFIRMED_BY'}{a} 确认（系统判断：{b}）\
            {#is 'DETECTED_SAME_PLACE'}文字相似度 {a}，同一地点 {b}，{c}{#is 'DETECTED_SAME_AREA'}文字相似度 {a}，同一{b} {c}，{d}\
            {#is 'SAME_CATEGORY'}同类别{#is 'RELATED_CATEGORY'}相关类别\
            {#is 'SURVEY_UNREACHABLE'}没有能联系到居民的渠道，未回访即结案\
            {#is 'SURVEY_NO_REPLY_SINCE'}自 {a} 起无应答（{b}），按无应答结案\
            {#is 'SURVEY_ANSWER_BOTH'}{a}{#is 'SURVEY_OF_INCIDENT'}（事件工单 {a}）\
            {#is 'SURVEY_NOT_APPLIED'}工单{b}时收到回访答复“{a}”，未采用{#is 'SURVEY_OF_REPORTER'}事件工单 {a} 的报告人\
            {#is 'SURVEY_BY_SMS'}已通过短信发送回访{#is 'SURVEY_BY_WECHAT'}已通过微信发送回访\
            {#is 'SURVEY_CALL_QUEUED'}回访电话已排队（最多 {a} 次）{#is 'NOT_SOLVED'}居民表示问题未解决\
            {#is 'REPORTER_NOT_SOLVED'}报告人（工单 {a}）表示问题未解决\
            {#is 'APPEAL_FILED'}对回访结果“{a}”提出申诉：{b}\
            {#is 'APPEAL_UPHELD'}{a} 的申诉成立：回访结果“{b}”不再计入满意率\
            {#is 'APPEAL_REJECTED'}{a} 的申诉不成立：回访结果“{b}”维持\
            {#is 'CLOCKS_PAUSED'}{a} 的计时已暂停：{b}\
            {#is 'CLOCKS_RESUMED'}{a} 的计时已恢复（暂停了 {b}）；签收时限 {c}，办结时限 {d}\
            {#is 'SURGE_DECLARED'}{b} 分钟内收到 {a} 条报告（{c}）\
            {#is 'SURGE_CONFIRMED'}已确认集中报告，状态通告已发给 {a} 位报告人\
            {#is 'GAVE_UP'}尝试 {a} 次后放弃：{b}{#is 'DELIVERY_GAVE_UP'}发给 {b} 的 {a} 尝试 {c} 次后放弃：{d}\
            {#is 'EMERGENCY_TAKEN_BY_CONTACT'}居民的紧急联系人 {a} 已接手（在热线的来电中按1）\
            {#is 'ASSURANCE_NO_REPLACEMENT'}一键呼援：附近没有其他在岗志愿者可替换该派单；其余派单保持到 {a}\
            {#is 'ASSURANCE_NOBODY_ON_DUTY'}一键呼援：附近没有在岗人员可派；需话务员立即处理\
            {#is 'ASSURANCE_NOBODY_ACCEPTED'}一键呼援：{a}内无人签收；需话务员立即处理\
            {#is 'EMERGENCY_OFFER_NOT_ACCEPTED'}派给 {a} 的紧急派单未在 {b}内签收\
            {#is 'DEADLINE_ACCEPT_WARNING'}派给 {a} 的工单尚未签收，签收时限 {b}\
            {#is 'DEADLINE_RESOLVE_WARNING'}{a} 须在 {b} 前办结{#is 'OVERDUE_NOT_RESOLVED'}{a} 未在 {b} 前办结\
            {#is 'OVERDUE_ESCALATED'}{a} 办理超期：由主管督办\
            {#is 'RESIDENT_CALLED'}通过热线呼叫居民 {a}（话务员电话 {b}）\
            {#is 'CONTACT_CALLED'}通过热线呼叫紧急联系人 {a} {b}（话务员电话 {c}）\
            {#is 'MASKED_CALL'}{a} 通过热线隐号呼叫居民 {b}：{c}\
            {#is 'MASKED_TEXT_TO_RESIDENT'}{a} 通过隐号短信发给居民 {b}：{c}\
            {#is 'MASKED_TEXT_FROM_RESIDENT'}居民 {a} 通过隐号短信发给 {b}：{c}\
            {#is 'SMS_QUEUED'}短信已排队发给 {a}{#is 'SMS_QUEUED_IN_PARTS'}短信已排队发给 {a}（分 {b} 条）\
            {#is 'AFTER_FOLLOW_UP'}居民补充信息后\
            {#is 'LOCATED_AFTER_FOLLOW_UP'}居民补充信息后定位到{a} {b}（{c}）\
            {#is 'PHOTO_LINK'}（照片 {a}）{#is 'PHOTO_ATTACHED'}（附照片：{a}，附件 {b}）\
            {#is 'CALL_COMPLETED_AFTER'}已接通，通话 {a} 秒{#is 'DUPLICATE_MERGED_HERE'}工单 {a}{b} 已合并到本工单\
            {#else}{key}{/when}""")
    String systemReason(String key, String a, String b, String c, String d, String e);

    /** How a call through the hotline went, as Twilio says it; anything else as it is. */
    @Message("""
            {#when outcome}{#is 'connecting'}正在接通{#is 'ended'}已结束{#is 'no-answer'}无人接听{#is 'busy'}占线\
            {#is 'failed'}呼叫失败{#is 'canceled'}已取消{#else}{outcome}{/when}""")
    String callOutcome(String outcome);

    /** The separator of a list of counts ("网页 3，短信 2"). */
    @Message("，")
    String listSeparator();

    /** A duration the hub wrote as ISO-8601 (PT72H), in words. */
    @Message("""
            {#if hours > 0}{hours} 小时{/if}{#if minutes > 0}{minutes} 分钟{/if}\
            {#if seconds > 0 || (hours == 0 && minutes == 0)}{seconds} 秒{/if}""")
    String durationWords(long hours, int minutes, int seconds);

    /** A sent message's state: the outbox's (pending … blocked) or the carrier's (queued … undelivered). */
    @Message("""
            {#when state}{#is 'pending'}待发送{#is 'sent'}已发出{#is 'sandbox'}未发送（沙箱模式）\
            {#is 'blocked'}未发送（对方已退订）{#is 'failed'}发送失败{#is 'queued'}排队中{#is 'sending'}发送中\
            {#is 'delivered'}已送达{#is 'undelivered'}未送达{#is 'accepted'}已接收{#is 'read'}已读\
            {#is 'withdrawn'}已撤回{#else}{state}{/when}""")
    String messageState(String state);

    /** What a message to a resident, contact or partner was for. */
    @Message("""
            {#when purpose}{#is 'operator-message'}话务员消息{#is 'merge-notice'}合并通知{#is 'split-notice'}拆分通知\
            {#is 'incident-update'}事件通告{#is 'survey'}回访{#is 'clarification'}补充信息询问\
            {#is 'assurance'}呼叫保障通知{#is 'supervisor-alert'}督办提醒{#is 'masked-relay'}隐号转发\
            {#is 'wechat-binding'}微信绑定验证码{#else}{purpose}{/when}""")
    String purposeName(String purpose);

    /** The separator of reasons written together. */
    @Message("；")
    String reasonSeparator();

    @Message("已保存。")
    String saved();

    @Message("未能完成：")
    String failed();

    @Message("工单 {reference} 正在建立，请稍候……")
    String pending(String reference);

    @Message("没有工单 {reference}。")
    String noTicket(String reference);

    @Message("新建来电工单")
    String newTitle();

    @Message("输入来电号码查看居民档案，记录诉求后提交；工单按正常流程分类、定位和派单。")
    String newIntro();

    @Message("来电号码")
    String callerPhone();

    @Message("称呼")
    String callerName();

    @Message("这个号码还没有档案，提交后将建立新档案。")
    String newCaller();

    @Message("由系统按描述判断")
    String categoryAuto();

    @Message("按地址或居民登记地址判断")
    String placeAuto();

    @Message("居民语言")
    String language();

    @Message("建立工单")
    String create();

    // words for codes ({@link OpsLabels})
    @Message("""
            {#when status}{#is RECEIVED}已受理{#is TRIAGE}待分拣{#is DISPATCHED}已派单{#is ACCEPTED}已签收\
            {#is IN_PROGRESS}办理中{#is RESOLVED}已办结{#is CLOSED}已结案{#is REOPENED}重新办理{#is CANCELLED}已撤销\
            {#is MERGED}已合并{/when}""")
    String statusName(TicketStatus status);

    @Message("""
            {#when channel}{#is WEB}网页{#is SMS}短信{#is VOICE}电话{#is WECHAT}微信{#is OPEN311}Open311{#is API}API\
            {#is OPERATOR}话务员{#is PORTAL}合作单位门户{/when}""")
    String channelName(Channel channel);

    @Message("{#when priority}{#is 'urgent'}紧急{#is 'low'}低{#else}一般{/when}")
    String priorityName(String priority);

    @Message("""
            {#when state}{#is OFFERED}待签收{#is ACCEPTED}已签收{#is DECLINED}已拒绝{#is EXPIRED}签收超时\
            {#is RETURNED}已退单{#is IN_PROGRESS}办理中{#is RESOLVED}已办结{#is CANCELLED}已撤回{/when}""")
    String assignmentName(AssignmentState state);

    @Message("同一事件（多人报告）")
    String incidentHeading();

    @Message("事件工单")
    String incidentOf();

    @Message("共 {count} 人报告")
    String reporterCount(int count);

    @Message("集中报告：{contacts} 条报告在 {minutes} 分钟内")
    String surgeDeclared(int contacts, long minutes);

    @Message("{by} 已确认并通告")
    String surgeConfirmed(String by);

    @Message("确认集中报告，并向本事件的每位报告人发送一条进展通告（中英文都要填写）。")
    String surgeConfirmIntro();

    @Message("通告（中文）")
    String surgeStatusZh();

    @Message("通告（英文）")
    String surgeStatusEn();

    @Message("确认并通告")
    String surgeConfirmAction();

    @Message("集中报告")
    String surgesHeading();

    @Message("未确认")
    String surgeUnconfirmed();

    @Message("疑似重复报告，请判断")
    String suspectedHeading();

    @Message("本工单")
    String thisReport();

    @Message("疑似同一事件")
    String likelyIncident();

    @Message("相似度")
    String linkScore();

    @Message("并入该事件")
    String linkAction();

    @Message("不是同一事件，单独办理")
    String keepSeparateAction();

    @Message("撤销合并，单独办理")
    String unlinkAction();

    @Message("已并入事件工单")
    String linkedTo();

    @Message("报告人")
    String reporters();

    @Message("方式")
    String colLinkState();
}
