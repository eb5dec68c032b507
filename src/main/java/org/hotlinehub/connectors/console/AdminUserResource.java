package org.hotlinehub.connectors.console;

import static org.hotlinehub.model.Strings.nullToEmpty;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.HubUser;
import org.hotlinehub.model.ImportProblem;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.port.UserAdmin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Users of the console and the portal: create, change roles, reset a password, unlock, deactivate. */
@Path("/console/admin/users")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminUserResource {

    private static final int PAGE = 50;
    /** The roles a user can hold, in the order the form shows them. */
    static final List<String> ROLES = List.of(Caller.OPERATOR, Caller.SUPERVISOR, Caller.ADMIN, Caller.PARTNER,
            Caller.OPEN311);

    @Inject
    StaffRequest staff;
    @Inject
    UserAdmin users;

    /** A user as listed; {@code locked} at the time of the request. */
    public record UserRow(HubUser user, boolean locked, String roles) {
    }

    /** A role checkbox. */
    public record RoleBox(String role, boolean checked) {
    }

    /**
     * @param user null on the "new user" form
     * @param done what just happened (a message key), or null
     */
    public record UserForm(HubUser user, boolean locked, String username, String name, String partner,
            List<RoleBox> roles, List<String> problems, String done) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance users(ConsolePage page, List<UserRow> rows, String q, int offset,
                boolean more);

        static native TemplateInstance user(ConsolePage page, UserForm form);
    }

    @GET
    @Operation(summary = "Users (console page)")
    public Response list(@QueryParam("q") String q, @QueryParam("offset") @DefaultValue("0") int offset) {
        ConsolePage page = staff.page("/console/admin/users");
        int from = Math.max(0, offset);
        Instant now = page.now();
        List<HubUser> found = users.list(q, from, PAGE + 1);
        return staff.html(page, Templates.users(page, found.stream().limit(PAGE)
                .map(u -> new UserRow(u, u.locked(now), String.join(", ", new TreeSet<>(u.roles())))).toList(),
                q == null ? "" : q, from, found.size() > PAGE));
    }

    @GET
    @Path("new")
    @Operation(summary = "Form for a new user (console page)")
    public Response blank() {
        ConsolePage page = staff.page("/console/admin/users");
        return staff.html(page, Templates.user(page, new UserForm(null, false, "", "", "", boxes(List.of()),
                List.of(), null)));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a user (recorded in the audit log)")
    public Response create(@FormParam("username") @Size(max = InputLimits.CODE) String username,
            @FormParam("name") @Size(max = InputLimits.NAME) String name,
            @FormParam("password") @Size(max = InputLimits.TERM) String password,
            @FormParam("roles") List<String> roles,
            @FormParam("partner") @Size(max = InputLimits.CODE) String partner) {
        List<String> problems = users.create(username, name, password, nullToEmpty(roles), partner, staff.actor(),
                staff.client());
        if (problems.isEmpty()) {
            return StaffRequest.seeOther(userPath(username.strip()) + "?done=created");
        }
        ConsolePage page = staff.page("/console/admin/users");
        return staff.html(page, Templates.user(page, new UserForm(null, false, username, name, partner,
                boxes(nullToEmpty(roles)), readable(problems), null)), 422);
    }

    @GET
    @Path("{username}")
    @Operation(summary = "One user (console page)")
    public Response show(@PathParam("username") String username, @QueryParam("done") String done) {
        HubUser user = users.find(username).orElseThrow(NotFoundException::new);
        ConsolePage page = staff.page("/console/admin/users");
        return staff.html(page, Templates.user(page, form(user, page.now(), List.of(), done)));
    }

    @POST
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Change a user's name, roles and partner (recorded in the audit log)")
    public Response change(@PathParam("username") String username,
            @FormParam("name") @Size(max = InputLimits.NAME) String name,
            @FormParam("roles") List<String> roles,
            @FormParam("partner") @Size(max = InputLimits.CODE) String partner) {
        HubUser user = users.find(username).orElseThrow(NotFoundException::new);
        return outcome(user, users.change(username, name, nullToEmpty(roles), partner, staff.actor(), staff.client()),
                "changed");
    }

    @POST
    @Path("{username}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Set a new password for a user (recorded in the audit log)")
    public Response resetPassword(@PathParam("username") String username,
            @FormParam("password") @Size(max = InputLimits.TERM) String password) {
        HubUser user = users.find(username).orElseThrow(NotFoundException::new);
        return outcome(user, users.resetPassword(username, password, staff.actor(), staff.client()), "password");
    }

    @POST
    @Path("{username}/unlock")
    @Operation(summary = "Unlock a user locked after wrong passwords (recorded in the audit log)")
    public Response unlock(@PathParam("username") String username) {
        HubUser user = users.find(username).orElseThrow(NotFoundException::new);
        users.unlock(username, staff.actor(), staff.client());
        return outcome(user, List.of(), "unlocked");
    }

    @POST
    @Path("{username}/deactivate")
    @Operation(summary = "Deactivate a user; their sessions end (recorded in the audit log)")
    public Response deactivate(@PathParam("username") String username) {
        HubUser user = users.find(username).orElseThrow(NotFoundException::new);
        return outcome(user, users.deactivate(username, staff.actor(), staff.client()), "deactivated");
    }

    private Response outcome(HubUser user, List<String> problems, String done) {
        if (problems.isEmpty()) {
            return StaffRequest.seeOther(userPath(user.username()) + "?done=" + done);
        }
        ConsolePage page = staff.page("/console/admin/users");
        return staff.html(page, Templates.user(page, form(user, page.now(), readable(problems), null)), 422);
    }

    private static UserForm form(HubUser user, Instant now, List<String> problems, String done) {
        return new UserForm(user, user.locked(now), user.username(), user.name() == null ? "" : user.name(),
                user.partner() == null ? "" : user.partner(), boxes(user.roles()), problems, done);
    }

    private static List<RoleBox> boxes(List<String> checked) {
        List<RoleBox> boxes = new ArrayList<>();
        ROLES.forEach(r -> boxes.add(new RoleBox(r, checked.contains(r))));
        return boxes;
    }

    /** "users[0] (li): password must …" reads "password must …" on the user's own page. */
    private static List<String> readable(List<String> problems) {
        return problems.stream().map(p -> ImportProblem.parse(p).problem()).toList();
    }

    private static String userPath(String username) {
        return "/console/admin/users/" + URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
