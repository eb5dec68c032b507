package org.hotlinehub.connectors.twilio;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

import org.hotlinehub.model.InputText;

/**
 * The one signature check of every {@link TwilioSigned} webhook: {@code X-Twilio-Signature} over the URL Twilio called
 * (path and raw query) and every form parameter as sent, before anything else of the request is used. Refused: the
 * plain 403 and nothing stored. Passed: the parameters, cleaned of control characters (InputText) like every channel's
 * input (Twilio cannot be told 400 for them), wait in {@link TwilioForm} for the endpoint.
 */
@Provider
@TwilioSigned
@Priority(Priorities.AUTHENTICATION)
public class TwilioSignatureFilter implements ContainerRequestFilter {

    private static final Type FORM = new GenericType<MultivaluedMap<String, String>>() {
    }.getType();

    @Inject
    TwilioSignatureCheck signatures;
    @Inject
    TwilioForm form;
    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        MultivaluedMap<String, String> body = read(request);
        if (body != null) {
            body.forEach((name, values) -> params.put(name, values.isEmpty() ? "" : values.get(0)));
        }
        URI uri = request.getUriInfo().getRequestUri();
        String query = uri.getRawQuery();
        String pathAndQuery = uri.getRawPath() + (query == null ? "" : "?" + query);
        if (!signatures.valid(pathAndQuery, params, request.getHeaders().getFirst(TwilioWebhook.SIGNATURE_HEADER))) {
            request.abortWith(TwilioWebhook.forbidden());
            return;
        }
        params.replaceAll((name, value) -> InputText.clean(value));
        form.signed(params);
    }

    /** The form body, parsed by the same reader a resource method's form parameter would get. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private MultivaluedMap<String, String> read(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        MessageBodyReader<MultivaluedMap> reader = providers.getMessageBodyReader(MultivaluedMap.class, FORM,
                new Annotation[0], type);
        return reader.readFrom(MultivaluedMap.class, FORM, new Annotation[0], type, request.getHeaders(),
                request.getEntityStream());
    }
}
