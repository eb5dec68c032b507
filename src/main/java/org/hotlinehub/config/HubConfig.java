package org.hotlinehub.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** All application settings, under the {@code hub} prefix (docs/contract.md, "Configuration keys": the fixed ones). */
@ConfigMapping(prefix = "hub")
public interface HubConfig {

    /** The URL senders use to reach the hub: signature checks and links in messages. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Where the embedded database and broker keep their files. */
    @WithDefault("./data")
    Path dataDir();

    ReferenceData referenceData();

    Embedded embedded();

    Intake intake();

    Delivery delivery();

    Dispatch dispatch();

    Events events();

    Deadlines deadlines();

    Survey survey();

    Web web();

    Twilio twilio();

    Open311 open311();

    Wechat wechat();

    SignIn signIn();

    DeadLetters deadLetters();

    RateLimits rateLimits();

    Retention retention();

    Relay relay();

    /**
     * Number masking through the hotline (docs/contract.md, "Masked calls and texts"): the holder of an accepted
     * assignment calls or texts the resident through the hotline number.
     */
    interface Relay {

        /**
         * How long after the holder's last masked call or text a resident's text goes back to the holder (while the
         * assignment is still accepted or in progress) instead of being taken as a new report or follow-up.
         */
        @WithDefault("PT4H")
        Duration replyWindow();

        /** Seconds the resident's phone rings on a masked call. */
        @WithDefault("30")
        int dialTimeout();
    }

    Evidence evidence();

    Rates rates();

    /** The rates' aggregates (docs/architecture.md, "The three rates"). */
    interface Rates {

        /** How often the changed periods are counted again into the aggregates (until then they are counted live). */
        @WithDefault("10s")
        Duration recountInterval();
    }

    /**
     * Files a contact brought only as a URL at its provider (voicemail recordings, MMS pictures at Twilio), fetched
     * with the hub's credentials and kept with the ticket (docs/routes.md, "evidence-fetch").
     */
    interface Evidence {

        /** How often the job looks for files due to be fetched. */
        @WithDefault("5s")
        Duration fetchInterval();

        /** After this long since the file came, a file that still cannot be fetched is given up (its error kept). */
        @WithDefault("48h")
        Duration giveUpAfter();

        /** Largest file fetched; a larger one is given up at once. */
        @WithDefault("26214400")
        long maxBytes();
    }

    Incident incident();

    Surge surge();

    /**
     * Detection of one incident reported many times (docs/architecture.md, "Incidents"): a new ticket is compared with
     * the open tickets of the same area and a related category filed within {@link #window()}; a score of text
     * similarity (pg_trgm), place and category decides whether it joins the incident at once, is shown to an operator
     * as a likely duplicate, or stands alone.
     */
    interface Incident {

        /** Off: every contact is a ticket of its own, as before. */
        @WithDefault("true")
        boolean enabled();

        /** How far back an open ticket may have been filed to be the incident a new contact reports again. */
        @WithDefault("PT12H")
        Duration window();

        /** How wide "the same place" is: {@code compound}, {@code grid} or {@code community}. */
        @WithDefault("grid")
        String placeLevel();

        /** The score (0 to 1) from which a contact joins the incident at once. */
        @WithDefault("0.8")
        double linkAt();

        /** The score from which, below {@link #linkAt()}, an operator decides (the grey zone). */
        @WithDefault("0.6")
        double suggestAt();

        /**
         * How many of an open incident's merged reports, the latest, a new contact is compared with besides the
         * incident's own report: the ways residents put it lately, a bounded cost however long the surge.
         */
        @WithDefault("20")
        int reportsCompared();
    }

    /** When an incident is a surge (集中报告): {@code contacts} reports of it within {@code within}. */
    interface Surge {

        @WithDefault("10")
        int contacts();

        @WithDefault("PT30M")
        Duration within();
    }

    /**
     * How long personal data is kept (PIPL), per kind of data, and the nightly job that anonymises or deletes what has
     * expired (docs/retention.md). Periods are ISO-8601 durations ({@code P1095D}).
     */
    /**
     * The embedded broker and database of the default run. {@code HubMain} reads these before Quarkus starts (it
     * starts the servers Quarkus then connects to); they are declared here so that Quarkus knows the keys and a
     * {@code -Dhub.embedded.…} on the command line does not stop the start as an unknown key.
     */
    interface Embedded {

        /** TCP port of the embedded broker on 127.0.0.1; 0: none. */
        @WithDefault("61616")
        int brokerPort();

        /** Port of the embedded PostgreSQL; 0: a free one. */
        @WithDefault("0")
        int postgresPort();

        /** The embedded broker's global-max-size in MB ({@code EmbeddedBroker.DEFAULT_GLOBAL_MAX_MB}). */
        @WithDefault("64")
        long globalMaxSizeMb();

        /**
         * Journal files (10 MiB each) the embedded broker keeps before it compacts them; 0: never
         * ({@code EmbeddedBroker.DEFAULT_COMPACT_MIN_FILES}).
         */
        @WithDefault("50")
        int journalCompactMinFiles();

        /**
         * Further settings of the embedded PostgreSQL, {@code name=value} separated by {@code ;} (applied after the
         * hub's own, so they win), e.g. {@code shared_preload_libraries=pg_stat_statements}.
         */
        Optional<String> postgresSettings();
    }

    interface Retention {

        /**
         * Residents' personal data on a ticket (phone, name, flat address, coordinates, description, photos,
         * recordings, the messages about it), counted from when the ticket closed; the same for voice calls and
         * call-backs, counted from the call.
         */
        @WithDefault("P1095D")
        Duration personalData();

        /** Outbox rows that are done (delivered, sent, failed, answered …), counted from when they were written. */
        @WithDefault("P30D")
        Duration outbox();

        /** Dead letters, and the outbox rows that gave up with them, counted from when they were stored. */
        @WithDefault("P90D")
        Duration deadLetters();

        /** The channels' records of what each inbound message was taken as (SMS, WeChat), WeChat drafts, masked relays. */
        @WithDefault("P30D")
        Duration channelRecords();

        /**
         * A registered resident's daily check-ins and misses (call assurance), counted from their day; a miss's
         * emergency is a ticket and keeps the ticket's period.
         */
        @WithDefault("P90D")
        Duration checkIns();

        /** Whether the nightly job runs on this instance (it is safe on every instance: one of them runs it). */
        @WithDefault("true")
        boolean nightly();

        /** The local time (hub.deadlines.zone) after which the night's run starts. */
        @WithDefault("03:00")
        String runAt();

        /** How often an instance checks whether tonight's run is due. */
        @WithDefault("PT10M")
        Duration checkInterval();

        /** Tickets (or rows) per transaction, so the job never holds many locks for long. */
        @WithDefault("500")
        int batchSize();
    }

    Classifier classifier();

    /**
     * Requests one client may make a minute (429 with Retry-After above), counted per IP address and, where the
     * request carries a credential (Authorization, X-Api-Key, api_key), per credential too. Counted by each hub
     * instance on its own. Verified webhooks (Twilio, WeChat) are never limited; the report form has
     * hub.web.reports-per-minute.
     */
    interface RateLimits {

        /** GET /status (a reference and a phone number). */
        @WithDefault("30")
        int statusPerMinute();

        /** /api/v1. */
        @WithDefault("600")
        int apiPerMinute();

        /** /open311/v2, GET and POST. */
        @WithDefault("120")
        int open311PerMinute();

        /** /partner-api/v1. */
        @WithDefault("600")
        int partnerApiPerMinute();

        /** Answers 401/403 of those APIs to one address; above it the address waits for the rest of the minute. */
        @WithDefault("20")
        int failedAuthPerMinute();
    }

    /** Dead letters are kept encrypted (AES-GCM): their bodies carry residents' phone numbers and messages. */
    interface DeadLetters {

        /**
         * The key (at least 16 characters; its SHA-256 is the AES-256 key), the same on every instance. Unset: a key
         * generated once and kept in {@code hub.data-dir/dead-letter.key}, which suits one instance only.
         */
        Optional<String> key();
    }

    /**
     * Single sign-on for staff through an OpenID Connect provider (on when quarkus.oidc.tenant-enabled=true): which
     * of the provider's roles or groups (the ID token's role claim) make a staff member an operator, supervisor or
     * administrator. Other roles are ignored; the partner role never comes from single sign-on.
     */
    Sso sso();

    interface Sso {

        @WithDefault("operator")
        List<String> operatorRoles();

        @WithDefault("supervisor")
        List<String> supervisorRoles();

        @WithDefault("admin")
        List<String> adminRoles();
    }

    interface SignIn {

        /**
         * Wrong passwords in a row from one address for one account (form sign-in and HTTP Basic alike) after which
         * that address must wait before trying that account again.
         */
        @WithDefault("5")
        int maxFailures();

        /** The first wait after {@link #maxFailures()}; doubled after every further wrong password. */
        @WithDefault("30s")
        Duration backoff();

        /** The longest wait; failures older than this are forgotten. */
        @WithDefault("15m")
        Duration lockout();

        /**
         * How long a verified HTTP Basic credential is remembered (by a SHA-256 of user and password), so API calls
         * do not run bcrypt each time; logout, a password or role change end it at once. 0 turns the cache off.
         */
        @WithDefault("60s")
        Duration credentialCache();
    }
    Voice voice();

    Assurance assurance();

    Console console();

    /**
     * Call assurance's emergencies (a registered vulnerable resident's key 1 or silence): offered at once to several
     * parties, the first to accept takes it, nobody in time sends it to the operators (docs/contract.md).
     */
    interface Assurance {

        /** How many of the nearest on-duty volunteers (same street at most) an emergency is offered to at once. */
        @WithDefault("3")
        int parallelVolunteers();

        /** How long the parallel offers wait for an accept before the emergency goes to the operators' queue. */
        @WithDefault("3m")
        Duration acceptWindow();

        /** The party type of the community's staff offered every emergency of their community; empty: none. */
        @WithDefault("residents-committee")
        Optional<String> staffPartyType();

        /**
         * How long one volunteer's or the staff's emergency offer waits before it expires and the next nearest
         * volunteer is offered it instead (never past the accept window); unset: the whole accept window.
         */
        Optional<Duration> offerWindow();

        /** Whether the resident's emergency contacts get an automatic voice call (besides the SMS) they can accept. */
        @WithDefault("true")
        boolean callContacts();
    }

    /** The operator console's privacy settings. */
    interface Console {

        /**
         * The roles that may reveal a resident's or emergency contact's full phone number on the ticket page (with a
         * reason, written to the audit log); everyone else sees masked numbers only.
         */
        @WithDefault("supervisor,admin")
        List<String> showNumberRoles();
    }

    interface ReferenceData {

        /** Files or directories (all *.yaml inside, in name order), loaded at start and upserted by code. */
        @WithDefault("config/demo")
        List<String> files();

        /**
         * Loaded after {@link #files()}: demo users and API clients. Set by the embedded demo run only (HubMain, when it
         * starts the embedded database), so a hub on an external database never gets the demo's known passwords.
         */
        Optional<List<String>> demoFiles();

        /**
         * Whether every file is applied at every start. By default a start skips the files that are unchanged since
         * they were last applied (unless reference data was edited through the console or the API since), which makes
         * a restart after a crash faster; development and tests apply them all.
         */
        @WithDefault("false")
        boolean reapplyUnchanged();
    }

    /** A stage of the pipeline that reads its queue in batches, one transaction per batch. */
    interface Stage {

        /** Parallel consumers, each taking batches. */
        @WithDefault("2")
        int consumers();

        /** At most this many messages are handled in one transaction. */
        @WithDefault("100")
        int batchSize();

        /**
         * How long a consumer waits for more messages after the first before it handles what it has. A batch's fixed
         * cost (its transactions, commits and statements) is shared by what arrives in this time: at a steady 50
         * contacts/s, 50 ms instead of 5 ms took a third off the hub's and PostgreSQL's CPU per contact, for at most
         * 50 ms more per stage (BENCHMARKS.md, round 4).
         */
        @WithDefault("50ms")
        Duration batchWait();
    }

    /** Intake (hub.intake → tickets): {@code hub.intake.consumers}, {@code batch-size}, {@code batch-wait}. */
    interface Intake extends Stage {

        /**
         * Contacts taken in at once at the edge; more are answered 503 with Retry-After at once. A contact waits for
         * those before it (in-flight ÷ the rate the hub answers), so this bounds how long a sender waits for any answer:
         * with 256 a hub still cold from a restart kept senders waiting several seconds for their 503 (fault suite R1);
         * 64 still leaves room for thousands of acknowledgements a second at a few ms each.
         */
        @WithDefault("64")
        int maxInFlight();

        /**
         * How long a contact may wait for the broker to confirm its durable send before the sender is answered 503,
         * counted from when the edge admitted the request (so the time a busy hub spent on it before the send counts
         * too; the send still gets at least 100 ms). The send may still complete: the sender's retry then carries the
         * same reference and duplicate id, and the broker drops it. A send already on the wire when the broker dies
         * waits for the client's {@code callTimeout}, 5 s in the documented URL; targets.md R1 asks for the 503 within
         * 1 s (RELIABILITY.md, rounds 12 and 14). A send this slow counts as a failure for the intake's circuit
         * breaker.
         */
        @WithDefault("800ms")
        Duration sendTimeout();

        /**
         * How far behind the stages between a contact and its offer (intake, dispatch) may fall before the edge
         * refuses new contacts with 503 and Retry-After, until they are within half of it ({@code PipelineLag}); 0:
         * never refuse for this.
         */
        @WithDefault("10s")
        Duration maxPipelineLag();

        /** Maintenance switch: keep accepting contacts but leave them queued until the hub restarts without it. */
        @WithDefault("false")
        boolean paused();
    }

    /** The learned classifier of free-text requests (intake/Classifier, issue 22). */
    interface Classifier {

        /**
         * Below this probability (0-1) of its best category a request goes to triage instead. 0.5 sends no more
         * requests to a wrong party than the keyword rule did, and half as many to triage (BENCHMARKS.md, Classifier).
         */
        @WithDefault("0.5")
        double minConfidence();

        /**
         * How often every node retrains on the catalog and the operators' corrections, in the background (a duration
         * such as 10m, or off: then only at start and when the catalog changes).
         */
        @WithDefault("10m")
        String retrainInterval();

        /** The newest corrections a retrain learns from (bounds its time and memory). */
        @WithDefault("20000")
        int maxCorrections();

        /**
         * Whether a retrain also learns the example reports in the reference-data directories
         * (classifier-examples.tsv: the demo district has 484), so that a hub that no operator has corrected yet
         * classifies with more than the catalog's keywords.
         */
        @WithDefault("true")
        boolean referenceExamples();
    }

    /** Dispatch (new tickets → offers) is a batch stage too: {@code hub.dispatch.consumers} … */
    interface Dispatch extends Stage {

        /** How often offers past their accept-by time are looked for and re-offered. */
        @WithDefault("10s")
        Duration expirySweepInterval();

        /** The share of an accept or resolve window after which the holder and the console are warned. */
        @WithDefault("0.8")
        double warnAt();
    }

    /**
     * Ticket events on hub.events: the relay of the event outbox, and the status notices read from the events (a
     * batch stage: {@code hub.events.consumers}, {@code batch-size}, {@code batch-wait}).
     */
    interface Events extends Stage {

        /** Events the relay publishes in one broker transaction. */
        @WithDefault("200")
        int relayBatch();

        /**
         * How often the relay looks at the outbox when nothing woke it: a commit on this node wakes it at once; one on
         * another node is seen by this node's next look.
         */
        @WithDefault("1s")
        Duration relayPoll();
    }

    /** The two clocks of an assignment (accept-by, resolve-by): calendars, urgency and who hears of a breach. */
    interface Deadlines {

        /** The time zone of the business-hours calendars and of the rates' weeks and months. */
        @WithDefault("Asia/Shanghai")
        String zone();

        /**
         * Business-hours calendars per partner type ({@code hub.deadlines.business-hours.property-firm=mon-fri
         * 08:30-17:30}; several lines separated by {@code ;}). The clocks of a partner of that type count only time
         * inside the calendar; types without one (and volunteers, type {@code volunteer}) count around the clock.
         */
        Map<String, String> businessHours();

        /** Whether urgent tickets also wait for business hours; by default their clocks run around the clock. */
        @WithDefault("false")
        boolean businessHoursForUrgent();

        /**
         * A ticket whose priority is raised above its catalog entry's urgency (an elderly or disabled resident) gets
         * its windows multiplied by this factor for every step it was raised.
         */
        @WithDefault("0.5")
        double raisedPriorityFactor();

        /** Supervisors' phones told by SMS when work passes resolve-by or a ticket lands in their queue. */
        Optional<List<String>> supervisorPhones();
    }

    /** The call-back survey (回访) after resolution and appeals against its results. */
    interface Survey {

        /** A question nobody answers within this time closes the ticket as "no reply" (kept apart in the rates). */
        @WithDefault("P3D")
        Duration noReplyAfter();

        /**
         * Who a ticket goes back to when the resident says it is not solved: {@code same} (the party that resolved
         * it gets it again: first-contact responsibility, 首接负责制), {@code next} (the next candidate by the rules)
         * or {@code supervisor} (the supervisors' queue). A supervisor can always choose otherwise.
         */
        @WithDefault("same")
        String reopenTo();

        /** How long after an answer the partner may appeal it. */
        @WithDefault("P7D")
        Duration appealWithin();
    }

    interface Delivery {

        /**
         * How often the outbox is polled for due messages (retries, and rows written by another instance); a commit
         * that writes to the outbox wakes this instance's worker at once.
         */
        @WithDefault("200ms")
        Duration pollInterval();

        /** First retry delay; doubles on every failure up to {@link #maxBackoff()}. */
        @WithDefault("5s")
        Duration initialBackoff();

        @WithDefault("15m")
        Duration maxBackoff();

        /** Default give-up time for a partner that sets none; then the delivery is dead-lettered. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** HTTP timeout for one webhook call. */
        @WithDefault("10s")
        Duration timeout();

        /** Messages (of every channel) sent in parallel by one hub instance. */
        @WithDefault("8")
        int parallelism();

        /**
         * Messages sent at the same time to one recipient (a partner, a volunteer, a phone, a WeChat openid); more
         * wait their turn, so a slow partner takes at most this many of {@link #parallelism()}.
         */
        @WithDefault("4")
        int perRecipient();
    }

    interface Web {

        /** Key for signing form tokens; a random key per start is used when unset (forms then survive no restart). */
        Optional<String> formSecret();

        /** Largest photo a resident may attach. */
        @WithDefault("5242880")
        long maxPhotoBytes();

        /** Reports one client (IP address) may post per minute to the form; more are answered 429. */
        @WithDefault("10")
        int reportsPerMinute();
    }

    interface Open311 {

        /** The one jurisdiction this endpoint serves; a request naming another is answered 404. */
        @WithDefault("hotlinehub.local")
        String jurisdictionId();

        /**
         * {@code realtime}: POST requests answers the service_request_id (the ticket reference, reserved before the
         * answer); {@code batch}: it answers a token for GET tokens/{id}, for clients built for asynchronous servers.
         */
        @WithDefault("realtime")
        String serviceType();

        /** Contact line of the discovery document. */
        @WithDefault("96993 / hotline@hotlinehub.local")
        String contact();
    }

    interface Twilio {

        Optional<String> accountSid();

        Optional<String> authToken();

        Optional<String> fromNumber();

        @WithDefault("https://api.twilio.com")
        String apiBaseUrl();

        /**
         * Whether the /twilio webhooks check X-Twilio-Signature. Turning it off is honoured only in dev and test mode
         * (mvn quarkus:dev), to try the voice line with curl; the packaged hub always checks.
         */
        @WithDefault("true")
        boolean signatureCheck();
    }

    /** The 96993 voice line (Twilio Voice): IVR, operator queue, call assurance, call-back survey calls. */
    interface Voice {

        /**
         * When operators answer, in {@link #zone()}, as lines separated by {@code ;} such as
         * {@code mon-fri 08:00-20:00; sat,sun 09:00-17:00}; outside these hours callers leave a voicemail.
         */
        @WithDefault("mon-sun 08:00-20:00")
        String staffedHours();

        @WithDefault("Asia/Shanghai")
        String zone();

        /** The Twilio queue callers wait in for an operator. */
        @WithDefault("hotline")
        String queue();

        /** The queue of registered vulnerable residents; operators take it first. */
        @WithDefault("hotline-priority")
        String priorityQueue();

        /** The catalog entry of call-assurance tickets (urgent help for registered vulnerable residents). */
        @WithDefault("urgent-help")
        String urgentCategory();

        /** Seconds a menu waits for a key. */
        @WithDefault("6")
        int menuTimeout();

        /** Seconds the call-assurance greeting waits before silence counts as a call for help. */
        @WithDefault("8")
        int assuranceTimeout();

        /** Longest voicemail, seconds (Twilio transcribes only recordings up to 120 s). */
        @WithDefault("120")
        int voicemailMaxSeconds();

        /**
         * Where each operator takes calls, by user name: a phone number ({@code +8613…}) or a Twilio Client identity
         * ({@code client:alice}). {@code hub.voice.operators.operator=+8613700000001}
         */
        Map<String, String> operators();

        /** Outbound survey calls: how many times a resident is called before the survey gives up. */
        @WithDefault("3")
        int surveyAttempts();

        /** Wait after an unanswered or busy survey call before the next attempt. */
        @WithDefault("30m")
        Duration surveyRetryAfter();
    }

    interface Wechat {

        Optional<String> appId();

        Optional<String> appSecret();

        Optional<String> token();

        @WithName("aes-key")
        Optional<String> aesKey();

        @WithDefault("https://api.weixin.qq.com")
        String apiBaseUrl();

        /**
         * How long a push may take before WeChat is answered {@code success} and the reply follows as a customer-service
         * message (WeChat gives up after 5 s).
         */
        @WithDefault("4s")
        Duration replyBudget();

        /** The account's status-notification template (模板消息), used outside the 48-hour customer-service window. */
        Optional<String> templateId();

        /** Fetch the token from {@code /cgi-bin/stable_token}, which does not invalidate tokens others hold. */
        @WithDefault("false")
        boolean stableToken();
    }
}
