"""The PNG chart of a run (matplotlib, Agg backend: no display needed)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from bench.endpoints import ENDPOINTS  # noqa: E402

COLORS = {"sqlite": "#2b6cb0", "postgres": "#c05621"}
SCALING = ["listing", "calendar_month", "search"]
QUERY_ONLY = {e.name for e in ENDPOINTS if not e.load}


def _measured(db):
    return sorted((k for k, step in db["scales"].items() if "endpoints" in step), key=int)


def _largest(db):
    return db["scales"][_measured(db)[-1]]["endpoints"]


def _bars(ax, dbs, names, value, xlabel, log=False):
    """Grouped horizontal bars; an endpoint without a figure gets its status written instead."""
    height = 0.8 / max(len(dbs), 1)
    if log:
        ax.set_xscale("log")
    labels = []
    for i, (kind, db) in enumerate(dbs.items()):
        entries = [_largest(db).get(n, {}) for n in names]
        values = [value(e) or 0 for e in entries]
        positions = [y + i * height for y in range(len(names))]
        ax.barh(positions, values, height=height, label=kind, color=COLORS.get(kind))
        labels += [
            (v, pos, f" {v:g}" if v else f" {kind}: {e.get('status', 'not run')}")
            for pos, v, e in zip(positions, values, entries, strict=True)
        ]
    left = ax.get_xlim()[0]
    for v, pos, label in labels:
        ax.text(v or left, pos, label, va="center", fontsize=6)
    ax.set_yticks([y + height * (len(dbs) - 1) / 2 for y in range(len(names))], names, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel, fontsize=8)
    ax.legend(fontsize=7)


def _ok(key):
    return lambda e: e.get(key) if e.get("status") == "ok" else None


def _score(row):
    """1.0 = exactly on target, above = met; 0 when not measurable."""
    value = row["value"]
    if row["kind"] == "==":
        return 1.0 if row["met"] else 0.5
    if not isinstance(value, (int, float)) or not value:
        return 0.0
    return value / row["goal"] if row["kind"] == ">=" else row["goal"] / value


def draw(result, path):
    dbs = {k: v for k, v in result["databases"].items() if "skipped" not in v and _measured(v)}
    fig, axes = plt.subplots(2, 2, figsize=(14, 10))
    names = []
    for db in dbs.values():
        names += [n for n in _largest(db) if n not in names and n not in QUERY_ONLY]
    if dbs and names:
        _bars(axes[0][0], dbs, names, _ok("rps"), "requests/s (log scale)", log=True)
        _bars(axes[0][1], dbs, names, _ok("p99_ms"), "p99 latency, ms (log scale)", log=True)
    axes[0][0].set_title("Throughput at the largest scale", fontsize=10)
    axes[0][1].set_title("p99 latency at the largest scale", fontsize=10)

    ax = axes[1][0]
    width = 0.8
    bars = [(kind, scale) for kind, db in dbs.items() for scale in _measured(db)]
    for j, (kind, scale) in enumerate(bars):
        endpoints = dbs[kind]["scales"][scale]["endpoints"]
        values = [(endpoints.get(n, {}).get("p50_ms") or 0) for n in SCALING]
        offset = (j - (len(bars) - 1) / 2) * width / max(len(bars), 1)
        alpha = 0.45 if scale != _measured(dbs[kind])[-1] else 1.0
        xs = [x + offset for x in range(len(SCALING))]
        ax.bar(
            xs,
            values,
            width / max(len(bars), 1),
            color=COLORS.get(kind),
            alpha=alpha,
            label=f"{kind} @ {int(scale):,} pages",
        )
        for x, v, name in zip(xs, values, SCALING, strict=True):
            status = endpoints.get(name, {}).get("status", "not run")
            ax.text(x, v, f"{v:g}" if v else status, ha="center", va="bottom", fontsize=6, rotation=90)
    ax.set_xticks(range(len(SCALING)), SCALING, fontsize=8)
    ax.set_ylabel("p50 latency, ms", fontsize=8)
    ax.set_title("Scaling: p50 latency by number of press notes", fontsize=10)
    ax.legend(fontsize=7)

    ax = axes[1][1]
    rows = result["targets"]
    scores = [_score(r) for r in rows]
    ax.barh(range(len(rows)), scores, color=[("#2f855a" if r["met"] else "#c53030") for r in rows])
    for y, (row, score) in enumerate(zip(rows, scores, strict=True)):
        ax.text(
            score, y, f" {row['value'] if row['value'] is not None else 'n/a: ' + row['by']}", va="center", fontsize=6
        )
    ax.set_yticks(range(len(rows)), [f"{r['db']}: {r['target']}" for r in rows], fontsize=6)
    ax.invert_yaxis()
    ax.axvline(1.0, color="black", linewidth=1)
    ax.set_xlabel("score (1.0 = target; right of the line = met)", fontsize=8)
    ax.set_title("Targets", fontsize=10)

    m = result["machine"]
    load = max(m["load_average_start"][0], m["load_average_end"][0])
    fig.suptitle(
        f"Cusco CMS benchmark {result['date']}: {m['nproc']} x {m['cpu_model']}, {m['gunicorn']}, {m['load']}\n"
        f"load average up to {load:.1f} on {m['nproc']} cores"
        + (" - machine shared, absolute figures are noise: read the ratios" if load > m["nproc"] / 2 else ""),
        fontsize=10,
    )
    fig.tight_layout(rect=(0, 0, 1, 0.96))
    fig.savefig(path, dpi=110)
    plt.close(fig)
