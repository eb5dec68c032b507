// A fast stand-in for the partners' webhook endpoints during benchmarks: answers every POST with 200 and an empty
// body, counts deliveries per path, and nothing else (no signature check, no printing; tools/partner-receiver.py is
// the verbose one for people).
//
//   java bench/PartnerSink.java [port=8089] [threads=4]
//
// GET /stats answers {"posts":N,"bytes":B,"paths":{"/hooks/CODE":n,...}}. Listens on 127.0.0.1 only.

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

public class PartnerSink {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        LongAdder posts = new LongAdder();
        LongAdder bytes = new LongAdder();
        Map<String, LongAdder> paths = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.createContext("/", (HttpExchange ex) -> {
            try (ex) {
                if ("GET".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().equals("/stats")) {
                    StringBuilder b = new StringBuilder("{\"posts\":").append(posts.sum()).append(",\"bytes\":")
                            .append(bytes.sum()).append(",\"paths\":{");
                    new TreeMap<>(paths).forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ",")
                            .append('"').append(k.replace("\"", "")).append("\":").append(v.sum()));
                    byte[] out = b.append("}}").toString().getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().add("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, out.length);
                    try (OutputStream os = ex.getResponseBody()) {
                        os.write(out);
                    }
                    return;
                }
                long n = 0;
                try (InputStream in = ex.getRequestBody()) {
                    byte[] buf = new byte[8192];
                    int r;
                    while ((r = in.read(buf)) > 0) {
                        n += r;
                    }
                }
                posts.increment();
                bytes.add(n);
                paths.computeIfAbsent(ex.getRequestURI().getPath(), k -> new LongAdder()).increment();
                ex.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(threads));
        server.start();
        System.out.println("partner sink on http://127.0.0.1:" + port + "/ (GET /stats)");
    }
}
