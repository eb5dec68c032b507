#!/usr/bin/env python3
"""Summarizes one bench/run-intake.sh results directory: prints markdown, writes summary.json and chart.svg next to it.

    python3 bench/summarize.py bench/results/<timestamp> [--chart-to PATH]

chart.svg shows rate and latency over time (from series-*.tsv, db-stage-per-second.tsv and the recovery probes);
--chart-to also copies it to PATH. Standard library only. Every number comes from the raw files in the directory, so
the summary and the chart can be rebuilt.
"""
import json
import math
import os
import re
import shutil
import sys
from collections import defaultdict
from xml.sax.saxutils import escape


def read(path, default=None):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return default


def tsv(path):
    text = read(path)
    if not text:
        return []
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def fnum(s):
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


def pct(values, q):
    if not values:
        return None
    v = sorted(values)
    k = max(0, min(len(v) - 1, math.ceil(q * len(v)) - 1))
    return v[k]


def fmt(x, digits=0):
    if x is None:
        return "n/a"
    if isinstance(x, str):
        return x
    return f"{x:,.{digits}f}"


def pgbench_tps(path):
    text = read(path)
    if not text:
        return None, None, None
    m = re.search(r"^tps = ([0-9.]+) \(without initial connection time\)", text, re.M)
    lat = re.search(r"^latency average = ([0-9.]+) ms", text, re.M)
    server = text.splitlines()[0] if text.startswith("server ") else None
    return (float(m.group(1)) if m else None), (float(lat.group(1)) if lat else None), server


def artemis_rate(path):
    text = read(path)
    if not text:
        return None
    try:
        samples = json.loads(text)
    except ValueError:
        return None
    intervals = [s for s in samples if s.get("sampleType") == "interval"]
    warm = [s for s in intervals if s.get("warmup")]
    meas = [s for s in intervals if not s.get("warmup")]
    if len(meas) < 2:
        return None
    t0 = (warm[-1]["time"] if warm else meas[0]["time"]) / 1000.0
    t1 = meas[-1]["time"] / 1000.0
    sent = sum(s.get("sent", 0) for s in meas)
    received = sum(s.get("received", 0) for s in meas)
    summary = next((s for s in samples if s.get("sampleType") == "summary"), {})
    send_time = summary.get("totalSendTime", {})
    return {
        "sent_per_s": sent / (t1 - t0),
        "received_per_s": received / (t1 - t0),
        "send_receive_per_s": min(sent, received) / (t1 - t0),
        "measured_s": t1 - t0,
        "send_time_p50_us": send_time.get("50"),
        "send_time_p99_us": send_time.get("99"),
        "result": summary.get("result"),
    }


def delivered_rate(tickets):
    """Tickets with every partner webhook delivered, per second from the first receipt to the last delivery."""
    done = [t for t in tickets if t["delivered"] is not None and t["deliveries"]
            and all(x == "DELIVERED" for x in t["deliveries"])]
    first = min((t["created"] for t in tickets if t["created"] is not None), default=None)
    last = max((t["delivered"] for t in done), default=None)
    if first is None or last is None or last <= first:
        return {"delivered": len(done), "per_s": None, "span_s": None}
    return {"delivered": len(done), "per_s": len(done) / (last - first), "span_s": last - first}


def read_series(out):
    """Per epoch second, summed over every series-*.tsv: sent, 2xx, 503, 429, other, errors, latency p50/p99 (ms)."""
    rows = {}
    for name in sorted(os.listdir(out)):
        if not (name.startswith("series-") and name.endswith(".tsv")):
            continue
        table = tsv(os.path.join(out, name))
        if not table:
            continue
        head = table[0]
        for r in table[1:]:
            d = dict(zip(head, r))
            t = int(d["epoch"])
            counts = {k: int(d.get(k) or 0) for k in ("sent", "ok_2xx", "status_503", "status_429", "status_other", "errors")}
            lat = {k: fnum(d.get(k)) for k in ("p50_ms", "p99_ms", "ok_p50_ms", "ok_p99_ms")}
            answers = counts["ok_2xx"] + counts["status_503"] + counts["status_429"] + counts["status_other"]
            if t in rows:  # two runs in one second: add the counts, keep the latencies of the one with more answers
                prev = rows[t]
                if answers > prev["answers"]:
                    prev.update(lat)
                for k, v in counts.items():
                    prev[k] += v
                prev["answers"] += answers
            else:
                rows[t] = {**counts, **lat, "answers": answers}
    return rows


def read_probes(out):
    """Every recovery probe: (answered at, seconds, status)."""
    probes = []
    for name in sorted(os.listdir(out)):
        if name.startswith("recovery-") and name.endswith(".tsv"):
            for r in tsv(os.path.join(out, name))[1:]:
                if len(r) >= 3 and fnum(r[0]) is not None and fnum(r[2]) is not None:
                    probes.append((fnum(r[0]) + fnum(r[2]), fnum(r[2]), r[1]))
    return probes


def nice_step(span, target):
    """A 1-2-5 step giving about `target` ticks over span."""
    raw = max(span, 1e-9) / target
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def chart_svg(out, phases, runs, per_sec, recovery):
    """Rate (top) and latency (bottom, log scale) per second over the run, phases shaded, recoveries marked."""
    series = read_series(out)
    probes = read_probes(out)
    if not series and not per_sec:
        return None
    t0 = phases[0]["start"] if phases else min(series) if series else min(min(v) for v in per_sec.values() if v)
    t0 = math.floor(t0)
    ends = [max(series)] if series else []
    ends += [max(v) for k, v in per_sec.items() if v and k in ("RECEIVED", "DISPATCHED", "DELIVERED")]
    ends += [p["end"] for p in phases] + [a for a, _, _ in probes]
    t_max = max(ends) + 1 - t0 if ends else 1
    t_max = max(t_max, 1)

    W, H = 1100, 760
    left, right = 72, 24
    top_y0, top_h = 92, 320     # rate panel: y from top_y0 to top_y0 + top_h
    bot_y0, bot_h = 500, 200    # latency panel
    pw = W - left - right

    def x(t):
        return left + pw * (t - t0) / t_max

    rate_lines = [  # (label, colour, dash, {epoch: value})
        ("offered (sent)", "#7f7f7f", "", {t: r["sent"] for t, r in series.items()}),
        ("acknowledged (2xx)", "#2ca02c", "", {t: r["ok_2xx"] for t, r in series.items()}),
        ("503", "#ff7f0e", "", {t: r["status_503"] for t, r in series.items()}),
        ("429", "#9467bd", "", {t: r["status_429"] for t, r in series.items()}),
    ]
    if any(r["status_other"] + r["errors"] for r in series.values()):
        rate_lines.append(("other status / error", "#d62728", "", {t: r["status_other"] + r["errors"] for t, r in series.items()}))
    stage_names = {"RECEIVED": ("ticket committed (RECEIVED)", "#1f77b4"), "DISPATCHED": ("dispatched", "#17becf"),
                   "DELIVERED": ("webhook delivered", "#000000")}
    stage_secs = [t for k in stage_names for t in per_sec.get(k, {})]
    for kind, (label, colour) in stage_names.items():
        if per_sec.get(kind):  # a second without an event of this stage is a real zero while the pipeline ran
            rate_lines.append((label, colour, "5,3", {t: per_sec[kind].get(t, 0)
                                                       for t in range(min(stage_secs), max(stage_secs) + 1)}))
    visible = [v for _, _, _, d in rate_lines for t, v in d.items() if 0 <= t - t0 <= t_max]
    y_top = max(visible + [1])
    y_step = nice_step(y_top, 6)
    y_top = math.ceil(y_top / y_step) * y_step

    def y_rate(v):
        return top_y0 + top_h - top_h * v / y_top

    lat_vals = [v for t, r in series.items() if 0 <= t - t0 <= t_max for v in (r["p50_ms"], r["p99_ms"], r["ok_p99_ms"])
                if v] + [1000 * s for at, s, _ in probes if s > 0 and 0 <= at - t0 <= t_max] + [1000.0]
    lo_dec = math.floor(math.log10(max(min(lat_vals), 0.1)))
    hi_dec = math.ceil(math.log10(max(lat_vals)))
    hi_dec = max(hi_dec, lo_dec + 1)

    def y_lat(ms):
        ms = min(max(ms, 10 ** lo_dec), 10 ** hi_dec)
        return bot_y0 + bot_h - bot_h * (math.log10(ms) - lo_dec) / (hi_dec - lo_dec)

    o = []
    o.append(f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
             'font-family="DejaVu Sans, Arial, sans-serif" font-size="12">')
    o.append(f'<rect width="{W}" height="{H}" fill="#ffffff"/>')
    o.append(f'<text x="{left}" y="22" font-size="16" font-weight="bold">Hotline Hub intake: rate and latency per second'
             f' — {escape(os.path.basename(os.path.abspath(out)))}</text>')

    # phases: shaded bands across both panels, the measured window in a darker shade, labels above the rate panel
    for ph in phases:
        xa, xb = x(ph["start"]), x(ph["end"])
        for y0, h in ((top_y0, top_h), (bot_y0, bot_h)):
            o.append(f'<rect x="{xa:.1f}" y="{y0}" width="{max(xb - xa, 1):.1f}" height="{h}" fill="#f2f2f2"/>')
    for r in runs:  # measured windows (a step phase has one per step); the pre-warm is left of the chart
        ws, we = r.get("window_start_epoch_ms"), r.get("window_end_epoch_ms")
        if r.get("type") == "run" and ws and we and ws / 1000 >= t0:
            xa2, xb2 = x(ws / 1000), x(min(we / 1000, t0 + t_max))
            for y0, h in ((top_y0, top_h), (bot_y0, bot_h)):
                o.append(f'<rect x="{xa2:.1f}" y="{y0}" width="{max(xb2 - xa2, 1):.1f}" height="{h}" fill="#e3e3ea"/>')
    for i, ph in enumerate(phases):
        xa, xb = x(ph["start"]), x(ph["end"])
        for xv in (xa, xb):
            o.append(f'<line x1="{xv:.1f}" y1="{top_y0 - 14}" x2="{xv:.1f}" y2="{bot_y0 + bot_h}" stroke="#999999" '
                     'stroke-width="0.8"/>')
        o.append(f'<text x="{xa + 3:.1f}" y="{top_y0 - 4 - 12 * (i % 2)}" font-size="11" fill="#333333">'
                 f'{escape(ph["label"])}</text>')
    # recoveries: when a probe report was acknowledged in < 1 s again after the end of a phase's load
    for rec in recovery:
        if rec.get("load_end_epoch") is None:
            continue
        xe = x(rec["load_end_epoch"])
        if rec.get("recovered_epoch") is not None:
            xr = x(rec["recovered_epoch"])
            text, colour = f'fast 202 after {rec["recovered_s"]:.1f} s', "#2ca02c"
        else:  # the probes' time, bounded by the chart
            xr = min(x(rec["load_end_epoch"] + (rec.get("probes") or 0) * 0.2), left + pw)
            text, colour = f'no fast 202 in {(rec.get("probes") or 0) * 0.2:.0f} s of probes', "#d62728"
        o.append(f'<line x1="{xr:.1f}" y1="{top_y0}" x2="{xr:.1f}" y2="{bot_y0 + bot_h}" stroke="{colour}" '
                 'stroke-width="1.2" stroke-dasharray="2,3"/>')
        o.append(f'<line x1="{xe:.1f}" y1="{bot_y0 + bot_h - 4}" x2="{xr:.1f}" y2="{bot_y0 + bot_h - 4}" '
                 f'stroke="{colour}" stroke-width="3"/>')
        o.append(f'<text x="{(xr if rec.get("recovered_epoch") is not None else xe) + 3:.1f}" y="{bot_y0 + bot_h - 8}" '
                 f'font-size="11" fill="{colour}">{escape(text)}</text>')

    # axes, grid, ticks
    x_step = nice_step(t_max, 12)
    for y0, h in ((top_y0, top_h), (bot_y0, bot_h)):
        o.append(f'<rect x="{left}" y="{y0}" width="{pw}" height="{h}" fill="none" stroke="#333333"/>')
        k = 0
        while k * x_step <= t_max + 1e-9:
            xv = x(t0 + k * x_step)
            o.append(f'<line x1="{xv:.1f}" y1="{y0 + h}" x2="{xv:.1f}" y2="{y0 + h + 4}" stroke="#333333"/>')
            o.append(f'<text x="{xv:.1f}" y="{y0 + h + 16}" text-anchor="middle">{k * x_step:g}</text>')
            k += 1
    o.append(f'<text x="{left + pw / 2}" y="{bot_y0 + bot_h + 34}" text-anchor="middle">seconds since the start of the '
             'first phase (grey: a phase incl. its warm-up and drain of open requests; darker: its measured window)</text>')
    v = 0
    while v <= y_top + 1e-9:
        yv = y_rate(v)
        o.append(f'<line x1="{left}" y1="{yv:.1f}" x2="{left + pw}" y2="{yv:.1f}" stroke="#dddddd" stroke-width="0.6"/>')
        o.append(f'<text x="{left - 6}" y="{yv + 4:.1f}" text-anchor="end">{v:g}</text>')
        v += y_step
    o.append(f'<text transform="translate(18,{top_y0 + top_h / 2}) rotate(-90)" text-anchor="middle">per second</text>')
    for dec in range(lo_dec, hi_dec + 1):
        yv = y_lat(10 ** dec)
        label = f"{10 ** dec:g} ms" if dec < 3 else f"{10 ** (dec - 3):g} s"
        o.append(f'<line x1="{left}" y1="{yv:.1f}" x2="{left + pw}" y2="{yv:.1f}" stroke="#dddddd" stroke-width="0.6"/>')
        o.append(f'<text x="{left - 6}" y="{yv + 4:.1f}" text-anchor="end">{label}</text>')
    o.append(f'<line x1="{left}" y1="{y_lat(1000):.1f}" x2="{left + pw}" y2="{y_lat(1000):.1f}" stroke="#d62728" '
             'stroke-width="0.8" stroke-dasharray="6,4"/>')
    o.append(f'<text transform="translate(18,{bot_y0 + bot_h / 2}) rotate(-90)" text-anchor="middle">latency (log)</text>')

    def polylines(points, colour, dash, width=1.4):
        """Consecutive seconds joined; a gap of more than one second breaks the line."""
        run, prev = [], None
        out_lines = []
        for t, xv, yv in points:
            if prev is not None and t - prev > 1:
                out_lines.append(run)
                run = []
            run.append(f"{xv:.1f},{yv:.1f}")
            prev = t
        out_lines.append(run)
        for r in out_lines:
            if len(r) == 1:
                cx, cy = r[0].split(",")
                o.append(f'<circle cx="{cx}" cy="{cy}" r="1.6" fill="{colour}"/>')
            elif r:
                o.append(f'<polyline fill="none" stroke="{colour}" stroke-width="{width}"'
                         + (f' stroke-dasharray="{dash}"' if dash else "") + f' points="{" ".join(r)}"/>')

    for _, colour, dash, data in rate_lines:
        polylines([(t, x(t + 0.5), y_rate(v)) for t, v in sorted(data.items()) if 0 <= t + 0.5 - t0 <= t_max],
                  colour, dash)
    lat_lines = [("answers p50", "#1f77b4", "", "p50_ms"), ("answers p99", "#d62728", "", "p99_ms"),
                 ("2xx p99", "#8c564b", "4,3", "ok_p99_ms")]
    for _, colour, dash, key in lat_lines:
        polylines([(t, x(t + 0.5), y_lat(r[key])) for t, r in sorted(series.items())
                   if r.get(key) and 0 <= t + 0.5 - t0 <= t_max], colour, dash)
    for at, secs, status in probes:
        if 0 <= at - t0 <= t_max:
            fill = "#000000" if status == "202" else "#ff7f0e"
            o.append(f'<circle cx="{x(at):.1f}" cy="{y_lat(max(secs, 1e-4) * 1000):.1f}" r="2.2" fill="{fill}"/>')

    def legend(y, items):
        xv = left
        for label, colour, dash, kind in items:
            if kind == "dot":
                o.append(f'<circle cx="{xv + 9}" cy="{y - 4}" r="3" fill="{colour}"/>')
            else:
                o.append(f'<line x1="{xv}" y1="{y - 4}" x2="{xv + 18}" y2="{y - 4}" stroke="{colour}" stroke-width="2"'
                         + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
            o.append(f'<text x="{xv + 23}" y="{y}">{escape(label)}</text>')
            xv += 30 + 6.6 * len(label)

    o.append(f'<text x="{left}" y="46" font-weight="bold">Requests per second (HTTP answers by status, pipeline stages'
             ' from the database)</text>')
    legend(64, [(lbl, c, d, "line") for lbl, c, d, _ in rate_lines])
    o.append(f'<text x="{left}" y="{bot_y0 - 40}" font-weight="bold">Latency of the answers completed in each second'
             ' (from the scheduled send); dots: recovery probes</text>')
    legend(bot_y0 - 20, [(lbl, c, d, "line") for lbl, c, d, _ in lat_lines]
           + [("probe 202", "#000000", "", "dot"), ("probe other", "#ff7f0e", "", "dot"),
              ("1 s", "#d62728", "6,4", "line")])
    o.append("</svg>")
    return "\n".join(o) + "\n"


def main(out, chart_to=None):
    s = {"dir": out}
    machine = {}
    for line in (read(os.path.join(out, "machine.txt"), "") or "").splitlines():
        if ": " in line:
            k, v = line.split(": ", 1)
            machine[k.strip()] = v.strip()
    s["machine"] = machine

    # ---- ceilings
    pg_tps, pg_lat, pg_server = pgbench_tps(os.path.join(out, "ceilings", "pgbench-standalone.txt"))
    pge_tps, pge_lat, pge_server = pgbench_tps(os.path.join(out, "ceilings", "pgbench-embedded.txt"))
    art = artemis_rate(os.path.join(out, "ceilings", "artemis-perf.json"))
    s["ceilings"] = {
        "pgbench_standalone_tps": pg_tps, "pgbench_standalone_latency_ms": pg_lat, "pgbench_standalone_server": pg_server,
        "pgbench_embedded_tps": pge_tps, "pgbench_embedded_latency_ms": pge_lat, "pgbench_embedded_server": pge_server,
        "artemis": art,
    }
    pg_ceiling = pg_tps if pg_tps else pge_tps
    art_ceiling = art["send_receive_per_s"] if art else None
    candidates = [c for c in (pg_ceiling, art_ceiling) if c]
    lower = min(candidates) if candidates else None
    s["ceilings"]["lower"] = lower

    # ---- load phases
    runs = []
    for line in (read(os.path.join(out, "intake.jsonl"), "") or "").splitlines():
        try:
            runs.append(json.loads(line))
        except ValueError:
            pass
    s["runs"] = runs
    phases = []
    for row in tsv(os.path.join(out, "phases.tsv"))[1:]:
        if len(row) >= 6:
            phases.append({"label": row[0], "start": float(row[1]), "end": float(row[2]), "hub_cpu_s": fnum(row[3]),
                           "machine_busy_pct": fnum(row[4]), "drain_s": fnum(row[5]),
                           "hub_pg_cpu_s": fnum(row[6]) if len(row) > 6 else None,
                           "sink_cpu_s": fnum(row[7]) if len(row) > 7 else None,
                           "machine_busy_cpu_s": fnum(row[8]) if len(row) > 8 else None})
    s["phases"] = phases

    # ---- end to end, per phase, from the database dump
    tickets = []
    for row in tsv(os.path.join(out, "db-tickets.tsv")):
        if len(row) < 7:
            continue
        statuses = [x for x in row[6].split(",") if x] if row[6] else []
        t = {"created": fnum(row[1]), "status": row[2], "committed": fnum(row[3]), "offered": fnum(row[4]),
             "delivered": fnum(row[5]), "deliveries": statuses}
        done = None
        if t["status"] == "TRIAGE":
            done = t["committed"]
        elif t["status"] == "DISPATCHED":
            if all(x == "DELIVERED" for x in statuses):
                done = max(x for x in (t["offered"], t["delivered"]) if x is not None) if t["offered"] else None
        t["done"] = done
        tickets.append(t)
    e2e = []
    for p in phases:
        mine = [t for t in tickets if t["created"] is not None and p["start"] <= t["created"] <= p["end"] + 1]
        done = [t for t in mine if t["done"] is not None]
        dispatched = [t for t in mine if t["status"] == "DISPATCHED"]
        last_done = max((t["done"] for t in done), default=None)
        first = min((t["created"] for t in mine), default=None)
        row = {"label": p["label"], "tickets": len(mine), "completed": len(done), "dispatched": len(dispatched),
               "triage": sum(1 for t in mine if t["status"] == "TRIAGE"),
               "still_received": sum(1 for t in mine if t["status"] == "RECEIVED")}
        if first is not None and last_done is not None and last_done > first:
            row["completed_per_s"] = len(done) / (last_done - first)
            row["span_s"] = last_done - first
        row["to_delivered_webhook"] = delivered_rate(mine)
        lat_ticket = [t["committed"] - t["created"] for t in mine if t["committed"] and t["created"]]
        lat_dispatch = [t["offered"] - t["created"] for t in mine if t["offered"] and t["created"]]
        lat_deliv = [t["delivered"] - t["created"] for t in mine if t["delivered"] and t["created"]]
        for name, vals in (("to_ticket_s", lat_ticket), ("to_dispatch_s", lat_dispatch), ("to_delivery_s", lat_deliv)):
            row[name] = {"p50": pct(vals, 0.5), "p99": pct(vals, 0.99), "max": max(vals) if vals else None}
        e2e.append(row)
    s["e2e"] = e2e
    if phases:
        load = [t for t in tickets if t["created"] is not None and phases[0]["start"] <= t["created"] <= phases[-1]["end"] + 1]
        s["carried_to_delivered_webhook"] = delivered_rate(load)

    # ---- recovery after each phase (probe reports every 200 ms until one is acknowledged 202 in < 1 s)
    recovery = []
    for row in tsv(os.path.join(out, "recovery.tsv"))[1:]:
        row += [""] * (6 - len(row))
        recovery.append({"label": row[0], "recovered_s": fnum(row[1]), "probes": int(fnum(row[2]) or 0),
                         "statuses": row[3], "load_end_epoch": fnum(row[4]), "recovered_epoch": fnum(row[5])})
    s["recovery"] = recovery
    surges = []
    for r in runs:
        if r.get("type") == "run" and str(r.get("label", "")).startswith("surge@"):
            o = r.get("outcomes", {})
            failed = {k: v for k, v in o.items() if not (k.startswith("2") or k in ("429", "503"))}
            if r.get("unfinished"):  # still unanswered when the generator gave up waiting
                failed["unfinished"] = r["unfinished"]
            rec = next((x for x in recovery if x["label"] == r["label"]), None)
            surges.append({"label": r["label"], "clients": r.get("concurrency"), "seconds": r.get("duration_s"),
                           "sent": r.get("sent"), "ok_2xx": sum(v for k, v in o.items() if k.startswith("2")),
                           "status_429": o.get("429", 0), "status_503": o.get("503", 0), "failed": failed,
                           "only_2xx_429_503": not failed,
                           "recovered_s": rec["recovered_s"] if rec else None,
                           "recovered_within_10s": bool(rec and rec["recovered_s"] is not None and rec["recovered_s"] <= 10)})
    s["surges"] = surges

    # ---- stage throughput: best 5-second rates of ticket commits, dispatches and deliveries
    per_sec = defaultdict(lambda: defaultdict(int))
    for row in tsv(os.path.join(out, "db-stage-per-second.tsv")):
        if len(row) == 3:
            per_sec[row[0]][int(row[1])] += int(row[2])
    stages = {}
    for kind, series in per_sec.items():
        if not series:
            continue
        lo, hi = min(series), max(series)
        best = 0
        for t in range(lo, hi + 1):
            best = max(best, sum(series.get(t + i, 0) for i in range(10)) / 10)
        stages[kind] = {"total": sum(series.values()), "best_10s_per_s": best, "first": lo, "last": hi}
    s["stages"] = stages

    # ---- memory and GC (P7)
    rss = tsv(os.path.join(out, "hub-rss.tsv"))[1:]
    rss_kb = [fnum(r[1]) for r in rss if len(r) > 2 and fnum(r[1])]
    hwm_kb = [fnum(r[2]) for r in rss if len(r) > 2 and fnum(r[2])]
    gc_log = read(os.path.join(out, "hub-gc.log"), "") or ""
    pauses = [float(m.group(1)) for m in re.finditer(r"Pause.*?([0-9.]+)ms\s*$", gc_log, re.M)]
    heap = [(int(m.group(1)), int(m.group(2))) for m in re.finditer(r"Pause.*?\d+M->(\d+)M\((\d+)M\)", gc_log)]
    s["memory"] = {"rss_end_mb": rss_kb[-1] / 1024 if rss_kb else None, "rss_max_mb": max(rss_kb) / 1024 if rss_kb else None,
                   "rss_hwm_mb": max(hwm_kb) / 1024 if hwm_kb else None, "gc_pauses": len(pauses),
                   "gc_pause_max_ms": max(pauses) if pauses else None,
                   "gc_pause_total_ms": sum(pauses) if pauses else None,
                   "heap_after_gc_max_mb": max(h[0] for h in heap) if heap else None,
                   "heap_committed_max_mb": max(h[1] for h in heap) if heap else None}
    sink = read(os.path.join(out, "sink-stats.json"))
    s["sink_posts"] = json.loads(sink).get("posts") if sink else None
    s["dead_letters"] = (read(os.path.join(out, "db-dead-letters.tsv"), "") or "").strip()
    s["hub_warnings"] = (read(os.path.join(out, "hub-warn-count.txt"), "") or "").strip()

    # ---- database work per ticket (pg_stat_database deltas over the load phases)
    cnt = tsv(os.path.join(out, "db-counters.tsv"))
    if len(cnt) >= 3:
        keys = cnt[0]
        data = cnt[1:]
        a = dict(zip(keys, map(fnum, data[1] if len(data) >= 3 else data[0])))  # after the pre-warm when there was one
        b = dict(zip(keys, map(fnum, data[-1])))
        n = (b["tickets"] or 0) - (a["tickets"] or 0)
        if n > 0:
            s["db_per_ticket"] = {k: (b[k] - a[k]) / n for k in keys if k not in ("epoch", "tickets")
                                  and a.get(k) is not None and b.get(k) is not None}
            s["db_per_ticket"]["tickets"] = n

    # ---- dead-lettering in the log: under load, and while the hub shut down
    hub_log = read(os.path.join(out, "hub.log"))
    if hub_log is None and os.path.exists(os.path.join(out, "hub.log.gz")):
        import gzip
        with gzip.open(os.path.join(out, "hub.log.gz"), "rt", encoding="utf-8", errors="replace") as f:
            hub_log = f.read()
    hub_log = hub_log or ""
    cut = hub_log.find("is shutting down")
    exhausted = [m.start() for m in re.finditer(r"DeadLetterChannel.*On delivery attempt: 4 caught", hub_log)]
    s["dead_lettered_in_log"] = {"before_shutdown": sum(1 for x in exhausted if cut < 0 or x < cut),
                                 "during_shutdown": sum(1 for x in exhausted if 0 <= cut < x)}
    s["hub_exit_status"] = (read(os.path.join(out, "hub-exit-status.txt"), "") or "").strip() or None

    # ---- the end-to-end wait: no HTTP load, the pipeline works off the backlog
    drains = []
    for row in tsv(os.path.join(out, "drain-cpu.tsv"))[1:]:
        if len(row) >= 6:
            t0, t1 = float(row[1]), float(row[2])
            ev = {k: sum(n for sec, n in per_sec[k].items() if t0 <= sec < t1) for k in ("RECEIVED", "DISPATCHED", "DELIVERED")}
            drains.append({"label": row[0], "seconds": t1 - t0, "hub_cpu_s": fnum(row[3]), "hub_pg_cpu_s": fnum(row[4]),
                           "machine_busy_cpu_s": fnum(row[5]), "events": ev})
    s["drains"] = drains


    # ---- markdown
    p = print
    p(f"# Hotline Hub intake benchmark — {os.path.basename(os.path.abspath(out))}\n")
    p(f"- machine: {machine.get('host_nproc', '?')} CPUs ({machine.get('cpu_model', '?')}), {machine.get('mem_total', '?')}, "
      f"{machine.get('os', '?')}")
    p(f"- java: {machine.get('java', '?')}")
    p(f"- hub commit {machine.get('hub_commit', '?')}; {machine.get('hub database', '')}")
    p(f"- load average at start: {machine.get('loadavg_at_start', '?')}\n")
    p("## Raw ceilings (same run)\n")
    p("| ceiling | result |\n|---|---|")
    p(f"| pgbench one-row INSERT, 8 clients, standalone PostgreSQL | {fmt(pg_tps)} tx/s (latency avg {fmt(pg_lat, 2)} ms) |")
    p(f"| pgbench one-row INSERT, 8 clients, the hub's embedded PostgreSQL (idle hub) | {fmt(pge_tps)} tx/s (latency avg {fmt(pge_lat, 2)} ms) |")
    if art:
        p(f"| artemis perf client, persistent 1 KiB, send+receive | {fmt(art['send_receive_per_s'])} msg/s "
          f"(sent {fmt(art['sent_per_s'])}/s, received {fmt(art['received_per_s'])}/s, send p50 {art['send_time_p50_us']} µs, p99 {art['send_time_p99_us']} µs) |")
    else:
        p("| artemis perf client | n/a |")
    p(f"| **lower ceiling** | **{fmt(lower)}/s** |\n")

    p("## Intake acknowledgement (POST /report, JSON, 202 after the durable enqueue)\n")
    p("| run | offered/s | accepted/s | errors | p50 ms | p90 ms | p99 ms | max ms | hub CPU | machine busy |")
    p("|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        if r.get("type") != "run" or r.get("label") == "prewarm":
            continue
        lat = r.get("latency_ms", {})
        ph = next((x for x in phases if x["label"] == r["label"]), None)
        cpu = "n/a"
        busy = "n/a"
        if ph and ph["hub_cpu_s"] is not None:
            secs = ph["end"] - ph["start"]
            cpu = f"{100 * ph['hub_cpu_s'] / secs:.0f} %"
        if ph and ph["machine_busy_pct"] is not None:
            busy = f"{ph['machine_busy_pct']:.0f} %"
        errs = ", ".join(f"{k}: {v}" for k, v in r.get("outcomes", {}).items() if k != "202") or "0"
        if r.get("latency_is_lower_bound"):
            errs += " (latencies are lower bounds)"
        p(f"| {r['label']} | {fmt(r.get('offered_per_s'))} | {fmt(r.get('accepted_per_s'))} | {errs} | "
          f"{fmt(lat.get('p50'), 1)} | {fmt(lat.get('p90'), 1)} | {fmt(lat.get('p99'), 1)} | {fmt(lat.get('max'), 1)} | {cpu} | {busy} |")
    for r in runs:
        if r.get("type") == "step-summary":
            p(f"\nStep search: max sustainable rate {fmt(r.get('max_sustainable_rate'))}/s "
              f"(first failing step {r.get('first_unsustainable_rate')}, p99 bound {r.get('slo_p99_ms')} ms)")
    pw = next((r for r in runs if r.get("label") == "prewarm"), None)
    if pw:
        p(f"\n(pre-warm, not a result: closed loop 2 clients, {fmt(pw.get('accepted_per_s'))}/s, p50 {fmt(pw['latency_ms'].get('p50'), 1)} ms)")
    p("\nhub CPU = CPU time of the hub process (not its PostgreSQL) over the phase's wall time incl. warm-up; 200 % = both cores.\n")
    if any(ph.get("machine_busy_cpu_s") is not None for ph in phases):
        p("Where the machine's CPU went during each run (CPU seconds, warm-up and drain of open requests included):\n")
        p("| run | wall s | hub JVM | hub's PostgreSQL | load generator | partner sink | everything else on the machine |")
        p("|---|---|---|---|---|---|---|")
        for ph in phases:
            r = next((x for x in runs if x.get("label") == ph["label"]), {})
            client = r.get("client_cpu_s")
            parts = [ph.get("hub_cpu_s"), ph.get("hub_pg_cpu_s"), client, ph.get("sink_cpu_s")]
            busy = ph.get("machine_busy_cpu_s")
            others = busy - sum(x for x in parts if x is not None) if busy is not None else None
            p(f"| {ph['label']} | {ph['end'] - ph['start']:.0f} | {fmt(ph.get('hub_cpu_s'), 1)} | {fmt(ph.get('hub_pg_cpu_s'), 1)} | "
              f"{fmt(client, 1)} | {fmt(ph.get('sink_cpu_s'), 1)} | {fmt(others, 1)} |")
        p("")
        threads = defaultdict(list)
        for row in tsv(os.path.join(out, "hub-threads.tsv"))[1:]:
            if len(row) == 3 and fnum(row[2]) is not None:
                threads[row[0]].append((row[1], fnum(row[2])))
        if threads:
            p("The hub JVM's CPU by thread group (OS thread names, digits as N; the phase's window as above):\n")
            p("| run | thread group | CPU-s | share of the hub |")
            p("|---|---|---|---|")
            for label, rows in threads.items():
                total = sum(v for _, v in rows) or 1
                rows = sorted(rows, key=lambda x: -x[1])
                for name, v in rows[:14]:
                    p(f"| {label} | {name} | {v:.1f} | {100 * v / total:.1f} % |")
                rest = sum(v for _, v in rows[14:])
                if rest:
                    p(f"| {label} | (the other {len(rows) - 14}) | {rest:.1f} | {100 * rest / total:.1f} % |")
            p("")

    p("## End to end (contact → ticket → dispatched → webhook delivered)\n")
    p("| tickets of run | tickets | completed | dispatched | triage | still RECEIVED | completed/s (first receipt → last completion) | carried to a delivered webhook/s | to ticket p50/p99 s | to dispatch p50/p99 s | to delivery p50/p99 s |")
    p("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in e2e:
        def pp(d):
            return f"{fmt(d['p50'], 2)} / {fmt(d['p99'], 2)}"
        p(f"| {row['label']} | {row['tickets']} | {row['completed']} | {row['dispatched']} | {row['triage']} | {row['still_received']} | "
          f"{fmt(row.get('completed_per_s'), 1)} | {fmt(row['to_delivered_webhook']['per_s'], 1)} | "
          f"{pp(row['to_ticket_s'])} | {pp(row['to_dispatch_s'])} | {pp(row['to_delivery_s'])} |")
    p("\ncompleted/s counts the run's tickets over the time from its first receipt to its last completion (backlog from"
      " earlier runs and the bounded wait included); a run whose tickets are not all completed is cut at the end of the wait."
      " Carried to a delivered webhook/s counts only the run's tickets with every partner webhook delivered (triage has"
      " none), over the time from its first receipt to its last delivery (the database's timestamps).\n")
    cw = s.get("carried_to_delivered_webhook")
    if cw:
        p(f"**Carried to a delivered webhook over the whole run**: {cw['delivered']} tickets of the load phases had every"
          f" partner webhook delivered, {fmt(cw['per_s'], 1)}/s from the first receipt to the last delivery"
          f" ({fmt(cw['span_s'], 1)} s).\n")
    p("Stage capacity: best 10-second rate of each stage while it had work (timeline events in the database; a saturated stage"
      " shows its capacity here):\n")
    for kind in ("RECEIVED", "DISPATCHED", "DELIVERED", "TRIAGE"):
        if kind in stages:
            p(f"- {kind} ({ {'RECEIVED': 'intake route: contact → ticket committed', 'DISPATCHED': 'dispatch route: assignment offered', 'DELIVERED': 'webhook delivered', 'TRIAGE': 'to triage'}[kind] }): "
              f"best {fmt(stages[kind]['best_10s_per_s'], 1)}/s, total {stages[kind]['total']}")
    p(f"- webhook posts received by the sink: {s['sink_posts']}; dead letters in the database at the end of load: "
      f"{s['dead_letters'] or 'n/a'}; messages dead-lettered per hub.log: {s['dead_lettered_in_log']['before_shutdown']} under load, "
      f"{s['dead_lettered_in_log']['during_shutdown']} while the hub shut down; WARN lines in hub.log: {s['hub_warnings']}")
    if s["hub_exit_status"]:
        p(f"- **the hub exited during the run (status {s['hub_exit_status']})**: later phases are missing")
    for d in drains:
        if d["label"] != "e2e" or d["seconds"] <= 0:
            continue
        ev = d["events"]
        cpu = (d["hub_cpu_s"] or 0) + (d["hub_pg_cpu_s"] or 0)
        p(f"- end-to-end wait ({d['seconds']:.0f} s, no HTTP load): tickets committed {ev['RECEIVED']}, dispatched {ev['DISPATCHED']}, "
          f"delivered {ev['DELIVERED']}; hub JVM {fmt(d['hub_cpu_s'], 1)} + its PostgreSQL {fmt(d['hub_pg_cpu_s'], 1)} CPU-s "
          f"(machine busy {fmt(d['machine_busy_cpu_s'], 1)} of {2 * d['seconds']:.0f} CPU-s)"
          + (f"; so one ticket through intake route + dispatch + delivery costs between {1000 * cpu / max(ev['RECEIVED'], ev['DISPATCHED']):.0f} and "
             f"{1000 * cpu / min(ev['RECEIVED'], ev['DISPATCHED']):.0f} CPU-ms of hub JVM + PostgreSQL (bounds from the stage counts)"
             if min(ev['RECEIVED'], ev['DISPATCHED']) > 0 else ""))
        if min(ev['RECEIVED'], ev['DISPATCHED']) > 0:
            s["pipeline_cpu_ms_per_ticket"] = [1000 * cpu / max(ev['RECEIVED'], ev['DISPATCHED']),
                                               1000 * cpu / min(ev['RECEIVED'], ev['DISPATCHED'])]
    dpt = s.get("db_per_ticket")
    if dpt:
        p(f"- database work per ticket over the load phases ({int(dpt['tickets'])} tickets): {dpt['xact_commit']:.1f} commits, "
          f"{dpt['tup_inserted']:.1f} rows inserted, {dpt['tup_updated']:.1f} updated, {dpt['idx_scan'] + dpt['seq_scan']:.1f} table scans "
          f"({dpt['seq_scan']:.1f} sequential), {dpt['wal_bytes'] / 1024:.1f} KiB WAL")
    tables = [r for r in tsv(os.path.join(out, "db-tables.tsv")) if len(r) == 5 and fnum(r[4])]
    if tables:
        p("- rows written by table over the whole run, per ticket (inserted / updated / deleted): " + "; ".join(
            f"{r[0]} {fnum(r[1]) / fnum(r[4]):.1f} / {fnum(r[2]) / fnum(r[4]):.1f} / {fnum(r[3]) / fnum(r[4]):.1f}"
            for r in tables[:10]))
    scans = [r for r in tsv(os.path.join(out, "db-scans.tsv")) if len(r) == 5 and fnum(r[4])]
    if scans:
        p("- rows read by sequential scans over the whole run, per ticket (scans / rows): " + "; ".join(
            f"{r[0]} {fnum(r[1]) / fnum(r[4]):.2f} / {fnum(r[2]) / fnum(r[4]):.0f}" for r in scans[:6]))
    stmts = [r for r in tsv(os.path.join(out, "db-statements.tsv")) if len(r) == 5 and fnum(r[3])]
    if stmts:
        total = sum(fnum(r[2]) for r in stmts)
        p(f"- PostgreSQL statements by execution time since the first measured phase (pg_stat_statements, top 40: "
          f"{total / 1000:.1f} s, {1000 * total / fnum(stmts[0][3]):.0f} µs per ticket), per ticket: calls, µs:")
        for r in stmts[:12]:
            t = fnum(stmts[0][3])
            p(f"  - {fnum(r[0]) / t:.2f} calls, {1000 * fnum(r[2]) / t:.0f} µs: `{r[4][:160]}`")
    p("")

    if recovery or surges:
        p("## Overload and recovery (issue 16)\n")
        p("After each phase, from the end of its load window, a probe report is posted every 200 ms until one is"
          " acknowledged 202 in < 1 s (bounded); the bar is a fast 202 within 10 s after a 5× surge ends.\n")
        p("| phase | acknowledged/s | carried to a delivered webhook/s | fast 202 again after | probes | probe statuses |")
        p("|---|---|---|---|---|---|")
        for rec in recovery:
            r = next((x for x in runs if x.get("type") == "run" and x.get("label") == rec["label"]), {})
            row = next((x for x in e2e if x["label"] == rec["label"]), None)
            carried = row["to_delivered_webhook"]["per_s"] if row else None
            after = f"{rec['recovered_s']:.1f} s" if rec["recovered_s"] is not None else "**none** within the bound"
            p(f"| {rec['label']} | {fmt(r.get('accepted_per_s'), 1)} | {fmt(carried, 1)} | {after} | {rec['probes']} | "
              f"{rec['statuses'] or 'n/a'} |")
        if surges:
            p("\n| surge | clients × s | sent | 2xx | 429 | 503 | anything else (fails the rule) | only 2xx/429/503 | fast 202 within 10 s after |")
            p("|---|---|---|---|---|---|---|---|---|")
            for g in surges:
                others = ", ".join(f"{k}: {v}" for k, v in sorted(g["failed"].items())) or "0"
                rec = f"yes ({g['recovered_s']:.1f} s)" if g["recovered_within_10s"] else \
                    (f"**no** ({g['recovered_s']:.1f} s)" if g["recovered_s"] is not None else "**no**")
                p(f"| {g['label']} | {g['clients']} × {g['seconds']} | {g['sent']} | {g['ok_2xx']} | {g['status_429']} | "
                  f"{g['status_503']} | {others} | {'yes' if g['only_2xx_429_503'] else '**no**'} | {rec} |")
        p("\nchart.svg in the results directory shows the rates, statuses, stage rates and latencies per second.\n")

    m = s["memory"]
    p("## Memory (P7)\n")
    p(f"- hub RSS at the end {fmt(m['rss_end_mb'])} MB, peak (VmHWM) {fmt(m['rss_hwm_mb'])} MB; "
      f"GC pauses {m['gc_pauses']}, longest {fmt(m['gc_pause_max_ms'], 1)} ms; heap after GC at most {fmt(m['heap_after_gc_max_mb'])} MB, "
      f"committed heap up to {fmt(m['heap_committed_max_mb'])} MB (default JVM ergonomics unless BENCH_HUB_JAVA_OPTS sets -Xmx)\n")

    p("## Against the targets\n")
    closed = [r for r in runs if r.get("mode") == "closed"]
    best_ack = max((r.get("accepted_per_s", 0) for r in runs if r.get("type") == "run" and r.get("label") != "prewarm"),
                   default=None)
    stage_rates = [stages[k]["best_10s_per_s"] for k in ("RECEIVED", "DISPATCHED") if k in stages]
    best_e2e = min([best_ack or 0] + stage_rates) if stage_rates else None
    s["carried_through_per_s"] = best_e2e
    p("| target | goal | measured |\n|---|---|---|")
    p(f"| P1 accepted intakes/s carried to a dispatched ticket | ≥ 2,000/s | acks: best {fmt(best_ack)}/s; carried through "
      f"(slowest of ack, ticket and dispatch stage): {fmt(best_e2e, 1)}/s |")
    for r in runs:
        if r.get("mode") == "fixed":
            lat = r["latency_ms"]
            p(f"| P2 ack latency (goal measured at 1,000/s) | p50 ≤ 5, p99 ≤ 50, max < 1,000 ms | at {fmt(r.get('target_rate'))}/s: "
              f"p50 {fmt(lat['p50'], 1)}, p99 {fmt(lat['p99'], 1)}, max {fmt(lat['max'], 1)} ms |")
    if lower:
        p(f"| P4 hub carried-through/s ÷ lower ceiling | ≥ 25 % | {fmt(100 * (best_e2e or 0) / lower, 2)} % "
          f"(acks alone: {fmt(100 * (best_ack or 0) / lower, 2)} %) |")
    p(f"| P7 memory | RSS ≤ 768 MB, GC pause ≤ 200 ms | peak RSS {fmt(m['rss_hwm_mb'])} MB, longest pause {fmt(m['gc_pause_max_ms'], 1)} ms |")
    for row in e2e:
        if row["label"].startswith("closed@"):
            p(f"| issue 16: form load carried to a delivered partner offer (bar: 30 s from 64 connections) | ≥ 1,000/s | "
              f"{row['label']}: acknowledged {fmt(next((r.get('accepted_per_s') for r in runs if r.get('label') == row['label']), None), 1)}/s, "
              f"carried to a delivered webhook {fmt(row['to_delivered_webhook']['per_s'], 1)}/s |")
    for g in surges:
        p(f"| issue 16: surge ({g['label']}, {g['seconds']} s) | only 2xx/429/503; a fast 202 within 10 s after | "
          f"{'only 2xx/429/503' if g['only_2xx_429_503'] else 'other outcomes: ' + ', '.join(f'{k}: {v}' for k, v in sorted(g['failed'].items()))}; "
          f"fast 202 after {fmt(g['recovered_s'], 1) + ' s' if g['recovered_s'] is not None else 'none within the bound'} |")

    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(s, f, indent=1, default=str)

    svg = chart_svg(out, phases, runs, per_sec, recovery)
    if svg:
        with open(os.path.join(out, "chart.svg"), "w", encoding="utf-8") as f:
            f.write(svg)
        if chart_to:
            shutil.copyfile(os.path.join(out, "chart.svg"), chart_to)


if __name__ == "__main__":
    args = sys.argv[1:]
    chart_to = None
    if len(args) == 3 and args[1] == "--chart-to":
        chart_to = args[2]
        args = args[:1]
    if len(args) != 1:
        sys.exit(__doc__)
    main(args[0], chart_to)
