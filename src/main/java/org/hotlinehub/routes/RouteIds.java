package org.hotlinehub.routes;

/** Route and node ids, kebab-case {@code <flow>-<step>}; tests address routes and steps by these. */
public final class RouteIds {

    public static final String INTAKE = "intake-contact";
    public static final String DISPATCH = "dispatch-offer";
    public static final String DISPATCH_EXPIRY = "dispatch-expiry";
    public static final String OUTBOX = "outbox-poll";
    public static final String PARTNER_REPLIES = "partner-replies";
    public static final String DEAD_LETTER = "deadletter-store";
    public static final String WECHAT_NOTICES = "wechat-notices";
    public static final String EVENTS_RELAY = "events-relay";
    public static final String WECHAT_RESUBMIT = "wechat-resubmit";
    public static final String METRICS_REFRESH = "metrics-refresh";
    public static final String RETENTION = "retention-nightly";
    public static final String EVIDENCE_FETCH = "evidence-fetch";
    public static final String RATES_RECOUNT = "rates-recount";

    private RouteIds() {
    }
}
