// Fills a migrated Hotline Hub database with years of a city's tickets, for measuring the hub at 10 million tickets
// (issue 23, targets.md P5). Run it through bench/generate-tickets.sh, which finds the PostgreSQL JDBC driver.
//
//   java -cp postgresql.jar bench/GenerateTickets.java --jdbc-url URL --count N [options]
//
// What it writes, all with PostgreSQL COPY (text format), in ranges of ids taken from the tables' own sequences so the
// running hub's next rows never collide with them:
//   - the demo district scaled up: --compounds-per-grid synthetic compounds under every grid (code GEN-<grid>-<n>),
//     each with a few buildings; tickets fall on them and on the reference data's own compounds and buildings;
//   - residents: one for every 5 tickets, a few of them registered as elderly or disabled (priority help);
//   - tickets over --years years up to now: channels, categories and places with skewed (Zipf-like) weights, hours of
//     the day and days of the week as a hotline sees them, a few surge days; older tickets closed, the last weeks' in
//     every state; descriptions built from a bank of resident phrases, so trigram and full-text search have real work;
//   - for each ticket its first contact (inbound_contact), its lead assignment (sometimes after a declined or expired
//     offer to another party), a timeline of about 8 events, and for most closed tickets a survey answer.
// References are 10 digits from serial 5,000,000,000 on (with the hub's Luhn check digit); the hub's own serials start
// at 10,000,000. A second run continues after the first.
//
// Options (defaults in brackets)
//   --jdbc-url URL             jdbc:postgresql://127.0.0.1:5432/hotline  (required)
//   --user U / --password P    [postgres / postgres, as the embedded database]; also PGUSER / PGPASSWORD
//   --count N                  tickets to add (required)
//   --years Y                  years of dates [5]
//   --end YYYY-MM-DD           the day the dates end [today]; a test puts its tickets in a past nobody else looks at
//   --compounds-per-grid K     synthetic compounds added under every grid on the first run [40]
//   --seed S                   random seed [20261206]
//   --keep-indexes             load with the secondary indexes in place (slower); by default the tickets' and
//                              timelines' secondary indexes are dropped for the load and built again after it,
//                              their definitions saved first to generate-tickets-indexes.sql in the working directory
//
// JDK 17 and the PostgreSQL JDBC driver only; single file.

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

public class GenerateTickets {

    static final long REFERENCE_BASE = 5_000_000_000L;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSXXX");
    static final String[] CHANNELS = {"SMS", "WECHAT", "VOICE", "WEB", "OPEN311", "API", "OPERATOR"};
    static final double[] CHANNEL_WEIGHTS = {30, 25, 18, 12, 8, 2, 5};
    static final String[] OUTCOMES = {"SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "NOT_SOLVED"};
    static final double[] OUTCOME_WEIGHTS = {78, 13, 6, 3};
    /** Hours of the day as a hotline sees them: quiet at night, peaks mid-morning and mid-afternoon. */
    static final double[] HOUR_WEIGHTS = {1, 0.6, 0.4, 0.3, 0.3, 0.6, 2, 5, 9, 11, 11, 9, 6, 7, 9, 10, 9, 7, 6, 6, 5, 4,
            3, 2};
    static final String[] PROBLEMS = {"楼道灯坏了好几天了", "水管漏水，楼下天花板都湿了", "电梯停在三楼不动", "又停水了，家里老人没法做饭",
            "下水道堵了，污水返上来", "暖气不热，屋里只有十几度", "楼下餐馆油烟太大", "晚上广场舞声音太吵", "小区门口垃圾好几天没人清运",
            "路灯不亮，晚上走路不安全", "井盖松动，车一过就响", "楼顶防水坏了，下雨就漏", "家里老人需要助餐服务", "想预约上门理发",
            "燃气灶打不着火，闻到煤气味", "空调外机支架生锈了", "邻居家装修一直砸墙", "车棚的充电桩坏了", "楼道里堆满杂物，消防通道被堵",
            "绿化带里有死树，担心砸到人", "独居老人好几天没出门了", "门禁卡刷不开", "小区里有流浪狗咬人", "家里断电了，整栋楼都没电",
            "外墙瓷砖掉下来了", "化粪池满了，味道很大", "健身器材坏了，有小孩受伤", "物业收费不明白，想问一下", "需要家政保洁服务",
            "马桶漏水，请师傅上门"};
    static final String[] EXTRAS = {"", "，麻烦尽快处理", "，已经反映过一次了", "，家里有老人", "，谢谢", "，请联系我", "，下午都在家",
            "，比较着急", "，周末也可以"};

    final String url;
    final String user;
    final String password;
    final long count;
    final int years;
    final int compoundsPerGrid;
    final long seed;
    final boolean keepIndexes;
    /** Where the generated years end: the tickets' "now" (recent tickets are open, older ones closed). */
    final Instant now;

    // reference data read at start
    final List<long[]> places = new ArrayList<>(); // {place id, weight x1000}
    final List<String> placeAddress = new ArrayList<>();
    long[] placeCumulative;
    long[] categories;
    long[] categoryCumulative;
    long[] partners;
    long[] volunteers;

    long ticketBase;
    long residentBase;
    long residents;
    long serialBase;

    GenerateTickets(Map<String, String> o) {
        url = require(o, "jdbc-url");
        user = o.getOrDefault("user", System.getenv().getOrDefault("PGUSER", "postgres"));
        password = o.getOrDefault("password", System.getenv().getOrDefault("PGPASSWORD", "postgres"));
        count = Long.parseLong(require(o, "count"));
        years = Integer.parseInt(o.getOrDefault("years", "5"));
        dayCumulative = dayWeights(years * 365);
        compoundsPerGrid = Integer.parseInt(o.getOrDefault("compounds-per-grid", "40"));
        seed = Long.parseLong(o.getOrDefault("seed", "20261206"));
        keepIndexes = o.containsKey("keep-indexes");
        now = o.containsKey("end") ? java.time.LocalDate.parse(o.get("end")).atStartOfDay(ZONE).toInstant()
                : Instant.now();
    }

    static String require(Map<String, String> o, String key) {
        String v = o.get(key);
        if (v == null) {
            System.err.println("--" + key + " is required (see the head of bench/GenerateTickets.java)");
            System.exit(2);
        }
        return v;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                System.err.println("unexpected argument " + args[i]);
                System.exit(2);
            }
            String key = args[i].substring(2);
            o.put(key, key.equals("keep-indexes") ? "true" : args[++i]);
        }
        new GenerateTickets(o).run();
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(true);
        return c;
    }

    void run() throws Exception {
        long start = System.nanoTime();
        List<String> indexes;
        try (Connection c = connect()) {
            readReferenceData(c);
            reserve(c);
            indexes = keepIndexes ? List.of() : dropIndexes(c);
        }
        log("%,d tickets from id %d, serials from %d; %,d residents from id %d; %d places, %d categories, %d partners,"
                + " %d volunteers", count, ticketBase, serialBase, residents, residentBase, places.size(),
                categories.length, partners.length, volunteers.length);
        copy("resident", "resident (id, phone, name, address, place_id, flags, registered, created_at, updated_at)",
                residents, this::resident);
        // the tickets first (the other tables point at them), then the rest two at a time, one per core
        copy("ticket", "ticket (id, reference, channel, resident_id, category_id, description, place_id, address,"
                + " lat, lon, priority, status, created_at, updated_at, closed_at, survey_requested_at, survey_result,"
                + " survey_answered_at, survey_outcome)", count, this::ticket);
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<?>> loads = new ArrayList<>();
        loads.add(two.submit(() -> copy("timeline_event", "timeline_event (ticket_id, at, kind, actor, channel, detail)",
                count, this::timeline)));
        loads.add(two.submit(() -> {
            copy("assignment", "assignment (id, ticket_id, partner_id, volunteer_id, role, state, reason, offered_at,"
                    + " accept_by, resolve_by, accepted_at, resolved_at, accept_warn_at, resolve_warn_at, overdue_at,"
                    + " closed_reason, decision_us, updated_at)", count, this::assignments);
            copy("inbound_contact", "inbound_contact (channel, external_id, reference, received_at, phone, body,"
                    + " ticket_id, resident_id, created_at)", count, this::contact);
            copy("survey_answer", "survey_answer (ticket_id, assignment_id, outcome, channel, asked_at, answered_at)",
                    count, this::survey);
            return null;
        }));
        for (Future<?> f : loads) {
            f.get();
        }
        two.shutdown();
        try (Connection c = connect()) {
            rebuildIndexes(c, indexes);
            try (Statement st = c.createStatement()) {
                // the queue's rank of the waiting tickets (V131): the ticket's trigger writes it, the load skipped it
                st.executeUpdate("update ticket set queue_rank = null where id >= " + ticketBase + " and id < "
                        + (ticketBase + count) + " and status in ('TRIAGE', 'RECEIVED', 'DISPATCHED', 'REOPENED')");
                for (String t : List.of("resident", "ticket", "timeline_event", "assignment", "inbound_contact",
                        "survey_answer")) {
                    st.execute("analyze " + t);
                }
            }
        }
        log("done in %.1f min", (System.nanoTime() - start) / 6e10);
    }

    static void log(String format, Object... args) {
        System.out.printf("%tT %s%n", System.currentTimeMillis(), String.format(format, args));
        System.out.flush();
    }

    // ------------------------------------------------------------------------------------------ reference data

    void readReferenceData(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet r = st.executeQuery("select count(*) from information_schema.tables where table_name ="
                    + " 'ticket'")) {
                r.next();
                if (r.getInt(1) == 0) {
                    throw new IllegalStateException("no ticket table: start the hub once against this database so its"
                            + " migrations run");
                }
            }
            scaleDistrict(c);
            // compounds and buildings: compounds weigh more (a building's tickets are also its compound's)
            try (ResultSet r = st.executeQuery("select id, type, coalesce(address, name_zh) from place where active and"
                    + " type in ('compound', 'building') order by id")) {
                while (r.next()) {
                    places.add(new long[] {r.getLong(1), r.getString(2).equals("compound") ? 3 : 1});
                    placeAddress.add(r.getString(3));
                }
            }
            categories = ids(st, "select id from catalog_entry order by id");
            partners = ids(st, "select id from partner where active order by id");
            volunteers = ids(st, "select id from volunteer order by id");
        }
        if (places.isEmpty() || categories.length == 0 || partners.length == 0) {
            throw new IllegalStateException("the database has no places, catalog or partners: load reference data first");
        }
        // skewed weights: a few places and categories get most of the tickets
        SplittableRandom r = new SplittableRandom(seed);
        placeCumulative = new long[places.size()];
        long sum = 0;
        for (int i = 0; i < places.size(); i++) {
            sum += places.get(i)[1] * (1 + r.nextInt(20));
            placeCumulative[i] = sum;
        }
        categoryCumulative = new long[categories.length];
        sum = 0;
        for (int i = 0; i < categories.length; i++) {
            sum += Math.round(1000.0 / (1 + (i * 7 % categories.length)));
            categoryCumulative[i] = sum;
        }
    }

    static long[] ids(Statement st, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet r = st.executeQuery(sql)) {
            while (r.next()) {
                ids.add(r.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The demo district scaled up, once: synthetic compounds with a few buildings under every grid. */
    void scaleDistrict(Connection c) throws SQLException {
        if (compoundsPerGrid <= 0) {
            return;
        }
        try (Statement st = c.createStatement()) {
            int added = st.executeUpdate("insert into place (code, type, parent_id, name_zh, name_en, address, lat, lon)"
                    + " select 'GEN-' || g.code || '-' || n, 'compound', g.id, g.name_zh || '第' || n || '小区',"
                    + " coalesce(g.name_en, g.code) || ' Estate ' || n, coalesce(g.name_zh, '') || n || '号院',"
                    + " coalesce(g.lat, 36.06) + (n % 10) * 0.001, coalesce(g.lon, 120.38) + (n / 10) * 0.001"
                    + " from place g cross join generate_series(1, " + compoundsPerGrid + ") n where g.type = 'grid'"
                    + " on conflict (code) do nothing");
            added += st.executeUpdate("insert into place (code, type, parent_id, name_zh, name_en, address, lat, lon)"
                    + " select p.code || '-B' || b, 'building', p.id, p.name_zh || b || '号楼', p.name_en || ' Bldg ' || b,"
                    + " p.address || b || '号楼', p.lat, p.lon from place p cross join generate_series(1, 4) b"
                    + " where p.code like 'GEN-%' and p.type = 'compound' on conflict (code) do nothing");
            if (added > 0) {
                log("scaled the district up: %,d places added", added);
            }
        }
    }

    /** Takes id ranges from the tables' sequences, so the hub's own next rows come after them. */
    void reserve(Connection c) throws SQLException {
        ticketBase = take(c, "ticket_id_seq", count);
        residents = Math.max(1, count / 5);
        residentBase = take(c, "resident_id_seq", residents);
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select coalesce(max(reference), '')"
                + " from ticket where length(reference) = 11 and reference >= '" + REFERENCE_BASE + "'")) {
            r.next();
            String last = r.getString(1);
            serialBase = last.isEmpty() ? REFERENCE_BASE : Long.parseLong(last.substring(0, 10)) + 1;
        }
    }

    static long take(Connection c, String sequence, long n) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select nextval(?), setval(?, nextval(?) + ? - 2)")) {
            st.setString(1, sequence);
            st.setString(2, sequence);
            st.setString(3, sequence);
            st.setLong(4, n);
            try (ResultSet r = st.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ indexes

    List<String> dropIndexes(Connection c) throws SQLException, IOException {
        List<String> defs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("select i.indexname, i.indexdef from"
                + " pg_indexes i where i.schemaname = current_schema() and i.tablename in ('ticket', 'timeline_event',"
                + " 'inbound_contact', 'survey_answer') and not exists (select 1 from pg_constraint k"
                + " where k.conname = i.indexname)")) {
            while (r.next()) {
                names.add(r.getString(1));
                defs.add(r.getString(2));
            }
        }
        Path saved = Path.of("generate-tickets-indexes.sql");
        Files.write(saved, defs.stream().map(d -> d + ";").toList(), StandardCharsets.UTF_8);
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("drop index if exists " + name);
            }
        }
        log("dropped %d secondary indexes for the load (definitions in %s)", names.size(), saved.toAbsolutePath());
        return defs;
    }

    void rebuildIndexes(Connection c, List<String> defs) throws Exception {
        if (defs.isEmpty()) {
            return;
        }
        long t = System.nanoTime();
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<Future<?>> builds = new ArrayList<>();
        for (String def : defs) {
            builds.add(two.submit(() -> {
                try (Connection own = connect(); Statement st = own.createStatement()) {
                    st.execute("set maintenance_work_mem = '512MB'");
                    st.execute(def);
                }
                return null;
            }));
        }
        for (Future<?> f : builds) {
            f.get();
        }
        two.shutdown();
        log("built %d indexes again in %.1f min", defs.size(), (System.nanoTime() - t) / 6e10);
    }

    // ------------------------------------------------------------------------------------------ COPY

    interface Rows {
        void write(long i, StringBuilder out);
    }

    Void copy(String table, String into, long n, Rows rows) throws Exception {
        long t = System.nanoTime();
        try (Connection c = connect()) {
            try (Statement st = c.createStatement()) {
                // the generated rows are consistent by construction: skip per-row foreign-key checks where allowed
                st.execute("set synchronous_commit = off");
                try {
                    st.execute("set session_replication_role = replica");
                } catch (SQLException notSuperuser) {
                    // checked row by row, slower but the same result
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = copy.copyIn("copy " + into + " from stdin");
            StringBuilder out = new StringBuilder(1 << 20);
            for (long i = 0; i < n; i++) {
                rows.write(i, out);
                if (out.length() > (1 << 20) - 4096) {
                    flush(in, out);
                }
                if (i > 0 && i % 1_000_000 == 0) {
                    log("%s: %,d of %,d", table, i, n);
                }
            }
            flush(in, out);
            long written = in.endCopy();
            log("%s: %,d rows in %.1f s", table, written, (System.nanoTime() - t) / 1e9);
        }
        return null;
    }

    static void flush(CopyIn in, StringBuilder out) throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }

    // ------------------------------------------------------------------------------------------ one ticket's story

    /** Everything about ticket {@code i}, the same in every table's pass (seeded by its index). */
    final class Story {
        final long id;
        final SplittableRandom r;
        final String channel;
        final long resident;
        final int category;
        final int place;
        final Instant created;
        final String status;
        final boolean old;
        final String description;
        // the lead assignment
        final boolean dispatched;
        final boolean volunteer;
        final long party;
        final boolean reoffered;
        final Instant offered;
        final Instant accepted;
        final Instant resolved;
        final Instant closed;
        final Instant resolveBy;
        final String outcome;
        final Instant asked;
        final Instant answered;

        Story(long i) {
            id = ticketBase + i;
            r = new SplittableRandom(seed * 31 + i);
            channel = CHANNELS[pick(CHANNEL_WEIGHTS, r)];
            resident = residentBase + (long) (Math.pow(r.nextDouble(), 1.6) * residents);
            category = cumulative(categoryCumulative, r);
            place = cumulative(placeCumulative, r);
            created = when(i, r);
            Duration age = Duration.between(created, now);
            old = age.toDays() > 30;
            double s = r.nextDouble();
            status = old ? (s < 0.90 ? "CLOSED" : s < 0.93 ? "CANCELLED" : s < 0.96 ? "MERGED" : "RESOLVED")
                    : age.toHours() < 2 ? (s < 0.3 ? "RECEIVED" : s < 0.4 ? "TRIAGE" : "DISPATCHED")
                    : (s < 0.05 ? "TRIAGE" : s < 0.15 ? "DISPATCHED" : s < 0.3 ? "ACCEPTED" : s < 0.45 ? "IN_PROGRESS"
                            : s < 0.6 ? "RESOLVED" : "CLOSED");
            description = PROBLEMS[(int) ((category * 7L + r.nextInt(6)) % PROBLEMS.length)]
                    + EXTRAS[r.nextInt(EXTRAS.length)];
            dispatched = !status.equals("RECEIVED") && !status.equals("TRIAGE") && !status.equals("MERGED");
            volunteer = volunteers.length > 0 && r.nextDouble() < 0.08;
            party = volunteer ? volunteers[category % volunteers.length]
                    : partners[(int) ((category * 3L + place) % partners.length)];
            reoffered = r.nextDouble() < 0.07;
            offered = created.plusSeconds(20 + r.nextInt(300) + (reoffered ? 1800 : 0));
            resolveBy = offered.plus(Duration.ofHours(48));
            boolean acceptedYet = dispatched && !status.equals("DISPATCHED");
            accepted = acceptedYet ? offered.plusSeconds(60 + (long) exp(r, 900)) : null;
            boolean resolvedYet = status.equals("RESOLVED") || status.equals("CLOSED");
            resolved = resolvedYet ? accepted.plusSeconds(600 + (long) exp(r, 20 * 3600)) : null;
            closed = status.equals("CLOSED") ? resolved.plusSeconds(3600 + (long) exp(r, 24 * 3600))
                    : status.equals("CANCELLED") || status.equals("MERGED") ? created.plusSeconds(600 + r.nextInt(7200))
                    : null;
            boolean surveyed = status.equals("CLOSED") && r.nextDouble() < 0.75;
            asked = status.equals("CLOSED") ? resolved.plusSeconds(1800) : null;
            outcome = surveyed ? OUTCOMES[pick(OUTCOME_WEIGHTS, r)] : null;
            answered = surveyed ? asked.plusSeconds(60 + r.nextInt(20_000)) : null;
        }

        String reference() {
            return GenerateTickets.reference(serialBase + (id - ticketBase));
        }

        Instant updated() {
            return closed != null ? closed : resolved != null ? resolved : accepted != null ? accepted
                    : dispatched ? offered : created;
        }
    }

    static String reference(long serial) {
        String body = Long.toString(serial);
        int sum = 0;
        boolean doubleIt = true;
        for (int k = body.length() - 1; k >= 0; k--) {
            int d = body.charAt(k) - '0';
            if (doubleIt) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return body + (10 - sum % 10) % 10;
    }

    static int pick(double[] weights, SplittableRandom r) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    static int cumulative(long[] cumulative, SplittableRandom r) {
        long x = r.nextLong(cumulative[cumulative.length - 1]);
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    static double exp(SplittableRandom r, double mean) {
        return -mean * Math.log(1 - r.nextDouble());
    }

    /**
     * How many contacts each day of the years gets relative to the others, oldest day first (weekends a little
     * quieter, a surge day now and then), summed: ticket {@code i}'s day is where its share of the count falls.
     */
    private final double[] dayCumulative;

    /**
     * A contact's time, in the order of the tickets' ids as a hub files them (a month's tickets lie together in the
     * table, as in a hub's own database): ticket {@code i}'s day is the day where its share of the count falls in the
     * days' weights, its hour drawn by the hotline's hours.
     */
    static double[] dayWeights(int days) {
        double[] c = new double[days];
        double sum = 0;
        for (int k = 0; k < days; k++) {
            long ago = days - 1 - k;
            sum += (ago % 7 >= 5 ? 0.75 : 1.0) * (ago % 97 == 3 ? 1.0 : 0.98);
            c[k] = sum;
        }
        return c;
    }

    Instant when(long i, SplittableRandom r) {
        int days = dayCumulative.length;
        double target = (i + r.nextDouble()) / count * dayCumulative[days - 1];
        int k = Arrays.binarySearch(dayCumulative, target);
        k = Math.min(days - 1, k >= 0 ? k : -k - 1);
        ZonedDateTime d = now.atZone(ZONE).toLocalDate().minusDays(days - 1 - k).atStartOfDay(ZONE);
        Instant at = d.plusHours(pick(HOUR_WEIGHTS, r)).plusSeconds(r.nextInt(3600)).toInstant();
        return at.isAfter(now) ? now.minusSeconds(r.nextInt(3600) + 1) : at;
    }

    // ------------------------------------------------------------------------------------------ rows

    static void ts(StringBuilder out, Instant at) {
        if (at == null) {
            out.append("\\N");
        } else {
            out.append(TS.format(at.atZone(ZONE)));
        }
    }

    static StringBuilder tab(StringBuilder out) {
        return out.append('\t');
    }

    static String phone(long resident) {
        return "+86170" + String.format("%08d", resident % 100_000_000);
    }

    void resident(long i, StringBuilder out) {
        long id = residentBase + i;
        SplittableRandom r = new SplittableRandom(seed * 17 + i);
        int place = cumulative(placeCumulative, r);
        double f = r.nextDouble();
        String flags = f < 0.06 ? "{elderly}" : f < 0.08 ? "{disabled}" : f < 0.09 ? "{elderly,disabled}" : "{}";
        Instant created = now.minus(Duration.ofDays(r.nextInt(years * 365 + 1)));
        out.append(id).append('\t').append(phone(id)).append('\t').append(f < 0.5 ? "居民" + (id % 10_000) : "\\N");
        tab(out).append(placeAddress.get(place)).append(r.nextInt(30) + 1).append("号");
        tab(out).append(places.get(place)[0]);
        tab(out).append(flags);
        tab(out).append(!flags.equals("{}"));
        tab(out);
        ts(out, created);
        tab(out);
        ts(out, created);
        out.append('\n');
    }

    void ticket(long i, StringBuilder out) {
        Story s = new Story(i);
        out.append(s.id).append('\t').append(s.reference()).append('\t').append(s.channel);
        tab(out).append(s.resident);
        tab(out).append(s.status.equals("RECEIVED") ? "\\N" : String.valueOf(categories[s.category]));
        tab(out).append(s.description);
        tab(out).append(places.get(s.place)[0]);
        tab(out).append(placeAddress.get(s.place));
        tab(out).append(36.05 + (s.place % 50) * 0.0004);
        tab(out).append(120.35 + (s.place / 50) * 0.0004);
        tab(out).append(s.r.nextDouble() < 0.08 ? "high" : "normal");
        tab(out).append(s.status);
        tab(out);
        ts(out, s.created);
        tab(out);
        ts(out, s.updated());
        tab(out);
        ts(out, s.closed);
        tab(out);
        ts(out, s.asked);
        tab(out).append(s.outcome == null ? "\\N" : s.outcome);
        tab(out);
        ts(out, s.answered);
        tab(out).append(s.outcome == null ? "\\N" : s.outcome);
        out.append('\n');
    }

    void timeline(long i, StringBuilder out) {
        Story s = new Story(i);
        BiConsumer<Instant, String[]> event = (at, e) -> {
            out.append(s.id).append('\t');
            ts(out, at);
            out.append('\t').append(e[0]).append('\t').append(e[1]).append('\t').append(e.length > 3 ? e[3] : "\\N")
                    .append('\t').append(e[2]).append('\n');
        };
        event.accept(s.created, new String[] {"RECEIVED", "intake", "来自" + s.channel + "的反映", s.channel});
        if (s.status.equals("RECEIVED")) {
            return;
        }
        event.accept(s.created.plusMillis(40), new String[] {"CLASSIFIED", "hub", "按关键词分类"});
        event.accept(s.created.plusMillis(60), new String[] {"LOCATED", "hub", "定位到小区"});
        if (s.status.equals("TRIAGE")) {
            event.accept(s.created.plusMillis(80), new String[] {"TRIAGE", "hub", "待人工分拣"});
            return;
        }
        if (s.status.equals("MERGED")) {
            event.accept(s.closed, new String[] {"MERGED", "operator", "与相同事件合并办理"});
            return;
        }
        if (s.reoffered) {
            event.accept(s.created.plusSeconds(20), new String[] {"DISPATCHED", "hub:dispatch", "按规则派单"});
            event.accept(s.created.plusSeconds(1820), new String[] {"EXPIRED", "hub:deadlines", "签收超时，改派"});
        }
        event.accept(s.offered, new String[] {"DISPATCHED", "hub:dispatch", "按规则派单"});
        event.accept(s.offered.plusSeconds(2), new String[] {"DELIVERED", "hub:delivery", "已送达"});
        if (s.status.equals("CANCELLED")) {
            event.accept(s.closed, new String[] {"CANCELLED", "operator", "居民撤销"});
            return;
        }
        if (s.accepted == null) {
            return;
        }
        event.accept(s.accepted, new String[] {"ACCEPTED", "partner", "已签收"});
        if (s.resolved == null) {
            if (s.status.equals("IN_PROGRESS")) {
                event.accept(s.accepted.plusSeconds(600), new String[] {"PROGRESS", "partner", "师傅已出发"});
            }
            return;
        }
        event.accept(s.accepted.plusSeconds(300), new String[] {"PROGRESS", "partner", "师傅已出发"});
        event.accept(s.resolved, new String[] {"RESOLVED", "partner", "已处理完毕"});
        if (s.asked != null) {
            event.accept(s.asked, new String[] {"SURVEY_REQUESTED", "hub:survey", "已发送回访"});
            event.accept(s.answered != null ? s.answered : s.closed, s.answered != null
                    ? new String[] {"SURVEY_ANSWERED", "resident", "回访结果：" + s.outcome}
                    : new String[] {"SURVEY_NO_REPLY", "hub:survey", "回访无应答，已结案"});
        }
    }

    void assignments(long i, StringBuilder out) {
        Story s = new Story(i);
        if (!s.dispatched) {
            return;
        }
        if (s.reoffered && !s.volunteer) {
            Instant first = s.created.plusSeconds(20);
            long other = partners[(int) ((s.party + 1) % partners.length)];
            assignment(out, s.id * 2, s.id, other, false, "EXPIRED", first, null, null, null, "not accepted in time");
        }
        String state = switch (s.status) {
            case "DISPATCHED" -> "OFFERED";
            case "ACCEPTED" -> "ACCEPTED";
            case "IN_PROGRESS" -> "IN_PROGRESS";
            case "CANCELLED" -> "CANCELLED";
            default -> "RESOLVED";
        };
        Instant overdue = s.resolved != null && s.resolved.isAfter(s.resolveBy) ? s.resolveBy : null;
        assignment(out, s.id * 2 + 1, s.id, s.party, s.volunteer, state, s.offered, s.accepted, s.resolved, overdue,
                null);
    }

    /** Assignment ids are ticket id × 2 (+1 for the lead), far above the hub's own blocks of assignment ids. */
    void assignment(StringBuilder out, long id, long ticket, long party, boolean volunteer, String state,
            Instant offered, Instant accepted, Instant resolved, Instant overdue, String closedReason) {
        Instant resolveBy = offered.plus(Duration.ofHours(48));
        out.append(id + 4_000_000_000_000L).append('\t').append(ticket);
        tab(out).append(volunteer ? "\\N" : String.valueOf(party));
        tab(out).append(volunteer ? String.valueOf(party) : "\\N");
        tab(out).append("lead\t").append(state).append("\trule\t");
        ts(out, offered);
        tab(out);
        ts(out, offered.plus(Duration.ofMinutes(30)));
        tab(out);
        ts(out, resolveBy);
        tab(out);
        ts(out, accepted);
        tab(out);
        ts(out, resolved);
        tab(out);
        ts(out, offered.plus(Duration.ofMinutes(20)));
        tab(out);
        ts(out, resolveBy.minus(Duration.ofHours(4)));
        tab(out);
        ts(out, overdue);
        tab(out).append(closedReason == null ? "\\N" : closedReason);
        tab(out).append(200 + (ticket % 1800));
        tab(out);
        ts(out, resolved != null ? resolved : accepted != null ? accepted : offered);
        out.append('\n');
    }

    void contact(long i, StringBuilder out) {
        Story s = new Story(i);
        String external = switch (s.channel) {
            case "SMS" -> "SM" + String.format("%032x", s.id);
            case "VOICE" -> "CA" + String.format("%032x", s.id);
            default -> "gen-" + s.id;
        };
        out.append(s.channel).append('\t').append(external).append('\t').append(s.reference()).append('\t');
        ts(out, s.created);
        tab(out).append(s.channel.equals("WECHAT") ? "\\N" : phone(s.resident));
        tab(out).append(s.description);
        tab(out).append(s.id);
        tab(out).append(s.resident);
        tab(out);
        ts(out, s.created);
        out.append('\n');
    }

    void survey(long i, StringBuilder out) {
        Story s = new Story(i);
        if (s.outcome == null) {
            return;
        }
        out.append(s.id).append('\t').append(s.id * 2 + 1 + 4_000_000_000_000L).append('\t').append(s.outcome);
        tab(out).append(s.channel.equals("WECHAT") ? "WECHAT" : "SMS");
        tab(out);
        ts(out, s.asked);
        tab(out);
        ts(out, s.answered);
        out.append('\n');
    }
}
