package org.hotlinehub.connectors.reports;

import static org.hotlinehub.testsupport.Sessions.fillSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.Chromium;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.RatesFixture;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A supervisor opens the charts page in a real browser (Debian's Chromium, headless): chart.js loads from its webjar
 * and draws the fixture's volumes, weekly rates and overdue work, with channels, categories and weeks in the page's
 * words, and the filters narrow what it draws.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReportChartsBrowserTest {

    static final String PERIOD = "?from=" + RatesFixture.FROM + "&to=" + RatesFixture.TO + "&weeks=2";

    @RegisterExtension
    static final Chromium CHROMIUM = new Chromium();

    @TestHTTPResource("/console/reports/charts")
    URL charts;
    @Inject
    Sql sql;

    /** A supervisor's page on the charts with {@code query}, signed in through the console's form first. */
    private Page charts(BrowserContext context, String query) {
        RatesFixture.load(sql);
        Page page = context.newPage();
        page.navigate(charts + query);
        fillSignIn(page, "supervisor", "demo-supervisor-pass");
        page.waitForURL(url -> !url.contains("/login"));
        page.navigate(charts + query);
        drawn(page);
        return page;
    }

    private static void drawn(Page page) {
        page.waitForFunction("() => window.Chart && Chart.getChart('chart-weekly')");
    }

    private static BrowserContext context() {
        return PhoneBrowser.desk(CHROMIUM.browser(), "zh-CN");
    }

    @Test
    void shouldDrawTheChartsWithTheFixturesData() {
        try (BrowserContext context = context()) {
            Page page = charts(context, PERIOD);
            assertEquals("统计图表", page.locator("h1").textContent().strip());
            assertEquals(List.of("短信", "网页"), page.evaluate("Chart.getChart('chart-channels').data.labels"),
                    "channels in words, not codes");
            assertEquals(List.of(2, 6), page.evaluate("Chart.getChart('chart-channels').data.datasets[0].data"));
            assertEquals(List.of("3月3日", "3月10日"), page.evaluate("Chart.getChart('chart-weekly').data.labels"),
                    "weeks by their Monday, in words");
            assertEquals(List.of(50, 83.3), page.evaluate("Chart.getChart('chart-weekly').data.datasets[0].data"));
            assertEquals(List.of("考核居委会"), page.evaluate("Chart.getChart('chart-overdue').data.labels"));
            assertTrue(page.locator("#period").textContent().contains("2025年3月3日 — 2025年3月16日"),
                    page.locator("#period").textContent());
            assertTrue(((Number) page.evaluate("document.getElementById('chart-categories').width")).intValue() > 0,
                    "the canvas was drawn");
        }
    }

    @Test
    void shouldNarrowTheChartsByCommunityAndChannelAndKeepTheFilters() {
        try (BrowserContext context = context()) {
            Page page = charts(context, PERIOD);
            page.selectOption("#f-community", "FX-COMM-A");
            page.selectOption("#f-channel", "web");
            page.click("#filters button[type=submit]");
            page.waitForURL(url -> url.contains("channel=web"));
            drawn(page);
            // community A's web reports of 3-16 March: 990000001, -03, -07 and -08
            assertEquals(List.of("网页"), page.evaluate("Chart.getChart('chart-channels').data.labels"));
            assertEquals(List.of(4), page.evaluate("Chart.getChart('chart-channels').data.datasets[0].data"));
            assertEquals("FX-COMM-A", page.inputValue("#f-community"), "the filters stay chosen");
            assertEquals("web", page.inputValue("#f-channel"));
            assertEquals(RatesFixture.FROM, page.inputValue("#f-from"));
            assertEquals(RatesFixture.TO, page.inputValue("#f-to"), "the last day, as it was asked for");

            page.selectOption("#f-community", "");
            page.selectOption("#f-channel", "");
            page.selectOption("#f-street", "SN-02");
            page.click("#filters button[type=submit]");
            page.waitForURL(url -> url.contains("street=SN-02"));
            drawn(page);
            assertEquals(List.of(), page.evaluate("Chart.getChart('chart-channels').data.labels"),
                    "the fixture's communities lie in another street");

            Response refused = page.navigate(charts + PERIOD + "&street=FX-COMM-A");
            assertEquals(400, refused.status(), "a community is not a street");
            assertTrue(page.content().contains("street"), "the answer names the parameter");
        }
    }

    @Test
    void shouldSayPeriodsChannelsAndWeeksInEnglishOnTheEnglishPage() {
        try (BrowserContext context = context()) {
            Page page = charts(context, PERIOD + "&lang=en");
            assertEquals(List.of("SMS", "Web form"), page.evaluate("Chart.getChart('chart-channels').data.labels"));
            assertEquals(List.of("3 Mar", "10 Mar"), page.evaluate("Chart.getChart('chart-weekly').data.labels"));
            assertTrue(page.locator("#period").textContent().contains("3 March 2025 — 16 March 2025"),
                    page.locator("#period").textContent());
            assertEquals("All", page.locator("#f-channel option[value='']").textContent().strip());
        }
    }
}
