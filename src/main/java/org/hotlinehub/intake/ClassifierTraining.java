package org.hotlinehub.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.intake.CategoryModel.Example;
import org.hotlinehub.store.ClassifierCorrections;
import org.hotlinehub.store.ReferenceLookup;
import org.hotlinehub.store.ReferenceLookup.Term;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Trains the classifier's model on the active catalog's keywords, the example reports of the reference data
 * ({@link ClassifierExamples}, when {@code hub.classifier.reference-examples} is on) and the newest operators'
 * corrections (V86), on one background thread of its own: at start, every {@code hub.classifier.retrain-interval}, and when the classifier
 * finds the catalog changed. Intake keeps classifying with the model it has (or the keyword rule) meanwhile.
 */
@ApplicationScoped
public class ClassifierTraining {

    private static final Logger LOG = Logger.getLogger(ClassifierTraining.class);

    @Inject
    Classifier classifier;
    @Inject
    ReferenceLookup directory;
    @Inject
    ClassifierCorrections corrections;
    @Inject
    HubConfig config;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "classifier-training");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    void onStart(@Observes StartupEvent event) {
        retrainSoon();
    }

    @Scheduled(identity = "classifier-retrain", every = "${hub.classifier.retrain-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        retrainSoon();
    }

    /** Asks for a retrain on the background thread; one already waiting there covers this one. */
    public void retrainSoon() {
        if (queued.compareAndSet(false, true)) {
            try {
                background.execute(() -> {
                    queued.set(false);
                    try {
                        retrain();
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "classifier retrain failed; the model in use stays");
                    }
                });
            } catch (RejectedExecutionException e) {
                queued.set(false); // shutting down
            }
        }
    }

    /** Trains a model now, on the caller's thread, and puts it in use. Answers how many corrections it read. */
    public synchronized int retrain() {
        long started = System.nanoTime();
        List<Term> terms = directory.activeTerms();
        List<Example> examples = new ArrayList<>(corrections.newest(config.classifier().maxCorrections()).stream()
                .map(c -> new Example(c.description(), c.categoryCode())).toList());
        int fromOperators = examples.size();
        if (config.classifier().referenceExamples()) {
            examples.addAll(ClassifierExamples.in(config.referenceData().files()));
        }
        CategoryModel model = CategoryModel.train(terms, examples);
        classifier.install(model);
        LOG.infof("classifier trained on %d catalog entries, %d corrections and %d example reports (%d features) in"
                + " %d ms", terms.size(), fromOperators, examples.size() - fromOperators, model.features(),
                (System.nanoTime() - started) / 1_000_000);
        return fromOperators;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        background.shutdownNow();
        background.awaitTermination(5, TimeUnit.SECONDS);
    }
}
