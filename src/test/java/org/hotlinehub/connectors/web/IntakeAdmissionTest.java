package org.hotlinehub.connectors.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Reports;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A saturated intake edge answers at once with 503 and Retry-After, and takes contacts again when it has room. */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class IntakeAdmissionTest {

    @Inject
    IntakeAdmission admission;

    private static io.restassured.response.Response report() {
        return Reports.postJson("电梯坏了，饱和测试");
    }

    @Test
    void shouldAnswer503AtOnceWhileEveryPermitIsHeldAndAcceptAgainAfterwards() throws Exception {
        int held = admission.permits().availablePermits();
        assertEquals(64, held, "nothing else in flight, the default bound");
        admission.permits().acquire(held);
        long refusedBefore = admission.refused();
        try {
            var busy = report();
            assertEquals(503, busy.statusCode());
            assertEquals("1", busy.header("Retry-After"));
            assertEquals("热线繁忙，请稍后再试。", busy.body().asString());
            given().header("Accept-Language", "en").formParam("Body", "x").post("/twilio/sms").then().statusCode(503)
                    .body(equalTo("The hotline is very busy. Please try again in a moment."));
            assertEquals(refusedBefore + 2, admission.refused());
            // pages and other calls are not intake: they are still served
            given().get("/report").then().statusCode(200);
        } finally {
            admission.permits().release(held);
        }
        report().then().statusCode(202);
        assertEquals(held, admission.permits().availablePermits(), "every permit was given back");
    }
}
