package org.hotlinehub.connectors.reports;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The words of the report pages in the reader's language (zh-CN by default, English with {@code lang=en}); the words
 * are in {@link ReportMessages}.
 */
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
        String period,
        String street,
        String category,
        String channel,
        String from,
        String to,
        String any,
        String none,
        String chooseArea) {

    static ReportLabels of(boolean english) {
        ReportMessages m = words(english);
        return new ReportLabels(
                m.lang(), m.otherLang(), m.otherLangName(), m.brand(), m.monthlyTitle(), m.chartsTitle(), m.community(),
                m.month(), m.show(), m.print(), m.generated(), m.chooseCommunity(), m.noActivity(), m.summary(),
                m.responseRate(), m.resolutionRate(), m.satisfactionRate(), m.offered(), m.acceptedInTime(),
                m.overdue(), m.tickets(), m.judged(), m.solved(), m.answers(), m.satisfied(), m.basicallySatisfied(),
                m.dissatisfied(), m.notSolved(), m.noReply(), m.excluded(), m.byCategory(), m.byPartner(),
                m.byChannel(), m.byWeek(), m.rank(), m.name(), m.week(), m.definitions(), m.definitionText(),
                m.volumeByChannel(), m.volumeByCategory(), m.ratesOverTime(), m.overdueByPartner(), m.csvTickets(),
                m.csvRates(), m.period(), m.street(), m.category(), m.channel(), m.from(), m.to(), m.any(), m.none(),
                m.chooseArea());
    }

    static ReportMessages words(boolean english) {
        return MessageBundles.get(ReportMessages.class, Localized.Literal.of(english ? "en" : "zh"));
    }

    public boolean english() {
        return "en".equals(lang);
    }
}
