package org.hotlinehub.connectors.open311;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.Caller;
import org.hotlinehub.model.CatalogAttribute;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Failures;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.InputText;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.Open311Submission;
import org.hotlinehub.model.ServiceDefinition;
import org.hotlinehub.model.ServiceRequestQuery;
import org.hotlinehub.model.ServiceRequestRecord;
import org.hotlinehub.model.port.ApiAccess;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.PlaceDirectory;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.ServiceCatalog;
import org.hotlinehub.model.port.ServiceRequests;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Open311 GeoReport v2 (specs/open311-georeport-v2.md). Every resource takes the suffix {@code .xml} (also the
 * default without a suffix) or {@code .json}. Filing a request works like every other intake edge: the reference is
 * reserved per (client, content) so a retry is told the same one, the contact is stored by the broker, and only then
 * the client is answered; intake makes an ordinary ticket of it.
 */
@Path("/open311/v2")
@Tag(name = "Open311 GeoReport v2", description = "The standard API for 311 apps: services, requests, tokens")
public class Open311Resource {

    private static final Logger LOG = Logger.getLogger(Open311Resource.class);
    private static final String EXT = "{ext: (\\.[A-Za-z0-9]+)?}";
    private static final String ID = ": [^/.]+}";
    /** The spec's default and largest window of GET requests, and its default number of requests. */
    static final Duration WINDOW = Duration.ofDays(90);
    static final int LIMIT = 1000;
    @Inject
    ServiceCatalog catalog;
    @Inject
    ServiceRequests requests;
    @Inject
    PlaceDirectory places;
    @Inject
    ReferenceNumbers references;
    @Inject
    IntakeQueue intake;
    @Inject
    ApiAccess access;
    @Inject
    HubConfig config;
    @Inject
    ObjectMapper json;
    @Inject
    HubTime time;

    @GET
    @Path("discovery" + EXT)
    @Operation(summary = "Service discovery: where this endpoint is, its specification and formats")
    public Response discovery(@PathParam("ext") String ext, @QueryParam("jurisdiction_id") String jurisdiction,
            UriInfo uri) {
        Open311Format format = format(ext);
        String base = config.publicBaseUrl().replaceAll("/+$", "") + "/open311/v2";
        Map<String, Object> endpoint = fields("specification", "http://wiki.open311.org/GeoReport_v2", "url", base,
                "changeset", "2026-11-22T00:00:00+08:00", "type", "production", "formats",
                new Open311Document.Listing("format", List.of("text/xml", "application/json")));
        return answer(format, new Open311Document("discovery", fields("changeset", "2026-11-22T00:00:00+08:00",
                "contact", config.open311().contact(), "key_service",
                "API keys are issued by the hotline administrators / API 密钥由热线管理员发放", "endpoints",
                new Open311Document.Listing("endpoint", List.of(endpoint)))), 200);
    }

    @GET
    @Path("services" + EXT)
    @Operation(summary = "The service list: every active catalog entry")
    public Response services(@PathParam("ext") String ext, @QueryParam("jurisdiction_id") String jurisdiction) {
        return found(ext, jurisdiction, () -> new Open311Document("services",
                new Open311Document.Listing("service", catalog.services().stream().map(this::service).toList())));
    }

    @GET
    @Path("services/{code" + ID + EXT)
    @Operation(summary = "A service definition: the attributes a request of this service answers")
    public Response serviceDefinition(@PathParam("code") String code, @PathParam("ext") String ext,
            @QueryParam("jurisdiction_id") String jurisdiction) {
        return found(ext, jurisdiction, () -> {
            ServiceDefinition service = definition(code);
            List<Map<String, Object>> attributes = service.attributes().stream().map(Open311Resource::attribute)
                    .toList();
            return new Open311Document("service_definition", fields("service_code", service.code(), "attributes",
                    new Open311Document.Listing("attribute", attributes)));
        });
    }

    @POST
    @Path("requests" + EXT)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "File a service request (form-encoded, with the client's api_key); answers its id or token")
    public Response create(@PathParam("ext") String ext, @QueryParam("api_key") String queryKey,
            MultivaluedMap<String, String> form) {
        Open311Format format = format(ext);
        Map<String, List<String>> fields = form == null ? Map.of() : form;
        String apiKey = Optional.ofNullable(one(fields, "api_key")).orElse(queryKey);
        Caller client = access.apiClient(apiKey).filter(c -> c.roles().contains(Caller.OPEN311))
                .orElseThrow(() -> Open311Exception.of(403, apiKey == null
                        ? "api_key is missing -- can't proceed with create_request."
                        : "Invalid api_key received -- can't proceed with create_request."));
        checkJurisdiction(one(fields, "jurisdiction_id"));
        String serviceCode = one(fields, "service_code");
        if (serviceCode == null) {
            throw Open311Exception.of(400, "service_code was not provided");
        }
        ServiceDefinition service = definition(serviceCode);
        Open311Filing filing = Open311Filing.read(fields, service, places);
        if (!filing.problems().isEmpty()) {
            throw new Open311Exception(400, filing.problems().stream()
                    .map(p -> new Open311Exception.Error("400", p)).toList());
        }
        Instant now = time.now();
        String externalId = client.name() + ":"
                + contentKey(service.code(), fields, LocalDate.ofInstant(now, time.zone()));
        String reference = references.reserve(Channel.OPEN311, externalId, references.next());
        String token = requests.record(new Open311Submission(UUID.randomUUID().toString(), reference, client.name(),
                service.code(), now, filing.description(), filing.address(), filing.addressId(), filing.lat(),
                filing.lon(), filing.mediaUrl()));
        intake.submit(new InboundContact(Channel.OPEN311, externalId, reference, now, filing.phone(), filing.name(),
                filing.description() != null ? filing.description() : service.nameZh(), null, service.code(),
                filing.addressId(), filing.address(), filing.lat(), filing.lon(),
                filing.mediaUrl() == null
                        ? List.of()
                        : List.of(new Attachment(null, null, 0, null,
                                filing.mediaUrl())),
                filing.attributes()));
        LOG.infof("open311 request %s from client %s (%s)", reference, client.name(), service.code());
        boolean batch = "batch".equals(config.open311().serviceType());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(batch ? "token" : "service_request_id", batch ? token : reference);
        answer.put("service_notice", notice(reference));
        answer.put("account_id", one(fields, "account_id"));
        Response.ResponseBuilder builder = Response.status(batch ? 202 : 201)
                .entity(serviceRequests(List.of(answer)).render(format, json, time.zone()))
                .type(format.mediaType());
        if (!batch) {
            builder.location(URI.create("/open311/v2/requests/" + reference + suffix(format)));
        }
        return builder.build();
    }

    @GET
    @Path("requests" + EXT)
    @Operation(summary = "Service requests, newest first: by ids, or by service code, status and date range")
    public Response list(@PathParam("ext") String ext, @QueryParam("jurisdiction_id") String jurisdiction,
            @QueryParam("service_request_id") String ids, @QueryParam("service_code") String codes,
            @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate,
            @QueryParam("status") String status, @QueryParam("api_key") String apiKey) {
        return found(ext, jurisdiction, () -> {
            ServiceRequestQuery query = Open311Queries.of(ids, codes, startDate, endDate, status, time.now());
            return serviceRequests(requests.find(knowsClient(apiKey) ? query : query.filedThroughOpen311()).stream()
                    .map(Open311Resource::request).toList());
        });
    }

    @GET
    @Path("requests/{id" + ID + EXT)
    @Operation(summary = "One service request by its id (the ticket reference)")
    public Response one(@PathParam("id") String id, @PathParam("ext") String ext,
            @QueryParam("jurisdiction_id") String jurisdiction, @QueryParam("api_key") String apiKey) {
        return found(ext, jurisdiction, () -> {
            boolean client = knowsClient(apiKey);
            ServiceRequestRecord found = requests.find(id).filter(r -> client || r.filedThroughOpen311())
                    .orElseThrow(() -> notFound("service_request_id", id));
            return serviceRequests(List.of(request(found)));
        });
    }

    /**
     * References are sequential, so anyone could read every ticket's status, category and agency: without a
     * client's api_key only requests filed through Open311 (public by their nature) are shown. A key given but
     * unknown is refused, so a client with a typo learns why it sees less.
     */
    private boolean knowsClient(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return false;
        }
        access.apiClient(apiKey).filter(c -> c.roles().contains(Caller.OPEN311))
                .orElseThrow(() -> Open311Exception.of(403, "Invalid api_key received -- can't proceed."));
        return true;
    }

    @GET
    @Path("tokens/{token" + ID + EXT)
    @Operation(summary = "The service_request_id for a token, once the request has become a ticket")
    public Response token(@PathParam("token") String token, @PathParam("ext") String ext,
            @QueryParam("jurisdiction_id") String jurisdiction) {
        return found(ext, jurisdiction, () -> {
            ServiceRequests.TokenState state = requests.token(token)
                    .orElseThrow(() -> notFound("token", token));
            return serviceRequests(List.of(fields("service_request_id", state.reference().orElse(null), "token",
                    state.token())));
        });
    }

    /** Anything else under /open311/v2 does not exist: answered 404 in the spec's error format. */
    @GET
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unknown(@PathParam("unknown") String unknown) {
        throw notFound(unknown);
    }

    @POST
    @Path("{unknown: .*}")
    @Operation(hidden = true)
    public Response unknownPost(@PathParam("unknown") String unknown) {
        throw notFound(unknown);
    }

    /** The active catalog entry a service_code names; else 404, as for any id the endpoint does not know. */
    private ServiceDefinition definition(String code) {
        return catalog.service(code).orElseThrow(() -> notFound("service_code", code));
    }

    /** A code, id or token the endpoint does not know: 404 naming it, worded alike for every resource. */
    private static Open311Exception notFound(String field, String value) {
        return Open311Exception.of(404, field + " '" + value + "' not found");
    }

    private static Open311Exception notFound(String path) {
        return Open311Exception.of(404, "no such resource: /open311/v2/" + path
                + " (resources: discovery, services, services/{code}, requests, requests/{id}, tokens/{id})");
    }

    @ServerExceptionMapper
    public Response refused(Open311Exception e, UriInfo uri) {
        return errors(Open311Format.ofPath(uri.getPath()), e.status(), e.errors());
    }

    @ServerExceptionMapper
    public Response unavailable(IntakeUnavailableException e, UriInfo uri) {
        LOG.warnf("open311 intake unavailable: %s", e.getMessage());
        return Response
                .fromResponse(errors(Open311Format.ofPath(uri.getPath()), 503, List.of(new Open311Exception.Error(
                        "503", "the hotline cannot take requests right now; try again shortly / 系统繁忙，请稍后重试"))))
                .header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        return errors(Open311Format.ofPath(uri.getPath()), status,
                List.of(new Open311Exception.Error(String.valueOf(status), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (Failures.isTransient(e)) {
            // the database or broker is away for a moment (a restart): the client should retry, not give up
            return unavailable(new IntakeUnavailableException("open311: " + Failures.rootCause(e).getMessage(), e),
                    uri);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "open311: unexpected error %s", id);
        return errors(Open311Format.ofPath(uri.getPath()), 500,
                List.of(new Open311Exception.Error("500", "unexpected error, reference " + id)));
    }

    private Response errors(Open311Format format, int status, List<Open311Exception.Error> errors) {
        List<Map<String, Object>> items = errors.stream()
                .map(e -> fields("code", Integer.parseInt(e.code()), "description", e.description())).toList();
        return answer(format, new Open311Document("errors", new Open311Document.Listing("error", items)), status);
    }

    private static Open311Document serviceRequests(List<Map<String, Object>> requests) {
        return new Open311Document("service_requests", new Open311Document.Listing("request", requests));
    }

    private Response answer(Open311Format format, Open311Document document, int status) {
        return Response.status(status).type(format.mediaType()).entity(document.render(format, json, time.zone()))
                .build();
    }

    /**
     * A GET's answer, 200: the format and the jurisdiction are checked before the document is made, so a bad suffix
     * (400) or another jurisdiction (404) is told first.
     */
    private Response found(String ext, String jurisdiction, Supplier<Open311Document> document) {
        Open311Format format = format(ext, jurisdiction);
        return answer(format, document.get(), 200);
    }

    /** The answer format, once the jurisdiction is known to be ours. */
    private Open311Format format(String ext, String jurisdiction) {
        Open311Format format = format(ext);
        checkJurisdiction(jurisdiction);
        return format;
    }

    private static Open311Format format(String ext) {
        return Open311Format.ofSuffix(ext).orElseThrow(() -> Open311Exception.of(400,
                "format '" + ext.substring(1) + "' is not supported; use .xml or .json"));
    }

    private static String suffix(Open311Format format) {
        return format == Open311Format.JSON ? ".json" : ".xml";
    }

    private void checkJurisdiction(String jurisdiction) {
        if (jurisdiction != null && !jurisdiction.isBlank()
                && !jurisdiction.strip().equals(config.open311().jurisdictionId())) {
            throw Open311Exception.of(404, "jurisdiction_id '" + jurisdiction.strip() + "' not found; this endpoint"
                    + " serves " + config.open311().jurisdictionId());
        }
    }

    private Map<String, Object> service(ServiceDefinition s) {
        String keywords = String.join(", ", Stream.concat(s.keywordsZh().stream(), s.keywordsEn().stream())
                .toList());
        return fields("service_code", s.code(), "service_name", bilingual(s.nameZh(), s.nameEn()), "description",
                description(s), "metadata", !s.attributes().isEmpty(), "type", config.open311().serviceType(),
                "keywords", keywords, "group", s.group());
    }

    private static String description(ServiceDefinition s) {
        String zh = s.keywordsZh().stream().limit(6).reduce((a, b) -> a + "、" + b).orElse(null);
        String en = s.keywordsEn().stream().limit(6).reduce((a, b) -> a + ", " + b).orElse(null);
        return bilingual(s.nameZh() + (zh == null ? "" : "：" + zh),
                s.nameEn() == null ? null : s.nameEn() + (en == null ? "" : ": " + en));
    }

    private static Map<String, Object> attribute(CatalogAttribute a) {
        Map<String, Object> out = fields("variable", a.variable(), "code", a.code(), "datatype", a.datatype().code(),
                "required", a.required(), "datatype_description", a.datatypeDescription(), "order", a.order(),
                "description", bilingual(a.descriptionZh(), a.descriptionEn()));
        if (a.datatype().hasValues()) {
            out.put("values", new Open311Document.Listing("value", a.values().stream()
                    .map(v -> fields("key", v.key(), "name", bilingual(v.nameZh(), v.nameEn()))).toList()));
        }
        return out;
    }

    private static Map<String, Object> request(ServiceRequestRecord r) {
        return fields("service_request_id", r.reference(), "status", r.open() ? "open" : "closed", "status_notes",
                r.statusNotes(), "service_name", r.serviceName(), "service_code", r.serviceCode(), "description",
                r.description(), "agency_responsible", r.agencyResponsible(), "service_notice", null,
                "requested_datetime", r.requestedAt(), "updated_datetime", r.updatedAt(), "expected_datetime",
                r.expectedAt(), "address", r.address(), "address_id", r.addressId(), "zipcode", null, "lat", r.lat(),
                "long", r.lon(), "media_url", r.mediaUrl());
    }

    private static String notice(String reference) {
        return "已受理，工单编号 " + reference + "，可凭编号查询进度 / Received as ticket " + reference
                + "; quote this number to follow it up";
    }

    static String bilingual(String zh, String en) {
        return en == null || en.isBlank() ? zh : zh + " / " + en;
    }

    /** Ordered fields from name/value pairs (values may be null, which Map.of does not allow). */
    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null
                ? null
                : values.stream().map(InputText::clean).filter(v -> v != null && !v.isBlank()).map(String::strip)
                        .findFirst().orElse(null);
    }

    /** A retry of the same request by the same client on the same day is the same contact (the same reference). */
    private static String contentKey(String serviceCode, Map<String, List<String>> form, LocalDate today) {
        Map<String, List<String>> sorted = new TreeMap<>(form);
        sorted.remove("api_key");
        StringBuilder joined = new StringBuilder(serviceCode).append('\u001e')
                .append(today);
        sorted.forEach((k, v) -> joined.append('\u001e').append(k).append('\u001f').append(String.join("\u001f", v)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
