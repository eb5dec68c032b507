package org.hotlinehub.testsupport;

import static org.hotlinehub.testsupport.Sessions.admin;

import java.nio.charset.StandardCharsets;

/**
 * A catalog-version test's own compound, catalog entry (party legal-aid, then the given fallback) and a legal-aid and
 * a mediation partner serving only that compound and entry, imported through the admin API; so a draft of it changes
 * no demo dispatch and no other test's tickets.
 */
public record CatalogSetup(String compound, String entry, String legalAid, String mediation) {

    public static CatalogSetup create(String fallback) {
        String n = Long.toString(System.nanoTime(), 36).toUpperCase();
        CatalogSetup s = new CatalogSetup("CV-" + n, "cv-" + n.toLowerCase(), "LA-CV-" + n, "MD-CV-" + n);
        admin().contentType("application/yaml; charset=UTF-8")
                .body(("""
                        places:
                          - {code: %1$s, type: compound, parent: SN-01-03-G07, name: {zh: 版本测试小区%1$s}}
                        catalog:
                          - code: %2$s
                            name: {zh: 版本测试事项%2$s}
                            keywords: {zh: [版本测试%2$s]}
                            urgency: normal
                            accept-within: PT30M
                            resolve-within: PT48H
                            party: legal-aid
                            fallback: [%5$s]
                        partners:
                          - {code: %3$s, type: legal-aid, name: {zh: 版本法援%3$s}, serves: [%1$s], services: [%2$s], delivery: {channel: portal}}
                          - {code: %4$s, type: mediation, name: {zh: 版本调解%4$s}, serves: [%1$s], services: [%2$s], delivery: {channel: portal}}
                        """)
                        .formatted(s.compound, s.entry, s.legalAid, s.mediation, fallback)
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/reference-data/import?source=catalog-versions-test")
                .then().statusCode(200);
        return s;
    }

    /** A report of the entry's kind at the compound, through the web form, once dispatch has offered it. */
    public String dispatched(Sql sql, String words) {
        long lead = Reports.fileAndAwaitOffer(sql, compound, entry, words);
        return (String) sql.one("select t.reference from assignment a join ticket t on t.id = a.ticket_id"
                + " where a.id = ?", lead);
    }

    /** The partner of the ticket's first offer and the catalog version that decision recorded: "CODE vN". */
    public static String firstOffer(Sql sql, String reference) {
        return (String) sql.one("select p.code || ' v' || coalesce(a.catalog_version::text, 'none') from assignment a"
                + " join ticket t on t.id = a.ticket_id join partner p on p.id = a.partner_id where t.reference = ?"
                + " order by a.id limit 1", reference);
    }

    /** Out of incident detection's reach (it compares open tickets), so the next report is a ticket of its own. */
    public static void closed(Sql sql, String reference) {
        sql.update("update ticket set status = 'CLOSED' where reference = ?", reference);
    }
}
