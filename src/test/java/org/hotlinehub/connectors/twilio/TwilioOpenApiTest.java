package org.hotlinehub.connectors.twilio;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document describes what the signature filter reads for every webhook under /twilio: the required
 * {@code X-Twilio-Signature} header and the form body. The webhooks are taken from the resource classes (as in
 * {@link TwilioSignatureFilterTest}), so a new endpoint the document misses, or describes without them, fails here.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class TwilioOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldDocumentTheSignatureHeaderAndTheFormOfEveryTwilioWebhook() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> documented = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        paths.forEach((path, item) -> {
            Map<String, Object> post = (Map<String, Object>) item.get("post");
            if (!path.startsWith("/twilio") || post == null) {
                return;
            }
            documented.add(path);
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) post.getOrDefault("parameters",
                    List.of());
            boolean header = parameters.stream().anyMatch(p -> TwilioWebhook.SIGNATURE_HEADER.equals(p.get("name"))
                    && "header".equals(p.get("in")) && Boolean.TRUE.equals(p.get("required"))
                    && p.get("description") != null);
            Map<String, Object> body = (Map<String, Object>) post.get("requestBody");
            boolean form = body != null && Boolean.TRUE.equals(body.get("required"))
                    && ((Map<String, Object>) body.get("content")).containsKey("application/x-www-form-urlencoded");
            if (!header || !form) {
                lacking.add(path + (header ? "" : " (no required " + TwilioWebhook.SIGNATURE_HEADER + " header)")
                        + (form ? "" : " (no form body)"));
            }
        });
        assertEquals(new TreeSet<>(TwilioSignatureFilterTest.webhookPaths()), new TreeSet<>(documented));
        assertEquals(24, documented.size(), documented.toString());
        assertTrue(lacking.isEmpty(), "described without what the signature filter reads: " + lacking);
    }
}
