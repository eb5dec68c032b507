package org.hotlinehub.connectors.console;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every /console route, called anonymously, as a partner's portal user, an operator, a supervisor and an admin. The
 * table must name every route the console package declares, so a new page cannot skip this check.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ConsoleRolesTest {

    enum Needs {
        STAFF,
        SUPERVISOR,
        ADMIN
    }

    private static final String NONE = "no-such-entry-0";

    /**
     * What a path parameter is called with when {@link Route#of} makes the path: an entry that does not exist, named
     * by its text or by its number.
     */
    private static final Map<String, String> MISSING = Map.of("reference", NONE, "username", NONE, "id", NONE,
            "assignment", "999999999", "appeal", "999999999", "attachmentId", "999999999", "version", "999999999");

    /** @param template the route as declared (path parameters without their patterns) */
    record Route(String method, String template, String path, Needs needs) {

        /** The route called as declared, each path parameter on an entry that does not exist ({@link ConsoleRolesTest#MISSING}). */
        static Route of(String method, String template, Needs needs) {
            String path = template;
            for (Map.Entry<String, String> missing : MISSING.entrySet()) {
                path = path.replace("{" + missing.getKey() + "}", missing.getValue());
            }
            return new Route(method, template, path, needs);
        }
    }

    static final List<Route> ROUTES = List.of(
            Route.of("GET", "/console", Needs.STAFF),
            Route.of("GET", "/console/supervision", Needs.SUPERVISOR),
            Route.of("GET", "/console/supervision/dead-letters", Needs.SUPERVISOR),
            new Route("POST", "/console/supervision/dead-letters/{id}/replay",
                    "/console/supervision/dead-letters/999999999/replay", Needs.SUPERVISOR),
            Route.of("GET", "/console/supervision/partners", Needs.SUPERVISOR),
            Route.of("GET", "/console/supervision/daily", Needs.SUPERVISOR),
            Route.of("GET", "/console/admin", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}", "/console/admin/places", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}", "/console/admin/catalog", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}", "/console/admin/partners?q=PF", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}", "/console/admin/volunteers", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}", "/console/admin/residents", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}/new", "/console/admin/partners/new", Needs.ADMIN),
            new Route("POST", "/console/admin/{kind}/new", "/console/admin/partners/new", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}/{key}", "/console/admin/partners/PF-HAIYUN", Needs.ADMIN),
            new Route("GET", "/console/admin/{kind}/{key}", "/console/admin/places/HY-GARDEN", Needs.ADMIN),
            new Route("POST", "/console/admin/{kind}/{key}", "/console/admin/partners/" + NONE, Needs.ADMIN),
            new Route("POST", "/console/admin/{kind}/{key}/deactivate", "/console/admin/volunteers/" + NONE
                    + "/deactivate", Needs.ADMIN),
            new Route("POST", "/console/admin/{kind}/new/check", "/console/admin/catalog/new/check", Needs.ADMIN),
            new Route("POST", "/console/admin/{kind}/{key}/check", "/console/admin/catalog/" + NONE + "/check",
                    Needs.ADMIN),
            Route.of("GET", "/console/admin/users", Needs.ADMIN),
            Route.of("GET", "/console/admin/users/new", Needs.ADMIN),
            Route.of("POST", "/console/admin/users/new", Needs.ADMIN),
            new Route("GET", "/console/admin/users/{username}", "/console/admin/users/operator", Needs.ADMIN),
            Route.of("POST", "/console/admin/users/{username}", Needs.ADMIN),
            Route.of("POST", "/console/admin/users/{username}/password", Needs.ADMIN),
            Route.of("POST", "/console/admin/users/{username}/unlock", Needs.ADMIN),
            Route.of("POST", "/console/admin/users/{username}/deactivate", Needs.ADMIN),
            Route.of("GET", "/console/admin/import", Needs.ADMIN),
            Route.of("POST", "/console/admin/import", Needs.ADMIN),
            Route.of("GET", "/console/admin/import/{id}", Needs.ADMIN),
            Route.of("GET", "/console/admin/import/{id}/status", Needs.ADMIN),
            new Route("GET", "/console/admin/audit", "/console/admin/audit?actor=admin", Needs.ADMIN),
            Route.of("GET", "/console/admin/catalog-versions", Needs.ADMIN),
            Route.of("POST", "/console/admin/catalog-versions/draft", Needs.ADMIN),
            Route.of("POST", "/console/admin/catalog-versions/draft/withdraw", Needs.ADMIN),
            Route.of("POST", "/console/admin/catalog-versions/draft/discard", Needs.ADMIN),
            Route.of("POST", "/console/admin/catalog-versions/draft/dry-run", Needs.ADMIN),
            Route.of("POST", "/console/admin/catalog-versions/draft/publish", Needs.ADMIN),
            Route.of("POST", "/console/admin/catalog-versions/versions/{version}/rollback", Needs.ADMIN),
            Route.of("GET", "/console/queue", Needs.STAFF),
            Route.of("GET", "/console/queue/items", Needs.STAFF),
            Route.of("GET", "/console/tickets", Needs.STAFF),
            Route.of("GET", "/console/tickets/new", Needs.STAFF),
            new Route("GET", "/console/tickets/new/caller", "/console/tickets/new/caller?phone=13900000002",
                    Needs.STAFF),
            Route.of("POST", "/console/tickets/new", Needs.STAFF),
            Route.of("GET", "/console/tickets/{reference}", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/triage", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/reassign", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/notes", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/messages", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/merge", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/merge-into", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/split", Needs.STAFF),
            Route.of("GET", "/console/tickets/{reference}/attachments/{attachmentId}", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/incident/link", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/incident/keep-separate", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/incident/unlink", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/incident/surge/confirm", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/reopen", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/cancel", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/assignments/{assignment}/ruling", Needs.SUPERVISOR),
            new Route("POST", "/console/tickets/{reference}/assignments/{assignment}/{clock}",
                    "/console/tickets/" + NONE + "/assignments/999999999/pause", Needs.STAFF),
            new Route("POST", "/console/tickets/{reference}/assignments/{assignment}/{clock}",
                    "/console/tickets/" + NONE + "/assignments/999999999/resume", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/supporting", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/supporting/{assignment}/remove", Needs.STAFF),
            Route.of("POST", "/console/tickets/{reference}/appeals/{appeal}/decision", Needs.SUPERVISOR),
            Route.of("POST", "/console/tickets/{reference}/call", Needs.STAFF),
            // the roles of hub.console.show-number-roles (supervisor, admin by default)
            Route.of("POST", "/console/tickets/{reference}/show-number", Needs.SUPERVISOR));

    /** Routes that answer with an endless event stream: checked by their status line alone. */
    static final List<Route> STREAMS = List.of(
            Route.of("GET", "/console/queue/events", Needs.STAFF));

    @Test
    void shouldListEveryRouteOfTheConsole() {
        Set<String> declared = new TreeSet<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.hotlinehub.connectors.console").stream()
                .filter(c -> c.isAnnotatedWith(Path.class)).forEach(c -> {
                    Class<?> type = c.reflect();
                    String base = type.getAnnotation(Path.class).value();
                    for (Method m : type.getDeclaredMethods()) {
                        String verb = m.isAnnotationPresent(GET.class)
                                ? "GET"
                                : m.isAnnotationPresent(POST.class) ? "POST" : null;
                        if (verb == null) {
                            assertTrue(!m.isAnnotationPresent(Path.class) || java.util.Arrays
                                    .stream(m.getAnnotations()).noneMatch(a -> a.annotationType()
                                            .isAnnotationPresent(jakarta.ws.rs.HttpMethod.class)),
                                    "only GET and POST in the console: " + m);
                            continue;
                        }
                        Path sub = m.getAnnotation(Path.class);
                        declared.add(verb + " " + normalize(base + (sub == null ? "" : "/" + sub.value())));
                    }
                });
        Set<String> tested = java.util.stream.Stream.concat(ROUTES.stream(), STREAMS.stream())
                .map(r -> r.method() + " " + r.template()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(declared, tested, "every console route is in ROUTES (and nothing else)");
    }

    @Test
    void shouldGuardTheLiveStreamsLikeThePages() throws Exception {
        for (Route r : STREAMS) {
            assertEquals(302, open(r, null), r.toString());
            assertEquals(403, open(r, Sessions.kept("test-portal-flaky", "portal-pass-1")), r.toString());
            assertEquals(200, open(r, Sessions.kept("operator", "demo-operator-pass")), r.toString());
        }
    }

    /** The status of a stream's answer, read from its headers; the endless body is closed unread. */
    private static int open(Route r, io.restassured.http.Cookie session) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(Sessions.origin() + r.path()))
                .timeout(java.time.Duration.ofSeconds(60));
        if (session != null) {
            request.header("Cookie", session.getName() + "=" + session.getValue());
        }
        java.net.http.HttpResponse<java.io.InputStream> answer = client.send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        answer.body().close();
        return answer.statusCode();
    }

    @Test
    void shouldSendAnonymousVisitorsToSignIn() {
        for (Route r : ROUTES) {
            Response res = call(given().redirects().follow(false).header("Origin", Sessions.origin()), r);
            assertEquals(302, res.statusCode(), r.toString());
            assertTrue(res.header("Location").endsWith("/login"), r + " → " + res.header("Location"));
        }
    }

    @Test
    void shouldRefusePartnersEverywhereInTheConsole() {
        for (Route r : ROUTES) {
            assertEquals(403, call(Sessions.as("test-portal-flaky", "portal-pass-1"), r).statusCode(),
                    r.toString());
        }
    }

    @Test
    void shouldLetEachStaffRoleOnlyThroughItsOwnDoors() {
        for (Route r : ROUTES) {
            check(Sessions.console("operator"), "operator", r, r.needs() == Needs.STAFF);
            check(Sessions.console("supervisor"), "supervisor", r, r.needs() != Needs.ADMIN);
            check(Sessions.console("admin"), "admin", r, true);
        }
    }

    private static void check(RequestSpecification as, String who, Route r, boolean allowed) {
        int status = call(as, r).statusCode();
        if (!allowed) {
            assertEquals(403, status, who + " on " + r);
        } else if (r.method().equals("GET") && !r.path().contains(NONE)) {
            assertEquals(200, status, who + " on " + r);
        } else {
            // actions on an entry that does not exist, or an empty form: let through, then refused on its merits
            assertTrue(status == 400 || status == 404 || status == 422, who + " on " + r + " answered " + status);
        }
    }

    private static Response call(RequestSpecification spec, Route r) {
        return r.method().equals("GET")
                ? spec.get(r.path())
                : r.path().endsWith("/import")
                        ? spec.multiPart("format", "yaml").post(r.path())
                        : spec.contentType(Sessions.FORM).formParam("x", "y").post(r.path());
    }

    private static String normalize(String path) {
        return path.replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}").replaceAll("/$", "");
    }
}
