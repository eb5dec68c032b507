package org.hotlinehub.connectors.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hotlinehub.model.DraftRejectedException;
import org.hotlinehub.model.IllegalTransitionException;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.NotFoundException;
import org.hotlinehub.model.SignInPages;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Maps failures to {@link ApiError} with the right status. API clients never see a stack trace: unexpected errors are
 * logged with an id and answered 500 with that id.
 */
public class ApiErrorMapper {

    private static final Logger LOG = Logger.getLogger(ApiErrorMapper.class);
    private static final String TOO_MANY_FIELDS = "Param limit of ";

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, "not_found", e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(IllegalTransitionException e) {
        return json(409, "illegal_transition", e.getMessage());
    }

    /** A catalog draft edit the reference-data rules refuse: 422 with each problem naming its entry and field. */
    @ServerExceptionMapper
    public Response draftRejected(DraftRejectedException e) {
        return json(422, "invalid_draft", e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(IntakeUnavailableException e) {
        LOG.warnf("intake unavailable: %s", e.getMessage());
        return Response.fromResponse(json(503, "unavailable", "the hub cannot take this now; try again shortly"))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return json(400, "bad_request", e.getMessage());
    }

    /**
     * No or wrong credentials where a role is needed: the signed-in pages send the browser to the sign-in form (with
     * an error after a failed attempt, and back to the page it wanted after signing in); API callers get a Basic
     * challenge.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        String path = request.path();
        if (SignInPages.SIGN_IN_POST.equals(path)) {
            return Response.status(302).header(HttpHeaders.LOCATION, SignInPages.FAILED).build();
        }
        if (SignInPages.isSignedInPage(path)) {
            return Response.status(302).header(HttpHeaders.LOCATION, SignInPages.LOGIN)
                    .cookie(new NewCookie.Builder(SignInPages.RETURN_COOKIE).value(request.absoluteURI()).path("/")
                            .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build())
                    .build();
        }
        return Response.fromResponse(json(401, "unauthorized",
                "log in (HTTP Basic) or send an API key (X-Api-Key) with a role that may do this"))
                .header("WWW-Authenticate", "Basic realm=\"hotline-hub\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        if (SignInPages.isSignedInPage(request.path())) {
            return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity("您的角色无权访问此页面。\nYour role may not open this page.\n").build();
        }
        return json(403, "forbidden", "your role may not do this");
    }

    /**
     * A request record or parameter that breaks its Bean Validation constraints ({@code @Size(max = …)}): 400 naming
     * each field as the client sent it (the JSON property, or the query, form or header parameter).
     */
    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, ResourceInfo resource) {
        String message = e.getConstraintViolations().stream()
                .map(v -> problem(v, field(v, resource.getResourceMethod()))).sorted()
                .collect(Collectors.joining("; "));
        return json(400, "invalid_input", message);
    }

    /**
     * A JSON body that is not JSON or that Jackson's read constraints refuse (nesting deeper than its limit, a number
     * of more digits than its limit, also inside properties the record does not know): 400, never a 500.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return json(400, "bad_request", "body: not a JSON document this API reads (" + e.getOriginalMessage() + ")");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ResourceInfo resource, HttpServerRequest request, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if ((e instanceof jakarta.ws.rs.NotFoundException || e instanceof jakarta.ws.rs.BadRequestException)
                && e.getCause() != null) {
            // a parameter that could not be converted to its type (limit=abc): JAX-RS says 404, we name it
            Optional<String> problem = ParameterProblems.of(resource.getResourceMethod(), request, uri);
            if (problem.isPresent() || status == 404) {
                return json(400, "bad_request", problem.orElse("a parameter is not of its type"));
            }
        }
        Response.ResponseBuilder answer = Response.fromResponse(json(status, codeFor(status), e.getMessage()));
        if (e.getResponse().getHeaderString("WWW-Authenticate") != null) {
            answer.header("WWW-Authenticate", e.getResponse().getHeaderString("WWW-Authenticate"));
        }
        return answer.build();
    }

    /**
     * The database could not be reached or gave no connection in time (pool exhausted under load): the request may
     * succeed shortly, so 503 with Retry-After rather than a 500.
     */
    @ServerExceptionMapper
    public Response databaseUnavailable(org.hibernate.exception.JDBCConnectionException e) {
        return unavailable(new IntakeUnavailableException("database unavailable", e));
    }

    @ServerExceptionMapper
    public Response jdbc(org.hibernate.JDBCException e) {
        if (e.getSQLException() instanceof java.sql.SQLTransientConnectionException
                || String.valueOf(e.getMessage()).contains("acquisition timeout")) {
            return unavailable(new IntakeUnavailableException("no database connection in time", e));
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (String.valueOf(e.getMessage()).startsWith(TOO_MANY_FIELDS)) {
            // Quarkus REST's form parser stops at quarkus.http.limits.max-form-fields with a plain RuntimeException
            return json(400, "bad_request", "form: too many fields (" + e.getMessage() + ")");
        }
        String id = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", id);
        return json(500, "internal_error", "unexpected error, reference " + id);
    }

    /** A length limit in the words every channel uses (InputText); other constraints in their own words. */
    private static String problem(ConstraintViolation<?> violation, String field) {
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        if (violation.getConstraintDescriptor().getAnnotation() instanceof Size && max instanceof Integer limit) {
            return field + " is limited to " + limit
                    + (violation.getInvalidValue() instanceof CharSequence ? " characters" : " entries");
        }
        return field + ": " + violation.getMessage();
    }

    /** The name the client used for the field a violation is about. */
    private static String field(ConstraintViolation<?> violation, Method method) {
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
                last = node; // an element of a list is named by its list
            }
        }
        if (last == null) {
            return "body";
        }
        if (last.getKind() == ElementKind.PARAMETER && method != null) {
            int index = last.as(Path.ParameterNode.class).getParameterIndex();
            for (Annotation a : method.getParameters()[index].getAnnotations()) {
                String name = ParameterProblems.wireName(a);
                if (name != null && !name.isEmpty()) {
                    return name;
                }
            }
        }
        return last.getName();
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            default -> status >= 500 ? "internal_error" : "error";
        };
    }

    private static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.of(status, code, message))
                .build();
    }
}
