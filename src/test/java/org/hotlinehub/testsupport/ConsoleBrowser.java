package org.hotlinehub.testsupport;

import static org.hotlinehub.testsupport.Sessions.fillSignIn;

import java.net.URL;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The admin and supervision browser tests' set-up: one Debian Chromium ({@link PhoneBrowser#launch}) for the test
 * run, started by the first test that asks and closed when the JVM ends, and a staff member signed in through the
 * form on a Chinese console page in a context of its own (the test closes it).
 */
public final class ConsoleBrowser {

    private static Playwright playwright;
    private static Browser browser;

    private ConsoleBrowser() {
    }

    /** A new browser context on the hub at {@code base}, signed in as {@code user}, on the console's home page. */
    public static synchronized Page signedIn(URL base, String user, String password) {
        if (browser == null) {
            playwright = Playwright.create();
            browser = PhoneBrowser.launch(playwright);
            Runtime.getRuntime().addShutdownHook(new Thread(ConsoleBrowser::close, "console-browser-close"));
        }
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
                .setBaseURL(base.toString()));
        context.setDefaultTimeout(60_000);
        Page page = context.newPage();
        page.navigate("/login");
        fillSignIn(page, user, password);
        page.waitForURL("**/console");
        return page;
    }

    private static synchronized void close() {
        browser.close();
        playwright.close();
    }
}
