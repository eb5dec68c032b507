package org.hotlinehub.model;

/**
 * The three rates (三率) of one group, with the counts behind them (docs/architecture.md, "The three rates"). A rate
 * is null when its denominator is zero.
 *
 * <ul>
 * <li>response rate (响应率) = {@code acceptedInTime} ÷ {@code offered}: assignments accepted by their accept-by ÷
 * assignments offered (offers still inside their window and offers the hub withdrew unanswered not counted);</li>
 * <li>resolution rate (解决率) = {@code solved} ÷ {@code judged}: tickets the resident confirmed solved ÷ tickets that
 * closed or reached their resolve limit unresolved (closings without an answer and upheld appeals not counted);</li>
 * <li>satisfaction rate (满意率) = ({@code satisfied} + {@code basicallySatisfied}) ÷ {@code answers}: survey answers
 * (no-reply, not-asked and appealed-away results not counted).</li>
 * </ul>
 */
public record RateRow(
        String key,
        String name,
        long offered,
        long acceptedInTime,
        long overdue,
        Double responseRate,
        long tickets,
        long judged,
        long solved,
        Double resolutionRate,
        long answers,
        long satisfied,
        long basicallySatisfied,
        long dissatisfied,
        long notSolved,
        long noReply,
        long notAsked,
        long excluded,
        Double satisfactionRate) {

    public static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : Math.round(numerator * 10000.0 / denominator) / 10000.0;
    }
}
