"""Benchmark and calibration of the meeting's tools: how well the targets outlook's probabilities
did in past plan years (Brier scores beside a coin and "the latest figure already meets it"),
and how long the briefing deck takes to make.

Run: ``python -m bench.meeting`` (``make bench`` runs it) on the seeded database of ``make run``.
The deck is timed in fresh processes (cold: imports, the outlook's simulations, the charts) and
again in the same process (warm: the charts and files only), beside a baseline measured in the
same run: a deck of the cover alone, which costs the imports and the two writers without a chart.
Results go to ``bench/results/meeting.json`` and ``meeting.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from analytics.outlook_calibration import PUBLICATION_LAG_MONTHS, scores
from bench.pages import this_machine
from data.engine import make_engine
from services.outlook import calibration

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PERIOD, AS_OF = "2025-02", "2025-03-31"
RUNS = 3
GOAL_DECK_SECONDS = 20.0

DECK_PROBE = """
import sys, time
start = time.perf_counter()
import datetime as dt
import pandas as pd
from data.engine import make_engine
from jobs.briefing import briefing_files
from reports.deck import Deck, Slide
from reports.render import deck_files
engine = make_engine()
if sys.argv[1] == "cover":
    deck = Deck("x", "vi", dt.datetime(2025, 3, 31), (Slide("cover", "Tình hình", "Phiên họp"),))
    deck_files(deck)
else:
    briefing_files(engine, pd.Period({period!r}, "M"), "vi", dt.date.fromisoformat({as_of!r}))
print(time.perf_counter() - start)
"""


def deck_seconds(kind: str) -> float:
    """Seconds for a fresh process to make the deck (``"full"``) or a cover-only one."""
    probe = DECK_PROBE.format(period=PERIOD, as_of=AS_OF)
    done = subprocess.run(
        [sys.executable, "-c", probe, kind], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def warm_deck_seconds() -> list[float]:
    """Seconds to make the deck again in one process, after a first run."""
    from jobs.briefing import briefing_files

    engine = make_engine()
    args = (engine, pd.Period(PERIOD, "M"), "vi", dt.date.fromisoformat(AS_OF))
    briefing_files(*args)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        briefing_files(*args)
        times.append(time.perf_counter() - start)
    return times


def measure() -> dict:
    """Every figure of the report."""
    engine = make_engine()
    table = calibration(engine, before=dt.date.today().year)
    by_target = []
    for (year, name), rows in table.groupby(["year", "name_en"]):
        by_target.append(
            {
                "year": int(year),
                "target": name,
                "met": bool(rows["met"].iloc[0]),
                "outcome": float(rows["outcome"].iloc[0]),
                "months": len(rows),
                **{k: v for k, v in scores(rows).items() if k != "count"},
            }
        )
    cold = [deck_seconds("full") for _ in range(RUNS)]
    cover = [deck_seconds("cover") for _ in range(RUNS)]
    return {
        "machine": this_machine(),
        "calibration": {
            "publication_lag_months": PUBLICATION_LAG_MONTHS,
            "overall": scores(table),
            "by_target": by_target,
            "probabilities": [
                {**row, "day": row["day"].isoformat()} for row in table.to_dict("records")
            ],
        },
        "deck": {
            "period": PERIOD,
            "as_of": AS_OF,
            "cold_s": cold,
            "cold_median_s": statistics.median(cold),
            "cover_only_cold_s": cover,
            "cover_only_median_s": statistics.median(cover),
            "warm_s": (warm := warm_deck_seconds()),
            "warm_median_s": statistics.median(warm),
            "goal_s": GOAL_DECK_SECONDS,
            "met": statistics.median(cold) < GOAL_DECK_SECONDS,
        },
    }


def markdown(report: dict) -> str:
    """The report as a page of ``bench/results``."""
    machine = report["machine"]
    overall = report["calibration"]["overall"]
    deck = report["deck"]
    lines = [
        "# The meeting's tools: calibration of the targets outlook, and the deck's time",
        "",
        f"Machine: {machine.get('cpu', '?')}, {machine['usable_cores']} cores, "
        f"{machine['memory_gib']} GiB, load at start {machine['load_average_at_start']}; "
        f"commit {machine['git_commit']}, {machine['date']}. Command: `python -m bench.meeting`.",
        "",
        "## Calibration of the outlook's probabilities",
        "",
        "Each past plan year with a published outcome, each month's end: the probability the "
        "outlook would have given with the figures published by then (a month or quarter counts "
        f"as known from the end of the {report['calibration']['publication_lag_months']}st month "
        "after it; latest values, since the database keeps the first releases of recent years "
        "only as one later snapshot; a month whose figures the database lacks is left out). "
        "Brier score, lower is better:",
        "",
        "| | Brier score |",
        "|---|---|",
        f"| The outlook's probabilities | {overall['outlook']:.3f} |",
        f"| A coin (always 50 %) | {overall['coin']:.3f} |",
        f'| "The latest figure already meets it" (0 or 1) | {overall["latest_meets"]:.3f} |',
        "",
        f"On {int(overall['count'])} probabilities. By target and year:",
        "",
        "| Year | Target | Outcome | Met | Months | Outlook | Coin | Latest meets |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in report["calibration"]["by_target"]:
        lines.append(
            f"| {row['year']} | {row['target']} | {row['outcome']:.2f} | "
            f"{'yes' if row['met'] else 'no'} | {row['months']} | {row['outlook']:.3f} | "
            f"{row['coin']:.3f} | {row['latest_meets']:.3f} |"
        )
    lines += [
        "",
        'Every target in this sample was met, so a rule that says "met" whenever the latest '
        "figure meets it can hardly lose; the sample (two targets, the years the series reach) "
        "is small, and the figures say how the method did here, not how it will do.",
        "",
        "## The briefing deck",
        "",
        f"`make briefing PERIOD={deck['period']} AS_OF={deck['as_of']}`, median of {RUNS} runs:",
        "",
        "| | seconds |",
        "|---|---|",
        f"| Fresh process, whole deck (goal under {deck['goal_s']:.0f} s) | "
        f"{deck['cold_median_s']:.1f} ({'met' if deck['met'] else 'not met'}) |",
        f"| Baseline: fresh process, cover-only deck | {deck['cover_only_median_s']:.1f} |",
        f"| Same process again (figures, charts, files) | {deck['warm_median_s']:.1f} |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    """Measure, then write the JSON and Markdown results."""
    os.environ.setdefault("COCKPIT_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'cockpit.db'}")
    report = measure()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "meeting.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (RESULTS / "meeting.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
