// A fast stand-in for the partners' webhook endpoints during benchmarks and fault runs: answers every POST with 200 and
// an empty body, counts deliveries per path, and keeps what the fault suite needs to prove exactly-once effects at the
// partner (no signature check, no printing; tools/partner-receiver.py is the verbose one for people).
//
//   java bench/PartnerSink.java [port=8089] [threads=4]
//
// GET  /stats  answers {"posts":N,"bytes":B,"down":false,"refused":R,"keys":K,"key_repeats":X,"duplicate_effects":D,
//              "paths":{"/hooks/CODE":n,...}}
//        keys: distinct Idempotency-Key values answered 2xx; key_repeats: 2xx answers to a key already answered 2xx
//        (a retry the partner must ignore: harmless); duplicate_effects: (path, X-Hub-Event, ticket reference) triples
//        that arrived under more than one distinct key (the same offer twice: a real duplicate at the partner); an
//        incident's `assignment.reporter-added` follow-ups are one effect per added report, told apart by the report's
//        text (`incident.addition.text`), so a second report of an incident is no duplicate, the same report twice is
// GET  /keys   one line per key: key TAB path TAB event TAB reference TAB 2xx answers
// POST /admin/down, /admin/up   answer 503 to every delivery while down (fault R3: partner endpoint down); refused
//              counts those 503s
// Listens on 127.0.0.1 only.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

public class PartnerSink {

    private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ADDITION = Pattern.compile(
            "\"addition\"\\s*:\\s*\\{[^{}]*?\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One effect at the partner: an event about a ticket, and for an incident's follow-up the report it adds. */
    record Key(String path, String event, String reference, String addition) {
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        LongAdder posts = new LongAdder();
        LongAdder bytes = new LongAdder();
        LongAdder refused = new LongAdder();
        LongAdder keyRepeats = new LongAdder();
        Map<String, LongAdder> paths = new ConcurrentHashMap<>();
        Map<String, LongAdder> keys = new ConcurrentHashMap<>();
        Map<String, Key> keyOf = new ConcurrentHashMap<>();
        Map<Key, Set<String>> effects = new ConcurrentHashMap<>();
        boolean[] down = {false};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", (HttpExchange ex) -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                if ("POST".equals(ex.getRequestMethod()) && path.startsWith("/admin/")) {
                    down[0] = path.equals("/admin/down");
                    ex.sendResponseHeaders(204, -1);
                    return;
                }
                if ("GET".equals(ex.getRequestMethod()) && path.equals("/stats")) {
                    long duplicateEffects = effects.values().stream().filter(s -> s.size() > 1).count();
                    StringBuilder b = new StringBuilder("{\"posts\":").append(posts.sum()).append(",\"bytes\":")
                            .append(bytes.sum()).append(",\"down\":").append(down[0]).append(",\"refused\":")
                            .append(refused.sum()).append(",\"keys\":").append(keys.size())
                            .append(",\"key_repeats\":").append(keyRepeats.sum()).append(",\"duplicate_effects\":")
                            .append(duplicateEffects).append(",\"paths\":{");
                    new TreeMap<>(paths).forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ",")
                            .append('"').append(k.replace("\"", "")).append("\":").append(v.sum()));
                    reply(ex, "application/json", b.append("}}").toString());
                    return;
                }
                if ("GET".equals(ex.getRequestMethod()) && path.equals("/keys")) {
                    StringBuilder b = new StringBuilder();
                    new TreeMap<>(keys).forEach((k, v) -> {
                        Key e = keyOf.get(k);
                        b.append(k).append('\t').append(e.path()).append('\t').append(e.event()).append('\t')
                                .append(e.reference()).append('\t').append(v.sum()).append('\n');
                    });
                    reply(ex, "text/tab-separated-values", b.toString());
                    return;
                }
                byte[] body;
                try (InputStream in = ex.getRequestBody()) {
                    body = in.readAllBytes();
                }
                posts.increment();
                bytes.add(body.length);
                paths.computeIfAbsent(path, k -> new LongAdder()).increment();
                if (down[0]) {
                    refused.increment();
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
                if (key != null) {
                    String event = String.valueOf(ex.getRequestHeaders().getFirst("X-Hub-Event"));
                    String text = new String(body, StandardCharsets.UTF_8);
                    Matcher m = REFERENCE.matcher(text);
                    Matcher a = ADDITION.matcher(text);
                    Key effect = new Key(path, event, m.find() ? m.group(1) : "?", a.find() ? a.group(1) : "");
                    keyOf.putIfAbsent(key, effect);
                    LongAdder n = keys.computeIfAbsent(key, k -> new LongAdder());
                    if (n.sum() > 0) {
                        keyRepeats.increment();
                    }
                    n.increment();
                    effects.computeIfAbsent(effect, k -> ConcurrentHashMap.newKeySet()).add(key);
                }
                ex.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        System.out.println("partner sink on http://127.0.0.1:" + port + "/ (GET /stats, GET /keys)");
    }

    private static void reply(HttpExchange ex, String type, String text) throws IOException {
        byte[] out = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(200, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        }
    }
}
