// Load driver and ledger checker of the fault suite (faults/run.sh). JDK only, single file.
//
//   java faults/FaultLoad.java load   [options]   steady mixed load, one ledger line per contact sent
//   java faults/FaultLoad.java replay [options]   fault R5: every contact sent again as its sender would retry it
//   java faults/FaultLoad.java check  [options]   the ledger against the database export and the partner sink
//
// load / replay options (defaults in brackets)
//   --urls U1,U2          base URLs of the hubs, used in turn [http://127.0.0.1:18180]
//   --public-base-url U   the hubs' hub.public-base-url: what Twilio signs [first of --urls]
//   --rate R              new contacts per second (follow-ups and replays come on top) [100]
//   --duration S          seconds of load [60]
//   --mix form:30,open311:20,sms:30,wechat:20   channel weights
//   --followups F         share of new SMS / WeChat contacts followed by a second message from the same sender right
//                         after the first is answered [0.5]
//   --replays N           replay mode: contacts per channel, each replayed (SMS, Open311: once after the answer;
//                         WeChat: the same push 3 times at 5 s, as WeChat retries; forms: posted twice at once) [1000]
//   --twilio-token T      hub.twilio.auth-token [faults-twilio-token]
//   --wechat-token T      hub.wechat.token [faults-wechat-token]
//   --open311-key K       api_key of an Open311 client [demo-open311-key-2026]
//   --timeout S           per-request timeout (Twilio waits 15 s) [15]
//   --max-inflight N      open requests; a contact due while all are taken is not sent (counted as skipped) [2000]
//   --ledger FILE         ledger (TSV, appended) [ledger.tsv]
//   --stop-file FILE      stop sending as soon as this file exists (the fault script ends the load when its faults are
//                         over); --duration is then an upper bound
//   --run-id ID           prefix of every generated identity, so several runs on one database never collide [random]
//
// check options
//   --ledger FILE --db DIR (tickets.tsv, contacts.tsv, aliases.tsv, deadletters.tsv, references.tsv, sweeps.tsv,
//   offers.tsv written by faults/run.sh with psql) --sink-stats FILE --events FILE --label NAME --out FILE (result, key=value)
//   --steady-window S (seconds of only acknowledged answers that count as recovered) [3]
//
// Ledger columns: seq, channel, kind (new|followup|replay), key (the sender's identity of the contact: MessageSid,
// "msg:"+MsgId, "form:"+reserved reference, Open311 content tag), sender, target (index into --urls), sent_ms,
// answered_ms, http status (-1 refused, -2 timeout, -3 other I/O error), outcome (ack|ack-followup|ack-noref|unavailable|
// refused|timeout|error|rejected), reference, tag (unique text in the description that finds the ticket).

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class FaultLoad {

    static final String[] COMPOUNDS = {"HY-GARDEN", "GH-COURT", "DX-COURT", "LK-GARDEN"};
    static final String[] CATEGORIES = {"home-services", "appliance-repair", "general-repairs", "goods-delivery",
            "property-complaint", "neighbour-dispute"};
    static final String[] PROBLEMS = {"3号楼电梯坏了，停在5楼不动", "楼道灯不亮好几天了", "厨房水管漏水，楼下也渗水了",
            "家里煤气罐没气了，请送一罐", "小区门口垃圾没人清理", "楼上装修噪音很大"};
    static final Pattern JSON_REFERENCE = Pattern.compile("\"(?:reference|service_request_id)\"\\s*:\\s*\"(\\d+)\"");
    static final Pattern TEXT_REFERENCE = Pattern.compile("(\\d{9,})");
    static final Pattern REPLY_TEXT = Pattern.compile("<(?:Body|Content)>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</(?:Body|Content)>",
            Pattern.DOTALL);
    static final Pattern FORM_TOKEN = Pattern.compile("name=\"token\"\\s+value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java faults/FaultLoad.java load|replay|check [options] (see the header)");
            System.exit(2);
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("bad option " + args[i]);
                System.exit(2);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        switch (args[0]) {
            case "load", "replay" -> new Driver(o, args[0].equals("replay")).run();
            case "check" -> System.exit(new Checker(o).run());
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }

    // ================================================================= driver

    static final class Driver {
        final List<String> urls;
        final String publicBase;
        final double rate;
        final int duration;
        final double followups;
        final int replays;
        final boolean replay;
        final String twilioToken;
        final String wechatToken;
        final String open311Key;
        final Duration timeout;
        final Semaphore inflight;
        final String runId;
        final BufferedWriter ledger;
        final Map<String, Integer> mix = new LinkedHashMap<>();
        final HttpClient http;
        final ScheduledExecutorService later = Executors.newScheduledThreadPool(2);
        final AtomicLong seq = new AtomicLong();
        final AtomicLong ids = new AtomicLong();
        final AtomicLong phones = new AtomicLong();
        final LongAdder skipped = new LongAdder();
        final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        final List<CompletableFuture<?>> pending = java.util.Collections.synchronizedList(new ArrayList<>());
        final long phoneBase;
        final long msgIdBase;
        final Path stopFile;

        Driver(Map<String, String> o, boolean replay) throws IOException {
            this.urls = List.of(o.getOrDefault("urls", "http://127.0.0.1:18180").split(","));
            this.publicBase = o.getOrDefault("public-base-url", urls.get(0));
            this.rate = Double.parseDouble(o.getOrDefault("rate", "100"));
            this.duration = Integer.parseInt(o.getOrDefault("duration", "60"));
            this.followups = Double.parseDouble(o.getOrDefault("followups", "0.5"));
            this.replays = Integer.parseInt(o.getOrDefault("replays", "1000"));
            this.replay = replay;
            this.stopFile = o.containsKey("stop-file") ? Path.of(o.get("stop-file")) : null;
            this.twilioToken = o.getOrDefault("twilio-token", "faults-twilio-token");
            this.wechatToken = o.getOrDefault("wechat-token", "faults-wechat-token");
            this.open311Key = o.getOrDefault("open311-key", "demo-open311-key-2026");
            this.timeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("timeout", "15")));
            this.inflight = new Semaphore(Integer.parseInt(o.getOrDefault("max-inflight", "2000")));
            this.runId = o.getOrDefault("run-id", Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36),
                    36));
            for (String part : o.getOrDefault("mix", "form:30,open311:20,sms:30,wechat:20").split(",")) {
                String[] kv = part.split(":");
                mix.put(kv[0], Integer.parseInt(kv[1]));
            }
            Path file = Path.of(o.getOrDefault("ledger", "ledger.tsv"));
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            this.ledger = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (fresh) {
                ledger.write("seq\tchannel\tkind\tkey\tsender\ttarget\tsent_ms\tanswered_ms\tstatus\toutcome\treference\ttag\n");
            }
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                    .executor(Executors.newFixedThreadPool(4)).build();
            // distinct senders per run: the run id seeds the phone and MsgId ranges
            long h = runId.hashCode() & 0x7fffffffL;
            this.phoneBase = (h % 90) * 1_000_000L;
            this.msgIdBase = 24_000_000_000_000_000L + (h % 1000) * 1_000_000_000_000L;
        }

        void run() throws Exception {
            long start = System.nanoTime();
            long interval = (long) (1e9 / rate);
            String[] channels = mix.keySet().toArray(String[]::new);
            int total = mix.values().stream().mapToInt(Integer::intValue).sum();
            long n = 0;
            long count = replay ? (long) replays * channels.length : (long) (rate * duration);
            System.out.printf(Locale.ROOT, "# %s: run %s, %.0f/s, %s, %d contacts to %s%n", replay ? "replay" : "load",
                    runId, rate, replay ? replays + " per channel" : duration + " s", count, urls);
            long lastPrint = System.nanoTime();
            while (n < count) {
                if (stopFile != null && n % 20 == 0 && Files.exists(stopFile)) {
                    break;
                }
                long due = start + n * interval;
                long now = System.nanoTime();
                if (due > now) {
                    LockSupport.parkNanos(due - now);
                }
                String channel;
                if (replay) {
                    channel = channels[(int) (n % channels.length)];
                } else {
                    int pick = ThreadLocalRandom.current().nextInt(total);
                    channel = channels[0];
                    for (String c : channels) {
                        pick -= mix.get(c);
                        if (pick < 0) {
                            channel = c;
                            break;
                        }
                    }
                }
                int target = (int) (n % urls.size());
                n++;
                try {
                    switch (channel) {
                        case "form" -> form(target);
                        case "open311" -> open311(target);
                        case "sms" -> sms(target);
                        case "wechat" -> wechat(target);
                        default -> throw new IllegalArgumentException("unknown channel " + channel);
                    }
                } catch (RuntimeException e) {
                    System.err.println("# send failed: " + e);
                }
                if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf(Locale.ROOT, "# t=%ds sent=%d %s skipped=%d%n",
                            (lastPrint - start) / 1_000_000_000L, seq.get(), summary(), skipped.sum());
                }
            }
            // the WeChat retries of a replay run come 5 and 10 s after the first push
            if (replay) {
                Thread.sleep(11_000);
            }
            long waitUntil = System.nanoTime() + timeout.toNanos() * 3;
            while (System.nanoTime() < waitUntil) {
                List<CompletableFuture<?>> copy;
                synchronized (pending) {
                    pending.removeIf(CompletableFuture::isDone);
                    copy = new ArrayList<>(pending);
                }
                if (copy.isEmpty()) {
                    break;
                }
                try {
                    CompletableFuture.allOf(copy.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // keep waiting for the rest, bounded
                }
            }
            later.shutdownNow();
            synchronized (ledger) {
                ledger.flush();
            }
            System.out.printf(Locale.ROOT, "# done: sent=%d %s skipped=%d%n", seq.get(), summary(), skipped.sum());
            System.exit(0);
        }

        String summary() {
            return new TreeMap<>(outcomes).toString();
        }

        String id() {
            return runId + "-" + ids.incrementAndGet();
        }

        // ------------------------------------------------------------- channels

        void form(int target) {
            String tag = "[F" + id() + "]";
            String base = urls.get(target);
            // the form's hidden token reserves the reference: a double submit carries the same token
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/report")).timeout(timeout).GET().build();
            if (!inflight.tryAcquire()) {
                skipped.increment();
                return;
            }
            long sent = System.currentTimeMillis();
            track(http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                inflight.release();
                String token = null;
                if (r != null && r.statusCode() == 200) {
                    Matcher m = FORM_TOKEN.matcher(r.body());
                    token = m.find() ? m.group(1) : null;
                }
                if (token == null) {
                    // the page is part of the contact: a failed GET is a failed contact
                    record(seq.incrementAndGet(), "form", "new", "-", "-", target, sent, r, e, null, tag);
                    return null;
                }
                String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
                String body = "category=" + enc(pick(CATEGORIES)) + "&description=" + enc(pick(PROBLEMS) + " " + tag)
                        + "&name=" + enc("故障测试") + "&phone=" + phone + "&compound=" + pick(COMPOUNDS) + "&token="
                        + enc(token);
                String key = "form:" + token.substring(0, Math.max(0, token.indexOf('.')));
                HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/report")).timeout(timeout)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                send("form", "new", key, phone, target, post, tag);
                if (replay) {
                    send("form", "replay", key, phone, target, post, tag);
                }
                return null;
            }));
        }

        void open311(int target) {
            String tag = "[O" + id() + "]";
            String phone = "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            String body = "api_key=" + enc(open311Key) + "&service_code=" + pick(CATEGORIES) + "&address_id="
                    + pick(COMPOUNDS) + "&phone=" + phone + "&description=" + enc(pick(PROBLEMS) + " " + tag);
            HttpRequest post = HttpRequest.newBuilder(URI.create(urls.get(target) + "/open311/v2/requests.json"))
                    .timeout(timeout).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            CompletableFuture<String> first = send("open311", "new", tag, phone, target, post, tag);
            if (replay && first != null) {
                first.thenRun(() -> send("open311", "replay", tag, phone, target, post, tag));
            }
        }

        void sms(int target) {
            String tag = "[S" + id() + "]";
            String phone = "+86138" + String.format("%08d", (phoneBase + phones.incrementAndGet()) % 100_000_000L);
            String sid = sid("SM");
            HttpRequest first = twilio(target, sid, phone, pick(COMPOUND_NAMES) + pick(PROBLEMS) + " " + tag);
            CompletableFuture<String> answer = send("sms", "new", sid, phone, target, first, tag);
            if (answer == null) {
                return;
            }
            if (replay) {
                answer.thenRun(() -> send("sms", "replay", sid, phone, target, first, tag));
            } else if (ThreadLocalRandom.current().nextDouble() < followups) {
                // the resident adds something right after being told the report is recorded
                answer.thenAccept(outcome -> {
                    if (outcome.startsWith("ack")) {
                        String sid2 = sid("SM");
                        send("sms", "followup", sid2, phone, target,
                                twilio(target, sid2, phone, "补充一下：" + pick(FOLLOW_UPS)), tag);
                    }
                });
            }
        }

        void wechat(int target) {
            String tag = "[W" + id() + "]";
            String openid = openid();
            long msgId = msgIdBase + ids.incrementAndGet();
            HttpRequest first = wechatPush(target, openid, msgId, pick(COMPOUND_NAMES) + pick(PROBLEMS) + " " + tag);
            CompletableFuture<String> answer = send("wechat", "new", "msg:" + msgId, openid, target, first, tag);
            if (answer == null) {
                return;
            }
            if (replay) {
                // WeChat re-sends the same push (same MsgId, same signed URL) when it has no answer in 5 s: 3 in all
                for (int i = 1; i <= 2; i++) {
                    later.schedule(() -> send("wechat", "replay", "msg:" + msgId, openid, target, first, tag), 5L * i,
                            TimeUnit.SECONDS);
                }
            } else if (ThreadLocalRandom.current().nextDouble() < followups) {
                answer.thenAccept(outcome -> {
                    if (outcome.startsWith("ack")) {
                        long msgId2 = msgIdBase + ids.incrementAndGet();
                        send("wechat", "followup", "msg:" + msgId2, openid, target,
                                wechatPush(target, openid, msgId2, "补充一下：" + pick(FOLLOW_UPS)), tag);
                    }
                });
            }
        }

        static final String[] COMPOUND_NAMES = {"海韵花园", "观海里院", "大学路里院", "龙口花园"};
        static final String[] FOLLOW_UPS = {"是3号楼2单元", "下午在家", "已经好几天了", "麻烦尽快处理，谢谢"};

        String sid(String prefix) {
            byte[] b = new byte[16];
            ThreadLocalRandom.current().nextBytes(b);
            StringBuilder s = new StringBuilder(prefix);
            for (byte x : b) {
                s.append(String.format("%02x", x));
            }
            return s.toString();
        }

        String openid() {
            // WeChat openids: 28 characters, "o" + 27 of [A-Za-z0-9_-]
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
            StringBuilder s = new StringBuilder("o");
            for (int i = 0; i < 27; i++) {
                s.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
            }
            return s.toString();
        }

        HttpRequest twilio(int target, String sid, String from, String text) {
            Map<String, String> p = new TreeMap<>();
            p.put("AccountSid", "AC" + "0123456789abcdef0123456789abcdef");
            p.put("ApiVersion", "2010-04-01");
            p.put("Body", text);
            p.put("From", from);
            p.put("MessageSid", sid);
            p.put("NumMedia", "0");
            p.put("NumSegments", "1");
            p.put("SmsMessageSid", sid);
            p.put("SmsSid", sid);
            p.put("SmsStatus", "received");
            p.put("To", "+8653296993");
            // X-Twilio-Signature: base64 HMAC-SHA1 (auth token) of the public URL + every parameter name and value,
            // names sorted (protocols.md A.3)
            StringBuilder signed = new StringBuilder(publicBase + "/twilio/sms");
            StringBuilder form = new StringBuilder();
            p.forEach((k, v) -> {
                signed.append(k).append(v);
                form.append(form.length() == 0 ? "" : "&").append(k).append('=').append(enc(v));
            });
            String signature = Base64.getEncoder().encodeToString(hmac("HmacSHA1", twilioToken, signed.toString()));
            return HttpRequest.newBuilder(URI.create(urls.get(target) + "/twilio/sms")).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                    .build();
        }

        HttpRequest wechatPush(int target, String openid, long msgId, String text) {
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            String nonce = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000_000));
            // plaintext mode: signature = SHA-1 of token, timestamp and nonce sorted and joined (protocols.md B)
            String[] parts = {wechatToken, ts, nonce};
            java.util.Arrays.sort(parts);
            String signature = sha1Hex(String.join("", parts));
            String xml = "<xml><ToUserName><![CDATA[gh_hotline0001]]></ToUserName><FromUserName><![CDATA[" + openid
                    + "]]></FromUserName><CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                    + "<Content><![CDATA[" + text + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
            return HttpRequest.newBuilder(URI.create(urls.get(target) + "/wechat?signature=" + signature
                    + "&timestamp=" + ts + "&nonce=" + nonce)).timeout(timeout).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofString(xml)).build();
        }

        // ------------------------------------------------------------- sending and the ledger

        /** Sends one contact; completes with its outcome (null when not sent: no free slot). */
        CompletableFuture<String> send(String channel, String kind, String key, String sender, int target,
                HttpRequest request, String tag) {
            if (!inflight.tryAcquire()) {
                skipped.increment();
                return null;
            }
            long s = seq.incrementAndGet();
            long sent = System.currentTimeMillis();
            CompletableFuture<String> f = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        inflight.release();
                        return record(s, channel, kind, key, sender, target, sent, r, e, request, tag);
                    });
            track(f);
            return f;
        }

        void track(CompletableFuture<?> f) {
            synchronized (pending) {
                if (pending.size() > 10_000) {
                    pending.removeIf(CompletableFuture::isDone);
                }
                pending.add(f);
            }
        }

        String record(long s, String channel, String kind, String key, String sender, int target, long sent,
                HttpResponse<String> r, Throwable e, HttpRequest request, String tag) {
            long answered = System.currentTimeMillis();
            int status;
            String outcome;
            String reference = "";
            if (r == null) {
                Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                status = c instanceof HttpTimeoutException ? -2 : c instanceof ConnectException ? -1 : -3;
                outcome = status == -2 ? "timeout" : status == -1 ? "refused" : "error";
                if (status == -3 && c != null && c.getCause() instanceof ConnectException) {
                    status = -1;
                    outcome = "refused";
                }
                // what went wrong, in the reference column (there is no reference)
                reference = c == null ? "" : c.getClass().getSimpleName();
            } else {
                status = r.statusCode();
                String body = r.body() == null ? "" : r.body();
                if (request == null) {
                    outcome = status == 503 ? "unavailable" : "error";
                } else if (status == 503) {
                    outcome = "unavailable";
                } else if (status >= 200 && status < 300) {
                    // the reply text only: WeChat's XML also carries CreateTime, which is a long number too
                    Matcher c = REPLY_TEXT.matcher(body);
                    String text = channel.equals("form") || channel.equals("open311") ? body
                            : c.find() ? c.group(1) : body;
                    Matcher m = (channel.equals("form") || channel.equals("open311") ? JSON_REFERENCE
                            : TEXT_REFERENCE).matcher(text);
                    if (m.find()) {
                        reference = m.group(1);
                        // the answer to a follow-up (ResidentTexts): "已将您的补充记入工单…" / "…added to ticket…"
                        outcome = body.contains("补充记入") || body.contains("dded to") ? "ack-followup" : "ack";
                    } else {
                        // WeChat's "success" after the reply budget: the decision is stored, the reply follows
                        outcome = "ack-noref";
                    }
                } else if (status >= 500) {
                    outcome = "error";
                } else {
                    outcome = "rejected";
                }
            }
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            String line = s + "\t" + channel + "\t" + kind + "\t" + key + "\t" + sender + "\t" + target + "\t" + sent
                    + "\t" + answered + "\t" + status + "\t" + outcome + "\t" + reference + "\t" + tag + "\n";
            synchronized (ledger) {
                try {
                    ledger.write(line);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
            return outcome;
        }
    }

    // ================================================================= checker

    record Entry(long seq, String channel, String kind, String key, String sender, int target, long sent,
            long answered, int status, String outcome, String reference, String tag) {
        boolean acked() {
            return outcome.startsWith("ack");
        }
    }

    static final class Checker {
        final Map<String, String> o;
        final StringBuilder report = new StringBuilder();
        final Map<String, String> result = new LinkedHashMap<>();

        Checker(Map<String, String> o) {
            this.o = o;
        }

        static List<String[]> tsv(Path p) throws IOException {
            List<String[]> rows = new ArrayList<>();
            if (!Files.exists(p)) {
                return rows;
            }
            for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            return rows;
        }

        int run() throws IOException {
            String label = o.getOrDefault("label", "run");
            Path db = Path.of(o.getOrDefault("db", "db"));
            List<Entry> ledger = new ArrayList<>();
            List<String[]> lines = tsv(Path.of(o.getOrDefault("ledger", "ledger.tsv")));
            for (String[] f : lines) {
                if (f[0].equals("seq") || f.length < 12) {
                    continue;
                }
                ledger.add(new Entry(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], Integer.parseInt(f[5]),
                        Long.parseLong(f[6]), Long.parseLong(f[7]), Integer.parseInt(f[8]), f[9], f[10], f[11]));
            }
            // tickets.tsv: id, reference, channel, status, tag, assignments
            Map<String, Long> ticketByRef = new HashMap<>();
            Map<Long, String> statusOf = new HashMap<>();
            Map<String, List<Long>> ticketsByTag = new HashMap<>();
            long dispatched = 0;
            long merged = 0;
            for (String[] t : tsv(db.resolve("tickets.tsv"))) {
                long id = Long.parseLong(t[0]);
                ticketByRef.put(t[1], id);
                statusOf.put(id, t[3]);
                if (!t[4].isEmpty()) {
                    ticketsByTag.computeIfAbsent(t[4], k -> new ArrayList<>()).add(id);
                }
                if (!t[5].equals("0")) {
                    dispatched++;
                }
                if (t[3].equals("MERGED")) {
                    // a report that joined an open incident (issue 21): its resident is a reporter of that ticket,
                    // and the partner holding it gets an assignment.reporter-added follow-up instead of an offer
                    merged++;
                }
            }
            for (String[] a : tsv(db.resolve("aliases.tsv"))) {
                ticketByRef.putIfAbsent(a[0], Long.parseLong(a[1]));
            }
            // contacts.tsv: channel, external_id, ticket_id
            Map<String, Long> contactTicket = new HashMap<>();
            for (String[] c : tsv(db.resolve("contacts.tsv"))) {
                contactTicket.put(c[0] + "|" + c[1], c[2].isEmpty() ? -1L : Long.parseLong(c[2]));
            }
            // deadletters.tsv: id, source, created epoch ms, reference in the body, external id in the body, reason
            List<String[]> deadLetters = tsv(db.resolve("deadletters.tsv"));
            Map<String, String> deadByRef = new HashMap<>();
            Map<String, String> deadByKey = new HashMap<>();
            for (String[] d : deadLetters) {
                deadByRef.putIfAbsent(d[3], d[5]);
                deadByKey.putIfAbsent(d[4], d[5]);
            }

            // references.tsv: references the edge reserved in the database before it answered (empty since the edge
            // reserves them in memory, V69)
            Set<String> reserved = new HashSet<>();
            for (String[] r : tsv(db.resolve("references.tsv"))) {
                reserved.add(r[0]);
            }
            Map<String, LongAdder> outcomes = new TreeMap<>();
            long acked = 0;
            List<String> lost = new ArrayList<>();
            Map<String, Set<Long>> ticketsPerKey = new HashMap<>();
            Map<String, Set<String>> answersPerKey = new HashMap<>();
            long ackFollowups = 0;
            for (Entry e : ledger) {
                outcomes.computeIfAbsent(e.channel() + ":" + e.outcome(), k -> new LongAdder()).increment();
                if (!e.acked()) {
                    continue;
                }
                acked++;
                String dbChannel = switch (e.channel()) {
                    case "form" -> "WEB";
                    case "open311" -> "OPEN311";
                    case "sms" -> "SMS";
                    default -> "WECHAT";
                };
                Long ticket = null;
                Long byContact = contactTicket.get(dbChannel + "|" + e.key());
                if (byContact != null && byContact > 0) {
                    ticket = byContact;
                }
                boolean followup = e.outcome().equals("ack-followup");
                if (followup) {
                    ackFollowups++;
                }
                if (ticket == null && !followup && !e.reference().isEmpty()) {
                    ticket = ticketByRef.get(e.reference());
                }
                if (ticket == null && !followup && e.outcome().equals("ack-noref")) {
                    List<Long> byTag = ticketsByTag.get(e.tag());
                    ticket = byTag == null || e.kind().equals("followup") ? null : byTag.get(0);
                }
                if (ticket == null) {
                    String why = deadByKey.containsKey(e.key()) ? "dead-lettered: " + deadByKey.get(e.key())
                            : deadByRef.containsKey(e.reference()) && !followup
                                    ? "dead-lettered: " + deadByRef.get(e.reference())
                                    : reserved.contains(e.reference())
                                            ? "reference reserved (intake_reference), but no contact, no ticket, no dead letter"
                                            : "no contact, no ticket, no dead letter";
                    lost.add(e.seq() + "\t" + e.channel() + "\t" + e.kind() + "\t" + e.key() + "\t" + e.outcome() + "\t"
                            + e.reference() + "\tsent " + e.sent() + " answered " + e.answered() + "\t" + why);
                    continue;
                }
                String k = e.channel() + "|" + e.key();
                ticketsPerKey.computeIfAbsent(k, x -> new HashSet<>()).add(ticket);
                if (!e.reference().isEmpty()) {
                    answersPerKey.computeIfAbsent(k, x -> new HashSet<>()).add(e.reference());
                }
            }
            long duplicateTickets = ticketsByTag.values().stream().filter(l -> l.size() > 1).mapToLong(l -> l.size() - 1)
                    .sum() + ticketsPerKey.values().stream().filter(s -> s.size() > 1).mapToLong(s -> s.size() - 1).sum();
            long differentAnswers = answersPerKey.values().stream().filter(s -> s.size() > 1).count();
            Set<String> ackedTags = new HashSet<>();
            ledger.stream().filter(Entry::acked).forEach(e -> ackedTags.add(e.tag()));
            long ghostTickets = ticketsByTag.keySet().stream().filter(t -> !ackedTags.contains(t)).count();
            long replayGroups = answersPerKey.size();

            // partner sink: {"posts":N,...,"key_repeats":X,"duplicate_effects":D,...}
            String sink = Files.exists(Path.of(o.getOrDefault("sink-stats", "sink-stats.json")))
                    ? Files.readString(Path.of(o.getOrDefault("sink-stats", "sink-stats.json")))
                    : "";
            long duplicateEffects = jsonLong(sink, "duplicate_effects");
            long keyRepeats = jsonLong(sink, "key_repeats");
            long deliveries = jsonLong(sink, "keys");

            // sweeps.tsv: assignment-level timeline events a deadline sweep writes, with how often each was written
            long duplicateSweeps = 0;
            long sweeps = 0;
            for (String[] s : tsv(db.resolve("sweeps.tsv"))) {
                sweeps += Long.parseLong(s[2]);
                duplicateSweeps += Math.max(0, Long.parseLong(s[2]) - 1);
            }

            // offers.tsv: a party offered one ticket twice, or two live offers of one ticket (a sweep's re-offer made
            // twice); optional, as older exports have no such file
            long duplicateOffers = Files.exists(db.resolve("offers.tsv")) ? tsv(db.resolve("offers.tsv")).size() : 0;

            // faults: windows and recovery from the events file (epoch_ms TAB event TAB detail)
            List<String[]> events = tsv(Path.of(o.getOrDefault("events", "events.tsv")));
            int steady = Integer.parseInt(o.getOrDefault("steady-window", "3")) * 1000;
            List<Entry> bySent = new ArrayList<>(ledger);
            bySent.sort((a, b) -> Long.compare(a.sent(), b.sent()));
            StringBuilder faults = new StringBuilder();
            long worstRecovery = -1;
            long unrecovered = 0;
            long acksInOutage = 0;
            long lostInOutage = 0;
            long slowRefusals = 0;
            String downAt = null;
            // acknowledgement latency before the first fault, the baseline of "intake latency unchanged" (R3):
            long loadStart = events.stream().filter(ev -> ev[1].equals("load-start")).mapToLong(ev -> Long.parseLong(
                    ev[0])).findFirst().orElse(0);
            long firstDown = events.stream().filter(ev -> ev[1].endsWith("-down")).mapToLong(ev -> Long.parseLong(
                    ev[0])).findFirst().orElse(Long.MAX_VALUE);
            // the last 30 s before the fault only: a hub just started (JIT, pools, the backlog of its first minute
            // or two at 100/s) is slower than the one that meets the fault
            long baselineP50 = firstDown == Long.MAX_VALUE ? -1 : ackLatencyP50(bySent, Math.max(loadStart,
                    firstDown - 30_000), firstDown);
            long latencyBreaches = 0;
            Set<Long> lostSeqs = new HashSet<>();
            lost.forEach(l -> lostSeqs.add(Long.parseLong(l.substring(0, l.indexOf('\t')))));
            for (String[] ev : events) {
                long t = Long.parseLong(ev[0]);
                String what = ev[1];
                if (what.endsWith("-down")) {
                    downAt = ev[0];
                } else if (what.endsWith("-back") && downAt != null) {
                    long from = Long.parseLong(downAt);
                    // answers to contacts sent while the service was down
                    for (Entry e : bySent) {
                        if (e.sent() >= from && e.sent() < t) {
                            if (e.acked()) {
                                acksInOutage++;
                                if (lostSeqs.contains(e.seq())) {
                                    lostInOutage++;
                                }
                            } else if (e.answered() - e.sent() > 1000) {
                                // targets.md R1: a 503 within 1 s; a slower 503 or no answer at all both miss it
                                slowRefusals++;
                            }
                        }
                    }
                    long rec = recovery(bySent, t, steady);
                    worstRecovery = Math.max(worstRecovery, rec);
                    if (rec < 0) {
                        unrecovered++;
                    }
                    faults.append(String.format(Locale.ROOT, "%s down %.1fs, steady %s", what.replace("-back", ""),
                            (t - from) / 1000.0, rec < 0 ? "never" : String.format(Locale.ROOT, "%.1fs after", rec
                                    / 1000.0)));
                    if (what.equals("partner-back")) {
                        // targets.md R3: intake latency unchanged ±20 % while a partner is down. Checked one-sided:
                        // the target guards intake against the outage, and an edge that answers faster while the
                        // outbox has less to send is no failure (a 5 ms floor: below that it is the scheduler's)
                        long during = ackLatencyP50(bySent, from, t);
                        boolean within = baselineP50 >= 0 && during >= 0 && during - baselineP50 <= Math.max(5,
                                baselineP50 / 5);
                        if (!within) {
                            latencyBreaches++;
                        }
                        faults.append(String.format(Locale.ROOT, ", acknowledgement p50 %d ms while down against %d ms"
                                + " in the 30 s before (%s)", during, baselineP50, within ? "not 20 % slower" : "more than 20 % slower"));
                    }
                    faults.append("; ");
                    downAt = null;
                }
            }

            // evidence: where each loss sits against the faults (the nearest fault event to its answer)
            for (int i = 0; i < lost.size(); i++) {
                String[] f = lost.get(i).split("\t");
                long answered = Long.parseLong(f[6].substring(f[6].lastIndexOf(' ') + 1));
                String nearest = "";
                long best = Long.MAX_VALUE;
                for (String[] ev : events) {
                    long d = answered - Long.parseLong(ev[0]);
                    if (!ev[1].startsWith("load") && Math.abs(d) < Math.abs(best)) {
                        best = d;
                        nearest = ev[1] + (ev.length > 2 ? " " + ev[2] : "");
                    }
                }
                if (!nearest.isEmpty()) {
                    lost.set(i, lost.get(i) + String.format(Locale.ROOT, "\tanswered %.2fs %s %s", Math.abs(best)
                            / 1000.0, best < 0 ? "before" : "after", nearest));
                }
            }
            long sent = ledger.size();
            boolean pass = lost.isEmpty() && duplicateTickets == 0 && duplicateEffects == 0 && differentAnswers == 0
                    && duplicateSweeps == 0 && duplicateOffers == 0 && lostInOutage == 0 && unrecovered == 0 && latencyBreaches == 0 && acked > 0;
            result.put("label", label);
            result.put("sent", Long.toString(sent));
            result.put("acknowledged", Long.toString(acked));
            result.put("acknowledged_followups", Long.toString(ackFollowups));
            result.put("not_acknowledged", Long.toString(sent - acked));
            result.put("lost", Long.toString(lost.size()));
            result.put("duplicate_tickets", Long.toString(duplicateTickets));
            result.put("different_answers_to_one_contact", Long.toString(differentAnswers));
            result.put("retried_contacts_checked", Long.toString(replayGroups));
            result.put("tickets", Long.toString(ticketsByTag.values().stream().mapToLong(List::size).sum()));
            result.put("tickets_dispatched", Long.toString(dispatched));
            result.put("tickets_joined_to_incidents", Long.toString(merged));
            result.put("tickets_from_unacknowledged_contacts", Long.toString(ghostTickets));
            result.put("dead_letters", Long.toString(deadLetters.size()));
            result.put("partner_deliveries", Long.toString(deliveries));
            result.put("partner_key_repeats", Long.toString(keyRepeats));
            result.put("duplicate_partner_effects", Long.toString(duplicateEffects));
            result.put("sweep_events", Long.toString(sweeps));
            result.put("duplicate_sweep_events", Long.toString(duplicateSweeps));
            result.put("duplicate_offers", Long.toString(duplicateOffers));
            result.put("acks_during_outage", Long.toString(acksInOutage));
            result.put("lost_acked_during_outage", Long.toString(lostInOutage));
            result.put("refusals_slower_than_1s_during_outage", Long.toString(slowRefusals));
            result.put("fault_windows_never_steady_again", Long.toString(unrecovered));
            result.put("ack_p50_before_first_fault_ms", Long.toString(baselineP50));
            result.put("partner_outages_with_intake_latency_changed", Long.toString(latencyBreaches));
            result.put("worst_recovery_s", worstRecovery < 0 ? "-" : String.format(Locale.ROOT, "%.1f", worstRecovery
                    / 1000.0));
            result.put("faults", faults.toString().trim());
            result.put("outcomes", outcomes.toString());
            result.put("pass", Boolean.toString(pass));
            result.forEach((k, v) -> report.append(String.format("%-40s %s%n", k, v)));
            if (!lost.isEmpty()) {
                report.append("lost acknowledged contacts (seq, channel, kind, key, outcome, reference, times, why):\n");
                lost.stream().limit(50).forEach(l -> report.append("  ").append(l).append('\n'));
            }
            System.out.print(report);
            if (o.containsKey("out")) {
                StringBuilder b = new StringBuilder();
                result.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
                Files.writeString(Path.of(o.get("out")), b.toString());
                Files.write(Path.of(o.get("out") + ".lost.tsv"), lost, StandardCharsets.UTF_8);
            }
            return pass ? 0 : 1;
        }

        /** Median time to the answer of the new contacts acknowledged that were sent in [from, to); -1 if none. */
        static long ackLatencyP50(List<Entry> bySent, long from, long to) {
            long[] ms = bySent.stream().filter(e -> e.acked() && e.kind().equals("new") && e.sent() >= from && e
                    .sent() < to).mapToLong(e -> e.answered() - e.sent()).sorted().toArray();
            return ms.length == 0 ? -1 : ms[ms.length / 2];
        }

        /** Time from t until the first window of `steady` ms in which every contact sent was acknowledged; -1 never. */
        static long recovery(List<Entry> bySent, long t, int steady) {
            for (int i = 0; i < bySent.size(); i++) {
                Entry e = bySent.get(i);
                if (e.sent() < t || !e.acked()) {
                    continue;
                }
                boolean ok = true;
                boolean covered = false;
                for (int j = i; j < bySent.size() && bySent.get(j).sent() < e.sent() + steady; j++) {
                    if (!bySent.get(j).acked()) {
                        ok = false;
                        break;
                    }
                    covered = bySent.get(j).sent() >= e.sent() + steady - 1000;
                }
                if (ok && covered) {
                    return e.sent() - t;
                }
            }
            return -1;
        }

        static long jsonLong(String json, String key) {
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(json);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    // ================================================================= helpers

    static String pick(String[] a) {
        return a[ThreadLocalRandom.current().nextInt(a.length)];
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha1Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (byte x : d) {
                b.append(String.format("%02x", x));
            }
            return b.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
