#!/usr/bin/env python3
"""Times what operators and supervisors read, against a running hub (targets.md P5: p95 <= 100 ms at 10 M tickets).

    bench/p5-queries.py [--base http://127.0.0.1:8080] [--user supervisor] [--password demo-supervisor-pass]
                        [--runs 20] [--deep 50] [--json FILE] [--only WORDS] [--skip WORDS] [--timeout 300]

It signs in once (the session cookie, as the console does: HTTP Basic would pay a bcrypt hash on every request), then
asks each question --runs times and prints p50 / p95 / max in ms with the size of the answer:
  - the ticket list: the first page, and --deep pages further by the keyset cursor (`next` passed back as `cursor`);
  - every filter of /api/v1/tickets: status, category, place, partner, channel, a month's dates, and two together;
  - full-text search: a common phrase, a rare one, a reference number;
  - one ticket's detail, for references spread over the whole table;
  - the live queue and the supervision lists of the console;
  - the three rates and the rankings for a past month, a past year, the current month (still changing), and the
    default period (the 90 days up to now, whose first and last days are partial and whose last ones still change);
--only WORDS times only the questions whose label contains WORDS ("rat" for the rates and rankings), --skip WORDS all
but those; --timeout is the seconds one answer may take.
The categories, places, partners and references it asks about are read from the hub's own answers. Python 3 only.
"""
import argparse
import datetime
import http.cookiejar
import json
import random
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", default="http://127.0.0.1:8080")
    ap.add_argument("--user", default="supervisor")
    ap.add_argument("--password", default="demo-supervisor-pass")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--deep", type=int, default=50)
    ap.add_argument("--json")
    ap.add_argument("--only")
    ap.add_argument("--skip")
    ap.add_argument("--timeout", type=float, default=300)
    a = ap.parse_args()

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(path, accept="application/json"):
        req = urllib.request.Request(a.base + path, headers={"Accept": accept})
        t = time.perf_counter()
        try:
            with opener.open(req, timeout=a.timeout) as r:
                body = r.read()
                status = r.status
        except urllib.error.HTTPError as e:
            body, status = e.read(), e.code
        return (time.perf_counter() - t) * 1000, status, body

    # sign in like the console's form
    form = urllib.parse.urlencode({"j_username": a.user, "j_password": a.password}).encode()
    opener.open(urllib.request.Request(a.base + "/j_security_check", data=form,
                                       headers={"Content-Type": "application/x-www-form-urlencoded",
                                                "Origin": a.base}), timeout=30)
    if not any(c.name == "hub-session" for c in jar):
        sys.exit("sign-in failed: no hub-session cookie (user, password?)")

    results = []

    def measure(label, paths, accept="application/json"):
        if (a.only and a.only not in label) or (a.skip and a.skip in label):
            return None
        times, sizes, bad = [], [], 0
        for i in range(a.runs):
            path = paths[i % len(paths)] if isinstance(paths, list) else paths
            ms, status, body = get(path, accept)
            if status != 200:
                bad += 1
            times.append(ms)
            sizes.append(len(body))
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        row = {"query": label, "p50_ms": round(statistics.median(times), 1), "p95_ms": round(p95, 1),
               "max_ms": round(times[-1], 1), "bytes": int(statistics.median(sizes)), "non_200": bad}
        results.append(row)
        print(f"{label:58s} p50 {row['p50_ms']:8.1f}  p95 {row['p95_ms']:8.1f}  max {row['max_ms']:8.1f} ms"
              f"  {row['bytes']:>8d} B{'  NON-200: ' + str(bad) if bad else ''}", flush=True)
        return row

    def items(body):
        doc = json.loads(body)
        return doc if isinstance(doc, list) else doc.get("items", doc.get("tickets", []))

    # what to ask about, from the hub's own answers
    _, _, first = get("/api/v1/tickets")
    page = json.loads(first)
    sample = items(first)
    if not sample:
        sys.exit("the hub has no tickets: generate some first (bench/generate-tickets.sh)")
    t0 = sample[0]
    category = t0.get("category") or "property-repair"
    place = t0.get("place") or t0.get("compound")

    # deep pages by the keyset cursor
    cursors, nxt = [], page.get("next")
    while nxt and len(cursors) < a.deep:
        cursors.append(nxt)
        _, _, body = get("/api/v1/tickets?cursor=" + urllib.parse.quote(nxt))
        nxt = json.loads(body).get("next")
    references = [t["reference"] for t in sample]
    # references spread over the table: the last page of each filter by status gives older ones
    for status in ("CLOSED", "RESOLVED", "DISPATCHED"):
        _, _, body = get("/api/v1/tickets?status=" + status)
        references += [t["reference"] for t in items(body)[:5]]
    random.seed(1)
    random.shuffle(references)

    measure("ticket list, first page", "/api/v1/tickets")
    if cursors:
        measure(f"ticket list, pages 2..{len(cursors) + 1} by cursor",
                ["/api/v1/tickets?cursor=" + urllib.parse.quote(c) for c in cursors])
    month_from = time.strftime("%Y-%m-01", time.localtime(time.time() - 40 * 86400))
    month_to = time.strftime("%Y-%m-01", time.localtime(time.time() - 10 * 86400))
    for label, q in [("status=CLOSED", "status=CLOSED"), ("status=DISPATCHED", "status=DISPATCHED"),
                     ("category", "category=" + urllib.parse.quote(category)),
                     ("place", "place=" + urllib.parse.quote(place or "")),
                     ("partner", "partner=" + urllib.parse.quote(t0.get("partner") or "PF-HAIYUN")),
                     ("channel=SMS", "channel=SMS"), ("a month (from, to)", f"from={month_from}&to={month_to}"),
                     ("status=CLOSED and channel=WECHAT", "status=CLOSED&channel=WECHAT"),
                     ("category and a month", f"category={urllib.parse.quote(category)}&from={month_from}"
                                              f"&to={month_to}")]:
        measure("filter " + label, "/api/v1/tickets?" + q)
    for label, q in [("common phrase", "漏水"), ("rare phrase", "充电桩坏了"), ("reference", references[0])]:
        measure("search " + label, "/api/v1/tickets?q=" + urllib.parse.quote(q))
    measure("one ticket's detail", ["/api/v1/tickets/" + r for r in references])
    measure("live queue (console)", "/console/queue/items", "text/html")
    measure("supervision: overview (console)", "/console/supervision", "text/html")
    measure("supervision: partners (console)", "/console/supervision/partners", "text/html")
    # the rates' "to" is the period's last day, included (RateQueryParams)
    today = datetime.date.today()

    def last_day(first):
        return (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)

    past_month = (today - datetime.timedelta(days=40)).replace(day=1)
    this_month = today.replace(day=1)
    for period, f, t in [("a month", past_month, last_day(past_month)),
                         ("a year", datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)),
                         ("the current month", this_month, last_day(this_month))]:
        measure(f"rates by partner, {period}", f"/api/v1/rates?by=partner&from={f}&to={t}")
        measure(f"ranking, {period}", f"/api/v1/rates/ranking?from={f}&to={t}")
    measure("rates by partner, the default 90 days", "/api/v1/rates?by=partner")
    measure("ranking, the default 90 days", "/api/v1/rates/ranking")

    if a.json:
        with open(a.json, "w") as out:
            json.dump(results, out, ensure_ascii=False, indent=1)
    worst = max(results, key=lambda r: r["p95_ms"])
    print(f"# slowest p95: {worst['query']} {worst['p95_ms']} ms (target P5: 100 ms)")


if __name__ == "__main__":
    main()
