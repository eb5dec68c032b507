package org.hotlinehub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hotlinehub.intake.CategoryModel.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example reports a reference-data directory carries for the classifier (no database, no Quarkus). */
class ClassifierExamplesTest {

    @Test
    void shouldReadADirectorysExamplesAndLeaveOutCommentsAndLinesWithoutCodeAndText(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve(ClassifierExamples.FILE), String.join("\n", "# a comment", "",
                "property-repair\t电梯又坏了 ", "no tab here", "\t没有代码", "sanitation\t  ", "sanitation\t垃圾没人收"),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("catalog.yaml"), "catalog: []\n", StandardCharsets.UTF_8);
        List<Example> read = ClassifierExamples.in(List.of(dir.toString(), dir.resolve("catalog.yaml").toString(),
                dir.resolve("missing").toString()));
        assertEquals(List.of(new Example("电梯又坏了", "property-repair"), new Example("垃圾没人收", "sanitation")), read,
                "a file named in the list and a missing directory add nothing");
    }

    @Test
    void shouldFindTheDemoDistrictsExamplesAndNoneOfTheHeldOutReportsAmongThem() throws Exception {
        ClassifierAccuracyTest.load();
        List<Example> demo = ClassifierExamples.in(List.of("config/demo"));
        assertEquals(new HashSet<>(ClassifierAccuracyTest.training), new HashSet<>(demo),
                "the demo's examples are the training part of labelled.tsv");
        Set<String> texts = new HashSet<>(demo.stream().map(Example::text).toList());
        for (Example e : ClassifierAccuracyTest.heldOut) {
            assertFalse(texts.contains(e.text()), "a held-out report is a demo example: " + e.text());
        }
        for (Example e : ClassifierAccuracyTest.fresh) {
            assertFalse(texts.contains(e.text()), "a fresh.tsv report is a demo example: " + e.text());
        }
    }
}
