#!/usr/bin/env python3
"""Throughput over time of the longest benchmark run, as a standalone SVG (no plotting library needed).

usage: scripts/plot_throughput.py [RESULTS_DIR_OR_JSON ...] [--out docs/throughput.svg]

Reads the load generator's JSON results (--json), picks the run whose targets took the longest wall time together,
and draws one line per target: events acknowledged in each second since that target started. The y axis is
logarithmic because baselines (Redis, the limit grain) run one to two orders of magnitude above LiveGrains.
"""
import glob
import json
import math
import os
import sys
from html import escape

COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]
W, H = 900, 480
LEFT, RIGHT, TOP, BOTTOM = 80, 170, 50, 60


def load(paths):
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.json"))) if os.path.isdir(p) else [p]
    runs = []
    for f in files:
        try:
            with open(f) as fh:
                doc = json.load(fh)
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict) and doc.get("targets"):
            runs.append((f, doc))
    return runs


def label(doc, t):
    # A run of several rounds has each target once per round.
    return f'{t["target"]} round {t["round"]}' if doc["options"].get("Rounds", 1) > 1 else t["target"]


def svg(path, doc):
    targets = [t for t in doc["targets"] if t.get("perSecond")]
    longest = max(len(t["perSecond"]) for t in targets)
    peak = max(max(t["perSecond"]) for t in targets)
    top_decade = max(1, math.ceil(math.log10(max(peak, 10))))
    plot_w, plot_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(i):
        return LEFT + plot_w * i / max(1, longest - 1)

    def y(v):
        # Seconds with no acknowledgement sit on the floor of the axis (log10 of 1).
        return TOP + plot_h * (1 - math.log10(max(v, 1)) / top_decade)

    o = doc["options"]
    title = (f"Events acknowledged per second: {', '.join(label(doc, t) for t in targets)} "
             f"({o['Lives']:,} LIVEs, {doc['workloadEvents']:,} events, batch {o['Batch']}, concurrency {o['Concurrency']})")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="24" text-anchor="middle" font-size="14">{escape(title)}</text>']
    for d in range(top_decade + 1):
        yy = y(10 ** d)
        out.append(f'<line x1="{LEFT}" y1="{yy:.1f}" x2="{LEFT + plot_w}" y2="{yy:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end">{10 ** d:,}</text>')
    step = max(1, math.ceil(longest / 10))
    for s in range(0, longest, step):
        out.append(f'<line x1="{x(s):.1f}" y1="{TOP + plot_h}" x2="{x(s):.1f}" y2="{TOP + plot_h + 4}" stroke="#333"/>')
        out.append(f'<text x="{x(s):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">{s}</text>')
    out.append(f'<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#333"/>')
    out.append(f'<text x="{LEFT + plot_w / 2}" y="{H - 16}" text-anchor="middle">seconds since the target started</text>')
    out.append(f'<text x="18" y="{TOP + plot_h / 2}" text-anchor="middle" transform="rotate(-90 18 {TOP + plot_h / 2})">events/s (log scale)</text>')
    for k, t in enumerate(targets):
        color = COLORS[k % len(COLORS)]
        points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(t["perSecond"]))
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="1.8" points="{points}"/>')
        ly = TOP + 16 + k * 36
        out.append(f'<line x1="{LEFT + plot_w + 12}" y1="{ly}" x2="{LEFT + plot_w + 36}" y2="{ly}" stroke="{color}" stroke-width="3"/>')
        out.append(f'<text x="{LEFT + plot_w + 42}" y="{ly + 4}">{escape(label(doc, t))}</text>')
        out.append(f'<text x="{LEFT + plot_w + 42}" y="{ly + 18}" fill="#555">{t["eventsPerSecond"]:,.0f} ev/s avg</text>')
    out.append(f'<text x="{LEFT}" y="{H - 2}" fill="#777" font-size="10">{escape(os.path.basename(path))}; '
               f'{doc["machine"]["cores"]} cores, {escape(doc["machine"]["os"])}, .NET {escape(doc["machine"]["runtime"])}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv):
    out_path = "docs/throughput.svg"
    if "--out" in argv:
        i = argv.index("--out")
        out_path = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    runs = load(argv or ["artifacts/bench"])
    if not runs:
        print("no results found", file=sys.stderr)
        return 1
    path, doc = max(runs, key=lambda r: sum(t["wallSeconds"] for t in r[1]["targets"]))
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w") as fh:
        fh.write(svg(path, doc))
    print(f"{out_path}: throughput of {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
