#!/usr/bin/env python3
"""Where one thread group of the hub waited on the database or the broker in a JFR recording: the socket reads JFR
recorded (jdk.SocketRead, those over its threshold: 20 ms in JFR's default settings, 10 ms in its profile settings),
summed per hub call site (the innermost two hub frames).

Usage: bench/jfr-waits.py bench/results/<run>/hub.jfr intake
jfr-summary.py shows where a thread spent CPU; this shows where it waited: a lock held by another transaction (an
advisory lock, a row lock) shows as a long read at the statement that waited for it. Needs the JDK's `jfr` tool."""
import collections
import json
import re
import subprocess
import sys

f = sys.argv[1]; thread = sys.argv[2] if len(sys.argv) > 2 else "intake"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "40", "--events", "jdk.SocketRead", f],
                     capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]


def seconds(iso):
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", iso)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) if m else 0.0


total = collections.Counter(); count = collections.Counter()
for e in events:
    v = e["values"]
    if thread not in (v["eventThread"]["javaName"] or ""):
        continue
    hub = [x["method"]["type"]["name"].split("/")[-1] + "." + x["method"]["name"]
           for x in v["stackTrace"]["frames"]
           if x["method"]["type"]["name"].startswith("org/hotlinehub")
           and "Subclass" not in x["method"]["type"]["name"] and "ClientProxy" not in x["method"]["type"]["name"]]
    site = " < ".join(hub[:2]) if hub else "?"
    total[site] += seconds(v["duration"]); count[site] += 1
print(f"{thread}: socket-read seconds (events >= threshold): {sum(total.values()):.1f}, events {sum(count.values())}")
for site, s in total.most_common(25):
    print(f"{s:7.2f}s {count[site]:5d}  {site}")
