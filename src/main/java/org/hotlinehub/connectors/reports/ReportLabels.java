package org.hotlinehub.connectors.reports;

/** The words of the report pages in the reader's language (zh-CN by default, English with {@code lang=en}). */
public record ReportLabels(
        String lang,
        String otherLang,
        String otherLangName,
        String brand,
        String monthlyTitle,
        String chartsTitle,
        String community,
        String month,
        String show,
        String print,
        String generated,
        String chooseCommunity,
        String noActivity,
        String summary,
        String responseRate,
        String resolutionRate,
        String satisfactionRate,
        String offered,
        String acceptedInTime,
        String overdue,
        String tickets,
        String judged,
        String solved,
        String answers,
        String satisfied,
        String basicallySatisfied,
        String dissatisfied,
        String notSolved,
        String noReply,
        String excluded,
        String byCategory,
        String byPartner,
        String byChannel,
        String byWeek,
        String rank,
        String name,
        String week,
        String definitions,
        String definitionText,
        String volumeByChannel,
        String volumeByCategory,
        String ratesOverTime,
        String overdueByPartner,
        String csvTickets,
        String csvRates,
        String period) {

    static ReportLabels of(boolean english) {
        return english
                ? new ReportLabels("en", "zh", "中文", "Community Service Hotline 96993", "Monthly report",
                        "Charts", "Community", "Month", "Show", "Print", "Generated", "Choose a community",
                        "Nothing happened in this period.", "Summary", "Response rate", "Resolution rate",
                        "Satisfaction rate", "Offered", "Accepted in time", "Overdue", "Tickets",
                        "Reached limit or closed", "Confirmed solved", "Survey answers", "Satisfied",
                        "Basically satisfied", "Dissatisfied", "Not solved", "No reply", "Excluded by appeal",
                        "By category", "By handling party (ranked)", "By channel", "By week", "Rank", "Name", "Week",
                        "How the rates are counted",
                        "Response rate = assignments accepted within the accept limit ÷ assignments offered."
                                + " Resolution rate = tickets confirmed solved ÷ tickets that reached their resolve"
                                + " limit or closed. Satisfaction rate = (satisfied + basically satisfied) ÷ survey"
                                + " answers. No-reply closings and results excluded by an upheld appeal are counted"
                                + " apart.",
                        "Volume by channel", "Volume by category", "Rates by week", "Overdue by partner",
                        "Tickets (CSV)", "Rates (CSV)", "Period")
                : new ReportLabels("zh", "en", "English", "96993 社区服务热线", "月度报告", "统计图表", "社区", "月份", "查看",
                        "打印", "生成时间", "请选择社区", "本期无数据。", "概况", "响应率", "解决率", "满意率", "派单数", "按时签收",
                        "超期", "工单数", "已到期或已结案", "确认解决", "回访答复", "满意", "基本满意", "不满意", "未解决", "未应答",
                        "申诉剔除", "按类别", "按承办单位（排名）", "按渠道", "按周", "名次", "名称", "周", "指标口径",
                        "响应率 = 在签收时限内签收的派单数 ÷ 派单总数；解决率 = 居民确认解决的工单数 ÷ 已到办理时限或已结案的工单数；"
                                + "满意率 = （满意 + 基本满意）÷ 回访答复数。回访未应答结案和申诉成立剔除的结果单独统计。",
                        "各渠道工单量", "各类别工单量", "三率周趋势", "各承办单位超期数", "工单明细（CSV）", "三率（CSV）", "统计期间");
    }
}
