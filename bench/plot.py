"""Draws packwire-bench's CSV as one PNG: pgbench TPS per mode and client count (direct,
PgBouncer, packwire), proxy CPU per query, the 1M-row transfer and idle-connection memory.

Usage: plot.py RESULTS.csv OUT.png   (run by packwire-bench in its own virtualenv)
"""

import csv
import sys
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

TARGETS = ["direct", "pgbouncer", "packwire"]
COLORS = {"direct": "#7f7f7f", "pgbouncer": "#1f77b4", "packwire": "#d62728"}


def load(path):
    values = defaultdict(dict)
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            key = (row["measurement"], row["mode"], row["clients"])
            values[key][row["target"]] = float(row["value"])
    return values


def bars(ax, groups, values, measurement, title, unit):
    width = 0.8 / len(TARGETS)
    labels = []
    for g, (mode, clients) in enumerate(groups):
        labels.append(f"{mode}\n{clients} client{'s' if clients != '1' else ''}" if clients else mode)
        measured = values.get((measurement, mode, clients), {})
        for t, target in enumerate(TARGETS):
            if target in measured:
                x = g + (t - (len(TARGETS) - 1) / 2) * width
                ax.bar(x, measured[target], width, color=COLORS[target], label=target if g == 0 else None)
    ax.set_xticks(range(len(groups)), labels)
    ax.set_title(title)
    ax.set_ylabel(unit)
    ax.legend(fontsize="small")


def main():
    source, out = sys.argv[1], sys.argv[2]
    values = load(source)
    pgbench = sorted(
        {(m, c) for (what, m, c) in values if what == "tps"},
        key=lambda k: (["simple", "extended", "prepared"].index(k[0]) if k[0] in ("simple", "extended", "prepared") else 9, int(k[1])),
    )
    fig, axes = plt.subplots(2, 2, figsize=(13, 8))
    bars(axes[0][0], pgbench, values, "tps", "pgbench -S: transactions per second (higher is better)", "tps")
    bars(axes[0][1], pgbench, values, "cpu_us_per_query", "proxy CPU per query (lower is better)", "µs")
    bars(axes[1][0], [("transfer", "1")], values, "transfer_seconds", "1M-row SELECT * (lower is better)", "s")
    bars(axes[1][1], sorted({(m, c) for (what, m, c) in values if what == "idle_rss_mib"}), values, "idle_rss_mib",
         "RSS with idle client connections (lower is better)", "MiB")
    fig.tight_layout()
    fig.savefig(out, dpi=100)


if __name__ == "__main__":
    main()
