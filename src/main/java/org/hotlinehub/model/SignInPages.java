package org.hotlinehub.model;

/**
 * Where browsers sign in: the pages behind the form sign-in (console, portal) and the form's own addresses. Shared by
 * the web pages and the error answers, so an anonymous browser is sent to the form and an API caller is challenged.
 */
public final class SignInPages {

    public static final String LOGIN = "/login";
    public static final String FAILED = "/login?error=1";
    /** Staff single sign-on through the OIDC provider, when it is enabled. */
    public static final String SSO = "/sso";
    /** Where the form posts; handled by Quarkus' form mechanism. */
    public static final String SIGN_IN_POST = "/j_security_check";
    /** The form session's cookie (quarkus.http.auth.form.cookie-name). */
    public static final String SESSION_COOKIE = "hub-session";
    /**
     * Beside the session cookie: the user's session version it was issued under, signed. Logout, a password or role
     * change raise the version and so end every session issued before (connectors/api/SessionVersions).
     */
    public static final String SESSION_VERSION_COOKIE = "hub-session-version";
    /** The form mechanism's cookie remembering the page to return to after signing in. */
    public static final String RETURN_COOKIE = "quarkus-redirect-location";

    private SignInPages() {
    }

    /** Pages only a signed-in browser may see: the console, the portal and the landing page. */
    public static boolean isSignedInPage(String path) {
        return path != null && (path.equals("/home") || under(path, "/console") || under(path, "/portal"));
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
