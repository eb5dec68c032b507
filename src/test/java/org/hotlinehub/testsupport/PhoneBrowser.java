package org.hotlinehub.testsupport;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium, headless, never a downloaded browser; and a phone-sized page for it (390×844, touch) or a desk's.
 */
public final class PhoneBrowser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private PhoneBrowser() {
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    /** An operator's desk: a 1366×900 page in the locale, waiting up to a minute for what it is told to wait for. */
    public static BrowserContext desk(Browser browser, String locale) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(locale)
                .setViewportSize(1366, 900));
        context.setDefaultTimeout(60_000);
        return context;
    }

    public static BrowserContext phone(Browser browser, String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(3)
                .setIsMobile(true).setHasTouch(true).setLocale(locale));
    }
}
