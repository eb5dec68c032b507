#!/usr/bin/env python3
"""Where one thread group of the hub spent its CPU in a JFR recording (bench/run-intake.sh BENCH_JFR=1 or drain).

Usage: bench/jfr-summary.py bench/results/<run>/hub.jfr dispatch-offer
Prints the hub methods by inclusive share of the samples, then the innermost hub method with the library call it
was in (where the time actually went). Needs the JDK's `jfr` tool on the PATH."""
import collections
import json
import subprocess
import sys

f = sys.argv[1]; thread = sys.argv[2]
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ExecutionSample", f], capture_output=True, text=True).stdout
ev = json.loads(out)["recording"]["events"]
incl = collections.Counter(); inner = collections.Counter(); n = 0
for e in ev:
    t = e["values"]["sampledThread"]["javaName"] or "?"
    if thread not in t: continue
    n += 1
    fr = e["values"]["stackTrace"]["frames"]
    names = []
    for x in fr:
        tn = x["method"]["type"]["name"]
        if "Lambda" in tn or "_Subclass" in tn or "ClientProxy" in tn: continue
        names.append((tn.split("/")[-1] + "." + x["method"]["name"], tn.startswith("org/hotlinehub")))
    first = next((nm for nm, h in names if h), None)
    # innermost hub frame plus the library frame it called
    idx = next((i for i, (nm, h) in enumerate(names) if h), None)
    if idx is not None:
        callee = names[idx - 1][0] if idx > 0 else "(self)"
        inner[names[idx][0] + " -> " + callee] += 1
    for nm in set(nm for nm, h in names if h):
        incl[nm] += 1
print("samples", n)
print("== inclusive hub methods")
for k, v in incl.most_common(45): print(f"{100*v/n:5.1f}% {k}")
print("== innermost hub frame -> callee")
for k, v in inner.most_common(40): print(f"{100*v/n:5.1f}% {k}")
