// Load generator for the Hotline Hub web intake: POST /report (form fields, Accept: application/json).
//
//   java bench/IntakeBench.java [options]
//
// Modes
//   --mode fixed   open model: sends are scheduled at a fixed arrival rate (--rate) whatever the answers do; the latency
//                  of each request is measured from its *scheduled* send time, so a stalled server shows up in the
//                  latency (no coordinated omission). --max-inflight bounds open requests; a send that has to wait for
//                  a slot is late and its wait is part of its latency.
//   --mode closed  closed loop: --concurrency N clients, each sends, waits for the answer, sends again (max throughput).
//   --mode step    fixed-rate steps (--rates a,b,c or --step-start/--step-factor/--step-max), each --duration s after
//                  --warmup s; stops after the first step that is not sustainable (accepted/s < 99 % of offered,
//                  error rate > --max-error-rate, or p99 > --slo-p99-ms) and reports the highest sustainable rate.
//
// Output: human-readable lines start with '#'; every result is also one JSON object per line on stdout (and appended
// to --json FILE). When a run's load window ends (the generator sends nothing new after it), a line
// "# window-end <label> epoch_ms=<ms>" is printed at once, so a driver can time what follows from that moment.
// --series FILE writes one TSV row per wall-clock second of the whole process (warm-up, windows and the drain of
// open requests alike): epoch second, requests sent, answers 2xx / 503 / 429 / other statuses, errors (timeouts,
// refused connections, unsent), then the latency p50 and p99 in ms of all HTTP answers completed in that second and
// the p50 and p99 of the 2xx among them (empty where there were none). JDK only; single file.
//
// Options (defaults in brackets)
//   --url URL                 [http://127.0.0.1:8080/report]
//   --mode fixed|closed|step  [fixed]
//   --rate R                  requests/s for fixed mode [200]
//   --concurrency N           clients for closed mode [16]
//   --duration S              measured seconds per run/step [30]
//   --warmup S                seconds of the same load before measuring, not counted [5]
//   --max-inflight N          open requests allowed in fixed/step mode [1000]
//   --timeout S               per-request timeout [15] (Twilio waits 15 s for a webhook answer)
//   --drain S                 after the window, how long to wait for open requests [20]
//   --demo-dir DIR            where to read catalog/compound codes (01-places.yaml, 02-catalog.yaml) [config/demo]
//   --categories a,b          override the category mix; --compounds x,y overrides the compound mix
//   --phones N                distinct caller phone numbers drawn at random [100000]
//   --label NAME              name of the run in the output [mode@rate / mode@N]
//   --json FILE               also append the JSON lines to FILE
//   --series FILE             write the per-second series (TSV, see Output) to FILE at the end
//   --client-threads N        HttpClient executor threads [4]
//   --closed-client socket|jdk  closed mode's client [socket]: one kept-alive blocking socket per client thread (about
//                             a third of the JDK HttpClient's CPU per request, CPU the hub shares on one machine), or
//                             the JDK HttpClient that fixed and step mode use (the bench's client before round 17)
//   --rates a,b,c | --step-start R --step-factor F --step-max N   step mode rates [100, x1.5, 12 steps]
//   --slo-p99-ms MS           p99 bound for a sustainable step [50]
//   --max-error-rate F        error fraction bound for a sustainable step [0.001]
//   --quiet                   no progress lines
//   --incident-reports N      the surge scenario of issue 21: N reports of one incident (a burst water main in
//                             --incident-compound [HY-GARDEN], catalog --incident-category [property-repair]), each a
//                             resident of its own (a phone of its own) in words of their own (--incident-texts phrasings
//                             of it, some with a detail), mixed into the load: each request is one of them with
//                             probability --incident-share [0.3] until N are sent [0: none]. The rest of the load then
//                             describes distinct problems (fragments combined into about 2,400 texts, the flat in the
//                             address field instead of a tag in the text), so the hub's detection compares every report
//                             of a marked need with the open tickets of its grid without merging the normal traffic
//   --distinct-texts          that text of distinct problems without any reports of one incident (the pre-warm)

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IntakeBench {

    // ---------------------------------------------------------------- options

    static final class Opts {
        String url = "http://127.0.0.1:8080/report";
        String mode = "fixed";
        double rate = 200;
        int concurrency = 16;
        int duration = 30;
        int warmup = 5;
        int maxInflight = 1000;
        int timeoutS = 15;
        int drainS = 20;
        Path demoDir = Path.of("config/demo");
        List<String> categories;
        List<String> compounds;
        int phones = 100_000;
        String label;
        Path json;
        Path series;
        int clientThreads = 4;
        String closedClient = "socket";
        List<Double> rates;
        double stepStart = 100;
        double stepFactor = 1.5;
        int stepMax = 12;
        double sloP99Ms = 50;
        double maxErrorRate = 0.001;
        boolean quiet;
        int incidentReports;
        boolean distinctTexts;
        double incidentShare = 0.3;
        String incidentCompound = "HY-GARDEN";
        String incidentCategory = "property-repair";
    }

    static Opts parse(String[] args) {
        Opts o = new Opts();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--quiet")) {
                o.quiet = true;
                continue;
            }
            if (a.equals("--distinct-texts")) {
                o.distinctTexts = true;
                continue;
            }
            if (a.equals("-h") || a.equals("--help")) {
                usage(null);
            }
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--url" -> o.url = v;
                case "--mode" -> o.mode = v;
                case "--rate" -> o.rate = Double.parseDouble(v);
                case "--concurrency" -> o.concurrency = Integer.parseInt(v);
                case "--duration" -> o.duration = Integer.parseInt(v);
                case "--warmup" -> o.warmup = Integer.parseInt(v);
                case "--max-inflight" -> o.maxInflight = Integer.parseInt(v);
                case "--timeout" -> o.timeoutS = Integer.parseInt(v);
                case "--drain" -> o.drainS = Integer.parseInt(v);
                case "--demo-dir" -> o.demoDir = Path.of(v);
                case "--categories" -> o.categories = List.of(v.split(","));
                case "--compounds" -> o.compounds = List.of(v.split(","));
                case "--phones" -> o.phones = Integer.parseInt(v);
                case "--label" -> o.label = v;
                case "--json" -> o.json = Path.of(v);
                case "--series" -> o.series = Path.of(v);
                case "--client-threads" -> o.clientThreads = Integer.parseInt(v);
                case "--closed-client" -> o.closedClient = v;
                case "--rates" -> o.rates = Arrays.stream(v.split(",")).map(Double::parseDouble).toList();
                case "--step-start" -> o.stepStart = Double.parseDouble(v);
                case "--step-factor" -> o.stepFactor = Double.parseDouble(v);
                case "--step-max" -> o.stepMax = Integer.parseInt(v);
                case "--slo-p99-ms" -> o.sloP99Ms = Double.parseDouble(v);
                case "--max-error-rate" -> o.maxErrorRate = Double.parseDouble(v);
                case "--incident-reports" -> o.incidentReports = Integer.parseInt(v);
                case "--incident-share" -> o.incidentShare = Double.parseDouble(v);
                case "--incident-compound" -> o.incidentCompound = v;
                case "--incident-category" -> o.incidentCategory = v;
                default -> usage("unknown option " + a);
            }
        }
        if (!List.of("socket", "jdk").contains(o.closedClient)) {
            usage("--closed-client must be socket or jdk");
        }
        if (!List.of("fixed", "closed", "step").contains(o.mode)) {
            usage("--mode must be fixed, closed or step");
        }
        if (o.rate <= 0 || o.concurrency <= 0 || o.duration <= 0 || o.warmup < 0 || o.maxInflight <= 0
                || o.phones <= 0 || o.stepFactor <= 1 || o.stepMax <= 0 || o.incidentReports < 0
                || o.incidentShare <= 0 || o.incidentShare > 1) {
            usage("rates, counts and durations must be positive (step factor > 1)");
        }
        return o;
    }

    static void usage(String error) {
        if (error != null) {
            System.err.println("IntakeBench: " + error);
        }
        System.err.println("usage: java bench/IntakeBench.java [--mode fixed|closed|step] [--rate R] [--concurrency N]"
                + " [--duration S] [--warmup S] [--url URL] [--json FILE] ... (see the header of the file)");
        System.exit(error == null ? 0 : 2);
    }

    // ---------------------------------------------------------------- latency histogram (µs, < 1 % error)

    /** Log-linear buckets: exact below 256 µs, then 128 sub-buckets per power of two. Lock-free. */
    static final class Histogram {
        static final int SUB_BITS = 7;
        static final int SUB = 1 << SUB_BITS;
        static final int LINEAR = 2 * SUB;
        static final int MAX_EXP = 42;
        final AtomicLongArray counts = new AtomicLongArray(LINEAR + (MAX_EXP - SUB_BITS) * SUB);
        final AtomicLong max = new AtomicLong();
        final LongAdder sum = new LongAdder();
        final LongAdder count = new LongAdder();

        static int index(long v) {
            if (v < LINEAR) {
                return (int) Math.max(v, 0);
            }
            int exp = 63 - Long.numberOfLeadingZeros(v);
            if (exp >= MAX_EXP) {
                return LINEAR + (MAX_EXP - SUB_BITS - 1) * SUB + SUB - 1;
            }
            long m = v >>> (exp - SUB_BITS);
            return LINEAR + (exp - SUB_BITS - 1) * SUB + (int) (m - SUB);
        }

        /** Middle of the bucket. */
        static long value(int idx) {
            if (idx < LINEAR) {
                return idx;
            }
            int k = idx - LINEAR;
            int exp = k / SUB + SUB_BITS + 1;
            long m = SUB + (k % SUB);
            long lo = m << (exp - SUB_BITS);
            long width = 1L << (exp - SUB_BITS);
            return lo + width / 2;
        }

        void record(long micros) {
            counts.incrementAndGet(index(micros));
            max.accumulateAndGet(micros, Math::max);
            sum.add(micros);
            count.increment();
        }

        long total() {
            return count.sum();
        }

        double percentileMs(double q) {
            long n = total();
            if (n == 0) {
                return Double.NaN;
            }
            long rank = Math.max(1, (long) Math.ceil(q * n));
            long seen = 0;
            for (int i = 0; i < counts.length(); i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return Math.min(value(i), max.get()) / 1000.0;
                }
            }
            return max.get() / 1000.0;
        }

        double maxMs() {
            return max.get() / 1000.0;
        }

        double meanMs() {
            long n = total();
            return n == 0 ? Double.NaN : sum.sum() / (double) n / 1000.0;
        }
    }

    // ---------------------------------------------------------------- per-phase statistics

    static final class Stats {
        final Histogram latency = new Histogram();
        final LongAdder sent = new LongAdder();
        final LongAdder completed = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final LongAdder lateSends = new LongAdder();
        final AtomicLong maxSendLagMicros = new AtomicLong();
        volatile String lastReference;

        void outcome(String key) {
            outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        long errors() {
            return completed.sum() - accepted.sum();
        }
    }

    // ---------------------------------------------------------------- per-second series (--series)

    /** What was sent and answered in each wall-clock second of the process, for a chart of rate and latency. */
    static final class Series {
        static final class Second {
            final LongAdder sent = new LongAdder();
            final LongAdder ok = new LongAdder();
            final LongAdder unavailable = new LongAdder();
            final LongAdder tooMany = new LongAdder();
            final LongAdder otherStatus = new LongAdder();
            final LongAdder errors = new LongAdder();
            final Histogram answers = new Histogram();
            final Histogram okAnswers = new Histogram();
        }

        /** Adds to System.nanoTime() to give epoch nanoseconds (taken once, so seconds never go backwards). */
        final long epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
        final Map<Long, Second> seconds = new ConcurrentHashMap<>();

        long epochMillis(long nanos) {
            return Math.floorDiv(nanos + epochOffsetNanos, 1_000_000L);
        }

        Second at(long nanos) {
            return seconds.computeIfAbsent(Math.floorDiv(nanos + epochOffsetNanos, 1_000_000_000L), k -> new Second());
        }

        void sent(long nanos) {
            at(nanos).sent.increment();
        }

        void answered(long nanos, int status, long micros) {
            Second s = at(nanos);
            s.answers.record(micros);
            if (status >= 200 && status < 300) {
                s.ok.increment();
                s.okAnswers.record(micros);
            } else if (status == 503) {
                s.unavailable.increment();
            } else if (status == 429) {
                s.tooMany.increment();
            } else {
                s.otherStatus.increment();
            }
        }

        void failed(long nanos) {
            at(nanos).errors.increment();
        }

        void write(Path file) throws IOException {
            StringBuilder b = new StringBuilder(
                    "epoch\tsent\tok_2xx\tstatus_503\tstatus_429\tstatus_other\terrors\tp50_ms\tp99_ms\tok_p50_ms\tok_p99_ms\n");
            if (!seconds.isEmpty()) {
                TreeMap<Long, Second> sorted = new TreeMap<>(seconds);
                for (long t = sorted.firstKey(); t <= sorted.lastKey(); t++) {
                    Second s = sorted.getOrDefault(t, new Second());
                    b.append(t).append('\t').append(s.sent.sum()).append('\t').append(s.ok.sum()).append('\t')
                            .append(s.unavailable.sum()).append('\t').append(s.tooMany.sum()).append('\t')
                            .append(s.otherStatus.sum()).append('\t').append(s.errors.sum()).append('\t')
                            .append(ms(s.answers, 0.50)).append('\t').append(ms(s.answers, 0.99)).append('\t')
                            .append(ms(s.okAnswers, 0.50)).append('\t').append(ms(s.okAnswers, 0.99)).append('\n');
                }
            }
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, b);
        }

        static String ms(Histogram h, double q) {
            return h.total() == 0 ? "" : String.format(Locale.ROOT, "%.2f", h.percentileMs(q));
        }
    }

    final Series series = new Series();

    /** Waits for the end of a load window and says so at once (see Output in the header). */
    void windowEnded(String label, long windowEnd) {
        long now;
        while ((now = System.nanoTime()) < windowEnd) {
            LockSupport.parkNanos(windowEnd - now);
        }
        System.out.println("# window-end " + label + " epoch_ms=" + series.epochMillis(windowEnd));
        System.out.flush();
    }

    // ---------------------------------------------------------------- request mix

    static final String[] TEXTS = {
        "楼道灯坏了，晚上很黑，请尽快修理", "水龙头漏水，一直滴水", "小区垃圾没有及时清运，气味很大",
        "楼下噪音很大，影响休息", "家里老人需要上门护理", "空调不制冷，需要维修", "煤气罐用完了，请送气",
        "电梯停在三楼不动了", "Water leaking from the ceiling in the stairwell", "Street light broken near gate 2",
        "Neighbour's dog barks all night", "Need help with groceries for an elderly resident"};
    /** One incident (a burst water main) in residents' own words; a detail is added to some. */
    static final String[] INCIDENT_TEXTS = {
        "海韵花园停水了，什么时候来水？", "小区停水了，家里没法做饭", "海韵花园又停水了，是不是水管爆了",
        "我们楼停水一上午了，请尽快处理", "停水了，家里老人等着用水", "小区里水管爆了，路上全是水，家里也没水了",
        "海韵花园停水，几点能恢复供水？", "Water is off in Haiyun Garden since this morning"};
    static final String[] INCIDENT_DETAILS = {"", "", "，请尽快处理", "，家里有老人", "，谢谢", "!!"};
    /** Distinct problems for the rest of the load in the surge scenario: where, what, and how long or how bad. */
    static final String[] WHERE = {"楼道里", "电梯里", "地下车库", "单元门口", "小区东门", "健身器材旁", "垃圾站旁边",
        "地下室", "楼顶", "自行车棚", "快递柜旁", "花坛边", "消防通道", "二楼平台", "小区西侧围墙"};
    static final String[] WHAT = {"灯不亮了", "有很多积水", "墙皮脱落", "扶手松动", "门禁坏了", "有人乱堆杂物",
        "下水道堵了", "井盖松了会响", "有股怪味", "路面塌了一块", "监控好像坏了", "野猫太多", "车乱停挡路",
        "栏杆断了", "玻璃碎了", "瓷砖翘起来了", "水管在滴水", "电线垂下来了", "广告贴得到处都是", "树枝快断了"};
    static final String[] HOW = {"，已经好几天了", "，晚上很危险", "，老人孩子容易摔倒", "，请派人看看",
        "，反映过一次还没处理", "，影响通行", "，希望尽快解决", "。"};
    static final String[] NAMES = {"王芳", "李伟", "张敏", "刘洋", "陈静", "杨磊", "Li Na", "Zhao Lei"};
    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");

    final Opts o;
    final List<String> categories;
    final List<String> compounds;
    final String runId = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    final AtomicLong seq = new AtomicLong();
    final AtomicLong incidentSent = new AtomicLong();
    final HttpClient client;
    final ExecutorService clientPool;
    final URI uri;

    IntakeBench(Opts o) throws IOException {
        this.o = o;
        this.categories = o.categories != null ? o.categories : readCodes(o.demoDir.resolve("02-catalog.yaml"),
                Pattern.compile("^\\s*-\\s*code:\\s*([A-Za-z0-9-]+)"), List.of("property-repair", "sanitation",
                        "general-repairs", "appliance-repair", "public-order", "opinions", "health-care"));
        this.compounds = o.compounds != null ? o.compounds : readCodes(o.demoDir.resolve("01-places.yaml"),
                Pattern.compile("\\{code:\\s*([A-Za-z0-9-]+),\\s*type:\\s*compound\\b"), List.of("HY-GARDEN",
                        "TPJ-GARDEN", "LK-GARDEN", "GH-COURT", "SHJY-ESTATE"));
        this.uri = URI.create(o.url);
        this.clientPool = Executors.newFixedThreadPool(o.clientThreads, r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(clientPool)
                .build();
    }

    static List<String> readCodes(Path file, Pattern p, List<String> fallback) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.out.println("# " + file + " not found, using built-in codes " + fallback);
            return fallback;
        }
        // only entries at the indentation of the first one: nested lists (a catalog entry's attributes) also have codes
        List<String> codes = new ArrayList<>();
        int indent = -1;
        for (String line : Files.readAllLines(file)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                int lineIndent = line.length() - line.stripLeading().length();
                if (indent < 0) {
                    indent = lineIndent;
                }
                if (lineIndent == indent) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes.isEmpty() ? fallback : codes;
    }

    HttpRequest nextRequest() {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(o.timeoutS))
                .header("Content-Type", FORM)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(nextForm(), StandardCharsets.UTF_8))
                .build();
    }

    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    /** The next report's form body. */
    String nextForm() {
        long n = seq.incrementAndGet();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String form;
        if (o.incidentReports > 0 && r.nextDouble() < o.incidentShare
                && incidentSent.incrementAndGet() <= o.incidentReports) {
            // a resident of its own (phone) in words of their own: no two surge reports are the same contact
            String description = INCIDENT_TEXTS[r.nextInt(INCIDENT_TEXTS.length)]
                    + INCIDENT_DETAILS[r.nextInt(INCIDENT_DETAILS.length)];
            form = "category=" + enc(o.incidentCategory) + "&description=" + enc(description) + "&name="
                    + enc(NAMES[r.nextInt(NAMES.length)]) + "&phone=138" + String.format("%08d", incidentSent.get())
                    + "&compound=" + enc(o.incidentCompound) + "&address=" + enc(flat(n));
        } else {
            String category = categories.get(r.nextInt(categories.size()));
            String compound = compounds.get(r.nextInt(compounds.size()));
            // unique per request: no same-day dedupe across requests or across runs (runId); in the surge scenario
            // the flat is what differs, so that the texts stay those of distinct problems
            boolean distinct = o.distinctTexts || o.incidentReports > 0;
            String description = distinct
                    ? WHERE[r.nextInt(WHERE.length)] + WHAT[r.nextInt(WHAT.length)] + HOW[r.nextInt(HOW.length)]
                    : TEXTS[r.nextInt(TEXTS.length)] + " [bench " + runId + "-" + n + "]";
            String phone = "139" + String.format("%08d", r.nextInt(o.phones));
            form = "category=" + enc(category) + "&description=" + enc(description) + "&name="
                    + enc(NAMES[r.nextInt(NAMES.length)]) + "&phone=" + phone + "&compound=" + enc(compound)
                    + (distinct ? "&address=" + enc(flat(n)) : "");
        }
        return form;
    }

    /** A flat of its own per request (building, unit, room), in the run. */
    String flat(long n) {
        return (1 + n % 40) + "号楼" + (1 + n / 40 % 6) + "单元" + runId + "-" + n + "室";
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String errorKey(Throwable e) {
        Throwable c = e;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof HttpTimeoutException || c instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (c instanceof ConnectException) {
            return "connect-refused";
        }
        return "io:" + c.getClass().getSimpleName();
    }

    /** Records one finished request in its phase and in the window throughput counter. */
    void finish(Stats s, long scheduledNanos, HttpResponse<String> resp, Throwable err, long windowStart,
            long windowEnd, LongAdder windowAccepted) {
        finish(s, scheduledNanos, resp == null ? 0 : resp.statusCode(), resp == null ? "" : resp.body(), err,
                windowStart, windowEnd, windowAccepted);
    }

    /** As above, with the answer's status and body ({@code err} not null: no answer). */
    void finish(Stats s, long scheduledNanos, int st, String body, Throwable err, long windowStart, long windowEnd,
            LongAdder windowAccepted) {
        long done = System.nanoTime();
        long micros = (done - scheduledNanos) / 1000;
        s.latency.record(micros);
        s.completed.increment();
        if (err != null) {
            s.outcome(errorKey(err));
            series.failed(done);
        } else {
            s.outcome(Integer.toString(st));
            series.answered(done, st, micros);
            if (st == 202) {
                s.accepted.increment();
                totalAccepted.increment();
                if (done >= windowStart && done <= windowEnd) {
                    windowAccepted.increment();
                }
                if ((s.accepted.sum() & 1023) == 1) {
                    Matcher m = REFERENCE.matcher(body);
                    if (m.find()) {
                        s.lastReference = m.group(1);
                    }
                }
            }
        }
    }

    final LongAdder totalAccepted = new LongAdder();
    final LongAdder totalSent = new LongAdder();

    // ---------------------------------------------------------------- fixed arrival rate (open model)

    record Result(String json, boolean sustainable, double acceptedPerS, double p99) {
    }

    Result runFixed(String label, double rate, int warmupS, int durationS) throws InterruptedException {
        Stats warm = new Stats();
        Stats meas = new Stats();
        LongAdder windowAccepted = new LongAdder();
        Semaphore slots = new Semaphore(o.maxInflight);
        long start = System.nanoTime() + 20_000_000L;
        long windowStart = start + warmupS * 1_000_000_000L;
        long windowEnd = windowStart + durationS * 1_000_000_000L;
        double periodNs = 1e9 / rate;
        Thread progress = progress(label, start, windowStart, windowEnd, warm, meas, slots, o.maxInflight);
        Instant startedAt = Instant.now();
        long unsent = 0;
        long sendDeadline = windowEnd + 1_000_000_000L; // a blocked generator does not run the phase on for minutes
        for (long i = 0;; i++) {
            long t = start + (long) (i * periodNs);
            if (t >= windowEnd) {
                break;
            }
            long now = System.nanoTime();
            if (t > now) {
                LockSupport.parkNanos(t - now);
            }
            Stats s = t < windowStart ? warm : meas;
            long left = sendDeadline - System.nanoTime();
            if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                // every request still scheduled for the window counts as failed ("unsent": all --max-inflight
                // requests were open); its latency is recorded as a lower bound, the time it has waited so far
                for (long j = i;; j++) {
                    long tj = start + (long) (j * periodNs);
                    if (tj >= windowEnd) {
                        break;
                    }
                    Stats sj = tj < windowStart ? warm : meas;
                    sj.sent.increment();
                    sj.completed.increment();
                    sj.outcome("unsent-inflight-limit");
                    long given = System.nanoTime();
                    sj.latency.record((given - tj) / 1000);
                    series.sent(given);
                    series.failed(given);
                    unsent++;
                }
                break;
            }
            long lag = System.nanoTime() - t;
            if (lag > 10_000_000L) {
                s.lateSends.increment();
            }
            s.maxSendLagMicros.accumulateAndGet(lag / 1000, Math::max);
            s.sent.increment();
            totalSent.increment();
            series.sent(System.nanoTime());
            HttpRequest req = nextRequest();
            final long scheduled = t;
            try {
                client.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, err) -> {
                    try {
                        finish(s, scheduled, resp, err, windowStart, windowEnd, windowAccepted);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RuntimeException e) {
                finish(s, scheduled, null, e, windowStart, windowEnd, windowAccepted);
                slots.release();
            }
        }
        windowEnded(label, windowEnd);
        long drainStart = System.nanoTime();
        boolean drained = slots.tryAcquire(o.maxInflight, o.drainS, TimeUnit.SECONDS);
        if (drained) {
            slots.release(o.maxInflight);
        }
        double drainS = (System.nanoTime() - drainStart) / 1e9;
        progress.interrupt();
        double acceptedPerS = windowAccepted.sum() / (double) durationS;
        long completed = meas.completed.sum();
        double errRate = completed == 0 ? 1 : meas.errors() / (double) Math.max(1, meas.sent.sum());
        double p99 = meas.latency.percentileMs(0.99);
        boolean sustainable = acceptedPerS >= 0.99 * rate && errRate <= o.maxErrorRate && p99 <= o.sloP99Ms
                && meas.sent.sum() == completed;
        String json = json(label, "fixed", rate, 0, durationS, warmupS, startedAt, windowStart, windowEnd, warm, meas,
                windowAccepted.sum(), drainS, sustainable);
        if (unsent > 0) {
            json = json.substring(0, json.length() - 1) + ",\"unsent\":" + unsent
                    + ",\"latency_is_lower_bound\":true}";
        }
        return new Result(json, sustainable, acceptedPerS, p99);
    }

    // ---------------------------------------------------------------- closed loop

    Result runClosed(String label, int n, int warmupS, int durationS) throws InterruptedException {
        Stats warm = new Stats();
        Stats meas = new Stats();
        LongAdder windowAccepted = new LongAdder();
        long start = System.nanoTime() + 20_000_000L;
        long windowStart = start + warmupS * 1_000_000_000L;
        long windowEnd = windowStart + durationS * 1_000_000_000L;
        Thread progress = progress(label, start, windowStart, windowEnd, warm, meas, null, n);
        Instant startedAt = Instant.now();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            Thread t = new Thread(() -> {
                KeptAliveConnection connection = "socket".equals(o.closedClient)
                        ? new KeptAliveConnection(uri, o.timeoutS * 1000)
                        : null;
                long now;
                while ((now = System.nanoTime()) < start) {
                    LockSupport.parkNanos(start - now);
                }
                while ((now = System.nanoTime()) < windowEnd) {
                    Stats s = now < windowStart ? warm : meas;
                    s.sent.increment();
                    totalSent.increment();
                    series.sent(now);
                    Throwable err = null;
                    int status = 0;
                    String body = "";
                    try {
                        if (connection != null) {
                            KeptAliveConnection.Answer a = connection.post(nextForm());
                            status = a.status();
                            body = a.body();
                        } else {
                            HttpResponse<String> resp = client.send(nextRequest(), HttpResponse.BodyHandlers.ofString());
                            status = resp.statusCode();
                            body = resp.body();
                        }
                    } catch (IOException | RuntimeException e) {
                        err = e;
                    } catch (InterruptedException e) {
                        return;
                    }
                    finish(s, now, status, body, err, windowStart, windowEnd, windowAccepted);
                    if (err != null) {
                        LockSupport.parkNanos(10_000_000L); // a refused connection must not spin
                    }
                }
                if (connection != null) {
                    connection.close();
                }
            }, "closed-client-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        windowEnded(label, windowEnd);
        long drainStart = System.nanoTime();
        for (Thread t : workers) {
            long left = windowEnd - System.nanoTime() + o.drainS * 1_000_000_000L;
            t.join(Math.max(1, left / 1_000_000));
        }
        double drainS = Math.max(0, (System.nanoTime() - Math.max(drainStart, windowEnd)) / 1e9);
        progress.interrupt();
        double acceptedPerS = windowAccepted.sum() / (double) durationS;
        String json = json(label, "closed", 0, n, durationS, warmupS, startedAt, windowStart, windowEnd, warm, meas,
                windowAccepted.sum(), drainS, true);
        return new Result(json, true, acceptedPerS, meas.latency.percentileMs(0.99));
    }

    // ---------------------------------------------------------------- the closed loop's client

    /**
     * One kept-alive HTTP/1.1 connection of a closed-loop client thread: a blocking socket, the request written whole,
     * the answer read by its length (or its chunks). A request that fails closes the connection; the next opens a new
     * one. It is not retried: a report the hub may have taken is not sent twice.
     */
    static final class KeptAliveConnection {

        record Answer(int status, String body) {
        }

        private final String host;
        private final int port;
        private final byte[] head;
        private final int timeoutMs;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        KeptAliveConnection(URI uri, int timeoutMs) {
            this.host = uri.getHost();
            this.port = uri.getPort() > 0 ? uri.getPort() : 80;
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            this.head = ("POST " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: " + FORM
                    + "\r\nAccept: application/json\r\nContent-Length: ").getBytes(StandardCharsets.ISO_8859_1);
            this.timeoutMs = timeoutMs;
        }

        Answer post(String form) throws IOException {
            byte[] body = form.getBytes(StandardCharsets.UTF_8);
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(host, port), 5000);
                    socket.setSoTimeout(timeoutMs);
                    in = new BufferedInputStream(socket.getInputStream(), 8192);
                    out = new BufferedOutputStream(socket.getOutputStream(), 8192);
                }
                out.write(head);
                out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                return read();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private Answer read() throws IOException {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closes = statusLine.startsWith("HTTP/1.0");
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closes = value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                in.transferTo(body); // no length: the answer ends with the connection
                closes = true;
            }
            if (closes) {
                close();
            }
            return new Answer(status, body.toString(StandardCharsets.UTF_8));
        }

        private long chunkSize() throws IOException {
            String size = line();
            int semi = size.indexOf(';');
            return Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        }

        private void copy(long n, ByteArrayOutputStream to) throws IOException {
            byte[] buf = new byte[4096];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new EOFException("the answer ended early");
                }
                to.write(buf, 0, r);
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the connection closed");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    // ---------------------------------------------------------------- progress and output

    Thread progress(String label, long start, long windowStart, long windowEnd, Stats warm, Stats meas,
            Semaphore slots, int limit) {
        Thread t = new Thread(() -> {
            long lastAcc = 0;
            long lastT = System.nanoTime();
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
                if (o.quiet) {
                    continue;
                }
                long now = System.nanoTime();
                long acc = warm.accepted.sum() + meas.accepted.sum();
                long sent = warm.sent.sum() + meas.sent.sum();
                long done = warm.completed.sum() + meas.completed.sum();
                String phase = now < windowStart ? "warmup" : now < windowEnd ? "measure" : "drain";
                System.out.printf(Locale.ROOT, "# %s %s t=%.0fs sent=%d done=%d open=%d accepted/s(5s)=%.0f errors=%d%n",
                        label, phase, (now - start) / 1e9, sent, done, sent - done,
                        (acc - lastAcc) / ((now - lastT) / 1e9), warm.errors() + meas.errors());
                lastAcc = acc;
                lastT = now;
            }
        }, "progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    String json(String label, String mode, double rate, int concurrency, int durationS, int warmupS,
            Instant startedAt, long windowStart, long windowEnd, Stats warm, Stats meas, long windowAccepted,
            double drainS, boolean sustainable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "run");
        m.put("label", label);
        m.put("mode", mode);
        if (rate > 0) {
            m.put("target_rate", rate);
        }
        if (concurrency > 0) {
            m.put("concurrency", concurrency);
        }
        m.put("started_at", startedAt.toString());
        m.put("warmup_s", warmupS);
        m.put("duration_s", durationS);
        m.put("window_start_epoch_ms", series.epochMillis(windowStart));
        m.put("window_end_epoch_ms", series.epochMillis(windowEnd));
        m.put("sent", meas.sent.sum());
        m.put("completed", meas.completed.sum());
        m.put("accepted", meas.accepted.sum());
        m.put("offered_per_s", round(meas.sent.sum() / (double) durationS));
        m.put("accepted_per_s", round(windowAccepted / (double) durationS));
        long errors = meas.errors() + (meas.sent.sum() - meas.completed.sum());
        m.put("errors", errors);
        m.put("error_rate", meas.sent.sum() == 0 ? 0 : round6(errors / (double) meas.sent.sum()));
        m.put("unfinished", meas.sent.sum() - meas.completed.sum());
        m.put("outcomes", new TreeMap<>(snapshot(meas.outcomes)));
        Map<String, Object> lat = new LinkedHashMap<>();
        lat.put("p50", round(meas.latency.percentileMs(0.50)));
        lat.put("p90", round(meas.latency.percentileMs(0.90)));
        lat.put("p99", round(meas.latency.percentileMs(0.99)));
        lat.put("p999", round(meas.latency.percentileMs(0.999)));
        lat.put("max", round(meas.latency.maxMs()));
        lat.put("mean", round(meas.latency.meanMs()));
        m.put("latency_ms", lat);
        if (mode.equals("fixed")) {
            m.put("late_sends", meas.lateSends.sum());
            m.put("max_send_lag_ms", round(meas.maxSendLagMicros.get() / 1000.0));
            m.put("sustainable", sustainable);
        }
        m.put("drain_s", round(drainS));
        m.put("warmup_sent", warm.sent.sum());
        m.put("warmup_accepted", warm.accepted.sum());
        m.put("warmup_outcomes", new TreeMap<>(snapshot(warm.outcomes)));
        m.put("accepted_total_all_phases", totalAccepted.sum());
        m.put("sent_total_all_phases", totalSent.sum());
        m.put("last_reference", meas.lastReference);
        m.put("run_id", runId);
        m.put("incident_reports_sent", Math.min(incidentSent.get(), o.incidentReports));
        m.put("client_cpu_s", round(ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0)
                .orElse(Double.NaN)));
        return toJson(m);
    }

    static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    static double round(double d) {
        return Double.isNaN(d) ? d : Math.round(d * 100) / 100.0;
    }

    static double round6(double d) {
        return Math.round(d * 1e6) / 1e6;
    }

    @SuppressWarnings("unchecked")
    static String toJson(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            for (var e : map.entrySet()) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(toJson(String.valueOf(e.getKey()))).append(':').append(toJson(e.getValue()));
            }
            return b.append('}').toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object x : list) {
                if (b.length() > 1) {
                    b.append(',');
                }
                b.append(toJson(x));
            }
            return b.append(']').toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : (d == Math.rint(d) && Math.abs(d) < 1e15
                    ? Long.toString(d.longValue())
                    : d.toString());
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        String s = v.toString();
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    void emit(String json) {
        System.out.println(json);
        if (o.json != null) {
            try {
                if (o.json.getParent() != null) {
                    Files.createDirectories(o.json.getParent());
                }
                Files.writeString(o.json, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void human(String json) {
        // a compact one-line summary for people, taken from the JSON
        Matcher m = Pattern.compile("\"(label|offered_per_s|accepted_per_s|error_rate|p50|p90|p99|max)\":"
                + "(\"[^\"]*\"|[-0-9.eE]+|null)").matcher(json);
        StringBuilder b = new StringBuilder("# result");
        while (m.find()) {
            b.append(' ').append(m.group(1)).append('=').append(m.group(2).replace("\"", ""));
        }
        System.out.println(b);
    }

    // ---------------------------------------------------------------- main

    public static void main(String[] args) throws Exception {
        Opts o = parse(args);
        IntakeBench bench = new IntakeBench(o);
        System.out.printf(Locale.ROOT, "# IntakeBench %s -> %s, %d categories x %d compounds, %d phones, run %s%n",
                o.mode, o.url, bench.categories.size(), bench.compounds.size(), o.phones, bench.runId);
        switch (o.mode) {
            case "fixed" -> {
                String label = o.label != null ? o.label : "fixed@" + fmt(o.rate);
                Result r = bench.runFixed(label, o.rate, o.warmup, o.duration);
                bench.emit(r.json());
                human(r.json());
            }
            case "closed" -> {
                String label = o.label != null ? o.label : "closed@" + o.concurrency;
                Result r = bench.runClosed(label, o.concurrency, o.warmup, o.duration);
                bench.emit(r.json());
                human(r.json());
            }
            default -> {
                List<Double> rates = new ArrayList<>();
                if (o.rates != null) {
                    rates.addAll(o.rates);
                } else {
                    double r = o.stepStart;
                    for (int i = 0; i < o.stepMax; i++, r *= o.stepFactor) {
                        rates.add((double) Math.round(r));
                    }
                }
                String prefix = o.label != null ? o.label : "step";
                double best = 0;
                double bestAccepted = 0;
                String stoppedAt = null;
                for (double rate : rates) {
                    Result r = bench.runFixed(prefix + "@" + fmt(rate), rate, o.warmup, o.duration);
                    bench.emit(r.json());
                    human(r.json());
                    if (!r.sustainable()) {
                        stoppedAt = fmt(rate);
                        break;
                    }
                    best = rate;
                    bestAccepted = r.acceptedPerS();
                }
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("type", "step-summary");
                s.put("label", prefix);
                s.put("max_sustainable_rate", best);
                s.put("accepted_per_s_at_max", bestAccepted);
                s.put("first_unsustainable_rate", stoppedAt);
                s.put("slo_p99_ms", o.sloP99Ms);
                s.put("max_error_rate", o.maxErrorRate);
                bench.emit(toJson(s));
                System.out.println("# max sustainable rate: " + fmt(best) + "/s"
                        + (stoppedAt == null ? " (all steps passed)" : ", failed at " + stoppedAt + "/s"));
            }
        }
        if (o.series != null) {
            bench.series.write(o.series);
        }
        bench.clientPool.shutdownNow();
        System.exit(0);
    }

    static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
