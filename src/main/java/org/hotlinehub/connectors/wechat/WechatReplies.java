package org.hotlinehub.connectors.wechat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotlinehub.config.HubConfig;
import org.hotlinehub.model.Masks;
import org.hotlinehub.model.port.WechatOutbox;
import org.jboss.logging.Logger;

/**
 * Keeps WeChat's 5-second limit: the conversation runs on its own thread, and when it has not answered within
 * {@code hub.wechat.reply-budget} the push is answered {@code success} — if its decision is already stored, so the
 * push is durable — and the reply follows as a customer-service message once it is ready. A retry of that push is
 * answered {@code success} again.
 */
@ApplicationScoped
public class WechatReplies {

    private static final Logger LOG = Logger.getLogger(WechatReplies.class);
    /** After the budget, how long to wait for the decision to be stored before answering 503 instead of success. */
    static final Duration GRACE = Duration.ofMillis(500);

    @Inject
    WechatConversation conversation;
    @Inject
    WechatConversations conversations;
    @Inject
    WechatOutbox outbox;
    @Inject
    HubConfig config;
    @Inject
    StoredDecisions decisions;

    private ExecutorService executor;
    private volatile Duration budget;

    /** @param reply the passive reply, null for {@code success}; {@code unavailable}: answer 503, nothing promised */
    record Answer(String reply, boolean unavailable) {
    }

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "wechat-reply-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        budget = config.wechat().replyBudget();
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }

    /** For tests of the slow path: how long a push may take before {@code success}. */
    void budget(Duration budget) {
        this.budget = budget;
    }

    Answer answer(WechatMessage m) {
        CompletableFuture<Void> stored = decisions.watch(m.dedupeKey());
        Future<String> reply;
        try {
            reply = executor.submit(() -> conversation.answer(m));
        } catch (RejectedExecutionException e) {
            decisions.forget(m.dedupeKey());
            return new Answer(null, true);
        }
        boolean late = false;
        try {
            return new Answer(reply.get(budget.toMillis(), TimeUnit.MILLISECONDS), false);
        } catch (TimeoutException e) {
            late = true;
            return late(m, reply, stored);
        } catch (ExecutionException e) {
            LOG.warnf(e.getCause(), "WeChat push %s from %s not taken", m.dedupeKey(), Masks.openid(m.openid()));
            return new Answer(null, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, true);
        } finally {
            if (!late) {
                decisions.forget(m.dedupeKey());
            }
        }
    }

    private Answer late(WechatMessage m, Future<String> reply, CompletableFuture<Void> signal) {
        boolean stored = stored(m.dedupeKey(), signal);
        if (stored) {
            conversations.markAsync(m.dedupeKey());
        }
        executor.execute(() -> followUp(m, reply));
        LOG.infof("WeChat push %s from %s not answered within %s: %s", m.dedupeKey(), Masks.openid(m.openid()),
                budget, stored ? "success now, reply by customer-service message" : "503, not stored yet");
        return new Answer(null, !stored);
    }

    /**
     * Whether the push's decision is durable: stored earlier (a retry), or signalled by the conversation within
     * {@link #GRACE} (still inside WeChat's 5 s).
     */
    private boolean stored(String dedupeKey, CompletableFuture<Void> signal) {
        if (conversations.decided(dedupeKey).isPresent()) {
            return true;
        }
        try {
            signal.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            // a concurrent retry of the same push may have taken the signal: the database has the last word
            return conversations.decided(dedupeKey).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Once the late answer is ready: retries are answered success, and the reply goes out by the outbox. */
    private void followUp(WechatMessage m, Future<String> reply) {
        decisions.forget(m.dedupeKey()); // the answer was given; nothing waits for the signal any more
        try {
            String text = reply.get(1, TimeUnit.MINUTES);
            conversations.markAsync(m.dedupeKey());
            if (text != null) {
                outbox.enqueue("reply-" + m.dedupeKey(), m.openid(), text, null, "reply",
                        conversations.decided(m.dedupeKey()).map(WechatConversations.Decision::reference)
                                .orElse(null));
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("late WeChat push %s from %s failed: %s", m.dedupeKey(), Masks.openid(m.openid()),
                    String.valueOf(e.getCause() != null ? e.getCause() : e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
