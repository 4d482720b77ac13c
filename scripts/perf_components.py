#!/usr/bin/env python3
"""Shares of sampled CPU by component, from `perf script` output of a LiveGrains process on stdin.

Each sample goes to the first component whose rule matches its thread or its call stack, in the order below: a sample
of the rollup called from Orleans' message loop counts as rollup, not as Orleans.

--from and --to keep only the samples taken in that window (seconds on the clock perf was told to use, `-k
CLOCK_MONOTONIC`), read from each sample's header line.
"""
import argparse
import re
import sys
from collections import Counter

COMPONENTS = [
    ("garbage collector threads", lambda thread, stack: "GC" in thread),
    ("JSON parsing of ingest requests", lambda thread, stack: "EventJson" in stack or "IngestRequestReader" in stack),
    ("Orleans deserializing events (LiveEvent codec)", lambda thread, stack: "Codec_LiveEvent" in stack),
    ("LIVE ingest: validation, dedupe, rollup", lambda thread, stack: "LiveSessionGrain+<Ingest>" in stack or "LiveSessionGrain::Ingest" in stack),
    ("LIVE ticks, cards and agencies", lambda thread, stack: any(s in stack for s in ("LiveSessionGrain+<Tick>", "LiveSessionGrain+<Push>", "AgencyGrain", "AgencyCardRelay"))),
    ("load generator and its calls (in process)", lambda thread, stack: any(s in stack for s in ("LiveGrains.LoadGen", "LiveGrains.Simulation"))),
    ("Orleans messaging: receive, route, dispatch, respond", lambda thread, stack: "Orleans" in stack),
    ("ASP.NET Core and Kestrel", lambda thread, stack: "AspNetCore" in stack),
]
OTHER = "other: runtime, kernel, thread pool"


HEADER_TIME = re.compile(r"\s(\d+\.\d+):\s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--from", dest="start", type=float, default=float("-inf"))
    parser.add_argument("--to", dest="end", type=float, default=float("inf"))
    window = parser.parse_args()
    counts, total = Counter(), 0
    for sample in sys.stdin.read().split("\n\n"):
        lines = sample.strip().split("\n")
        if len(lines) < 2:
            continue
        taken = HEADER_TIME.search(lines[0])
        if taken and not window.start <= float(taken.group(1)) < window.end:
            continue
        total += 1
        thread, stack = lines[0], "\n".join(lines[1:])
        counts[next((name for name, rule in COMPONENTS if rule(thread, stack)), OTHER)] += 1
    if total == 0:
        sys.exit("no samples on stdin")
    print(f"{total} samples")
    for name in [n for n, _ in COMPONENTS] + [OTHER]:
        print(f"{100 * counts[name] / total:5.1f} %  {name}")


if __name__ == "__main__":
    main()
