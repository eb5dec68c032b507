package org.hotlinehub.connectors.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hotlinehub.testsupport.Sessions.operator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sessions;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Split and the likely duplicates through the REST API: the new ticket once per Idempotency-Key (201 with it), 400
 * naming a missing field and 409 for a ticket no longer open, nothing stored either time; a partner's key is refused
 * (401); the merge candidates list the open ticket of the same category and place.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class SplitApiTest {

    private static final String BODY = "{\"description\":\"楼道灯不亮 api\",\"category\":\"property-repair\","
            + "\"place\":\"HY-GARDEN\",\"note\":\"两件事\"}";

    @Inject
    Sql sql;

    private long splits(String reference) {
        return sql.count("select count(*) from ticket t join ticket o on o.id = t.split_from_id where o.reference = ?",
                reference);
    }

    @Test
    void shouldSplitOnceForOneIdempotencyKeyAndRefuseBadInputWithNothingStored() {
        long n = System.nanoTime();
        String other = Tickets.dispatched(sql, "5号楼电梯坏了 api A " + n, "HY-GARDEN");
        String original = Tickets.dispatched(sql, "5号楼电梯坏了，楼道灯也不亮 api B " + n, "HY-GARDEN");
        operator().get("/api/v1/tickets/" + original + "/merge-candidates").then().statusCode(200)
                .body("reference", hasItem(other)).body("find { it.reference == '" + other + "' }.why",
                        equalTo("same-place"));

        operator().contentType(ContentType.JSON).body("{\"description\":\"楼道灯不亮\",\"place\":\"HY-GARDEN\"}")
                .post("/api/v1/tickets/" + original + "/split").then().statusCode(400)
                .body(containsString("category is required"));
        // a partner's API key is no staff identity on the staff API
        Sessions.partnerJson("PF-HAIYUN").body(BODY).post("/api/v1/tickets/" + original + "/split").then()
                .statusCode(401);
        assertEquals(0L, splits(original));

        String key = UUID.randomUUID().toString();
        Response first = operator().contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(BODY).post("/api/v1/tickets/" + original + "/split");
        first.then().statusCode(201).body("splitFrom", equalTo(original))
                .body("categoryCode", equalTo("property-repair"));
        String added = first.path("reference");
        first.then().header("Location", endsWith("/api/v1/tickets/" + added));
        operator().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY)
                .post("/api/v1/tickets/" + original + "/split").then().statusCode(201)
                .body("reference", equalTo(added));
        assertEquals(1L, splits(original), "the same key splits once");
        operator().get("/api/v1/tickets/" + original).then().statusCode(200).body("splitInto", hasItem(added));

        sql.update("update ticket set status = 'CANCELLED' where reference = ?", original);
        operator().contentType(ContentType.JSON).body(BODY).post("/api/v1/tickets/" + original + "/split").then()
                .statusCode(409).body(containsString("only an open ticket can be split"));
        assertEquals(1L, splits(original));
    }
}
