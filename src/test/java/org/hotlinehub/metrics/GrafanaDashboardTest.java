package org.hotlinehub.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard (deploy/grafana/hotline-hub.json) names only series the hub exposes: {@link #EXPOSED}, which
 * {@link OperationsMetricsTest} finds in a real {@code /q/metrics} scrape. A panel that names a metric the hub does
 * not have fails here.
 */
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("deploy", "grafana", "hotline-hub.json");

    /** Every series the dashboard may name; each one is asserted in a scrape of the running hub. */
    static final Set<String> EXPOSED = Set.of(
            "hub_contacts_total",
            "hub_tickets",
            "hub_overdue_assignments",
            "hub_outbox_pending_messages",
            "hub_outbox_oldest_age_seconds",
            "hub_outbox_lag_seconds",
            "hub_open_dead_letters",
            "hub_dead_letters_total",
            "hub_dispatch_decision_seconds_bucket",
            "hub_dispatch_decision_seconds_count",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max",
            "jvm_memory_used_bytes",
            "jvm_memory_committed_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_count",
            "jvm_gc_pause_seconds_sum");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING = Pattern
            .compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    /** A name not followed by "(": a function or aggregation is. */
    private static final Pattern NAME = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    /** The metric names in a PromQL expression: label matchers, strings, ranges, groupings and variables removed. */
    static Set<String> metricNames(String expr) {
        String s = STRING.matcher(expr).replaceAll("\"\"").replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        s = GROUPING.matcher(s).replaceAll(" ").replaceAll("\\$\\{?\\w+}?", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            if (!KEYWORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** Every PromQL expression of the dashboard, with where it is: panel targets (rows included) and variables. */
    static TreeMap<String, String> expressions(JsonNode dashboard) {
        TreeMap<String, String> found = new TreeMap<>();
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        for (int i = 0; i < panels.size(); i++) {
            JsonNode panel = panels.get(i);
            panel.path("panels").forEach(panels::add);
            for (JsonNode target : panel.path("targets")) {
                found.put(panel.path("title").asText() + " / " + target.path("refId").asText(),
                        target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                String text = query.isTextual() ? query.asText() : query.path("query").asText();
                Matcher m = LABEL_VALUES.matcher(text);
                found.put("variable " + variable.path("name").asText(), m.find() ? m.group(1) : text);
            }
        }
        return found;
    }

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(DASHBOARD.toFile());
    }

    @Test
    void shouldNameOnlyExposedMetricsWhenPanelsQueryPrometheus() throws IOException {
        TreeMap<String, String> expressions = expressions(dashboard());
        assertTrue(expressions.size() > 20, "the dashboard's queries are found: " + expressions.keySet());
        TreeMap<String, Set<String>> unknown = new TreeMap<>();
        for (var e : expressions.entrySet()) {
            Set<String> names = metricNames(e.getValue());
            assertFalse(names.isEmpty(), e.getKey() + " names no metric: " + e.getValue());
            names.removeAll(EXPOSED);
            if (!names.isEmpty()) {
                unknown.put(e.getKey(), names);
            }
        }
        assertEquals(new TreeMap<>(), unknown, "panels naming metrics the hub does not expose");
    }

    @Test
    void shouldShowEveryHubMetricWhenTheHubExposesIt() throws IOException {
        Set<String> used = new TreeSet<>();
        expressions(dashboard()).values().forEach(expr -> used.addAll(metricNames(expr)));
        Set<String> missing = new TreeSet<>(EXPOSED);
        missing.removeAll(used);
        assertEquals(Set.of(), missing, "metrics on no panel");
    }

    @Test
    void shouldUseThePrometheusVariableWhenAPanelNamesADataSource() throws IOException {
        JsonNode dashboard = dashboard();
        assertTrue(dashboard.at("/templating/list").findValuesAsText("name").contains("DS_PROMETHEUS"));
        List<String> sources = dashboard.findValues("datasource").stream().map(ds -> ds.path("uid").asText())
                .distinct().toList();
        assertEquals(List.of("${DS_PROMETHEUS}"), sources);
    }

    @Test
    void shouldFindMetricNamesWhenExpressionsUseFunctionsLabelsAndGroupings() {
        assertEquals(Set.of("hub_nope_bucket"), metricNames(
                "histogram_quantile(0.99, sum by (le) (rate(hub_nope_bucket{instance=~\"$instance\"}[$__rate_interval])))"));
        assertEquals(Set.of("a_total", "b_total"), metricNames(
                "sum without (x) (increase(a_total{s=\"by (y)\"}[5m])) / on (z) group_left (w) b_total > bool 0"));
        assertEquals(Set.of("up"), metricNames("max(up) or vector(0)"));
    }
}
