package org.hotlinehub.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotlinehub.intake.CategoryModel.Example;
import org.jboss.logging.Logger;

/**
 * Example reports a reference-data directory may carry for the classifier ({@value #FILE}: a catalog code, a tab,
 * a resident's report, one a line; # starts a comment). A retrain learns them like operators' corrections, so a hub
 * classifies with more than the catalog's keywords before its operators have corrected anything. The demo district's
 * (config/demo) are the training part of the labelled reports; the held-out reports are never among them
 * (ClassifierAccuracyTest holds that).
 */
final class ClassifierExamples {

    private static final Logger LOG = Logger.getLogger(ClassifierExamples.class);

    static final String FILE = "classifier-examples.tsv";

    private ClassifierExamples() {
    }

    /** The examples of every directory among the reference-data locations, in their order; none when there are none. */
    static List<Example> in(List<String> referenceData) {
        List<Example> examples = new ArrayList<>();
        for (String location : referenceData) {
            Path file = Path.of(location.strip()).resolve(FILE);
            if (Files.isDirectory(Path.of(location.strip())) && Files.isRegularFile(file)) {
                examples.addAll(read(file));
            }
        }
        return examples;
    }

    /** A file's examples; a line without a code, a tab and a text is left out with a warning naming the line. */
    static List<Example> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", 2);
            if (cols.length < 2 || cols[0].isBlank() || cols[1].isBlank()) {
                LOG.warnf("%s line %d: not a catalog code, a tab and a report; left out", file, i + 1);
                continue;
            }
            examples.add(new Example(cols[1].strip(), cols[0].strip()));
        }
        return examples;
    }
}
