#!/usr/bin/env python3
"""Where the hub's CPU went in an async-profiler recording of bench/run-intake.sh (BENCH_ASPROF=1: hub-cpu.collapsed,
collapsed stacks with the thread as the first frame).

Usage: bench/asprof-summary.py bench/results/<run>/hub-cpu.collapsed              # samples by thread group
       bench/asprof-summary.py bench/results/<run>/hub-cpu.collapsed dispatch     # one thread group: the hub's methods
                                                                                  # by inclusive share, and the
                                                                                  # innermost hub frame with its callee
Thread names have their digits folded (vert.x-eventloop-thread-N)."""
import collections
import re
import sys


def group(frame):
    return re.sub(r"\d+", "N", re.sub(r" tid=\d+", "", frame.strip("[]")))


def short(frame):
    return frame.split("/")[-1]


def main(path, wanted=None, top=40):
    threads = collections.Counter()
    inclusive = collections.Counter()
    innermost = collections.Counter()
    total = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            stack, _, count = line.rstrip().rpartition(" ")
            if not stack or not count.isdigit():
                continue
            n = int(count)
            frames = stack.split(";")
            name = group(frames[0])
            threads[name] += n
            if wanted is None or wanted not in name:
                continue
            total += n
            for fr in set(frames[1:]):
                if "org/hotlinehub" in fr:
                    inclusive[short(fr)] += n
            hub = [i for i, fr in enumerate(frames) if "org/hotlinehub" in fr]
            if hub:
                i = hub[-1]
                callee = short(frames[i + 1]) if i + 1 < len(frames) else "(self)"
                innermost[short(frames[i]) + " -> " + callee] += n
            else:
                innermost["(no hub frame) " + ";".join(short(fr) for fr in frames[-3:])] += n
    if wanted is None:
        all_samples = sum(threads.values()) or 1
        print(f"samples {all_samples}")
        for name, n in threads.most_common(top):
            print(f"{100 * n / all_samples:5.1f}% {n:7d} {name}")
        return
    print(f"samples of '{wanted}' threads: {total}")
    if not total:
        return
    print("== inclusive hub methods")
    for name, n in inclusive.most_common(top):
        print(f"{100 * n / total:5.1f}% {name}")
    print("== innermost hub frame -> callee")
    for name, n in innermost.most_common(top):
        print(f"{100 * n / total:5.1f}% {name}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
