package org.hotlinehub.referencedata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hotlinehub.model.port.ReferenceAdmin.Kind;
import org.hotlinehub.store.AppliedReferenceFiles;
import org.hotlinehub.testsupport.HubTestResources;
import org.hotlinehub.testsupport.Sql;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A start skips the leading reference-data files that are unchanged since they were last applied (time to ready after
 * a crash), but never lets a stale file stand: a changed file, every file after it, and every file after an edit through
 * the console or the API are applied again.
 */
@QuarkusTest
@QuarkusTestResource(HubTestResources.class)
class ReferenceFilesAtStartTest {

    @Inject
    ReferenceDataLoader loader;
    @Inject
    ReferenceDataEditor editor;
    @Inject
    Sql sql;
    @Inject
    AgroalDataSource dataSource;

    Path first;
    Path second;

    @BeforeEach
    void files() throws Exception {
        Path dir = Files.createTempDirectory("refdata-start-");
        first = dir.resolve("a-places.yaml");
        second = dir.resolve("b-partners.yaml");
        Files.writeString(first, """
                places:
                  - {code: FX-START-C1, type: compound, parent: SN-01-03-G07, name: {zh: 启动小区, en: Start Court}}
                """);
        Files.writeString(second, partner("启动物业"));
    }

    private static String partner(String name) {
        return """
                partners:
                  - code: PF-FX-START
                    type: property-firm
                    name: {zh: %s}
                    serves: [FX-START-C1]
                    delivery: {channel: webhook, url: "http://127.0.0.1:9/hook", secret: start-secret}
                """.formatted(name);
    }

    @Test
    void shouldSkipOnlyWhatIsUnchangedAndApplyEverythingFromTheFirstChange() throws Exception {
        List<Path> both = List.of(first, second);
        assertEquals(names(first, second), loader.applyAtStart(both, true), "first start: both applied");
        assertEquals(List.of(), loader.applyAtStart(both, true), "unchanged: nothing written again");

        // someone changed the partner in the database behind the file's back, then the file changes: it wins
        sql.update("update partner set name_zh = '改过的名字' where code = 'PF-FX-START'");
        Files.writeString(second, partner("启动物业二"));
        assertEquals(names(second), loader.applyAtStart(both, true), "only the changed file, it being the last");
        assertEquals("启动物业二", sql.one("select name_zh from partner where code = 'PF-FX-START'"));

        // a change to an earlier file applies every file after it too, so the later one still overrides
        Files.writeString(first, Files.readString(first).replace("启动小区", "启动小区一期"));
        assertEquals(names(first, second), loader.applyAtStart(both, true));
        assertEquals("启动小区一期", sql.one("select name_zh from place where code = 'FX-START-C1'"));
        assertEquals(List.of(), loader.applyAtStart(both, true));

        // applying everything always (development, tests) ignores the digests
        assertEquals(names(first, second), loader.applyAtStart(both, false));
    }

    /**
     * Two nodes starting on one database: while another node holds the start lock (it is loading the files), this one
     * waits, and then finds the files applied and writes nothing.
     */
    @Test
    void shouldWaitForAnotherNodeLoadingTheSameFilesAndThenSkipThem() throws Exception {
        List<Path> both = List.of(first, second);
        CompletableFuture<List<String>> mine;
        try (Connection other = dataSource.getConnection(); Statement s = other.createStatement()) {
            s.execute("select pg_advisory_lock(" + AppliedReferenceFiles.START_LOCK + ")");
            mine = CompletableFuture.supplyAsync(() -> {
                try {
                    return loader.applyAtStart(both, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Thread.sleep(1500);
            assertFalse(mine.isDone(), "this node waits while the other holds the lock");
            // the other node applies the files, then lets go
            assertEquals(names(first, second), loader.applyInOrder(both, true));
            s.execute("select pg_advisory_unlock(" + AppliedReferenceFiles.START_LOCK + ")");
        }
        assertEquals(List.of(), mine.get(30, TimeUnit.SECONDS), "the files were loaded once, by the other node");
    }

    @Test
    void shouldApplyEveryFileAgainAfterAnEditThroughTheConsoleOrApi() throws Exception {
        List<Path> both = List.of(first, second);
        loader.applyAtStart(both, true);
        assertEquals(List.of(), loader.applyAtStart(both, true));

        Map<String, String> values = new HashMap<>(editor.values(Kind.PARTNERS, "PF-FX-START").orElseThrow());
        values.put("name_zh", "后台改名");
        assertEquals(List.of(), editor.save(Kind.PARTNERS, "PF-FX-START", values, "admin", "127.0.0.1").problems());
        assertEquals("后台改名", sql.one("select name_zh from partner where code = 'PF-FX-START'"));

        assertEquals(names(first, second), loader.applyAtStart(both, true), "the files win again, as they always did");
        assertEquals("启动物业", sql.one("select name_zh from partner where code = 'PF-FX-START'"));
        assertEquals(List.of(), loader.applyAtStart(both, true));
    }

    private static List<String> names(Path... files) {
        return Arrays.stream(files).map(Path::toString).toList();
    }
}
