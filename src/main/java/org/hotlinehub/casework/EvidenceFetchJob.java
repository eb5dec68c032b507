package org.hotlinehub.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.port.MediaSource;
import org.hotlinehub.model.port.MediaSource.Fetched;
import org.hotlinehub.outbound.RetryPolicy;
import org.hotlinehub.store.EvidenceQueries;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Fetches the files contacts brought only as URLs (voicemail recordings, MMS pictures) and keeps them with their
 * tickets (V93). Durable: a file is marked to be fetched in the transaction that stores the contact. At least once,
 * harmlessly: a claim leases the row, the fetch runs outside any transaction, and the bytes are stored only while the
 * row still has its URL and none, so a repeat or an anonymised row changes nothing. A failed try comes again with
 * the outbox's backoff ({@link RetryPolicy}) until {@code hub.evidence.give-up-after} after the file came; then the
 * row keeps its error, which the ticket's page shows.
 */
@ApplicationScoped
public class EvidenceFetchJob {

    private static final Logger LOG = Logger.getLogger(EvidenceFetchJob.class);
    public static final int BATCH = 20;

    @Inject
    EvidenceQueries files;
    @Inject
    Instance<MediaSource> sources;
    @Inject
    RetryPolicy retry;
    @Inject
    HubConfig config;
    @Inject
    Clock clock;

    /** One round: claims the due files and tries each. @return how many were tried */
    public int run() {
        Instant now = clock.instant();
        Instant lease = now.plus(config.delivery().timeout()).plusSeconds(60);
        List<EvidenceQueries.Due> due = QuarkusTransaction.requiringNew().call(() -> files.claim(now, lease, BATCH));
        for (EvidenceQueries.Due d : due) {
            Fetched f = fetch(d.url());
            QuarkusTransaction.requiringNew().run(() -> record(d, f));
        }
        return due.size();
    }

    /** The first source that owns the URL. */
    private Fetched fetch(String url) {
        for (MediaSource source : sources) {
            try {
                Fetched f = source.fetch(url);
                if (f.kind() != Fetched.Kind.NOT_OURS) {
                    return f;
                }
            } catch (RuntimeException e) {
                return Fetched.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return Fetched.notOurs();
    }

    private void record(EvidenceQueries.Due d, Fetched f) {
        Instant now = clock.instant();
        switch (f.kind()) {
            case STORED -> {
                files.stored(d.id(), f.data(), f.contentType());
                LOG.infof("attachment %d fetched (%d bytes)", d.id(), f.data().length);
            }
            case NOT_OURS -> files.notFetchable(d.id());
            case FAILED -> {
                files.failed(d.id(), null, f.detail());
                LOG.warnf("attachment %d cannot be fetched: %s", d.id(), f.detail());
            }
            case RETRY -> {
                Instant next = retry.nextAttempt(now, d.attempts() + 1,
                        d.createdAt().plus(config.evidence().giveUpAfter())).orElse(null);
                files.failed(d.id(), next, next == null
                        ? "gave up after " + (d.attempts() + 1) + " tries: "
                                + f.detail()
                        : f.detail());
                if (next == null) {
                    LOG.warnf("attachment %d: fetching gave up after %d tries: %s", d.id(), d.attempts() + 1,
                            f.detail());
                } else {
                    LOG.infof("attachment %d: fetch failed (%s), next at %s", d.id(), f.detail(), next);
                }
            }
        }
    }
}
