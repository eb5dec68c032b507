package org.hotlinehub.connectors.reports;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the report pages ({@link ReportLabels}), in Simplified Chinese; English in
 * {@code messages/reports_en.properties}.
 */
@MessageBundle(value = "reports", locale = "zh")
public interface ReportMessages {

    /** The language of the page: its html lang and the {@code lang} parameter. */
    @Message("zh")
    String lang();

    /** The {@code lang} parameter of the other language. */
    @Message("en")
    String otherLang();

    /** The other language, in its own words. */
    @Message("English")
    String otherLangName();

    @Message("96993 社区服务热线")
    String brand();

    @Message("月度报告")
    String monthlyTitle();

    @Message("统计图表")
    String chartsTitle();

    @Message("社区")
    String community();

    @Message("月份")
    String month();

    @Message("查看")
    String show();

    @Message("打印")
    String print();

    @Message("生成时间")
    String generated();

    @Message("请选择社区")
    String chooseCommunity();

    @Message("本期无数据。")
    String noActivity();

    @Message("概况")
    String summary();

    @Message("响应率")
    String responseRate();

    @Message("解决率")
    String resolutionRate();

    @Message("满意率")
    String satisfactionRate();

    @Message("派单数")
    String offered();

    @Message("按时签收")
    String acceptedInTime();

    @Message("超期")
    String overdue();

    @Message("工单数")
    String tickets();

    @Message("已到期或已结案")
    String judged();

    @Message("确认解决")
    String solved();

    @Message("回访答复")
    String answers();

    @Message("满意")
    String satisfied();

    @Message("基本满意")
    String basicallySatisfied();

    @Message("不满意")
    String dissatisfied();

    @Message("未解决")
    String notSolved();

    @Message("未应答")
    String noReply();

    @Message("申诉剔除")
    String excluded();

    @Message("按类别")
    String byCategory();

    @Message("按承办单位（排名）")
    String byPartner();

    @Message("按渠道")
    String byChannel();

    @Message("按周")
    String byWeek();

    @Message("名次")
    String rank();

    @Message("名称")
    String name();

    @Message("周")
    String week();

    @Message("指标口径")
    String definitions();

    @Message("响应率 = 在签收时限内签收的派单数 ÷ 派单总数；解决率 = 居民确认解决的工单数 ÷ 已到办理时限或已结案的工单数；"
            + "满意率 = （满意 + 基本满意）÷ 回访答复数。回访未应答结案和申诉成立剔除的结果单独统计。")
    String definitionText();

    @Message("各渠道工单量")
    String volumeByChannel();

    @Message("各类别工单量")
    String volumeByCategory();

    @Message("三率周趋势")
    String ratesOverTime();

    @Message("各承办单位超期数")
    String overdueByPartner();

    @Message("工单明细（CSV）")
    String csvTickets();

    @Message("三率（CSV）")
    String csvRates();

    @Message("统计期间")
    String period();

    @Message("街道")
    String street();

    @Message("类别")
    String category();

    @Message("渠道")
    String channel();

    @Message("从")
    String from();

    @Message("到")
    String to();

    @Message("全部")
    String any();

    @Message("未填写")
    String none();

    @Message("请选择街道或社区")
    String chooseArea();

    /** A channel code in words (the charts' and tables' labels). */
    @Message("""
            {#when channel}{#is WEB}网页{#is SMS}短信{#is VOICE}电话{#is WECHAT}微信{#is OPEN311}Open311{#is API}API\
            {#is OPERATOR}话务员{#is PORTAL}合作单位门户{/when}""")
    String channelName(org.hotlinehub.model.Channel channel);
}
