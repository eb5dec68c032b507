package org.hotlinehub.connectors.web;

import static org.hotlinehub.model.Strings.nullToEmpty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.config.HubTime;
import org.hotlinehub.model.Attachment;
import org.hotlinehub.model.AttributeAnswers;
import org.hotlinehub.model.CatalogItem;
import org.hotlinehub.model.Channel;
import org.hotlinehub.model.Hashes;
import org.hotlinehub.model.ImageFormats;
import org.hotlinehub.model.InboundContact;
import org.hotlinehub.model.InputLimits;
import org.hotlinehub.model.InputText;
import org.hotlinehub.model.IntakeUnavailableException;
import org.hotlinehub.model.PhoneNumbers;
import org.hotlinehub.model.PlaceItem;
import org.hotlinehub.model.PlaceType;
import org.hotlinehub.model.ResidentTexts;
import org.hotlinehub.model.ServiceDefinition;
import org.hotlinehub.model.Strings;
import org.hotlinehub.model.port.CatalogDirectory;
import org.hotlinehub.model.port.IntakeQueue;
import org.hotlinehub.model.port.OneTimeUses;
import org.hotlinehub.model.port.PlaceDirectory;
import org.hotlinehub.model.port.ReferenceNumbers;
import org.hotlinehub.model.port.ServiceCatalog;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * The resident's report form. A valid post is put on the durable intake queue and only then answered with the
 * ticket reference; an invalid one is answered 400 (413 for a photo too large) with the form and its messages, and
 * nothing is sent anywhere.
 */
@Path("/report")
public class ReportResource {

    /** Form tokens do not expire; the report first sent with one is remembered this long. */
    static final Duration TOKEN_USE_KEPT = Duration.ofDays(400);
    /** Seconds a sender is told to wait before it tries again when the intake could not take a report. */
    static final int UNAVAILABLE_RETRY_AFTER_S = 2;

    @Inject
    CatalogDirectory catalog;
    @Inject
    PlaceDirectory places;
    @Inject
    ReferenceNumbers references;
    @Inject
    IntakeQueue intake;
    @Inject
    FormTokens tokens;
    @Inject
    HubConfig config;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    OneTimeUses oneTimeUses;
    @Inject
    HubTime time;
    @Inject
    ServiceCatalog services;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance report(ReportForm form, List<CatalogItem> catalog,
                List<FormAttributes.Category> questions, List<PlaceItem> compounds,
                Map<String, String> errors, boolean english, long maxMb, String token);

        static native TemplateInstance received(String reference, boolean english);
    }

    public record Received(String reference, String statusUrl) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        boolean english = Languages.english(lang, acceptLanguage);
        return page(ReportForm.empty(), Map.of(), Map.of(), english, tokens.issue(references.next()));
    }

    @POST
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_FORM_URLENCODED})
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public Response submit(@RestForm String category, @RestForm String description, @RestForm String name,
            @RestForm String phone, @RestForm String compound, @RestForm String address, @RestForm String token,
            @RestForm String lang, @RestForm String website, @RestForm FileUpload photo,
            @QueryParam("lang") String queryLang, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @HeaderParam("Origin") String origin,
            @HeaderParam("Sec-Fetch-Site") String fetchSite, HttpServerRequest request) throws IOException {
        boolean english = Languages.english(lang != null ? lang : queryLang, acceptLanguage);
        boolean wantsJson = accept != null && accept.contains(MediaType.APPLICATION_JSON)
                && !accept.contains(MediaType.TEXT_HTML);
        ReportForm form = new ReportForm(trim(category), trim(description), trim(name), trim(phone), trim(compound),
                trim(address));
        WebMessages msg = Languages.messages(english);

        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<String>> answers = AttributeAnswers.parse(formFields());
        // CSRF: a browser says where a post comes from; a form of another site may not post here.
        if (!SameOrigin.allows(origin, fetchSite, SameOrigin.host(request), config.publicBaseUrl())) {
            errors.put("form", msg.errForeignOrigin());
            return answerInvalid(form, answers, errors, english, wantsJson, 403, token);
        }
        Optional<Duration> wait = rateLimiter.tryAcquire(RateLimiter.Bucket.REPORT,
                request.remoteAddress().hostAddress());
        if (wait.isPresent()) {
            errors.put("form", msg.errTooMany(wait.get().toSeconds()));
            return Response.fromResponse(answerInvalid(form, answers, errors, english, wantsJson, 429, token))
                    .header("Retry-After", wait.get().toSeconds()).build();
        }
        if (website != null && !website.isBlank()) {
            errors.put("form", "rejected");
        }
        if (form.category() != null && catalog.find(form.category()).isEmpty()) {
            errors.put("category", msg.errCategory());
        }
        checkAnswers(form.category(), answers, errors, msg, english);
        if (form.description() == null || form.description().codePointCount(0, form.description().length()) < 5
                || form.description().length() > 2000) {
            errors.put("description", msg.errDescription());
        }
        tooLong("name", form.name(), InputLimits.NAME, msg.name(), errors, msg);
        tooLong("address", form.address(), InputLimits.ADDRESS, msg.address(), errors, msg);
        Optional<String> normalizedPhone = PhoneNumbers.normalize(form.phone());
        if (normalizedPhone.isEmpty()) {
            errors.put("phone", msg.errPhone());
        }
        if (form.compound() != null && places.find(form.compound()).filter(p -> p.type() == PlaceType.COMPOUND)
                .isEmpty()) {
            errors.put("compound", msg.errCompound());
        } else if (form.compound() == null && form.address() == null) {
            errors.put("place", msg.errPlace());
        }
        long maxBytes = config.web().maxPhotoBytes();
        Attachment attachment = null;
        int status = 400;
        if (photo != null && photo.size() > 0) {
            if (photo.size() > maxBytes) {
                errors.put("photo", msg.errPhotoSize(maxBytes / (1024 * 1024)));
                status = 413;
            } else {
                Optional<String> type = ImageFormats.contentType(photo.uploadedFile());
                if (type.isEmpty()) {
                    errors.put("photo", msg.errPhotoType());
                } else {
                    attachment = new Attachment(photo.fileName(), type.get(), photo.size(),
                            Base64.getEncoder().encodeToString(Files.readAllBytes(photo.uploadedFile())), null);
                }
            }
        }
        if (!errors.isEmpty()) {
            return answerInvalid(form, answers, errors, english, wantsJson, errors.containsKey("photo") ? status : 400,
                    token);
        }

        Optional<String> reserved = tokens.verify(token);
        if (reserved.isPresent() && !oneTimeUses.claim("form:" + reserved.get(), reportHash(form, normalizedPhone.get(),
                answers), time.now().plus(TOKEN_USE_KEPT))) {
            // the same token with the same report is a double submit (same reference below); with another, refuse
            errors.put("token", msg.errTokenUsed());
            return answerInvalid(form, answers, errors, english, wantsJson, 409, token);
        }
        String externalId = reserved.map(r -> "form:" + r).orElseGet(() -> "hash:" + contentKey(form,
                normalizedPhone.get(), time.today()));
        String reference;
        try {
            reference = references.reserve(Channel.WEB, externalId, reserved.orElseGet(references::next));
        } catch (IntakeUnavailableException e) {
            errors.put("form", msg.errUnavailable());
            return answerInvalid(form, answers, errors, english, wantsJson, 503, token);
        }
        InboundContact contact = new InboundContact(Channel.WEB, externalId, reference, time.now(),
                normalizedPhone.get(), form.name(), form.description(), ResidentTexts.language(english),
                form.category(),
                form.compound(), form.address(), null, null, attachment == null ? List.of() : List.of(attachment),
                answers);
        try {
            intake.submit(contact);
        } catch (IntakeUnavailableException e) {
            errors.put("form", msg.errUnavailable());
            return answerInvalid(form, answers, errors, english, wantsJson, 503, token);
        }
        if (wantsJson) {
            return Response.accepted(new Received(reference, "/status?reference=" + reference)).build();
        }
        return Response.ok(Templates.received(reference, english).setLocale(Languages.locale(english)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private Response answerInvalid(ReportForm form, Map<String, List<String>> answers, Map<String, String> errors,
            boolean english, boolean wantsJson, int status, String postedToken) {
        Response.ResponseBuilder answer = Response.status(status);
        if (status == 503) {
            // the report was not taken: the resident's browser or a client tries again
            answer.header("Retry-After", UNAVAILABLE_RETRY_AFTER_S);
        }
        if (wantsJson) {
            return answer.type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", Map.of("status", status, "code", errorCode(status), "fields", errors)))
                    .build();
        }
        return answer.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page(form, answers, errors, english, tokenToKeep(postedToken))).build();
    }

    /**
     * Answers to the chosen category's questions (those of other categories are not posted: disabled). What is given
     * must fit, but no question is mandatory here: a resident is never kept from reporting by an extra question;
     * the operator or partner asks what is missing. (Open311 clients, which read the definition, must answer.)
     */
    private void checkAnswers(String category, Map<String, List<String>> answers, Map<String, String> errors,
            WebMessages msg, boolean english) {
        Optional<ServiceDefinition> service = category == null ? Optional.empty() : services.service(category);
        if (service.isEmpty()) {
            answers.clear();
            return;
        }
        for (AttributeAnswers.Problem problem : AttributeAnswers.problems(service.get(), answers).stream()
                .filter(p -> !p.missing()).toList()) {
            String label = service.get().attributes().stream().filter(a -> a.code().equals(problem.code()))
                    .findFirst().map(a -> english && a.descriptionEn() != null ? a.descriptionEn() : a.descriptionZh())
                    .orElse(problem.code());
            errors.put("attribute[" + problem.code() + "]", msg.errAttribute(label));
        }
    }

    /**
     * The text fields of the posted form (urlencoded or multipart) whose names are not known in advance: the
     * attribute[code] answers. The form parser of Quarkus REST keeps them with the request.
     */
    private static Map<String, List<String>> formFields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        FormData form = CurrentRequestManager.get().getFormData();
        if (form != null) {
            for (String name : form) {
                form.get(name).stream().filter(v -> !v.isFileItem())
                        .forEach(v -> fields.computeIfAbsent(name, k -> new ArrayList<>()).add(v.getValue()));
            }
        }
        return fields;
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 503 -> "unavailable";
            case 413 -> "payload_too_large";
            case 429 -> "too_many_requests";
            case 403 -> "forbidden";
            case 409 -> "conflict";
            default -> "invalid_input";
        };
    }

    /** The corrected form keeps its reserved reference, so fixing and re-sending it is still one submission. */
    private String tokenToKeep(String postedToken) {
        return tokens.verify(postedToken).map(r -> postedToken).orElseGet(() -> tokens.issue(references.next()));
    }

    private TemplateInstance page(ReportForm form, Map<String, List<String>> answers, Map<String, String> errors,
            boolean english, String token) {
        return Templates.report(form, catalog.activeItems(),
                FormAttributes.of(services.services(), form.category(), answers, errors, english), places.compounds(),
                errors, english,
                config.web().maxPhotoBytes() / (1024 * 1024), token).setLocale(Languages.locale(english));
    }

    /** Everything a resident typed, to tell a double submit of one report from a token used for another. */
    private static String reportHash(ReportForm form, String phone, Map<String, List<String>> answers) {
        return Hashes.sha256(String.join("\u001f", phone, nullToEmpty(form.category()), nullToEmpty(form.compound()),
                nullToEmpty(form.address()), nullToEmpty(form.description()), nullToEmpty(form.name()),
                new java.util.TreeMap<>(answers).toString()));
    }

    /** Without a form token (curl, scripts) a repeat of the same report on the same day is the same contact. */
    private static String contentKey(ReportForm form, String phone, LocalDate today) {
        String joined = String.join("\u001f", phone, nullToEmpty(form.category()), nullToEmpty(form.compound()),
                nullToEmpty(form.address()), nullToEmpty(form.description()), today.toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(joined.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cleaned of control characters (InputText, as on every channel), stripped, blank as null. */
    private static String trim(String s) {
        return Strings.blankToNull(InputText.clean(s));
    }

    private static void tooLong(String field, String value, int max, String label, Map<String, String> errors,
            WebMessages msg) {
        if (InputText.tooLong(field, value, max) != null) {
            errors.put(field, msg.errTooLong(label, max));
        }
    }
}
