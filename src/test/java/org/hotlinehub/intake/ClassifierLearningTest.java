package org.hotlinehub.intake;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hotlinehub.testsupport.Sessions.FORM;
import static org.hotlinehub.testsupport.Sessions.origin;
import static org.hotlinehub.testsupport.Sessions.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.hotlinehub.testsupport.Tickets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;

/**
 * An operator's triage choice teaches the classifier: it is stored (so every node learns it), and after a retrain a
 * new, similar request is classified into that category by intake without a human.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ClassifierLearningTest {

    @Inject
    Sql sql;
    @Inject
    Classifier classifier;
    @Inject
    ClassifierTraining training;

    @AfterEach
    void forget() {
        // back to the model of the catalog alone, so the other tests' requests are classified as they expect
        sql.update("delete from classifier_correction");
        training.retrain();
    }

    @Test
    void shouldLearnAnOperatorsTriageChoiceAndClassifyASimilarRequestWithIt() {
        String similar = "图书馆借书证丢了要补办";
        assertNotEquals("training", classifier.classify(similar).map(m -> m.entry().code()).orElse("triage"),
                "nothing in the catalog says a library card is a training matter");

        Cookie operator = session("operator", "demo-operator-pass");
        String first = Tickets.inTriage(sql, "想给孙子办一张图书馆借书证 " + System.nanoTime());
        given().redirects().follow(false).cookie(operator).header("Origin", origin()).contentType(FORM)
                .formParam("category", "").formParam("place", "HY-GARDEN")
                .post("/console/tickets/" + first + "/triage").then().statusCode(400)
                .body(containsString("category is required"));
        given().redirects().follow(false).cookie(operator).header("Origin", origin()).contentType(FORM)
                .formParam("category", "training").formParam("place", "")
                .post("/console/tickets/" + first + "/triage").then().statusCode(400)
                .body(containsString("place is required"));
        assertEquals(0L, sql.count("select count(*) from classifier_correction c join ticket t on t.id = c.ticket_id"
                + " where t.reference = ?", first), "a refused triage teaches nothing");
        triage(operator, first, "training");
        triage(operator, Tickets.inTriage(sql, "社区图书馆借书证怎么办理 " + System.nanoTime()), "training");
        assertEquals(1L, sql.count("select count(*) from classifier_correction c join ticket t on t.id = c.ticket_id"
                + " where t.reference = ? and c.category_code = 'training' and c.corrected_by = 'operator'"
                + " and c.description like '想给孙子办一张图书馆借书证%'", first));

        assertTrue(training.retrain() >= 2, "the retrain learned both corrections");
        Classifier.Match match = classifier.classify(similar).orElseThrow();
        assertEquals("training", match.entry().code());
        assertTrue(match.keywords().stream().anyMatch(w -> w.contains("书") || w.contains("图")), match.describe());

        // and intake uses it: a new report of the kind is classified with no operator
        String reference = Tickets.file(sql, similar + " " + System.nanoTime(), "HY-GARDEN", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> sql.count("select count(*) from ticket t join"
                + " catalog_entry c on c.id = t.category_id where t.reference = ? and c.code = 'training'",
                reference) == 1);
        assertEquals(1L, sql.count("select count(*) from timeline_event e join ticket t on t.id = e.ticket_id"
                + " where t.reference = ? and e.kind = 'CLASSIFIED' and e.detail like 'category training (%'",
                reference));
    }

    private static void triage(Cookie operator, String reference, String category) {
        given().redirects().follow(false).cookie(operator).header("Origin", origin()).contentType(FORM)
                .formParam("category", category).formParam("place", "HY-GARDEN")
                .post("/console/tickets/" + reference + "/triage").then().statusCode(303)
                .header("Location", endsWith("?done=triage"));
    }
}
