package org.hotlinehub.testsupport;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium, headless, never a downloaded browser; and a phone-sized page for it (390×844, touch). */
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

    public static BrowserContext phone(Browser browser, String locale) {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(3)
                .setIsMobile(true).setHasTouch(true).setLocale(locale));
    }
}
