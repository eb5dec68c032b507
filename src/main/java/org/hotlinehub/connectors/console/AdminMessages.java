package org.hotlinehub.connectors.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Text of the supervision and administration pages, in Simplified Chinese; English in
 * {@code messages/adm_en.properties}. Kept apart from {@link ConsoleMessages} so the operators' pages and these grow
 * without touching each other.
 */
@MessageBundle(value = "adm", locale = "zh")
public interface AdminMessages {

    // supervision
    @Message("督办：即将超时与已超时")
    String deadlinesTitle();

    @Message("已过预警点（受理或办结时限的 {percent}%）或已超时的派单，超时的排在前面。")
    String deadlinesIntro(int percent);

    @Message("没有即将超时或已超时的派单。")
    String noDeadlines();

    @Message("工单")
    String ticket();

    @Message("类别")
    String category();

    @Message("承办方")
    String assignee();

    @Message("状态")
    String state();

    @Message("时限")
    String clock();

    @Message("截止时间")
    String due();

    @Message("标记")
    String mark();

    @Message("受理")
    String clockAccept();

    @Message("办结")
    String clockResolve();

    @Message("已超时")
    String overdue();

    @Message("即将超时")
    String nearDeadline();

    @Message("已预警")
    String warned();

    @Message("死信")
    String deadLetters();

    @Message("无法处理或投递的消息，附原因。重放会把消息送回失败的地方，并记入审计日志。")
    String deadLettersIntro();

    @Message("没有待处理的死信。")
    String noDeadLetters();

    @Message("包括已重放的")
    String includeReplayed();

    @Message("来源")
    String source();

    @Message("原因")
    String reason();

    @Message("目的地")
    String destination();

    @Message("时间")
    String time();

    @Message("重放次数")
    String replays();

    @Message("重放")
    String replay();

    @Message("死信 {id} 已重放。")
    String replayed(long id);

    @Message("承办方负载")
    String partnerLoad();

    @Message("各承办方手上未办结的派单，按类型分组。")
    String partnerLoadIntro();

    @Message("待接单")
    String offered();

    @Message("已接单")
    String accepted();

    @Message("处理中")
    String inProgress();

    @Message("已退单")
    String returned();

    @Message("合计")
    String total();

    @Message("每日概况")
    String daily();

    @Message("{day} 共受理 {total} 件工单")
    String dailyTotal(java.time.LocalDate day, long total);

    @Message("按渠道")
    String byChannel();

    @Message("按类别")
    String byCategory();

    @Message("渠道")
    String channel();

    @Message("件数")
    String count();

    @Message("未分类")
    String uncategorized();

    @Message("日期")
    String day();

    @Message("查看")
    String show();

    @Message("当天没有工单。")
    String noTickets();

    // administration
    @Message("基础数据管理")
    String adminTitle();

    @Message("地点")
    String places();

    @Message("服务目录")
    String catalog();

    @Message("承办方")
    String partners();

    @Message("志愿者")
    String volunteers();

    @Message("居民")
    String residents();

    @Message("用户")
    String users();

    @Message("导入")
    String importData();

    @Message("审计日志")
    String audit();

    @Message("搜索")
    String search();

    @Message("新建")
    String create();

    @Message("编辑")
    String edit();

    @Message("保存")
    String save();

    @Message("停用")
    String deactivate();

    @Message("已停用")
    String inactive();

    @Message("在用")
    String active();

    @Message("编码")
    String code();

    @Message("名称")
    String name();

    @Message("说明")
    String detail();

    @Message("上一页")
    String previous();

    @Message("下一页")
    String next();

    @Message("更早")
    String older();

    @Message("没有记录。")
    String empty();

    @Message("已保存。")
    String saved();

    @Message("未保存，请改正以下问题：")
    String notSaved();

    @Message("已停用 {what}。")
    String deactivated(String what);

    @Message("留空表示不修改")
    String blankKeeps();

    @Message("多个值用分号 ; 分隔")
    String listHint();

    @Message("返回列表")
    String backToList();

    // users
    @Message("用户名")
    String username();

    @Message("角色")
    String roles();

    @Message("所属承办方（仅门户用户）")
    String partnerOfUser();

    @Message("密码（至少 8 位）")
    String password();

    @Message("新密码（至少 8 位）")
    String newPassword();

    @Message("重置密码")
    String resetPassword();

    @Message("解除锁定")
    String unlock();

    @Message("已锁定至 {until}")
    String lockedUntil(String until);

    @Message("连续输错 {n} 次")
    String failedLogins(int n);

    @Message("上次登录")
    String lastLogin();

    @Message("已完成。")
    String done();

    // import
    @Message("导入基础数据")
    String importTitle();

    @Message("上传 YAML 文件（格式同 contract.md），或某一类数据的 CSV 文件（首行为列名，列表用 ; 分隔）。先整体校验，有任何问题就一条都不写入。")
    String importIntro();

    @Message("文件")
    String file();

    @Message("格式")
    String format();

    @Message("YAML（全部类别）")
    String yaml();

    @Message("开始导入")
    String startImport();

    @Message("导入进度")
    String progress();

    @Message("已导入：{counts}")
    String applied(String counts);

    @Message("未导入：发现 {n} 个问题，没有写入任何数据。")
    String rejected(int n);

    @Message("行 / 条目")
    String row();

    @Message("字段")
    String field();

    @Message("问题")
    String problem();

    @Message("请选择一个文件。")
    String noFile();

    @Message("再导入一个文件")
    String importAnother();

    // audit
    @Message("操作人")
    String actor();

    @Message("操作")
    String action();

    @Message("对象类型")
    String targetType();

    @Message("对象")
    String target();

    @Message("来源地址")
    String client();

    @Message("筛选")
    String filter();

    /** A staff action of the audit log in words; an action without a name here is shown as it is written. */
    @Message("""
            {#when action}{#is 'ticket.create'}来电建单{#is 'ticket.triage'}人工分拣{#is 'ticket.reassign'}人工改派\
            {#is 'ticket.ruling'}退单裁定{#is 'ticket.support-add'}增加协办单位{#is 'ticket.support-remove'}撤销协办单位\
            {#is 'ticket.pause'}暂停计时{#is 'ticket.resume'}恢复计时{#is 'ticket.appeal-decision'}申诉裁定\
            {#is 'ticket.note'}内部备注{#is 'ticket.message'}发消息给居民{#is 'ticket.merge'}合并工单\
            {#is 'ticket.split'}拆分工单{#is 'incident.link'}合并到其他工单（关联事件）{#is 'incident.unlink'}撤销合并（取消关联）\
            {#is 'incident.keep-separate'}确认非重复{#is 'incident.confirm-surge'}确认集中报告\
            {#is 'ticket.reopen'}重新办理{#is 'ticket.cancel'}撤销工单{#is 'dead-letter.replay'}重放死信\
            {#is 'reference-data.create'}新建基础数据{#is 'reference-data.update'}修改基础数据\
            {#is 'reference-data.deactivate'}停用基础数据{#is 'reference-data.import'}导入基础数据\
            {#is 'reference-data.import-rejected'}基础数据导入被拒{#is 'user.create'}新建用户{#is 'user.update'}修改用户\
            {#is 'user.change'}修改用户{#is 'user.reset-password'}重置密码{#is 'user.deactivate'}停用用户\
            {#is 'user.unlock'}解锁用户{#is 'user.locked'}用户被锁定{#is 'resident.export'}导出居民数据\
            {#is 'resident.erase'}删除居民数据{#is 'retention.run'}数据保留清理\
            {#is 'catalog-draft.change'}修改目录草稿{#is 'catalog-draft.withdraw'}撤回草稿修改{#is 'catalog-draft.discard'}放弃目录草稿\
            {#is 'catalog.dry-run'}目录试运行{#is 'catalog.publish'}发布目录版本{#is 'catalog.rollback'}回滚目录版本{#else}{action}{/when}""")
    String actionName(String action);

    /** The title of the form for a new entry of the kind {@code label} ({@link #places()} …). */
    @Message("新建：{label}")
    String newEntry(String label);

    /** A reference-data form field's label (the CSV column); an unknown field is shown as it is named. */
    @Message("""
            {#when field}{#is 'code'}编码{#is 'type'}类型{#is 'parent'}上级地点{#is 'name_zh'}中文名称{#is 'name_en'}英文名称\
            {#is 'name'}姓名{#is 'aliases'}别名{#is 'address'}地址{#is 'lat'}纬度{#is 'lon'}经度{#is 'group'}分组\
            {#is 'keywords_zh'}中文关键词{#is 'keywords_en'}英文关键词{#is 'urgency'}紧急程度（urgent / normal / low）\
            {#is 'accept-within'}受理时限{#is 'resolve-within'}办结时限{#is 'party'}承办方类型\
            {#is 'fallback'}备选承办方类型{#is 'skills'}技能{#is 'serves'}服务地点{#is 'services'}服务事项编码\
            {#is 'channel'}派单方式（webhook / jms / sms / portal）{#is 'url'}Webhook 地址{#is 'secret'}Webhook 签名密钥\
            {#is 'phone'}电话{#is 'phones'}其他联系号码（号码保护通话，用 ; 分隔）{#is 'contact'}联系人{#is 'give-up-after'}放弃投递时限{#is 'grid'}所属网格\
            {#is 'on-duty'}值班时间（如 mon-fri 08:00-18:00）{#is 'place'}所在地点{#is 'flags'}标记（如 elderly-alone）\
            {#is 'language'}语言（zh / en）{#is 'emergency-contacts'}紧急联系人电话{#else}{field}{/when}""")
    String fieldLabel(String field);

    // dispatch catalog versions
    @Message("调度目录版本")
    String catalogVersions();

    @Message("派单现按第 {current} 版目录执行。修改先进入草稿；试运行列出会改派的工单及原因；发布后成为新版本；任何早先的版本都可一键回滚。")
    String catalogVersionsIntro(int current);

    @Message("草稿")
    String draft();

    @Message("现在没有草稿。")
    String noDraft();

    @Message("起草人")
    String draftStartedBy();

    @Message("最后修改")
    String draftChangedBy();

    @Message("基于版本")
    String draftBase();

    @Message("对象")
    String draftKind();

    @Message("已发布的值")
    String publishedValue();

    @Message("草稿中的值")
    String draftValue();

    @Message("修改人")
    String editedBy();

    @Message("撤回 {code} 的修改")
    String withdraw(String code);

    @Message("试运行")
    String dryRun();

    @Message("发布为新版本")
    String publish();

    @Message("说明")
    String versionNote();

    @Message("放弃草稿")
    String discardDraft();

    @Message("在草稿中修改")
    String addEdit();

    @Message("新值（留空则恢复已发布的值）")
    String newValue();

    @Message("加入草稿")
    String addToDraft();

    @Message("试运行结果")
    String dryRunTitle();

    @Message("按派单规则比较了 {checked} 张工单在第 {version} 版和草稿下的承办方。")
    String dryRunSummary(int checked, int version);

    @Message("工单太多，只比较了最新的部分。")
    String dryRunTruncated();

    @Message("未办结工单中会改派的")
    String openTickets();

    @Message("近 {days} 天的其他工单中会改派的")
    String recentTickets(int days);

    @Message("没有工单会改派。")
    String noChanges();

    @Message("地点")
    String place();

    @Message("当前承办方")
    String heldBy();

    @Message("按已发布版本")
    String publishedParty();

    @Message("按草稿")
    String draftParty();

    @Message("无人承接（转主管）")
    String nobodyLeft();

    @Message("版本")
    String versions();

    @Message("版本")
    String version();

    @Message("当前")
    String currentVersion();

    @Message("来源")
    String versionSource();

    @Message("回滚到第 {version} 版")
    String rollbackTo(int version);

    @Message("恢复第 {version} 版的内容")
    String rolledBackTo(int version);

    @Message("已加入草稿。")
    String doneChanged();

    @Message("已从草稿撤回。")
    String doneWithdrawn();

    @Message("草稿已放弃。")
    String doneDiscarded();

    @Message("已发布第 {version} 版，新的派单按此版本执行。")
    String donePublished(Integer version);

    @Message("已回滚，成为第 {version} 版。")
    String doneRolledBack(Integer version);

    @Message("{#when source}{#is 'publish'}发布草稿{#is 'rollback'}回滚{#is 'import'}导入{#else}{source}{/when}")
    String versionSourceName(String source);
    @Message("分钟")
    String minutes();

    @Message("小时")
    String hours();

    @Message("单位")
    String unit();

    @Message("{amount} {#if unit == 'h'}小时{#else}分钟{/if}")
    String duration(String amount, String unit);

    @Message("请填写大于 0 的分钟数或小时数（{problem}）")
    String durationInvalid(String problem);

    @Message("请填写大于 0 的分钟数或小时数")
    String durationRequired();

    @Message("输入以搜索，可从列表中选择")
    String searchHint();

    @Message("添加")
    String add();

    @Message("检查")
    String check();

    @Message("检查通过，尚未保存。保存后将：")
    String previewOk();

    @Message("检查通过，没有任何改动。")
    String previewNothing();

    @Message("{label}：{before} → {after}")
    String previewChanged(String label, String before, String after);

    @Message("{label}：已更改")
    String previewChangedSecret(String label);

    @Message("""
            {#when type}{#is 'district'}区{#is 'street'}街道{#is 'community'}社区{#is 'grid'}网格{#is 'compound'}小区\
            {#is 'building'}楼栋{#is 'unit'}单元{#else}{type}{/when}""")
    String placeType(String type);

    @Message("已存入草稿：派单规则（类别、承办类型、备选、服务范围等）在试运行并发布新版本后生效；其他信息已直接保存。")
    String savedToDraft();

    @Message("有一份待发布的派单目录草稿。")
    String draftPending();

    @Message("草稿中已修改本条目的：{fields}。下面显示的是草稿中的值。")
    String draftHasEntry(String fields);

    @Message("查看草稿、试运行或发布")
    String draftReview();
}
