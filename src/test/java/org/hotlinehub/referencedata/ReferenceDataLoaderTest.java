package org.hotlinehub.referencedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReferenceDataLoaderTest {

    @Inject
    ReferenceDataLoader loader;
    @Inject
    Sql sql;

    Path dir;

    @BeforeEach
    void tempDir() throws Exception {
        dir = Files.createTempDirectory("refdata-test-");
    }

    @Test
    void shouldLoadTheDemoDistrictAtStart() {
        assertEquals(1L, sql.count("select count(*) from place where type = 'district'"));
        assertEquals(4L, sql.count("select count(*) from place where type = 'community'"));
        assertTrue(sql.count("select count(*) from place where type = 'compound'") >= 20);
        assertEquals(10L, sql.count("select count(distinct type) from partner"), "every organization type");
        assertTrue(sql.count("select count(*) from volunteer") >= 40);
        assertTrue(sql.count("select count(*) from resident where registered"
                + " and ('elderly-alone' = any(flags) or 'disabled' = any(flags))") >= 5);
        assertEquals("+8613900000003", sql.one("select emergency_contacts[1] from resident where phone = ?",
                "+8613900000002"));
    }

    @Test
    void shouldApplyNothingAndNameEveryProblemWhenAFileIsBroken() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                places:
                  - {code: NEW-COMPOUND, type: compound, parent: SN-01-03-G07, name: {zh: 新小区}}
                  - {code: ORPHAN, type: compound, parent: NO-SUCH-GRID, name: {zh: 孤儿小区}}
                catalog:
                  - code: broken-entry
                    name: {zh: 坏条目}
                    urgency: whenever
                    accept-within: 30 minutes
                    resolve-within: PT48H
                    party: wizard
                partners:
                  - code: PF-BAD
                    type: property-firm
                    name: {zh: 坏物业}
                    serves: [NOWHERE]
                    delivery: {channel: webhook, url: "not a url"}
                """);
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> loader.load(file));
        String message = e.getMessage();
        assertTrue(message.startsWith("reference data " + file + " was not applied"), message);
        assertTrue(e.problems().contains("places[1] (ORPHAN): parent 'NO-SUCH-GRID' is not a known place"),
                message);
        assertTrue(e.problems().contains("catalog[0] (broken-entry): urgency 'whenever' is not one of"
                + " [urgent, normal, low]"), message);
        assertTrue(e.problems().contains("catalog[0] (broken-entry): accept-within '30 minutes' is not an"
                + " ISO-8601 duration such as PT30M or P2D"), message);
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("catalog[0] (broken-entry): party 'wizard'")),
                message);
        assertTrue(e.problems().contains("partners[0] (PF-BAD): serves: unknown place 'NOWHERE'"), message);
        assertTrue(e.problems().contains("partners[0] (PF-BAD): delivery.url 'not a url' is not a URL")
                || e.problems().contains("partners[0] (PF-BAD): delivery.url 'not a url' must be an http(s) URL"),
                message);
        assertTrue(e.problems().contains("partners[0] (PF-BAD): delivery.secret is required for a webhook (it"
                + " signs every delivery)"), message);
        assertEquals(0L, sql.count("select count(*) from place where code = 'NEW-COMPOUND'"),
                "the valid entries of a broken file are not applied either");
    }

    @Test
    void shouldReportUnknownKeysWithTheirLine() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, """
                places:
                  - {code: X1, type: compound, parent: SN-01-03-G07, name: {zh: 小区}, adress: 错字}
                """);
        ReferenceDataException e = assertThrows(ReferenceDataException.class, () -> loader.load(file));
        assertTrue(e.problems().get(0).startsWith("line 2: unknown key 'adress'"), e.getMessage());
    }

    @Test
    void shouldUpsertByCodeWhenAFileIsLoadedAgain() throws Exception {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, """
                places:
                  - {code: UPSERT-COURT, type: compound, parent: SN-01-03-G07, name: {zh: 旧名字}}
                """);
        loader.load(file);
        Files.writeString(file, """
                places:
                  - {code: UPSERT-COURT, type: compound, parent: SN-01-03-G08, name: {zh: 新名字}, aliases: [新名]}
                """);
        loader.load(file);
        assertEquals(1L, sql.count("select count(*) from place where code = 'UPSERT-COURT'"));
        assertEquals("新名字", sql.one("select name_zh from place where code = 'UPSERT-COURT'"));
        assertEquals("SN-01-03-G08", sql.one("select p.code from place c join place p on p.id = c.parent_id"
                + " where c.code = 'UPSERT-COURT'"));
    }
}
