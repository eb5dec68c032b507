package org.hotlinehub.connectors.reports;

import static org.hotlinehub.testsupport.Sessions.fillSignIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.PhoneBrowser;
import org.hotlinehub.testsupport.RatesFixture;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A supervisor opens the charts page in a real browser (Debian's Chromium, headless): chart.js loads from its webjar
 * and draws the fixture's volumes, weekly rates and overdue work.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReportChartsBrowserTest {

    @TestHTTPResource("/console/reports/charts")
    URL charts;
    @Inject
    Sql sql;

    @Test
    void shouldDrawTheChartsWithTheFixturesData() {
        RatesFixture.load(sql);
        try (Playwright playwright = Playwright.create();
                Browser browser = PhoneBrowser.launch(playwright);
                BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(1280, 1000).setLocale("zh-CN"))) {
            Page page = context.newPage();
            page.navigate(charts + "?from=" + RatesFixture.FROM + "&to=" + RatesFixture.TO + "&weeks=2");
            // the console's form sign-in first, then back to the charts
            fillSignIn(page, "supervisor", "demo-supervisor-pass");
            page.waitForURL(url -> !url.contains("/login"));
            page.navigate(charts + "?from=" + RatesFixture.FROM + "&to=" + RatesFixture.TO + "&weeks=2");
            page.waitForFunction("() => window.Chart && Chart.getChart('chart-weekly')");
            assertEquals("统计图表", page.locator("h1").textContent().strip());
            assertEquals(List.of("SMS", "WEB"), page.evaluate("Chart.getChart('chart-channels').data.labels"));
            assertEquals(List.of(2, 6), page.evaluate("Chart.getChart('chart-channels').data.datasets[0].data"));
            assertEquals(List.of("2025-03-03", "2025-03-10"),
                    page.evaluate("Chart.getChart('chart-weekly').data.labels"));
            assertEquals(List.of(50, 83.3), page.evaluate("Chart.getChart('chart-weekly').data.datasets[0].data"));
            assertEquals(List.of("考核居委会"), page.evaluate("Chart.getChart('chart-overdue').data.labels"));
            assertTrue(((Number) page.evaluate("document.getElementById('chart-categories').width")).intValue() > 0,
                    "the canvas was drawn");
        }
    }
}
