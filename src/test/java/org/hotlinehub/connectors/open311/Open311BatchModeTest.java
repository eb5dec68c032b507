package org.hotlinehub.connectors.open311;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import org.hotlinehub.testsupport.HubTestResources;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code hub.open311.service-type=batch} the hub behaves as the spec's asynchronous servers: services say
 * {@code batch}, POST requests answers a token (and no service_request_id), and GET tokens/{id} gives the
 * service_request_id once intake has made the ticket.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
@TestProfile(Open311BatchModeTest.BatchMode.class)
class Open311BatchModeTest {

    public static class BatchMode implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hub.open311.service-type", "batch");
        }
    }

    @Test
    void shouldAnswerTokenAndResolveItWhenServerIsInBatchMode() {
        given().get("/open311/v2/services.json").then().statusCode(200)
                .body("find { it.service_code == 'sanitation' }.type", equalTo("batch"));
        String token = Open311ConformanceTest.post(Open311ConformanceTest.sanitationRequest("批量模式 "
                + System.nanoTime()), "json").statusCode(202)
                .body("[0]", not(hasKey("service_request_id")))
                .body("[0].token", matchesPattern("[0-9a-f-]{36}"))
                .extract().path("[0].token");

        String id = await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/open311/v2/tokens/" + token
                + ".json").then().statusCode(200).body("[0].token", equalTo(token)).extract()
                .<String>path("[0].service_request_id"), r -> r != null);

        given().get("/open311/v2/tokens/" + token + ".xml").then().statusCode(200)
                .body("service_requests.request.service_request_id", equalTo(id))
                .body("service_requests.request.token", equalTo(token));
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].service_code", equalTo("sanitation")).body("[0].status", equalTo("open"));
    }
}
