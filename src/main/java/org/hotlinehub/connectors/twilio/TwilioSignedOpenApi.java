package org.hotlinehub.connectors.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What {@link TwilioSignatureFilter} reads, put back into the OpenAPI document: the endpoints take no parameters of
 * their own any more, so without this every {@link TwilioSigned} operation would show neither the signature header nor
 * the form body. Runs when the document is built, with the class index, and finds the operations from the annotation
 * (on a resource class or a method) like the name binding does, so a new signed endpoint is documented with nothing
 * more to write.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class TwilioSignedOpenApi implements OASFilter {

    private static final DotName SIGNED = DotName.createSimple(TwilioSigned.class.getName());
    private static final DotName PATH = DotName.createSimple(Path.class.getName());
    private static final String JAX_RS = Path.class.getPackageName() + ".";

    /** Each signed operation as the document keys it: the path, then the HTTP method. */
    private final List<Map.Entry<String, PathItem.HttpMethod>> signed = new ArrayList<>();

    public TwilioSignedOpenApi(IndexView index) {
        for (AnnotationInstance binding : index.getAnnotations(SIGNED)) {
            AnnotationTarget target = binding.target();
            if (target.kind() == AnnotationTarget.Kind.CLASS) {
                target.asClass().methods().forEach(this::add);
            } else if (target.kind() == AnnotationTarget.Kind.METHOD) {
                add(target.asMethod());
            }
        }
    }

    private void add(MethodInfo method) {
        ClassInfo resource = method.declaringClass();
        AnnotationInstance root = resource.declaredAnnotation(PATH);
        if (root == null) {
            return;
        }
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            String name = annotation.name().toString();
            if (!name.startsWith(JAX_RS)) {
                continue;
            }
            for (PathItem.HttpMethod verb : PathItem.HttpMethod.values()) {
                if (name.equals(JAX_RS + verb.name())) {
                    AnnotationInstance sub = method.declaredAnnotation(PATH);
                    signed.add(Map.entry(join(root.value().asString(), sub == null ? "" : sub.value().asString()),
                            verb));
                }
            }
        }
    }

    /** The path as the document writes it: one slash between the parts, none at the end. */
    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem.HttpMethod> operation : signed) {
            PathItem item = openAPI.getPaths().getPathItem(operation.getKey());
            Operation found = item == null ? null : item.getOperations().get(operation.getValue());
            if (found != null) {
                document(found);
            }
        }
    }

    private static void document(Operation operation) {
        boolean declared = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> TwilioWebhook.SIGNATURE_HEADER.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter().name(TwilioWebhook.SIGNATURE_HEADER)
                    .in(Parameter.In.HEADER).required(true)
                    .description("Twilio's signature of this request: Base64 of the HMAC-SHA1, keyed with the"
                            + " account's auth token, of the full URL Twilio called followed by every form parameter"
                            + " name and value sorted by name. Missing or wrong: 403 and nothing is done.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (operation.getRequestBody() == null) {
            Schema fields = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("Every parameter Twilio sends with this webhook, each one covered by the signature:"
                            + " for a message MessageSid, AccountSid, From, To, Body, NumMedia, MediaUrlN and"
                            + " MediaContentTypeN, or MessageStatus and ErrorCode for its status; for a call CallSid,"
                            + " AccountSid, From, To, CallStatus, Direction and, as the step asks, Digits,"
                            + " RecordingUrl, TranscriptionText or DialCallStatus. Control characters are removed"
                            + " before the hub reads them.")
                    .additionalPropertiesSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            operation.requestBody(OASFactory.createRequestBody().required(true)
                    .content(OASFactory.createContent().addMediaType(MediaType.APPLICATION_FORM_URLENCODED,
                            OASFactory.createMediaType().schema(fields))));
        }
    }
}
