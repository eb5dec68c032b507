package org.hotlinehub.connectors.twilio;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.TwilioApiStub;
import org.hotlinehub.testsupport.TwilioSms;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every webhook under /twilio, found from the resource classes rather than listed by hand, answers an unsigned or
 * wrongly signed request with the one 403 of the signature filter: a resource (or a new endpoint) that is not bound
 * to it fails here.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@QuarkusTestResource(TwilioApiStub.class)
class TwilioSignatureFilterTest {

    private static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";

    @Inject
    Sql sql;

    /** The path of every POST method of every resource under /twilio in this package. */
    static List<String> webhookPaths() {
        List<String> paths = new ArrayList<>();
        for (JavaClass resource : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(TwilioWebhook.class.getPackageName())) {
            Class<?> type = resource.reflect();
            Path root = type.getAnnotation(Path.class);
            if (root == null || !root.value().startsWith("/twilio")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(POST.class)) {
                    Path sub = method.getAnnotation(Path.class);
                    paths.add(root.value() + (sub == null ? "" : sub.value()));
                }
            }
        }
        return paths;
    }

    @Test
    void shouldFindEveryTwilioWebhook() {
        List<String> paths = webhookPaths();
        assertEquals(24, paths.size(), paths.toString());
        assertTrue(paths.containsAll(List.of("/twilio/sms", "/twilio/sms/status", "/twilio/voice",
                "/twilio/voice/status", "/twilio/voice/survey/rating")), paths.toString());
    }

    @Test
    void shouldRefuseEveryTwilioWebhookWithoutAValidSignatureAndStoreNothing() {
        Map<String, String> params = Map.of("CallSid", CALL_SID, "From", "+8613900000001", "To", TwilioApiStub.FROM,
                "CallStatus", "ringing", "Direction", "inbound", "MessageSid", "SM" + CALL_SID.substring(2),
                "MessageStatus", "delivered");
        for (String path : webhookPaths()) {
            TwilioSms.post(path, params, null).then().statusCode(403).contentType("text/plain")
                    .body(equalTo("invalid or missing X-Twilio-Signature"));
            TwilioSms.post(path, params, "bm90IGEgc2lnbmF0dXJl").then().statusCode(403)
                    .body(equalTo("invalid or missing X-Twilio-Signature"));
            TwilioSms.post(path, params, TwilioSms.sign(TwilioSms.PUBLIC_BASE + path + "/other", params)).then()
                    .statusCode(403).body(equalTo("invalid or missing X-Twilio-Signature"));
        }
        assertEquals(0L, sql.count("select count(*) from voice_call where call_sid = ?", CALL_SID));
    }
}
