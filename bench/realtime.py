"""A real-time forecast record on the Cockpit's own data: the Overview's headline series forecast at
the end of every month since 2018 from the data as known that day, beside statsforecast's peers and
the naive forecasts on the same vintages.

The data are the shipped seed, loaded into a fresh database and read back through
``data.repository.vintages``, so the releases and their dates are those the app holds: a GSO monthly
report's first estimate of a month and its restatement in the next report are dated by the
posting date in the name of the workbook they were read from (CPI, FDI and quarterly GDP by the
report of their own month or quarter); a value whose release date the data
do not know carries the date of the upstream snapshot, "known no later than". The record itself is
``analytics.realtime_record``: which origins are real time, the forecasts, the scores. The values
dated by a workbook shipped in ``data/seed/gso_workbooks`` are checked against that workbook.

Usage::

    python -m bench.realtime [--workers 2] [--note TEXT]
    python -m bench.realtime --render-only

Writes ``bench/results/realtime.json`` (the record of the run: machine, versions, settings, per
series the origins and the scores) and ``bench/results/realtime.md``, rendered from the JSON alone
by :func:`markdown`. Run it in the bench virtualenv (``requirements-bench.txt``): the peers need
statsforecast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analytics import realtime_record as rr
from bench.m3 import chosen_model, machine
from domain.headlines import HEADLINE_CODES
from domain.vocabulary import Frequency

RESULTS = Path(__file__).resolve().parent / "results"
WORKBOOKS = Path(__file__).resolve().parent.parent / "data" / "seed" / "gso_workbooks"
#: The seed files that hold the headline series.
SEED_FILES = (
    "gso_monthly_report_series.csv.gz",
    "gso_monthly_report_series_pre2014.csv.gz",
    "gso_monthly_iip_by_industry.csv.gz",
    "gso_quarterly_gdp_by_sector.csv.gz",
    "nsdp_merchandise_trade.csv.gz",
)
START_MONTH = "2018-01"
PEERS = ("AutoETS", "AutoARIMA", "AutoTheta")
METHODS = ("auto", *PEERS, "naive", "seasonal_naive")
#: Heaviest first, so that two workers finish together.
COST = {"auto": 0, "AutoARIMA": 1, "AutoETS": 2, "AutoTheta": 3, "seasonal_naive": 4, "naive": 5}


# --- the data as the database holds them -------------------------------------------------------


def vintaged_tables(codes: tuple[str, ...] = HEADLINE_CODES) -> tuple[pd.DataFrame, dict]:
    """The catalogue rows of ``codes`` and every release of each (``repository.vintages``), from
    a fresh in-memory database seeded with :data:`SEED_FILES`."""
    from data import repository
    from data.engine import make_engine
    from data.migrate import upgrade
    from data.seed_load import load_all

    engine = make_engine("sqlite://")
    upgrade(engine)
    load_all(engine, files=SEED_FILES)
    catalogue = repository.catalogue(engine).set_index("code")
    tables = {code: repository.vintages(engine, code) for code in codes}
    engine.dispose()
    return catalogue.loc[list(codes)], tables


def snapshot_dates() -> dict[str, str]:
    """The dates of the upstream snapshots the seed dates undated values by, with what they are."""
    from data.seed_load import GSO_SNAPSHOT, NSDP_SNAPSHOT, NSDP_XML_SNAPSHOT

    return {
        GSO_SNAPSHOT.isoformat(): "the day of the GSO workbook corpus' snapshot: known no later",
        NSDP_SNAPSHOT.isoformat(): "the day of the NSDP archive's snapshot: known no later",
        NSDP_XML_SNAPSHOT.isoformat(): "the day of the 2024 Q3 NSDP files: known no later",
    }


def workbook_checks(tables: dict[str, pd.DataFrame], since: str = START_MONTH) -> list[dict]:
    """Each headline value read from a shipped GSO workbook posted from ``since`` on, beside the
    release the database holds for the same period with the workbook's date as its vintage."""
    from data.seed_load import NATIONAL
    from domain.periods import parse_period
    from ingest.gso_workbook import known_codes, release_date, rows_of

    codes = known_codes()
    checks = []
    for path in sorted(WORKBOOKS.glob("*.gz")):
        posted = release_date(path.name.removesuffix(".gz"), None)
        if posted < pd.Period(since, "M").start_time.date():
            continue
        rows, _ = rows_of(path, codes, posted)
        for code, geography, period, value, _, status, *_ in rows:
            if code not in tables or geography != NATIONAL:
                continue
            stored = tables[code]
            start = parse_period(str(period)).start_time.date()
            same = stored[(stored["period_start"] == start) & (stored["vintage"] == posted)]
            held = float(same["value"].iloc[0]) if len(same) else None
            checks.append(
                {
                    "workbook": path.name.removesuffix(".gz"),
                    "code": code,
                    "period": str(period),
                    "status": str(status),
                    "workbook_value": float(value),
                    "stored_value": held,
                    "equal": held is not None and abs(held - float(value)) < 1e-6,
                    "stored_releases": [
                        [str(row.vintage), row.status, float(row.value)]
                        for row in stored[stored["period_start"] == start].itertuples()
                    ],
                }
            )
    return checks


# --- the forecasters ----------------------------------------------------------------------------


def _auto(frequency: Frequency, failures: list[str], chosen: Counter) -> rr.Forecaster:
    from analytics.forecast_request import DEFAULT_HORIZONS
    from forecasting import ForecastError, forecast

    def forecaster(history: pd.Series, horizon: int) -> np.ndarray | rr.Bands:
        try:
            result = forecast(history, DEFAULT_HORIZONS[frequency], "auto", rr.BAND_LEVELS)
        except ForecastError as error:  # counted; the origin is left out of every method's score
            failures.append(f"{history.index[-1]}: {error}")
            return np.full(horizon, np.nan)
        chosen[chosen_model(result)] += 1
        return rr.Bands(
            result.point.to_numpy(float)[:horizon],
            {level: result.lower[level].to_numpy(float)[:horizon] for level in rr.BAND_LEVELS},
            {level: result.upper[level].to_numpy(float)[:horizon] for level in rr.BAND_LEVELS},
        )

    return forecaster


def _peer(name: str, frequency: Frequency) -> rr.Forecaster:
    from statsforecast import models

    def forecaster(history: pd.Series, horizon: int) -> rr.Bands:
        model = getattr(models, name)(season_length=frequency.periods_per_year)
        found = model.forecast(y=history.to_numpy(float), h=horizon, level=list(rr.BAND_LEVELS))
        return rr.Bands(
            np.asarray(found["mean"], float),
            {level: np.asarray(found[f"lo-{level}"], float) for level in rr.BAND_LEVELS},
            {level: np.asarray(found[f"hi-{level}"], float) for level in rr.BAND_LEVELS},
        )

    return forecaster


def forecaster_of(
    method: str, frequency: Frequency, failures: list[str], chosen: Counter
) -> rr.Forecaster:
    """The forecaster of ``method``; ``auto`` notes its failures and what it forecast with."""
    if method == "auto":
        return _auto(frequency, failures, chosen)
    if method == "naive":
        return rr.naive
    if method == "seasonal_naive":
        return rr.seasonal_naive
    return _peer(method, frequency)


def run_method(task: tuple[str, str, str, pd.DataFrame, pd.DataFrame]) -> dict[str, Any]:
    """One method's real-time forecasts of one series: the long table, the time, the failures
    and (for ``auto``) what it forecast with."""
    code, frequency_code, method, ordered, origins = task
    warnings.simplefilter("ignore")
    frequency = Frequency.parse(frequency_code)
    failures: list[str] = []
    chosen: Counter = Counter()
    forecaster = forecaster_of(method, frequency, failures, chosen)
    started = time.perf_counter()
    table = rr.record(ordered, origins, frequency, {method: forecaster}, name=code)
    return {
        "code": code,
        "method": method,
        "forecasts": table,
        "seconds": time.perf_counter() - started,
        "failures": failures,
        "chosen": dict(chosen.most_common()),
    }


# --- the record ---------------------------------------------------------------------------------


def _label(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Period):
        return str(value)
    if isinstance(value, pd.Timestamp | dt.date):
        return pd.Timestamp(value).date().isoformat()
    return str(value)


def origins_entry(origins: pd.DataFrame) -> dict[str, Any]:
    """What the record says of a series' origins: the counts, the real-time span, and each
    origin left out with the first date its value is known in the data."""
    real = origins[origins["status"] == rr.REAL_TIME]
    left = origins[origins["status"] != rr.REAL_TIME]
    return {
        "candidates": len(origins),
        "first_candidate": _label(origins["origin"].iloc[0]) if len(origins) else None,
        "last_candidate": _label(origins["origin"].iloc[-1]) if len(origins) else None,
        "real_time": len(real),
        "first_real_time": _label(real["origin"].iloc[0]) if len(real) else None,
        "last_real_time": _label(real["origin"].iloc[-1]) if len(real) else None,
        "not_released": int((origins["status"] == rr.NOT_RELEASED).sum()),
        "too_short": int((origins["status"] == rr.TOO_SHORT).sum()),
        "history_starts": {
            _label(start): int(count)
            for start, count in real["history_start"].value_counts(sort=False).sort_index().items()
        },
        "left_out": [
            {
                "origin": _label(row.origin),
                "status": row.status,
                "first_dated": _label(row.released_on),
                "history_start": _label(row.history_start),
                "length": int(row.length),
            }
            for row in left.itertuples()
        ],
        "real_time_origins": [
            {
                "origin": _label(row.origin),
                "released_on": _label(row.released_on),
                "release_status": row.release_status,
                "history_start": _label(row.history_start),
                "length": int(row.length),
            }
            for row in real.itertuples()
        ],
    }


def vintages_kind(ordered: pd.DataFrame, origins: pd.DataFrame) -> str:
    """``"first_and_restated"`` when some period has more than one release by the last real-time
    origin, else ``"first_only"``."""
    real = origins[origins["status"] == rr.REAL_TIME]
    if real.empty:
        return "first_only"
    known = ordered[ordered["vintage"] <= pd.Timestamp(real["as_of"].iloc[-1])]
    return "first_and_restated" if known.groupby("period_start").size().max() > 1 else "first_only"


def revisions_entry(forecasts: pd.DataFrame) -> dict[str, int]:
    """How many of the periods forecast have a latest release other than their first."""
    periods = forecasts.dropna(subset=["outcome_first"]).drop_duplicates("period")
    changed = periods["outcome_latest"] != periods["outcome_first"]
    return {"periods": len(periods), "revised": int(changed.sum())}


def _json_scores(summary: pd.DataFrame) -> list[dict[str, Any]]:
    rows = []
    for row in summary.to_dict("records"):
        rows.append(
            {
                key: (None if isinstance(value, float) and np.isnan(value) else value)
                for key, value in row.items()
            }
        )
    return rows


def code_state() -> dict[str, Any]:
    """The commit the run's code is at, and the files of the code that decides the numbers
    (forecasting, analytics, bench, data) that differ from it."""
    root = Path(__file__).resolve().parent.parent

    def git(*args: str) -> list[str]:
        done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
        return [line for line in done.stdout.splitlines() if line.strip()]

    changed = git("status", "--porcelain", "--", "forecasting", "analytics", "bench", "data")
    return {"commit": next(iter(git("rev-parse", "HEAD")), None), "changed": changed}


def versions() -> dict[str, str]:
    """Versions of the packages that decide the numbers."""
    names = ("numpy", "pandas", "scipy", "statsmodels", "statsforecast")
    return {name: version(name) for name in names}


def run(workers: int, notes: list[str]) -> dict[str, Any]:
    """Make the record: origins of every headline series, forecasts of every method at each
    real-time origin (over ``workers`` processes), scores."""
    from analytics.forecast_request import DEFAULT_HORIZONS
    from jobs.forecast_batch import MINIMUM_LENGTH

    started = time.perf_counter()
    catalogue, tables = vintaged_tables()
    series: dict[str, dict[str, Any]] = {}
    prepared: dict[str, tuple[Frequency, pd.DataFrame, pd.DataFrame]] = {}
    for code in HEADLINE_CODES:
        frequency = Frequency.parse(catalogue.loc[code, "frequency"])
        ordered = rr.releases(tables[code])
        start = pd.Period(START_MONTH, "M").asfreq(frequency.pandas)
        origins = rr.origin_table(ordered, frequency, start, MINIMUM_LENGTH[frequency])
        recorded = bool((origins["status"] == rr.REAL_TIME).any())
        series[code] = {
            "name_vi": catalogue.loc[code, "name_vi"],
            "name_en": catalogue.loc[code, "name_en"],
            "unit": catalogue.loc[code, "unit"],
            "frequency": frequency.value,
            "recorded": recorded,
            "vintages": vintages_kind(ordered, origins),
            "origins": origins_entry(origins),
        }
        if recorded:
            prepared[code] = (frequency, ordered, origins)
    tasks = sorted(
        (
            (code, frequency.value, method, ordered, origins)
            for code, (frequency, ordered, origins) in prepared.items()
            for method in METHODS
        ),
        key=lambda task: COST[task[2]],
    )
    with ProcessPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(run_method, tasks))
    for code, (frequency, ordered, origins) in prepared.items():
        mine = [outcome for outcome in outcomes if outcome["code"] == code]
        forecasts = pd.concat([outcome["forecasts"] for outcome in mine], ignore_index=True)
        released = rr.first_and_latest(ordered, frequency).index
        summary = rr.summarise(forecasts, origins, released)
        series[code].update(
            {
                "scores": _json_scores(summary),
                "revisions": revisions_entry(forecasts),
                "seconds": {outcome["method"]: round(outcome["seconds"], 1) for outcome in mine},
                "failures": [failure for outcome in mine for failure in outcome["failures"]],
                "auto_chosen": next((o["chosen"] for o in mine if o["method"] == "auto"), {}),
            }
        )
    checks = workbook_checks(tables)
    return {
        "machine": machine(),
        "versions": versions(),
        "code": code_state(),
        "settings": {
            "start": START_MONTH,
            "horizons": {f.value: h for f, h in rr.RECORD_HORIZONS.items()},
            "auto_horizon": {f.value: DEFAULT_HORIZONS[f] for f in rr.RECORD_HORIZONS},
            "min_length": {f.value: n for f, n in MINIMUM_LENGTH.items()},
            "methods": list(METHODS),
            "workers": workers,
            "seed_files": list(SEED_FILES),
        },
        "snapshots": snapshot_dates(),
        "series": series,
        "workbook_checks": checks,
        "seconds": round(time.perf_counter() - started, 1),
        "notes": notes,
    }


# --- realtime.md, rendered from the record alone ------------------------------------------------

METHOD_NAMES = {
    "auto": "auto",
    "AutoETS": "AutoETS",
    "AutoARIMA": "AutoARIMA",
    "AutoTheta": "AutoTheta",
    "naive": "naive",
    "seasonal_naive": "seasonal naive",
}
VINTAGES = {
    "first_and_restated": "first estimates and the next report's restatements",
    "first_only": "first estimates only (the data hold no restatement)",
}


CAVEATS = [
    "A release's date is the posting date at the front of the name of the GSO workbook it was "
    "read from (`data.seed_load.report_release_dates`), as the upstream corpus names them; the "
    "workbooks shipped here agree with it (see the checks above).",
    "The September 2020 report is not in the dated corpus (upstream kept only its English "
    "workbook, which was not parsed), so what it published carries the snapshot date: the first "
    "estimate of 2020-09 and, for IIP and retail, the restatement of 2020-08. Origin 2020-09 is "
    "left out of every series; from 2020-10 on, IIP and retail know 2020-08 by its first "
    "estimate and 2020-09 by its restatement (dated by the October report), and for those two "
    "series the first release of 2020-09 as the data date it is that restatement, its latest the "
    "first estimate. Exports, imports, CPI and FDI have no restatement, so 2020-09 is missing "
    "from what they know until the snapshot and their history restarts at 2020-10; quarterly "
    "GDP likewise misses 2020Q3 (published with September's report) and restarts at 2020Q4, so "
    "it has real-time origins again only once 16 quarters are known after it. No date was "
    "guessed for that report.",
]


def _spans(labels: list[str], frequency: str) -> str:
    """Consecutive periods written as spans: ``2020-10..2023-08, 2024-02``."""
    if not labels:
        return "none"
    freq = Frequency.parse(frequency).pandas
    periods = [pd.Period(label, freq) for label in labels]
    spans, first, last = [], periods[0], periods[0]
    for period in periods[1:]:
        if period == last + 1:
            last = period
            continue
        spans.append((first, last))
        first = last = period
    spans.append((first, last))
    return ", ".join(str(a) if a == b else f"{a}..{b}" for a, b in spans)


def _what_ran(report: dict) -> list[str]:
    settings, machine_ = report["settings"], report["machine"]
    horizons = settings["horizons"]
    return [
        f"- Machine: {machine_['cpu']}, {machine_['cores']} cores; Python {machine_['python']} on "
        f"{machine_['platform']}; "
        + ", ".join(f"{name} {number}" for name, number in report["versions"].items())
        + f". Wall time of the whole run: {report['seconds']:.0f} s on {settings['workers']} "
        "worker processes.",
        _code_line(report.get("code") or {}),
        "- Data: the shipped seed files "
        + ", ".join(f"`{name}`" for name in settings["seed_files"])
        + " loaded into a fresh database and read back with `data.repository.vintages`: every "
        "release of each headline series, dated by its vintage (GSO's monthly report: the posting "
        "date in the name of the workbook the value was read from; a CPI, FDI or quarterly GDP "
        "value by the report of its own month, or of its quarter's last month, "
        "`data.seed_load.OWN_REPORT_SOURCES`).",
        f"- Origins: the last day of every month from {settings['start']} (of every quarter for "
        "quarterly series) to the period before the last release. At each, the series as known "
        "that day (each period's newest release dated on or before it, as "
        "`repository.observations(as_of=...)` selects), cut to its last unbroken stretch as "
        "every forecast of the Cockpit is. An origin counts only when its own month's value was "
        "known by its last day, and when that stretch has at least "
        f"{settings['min_length']['M']} months ({settings['min_length']['Q']} quarters: the "
        "monthly batch's minimum for `--all`).",
        f"- Methods: `auto` is `forecasting.forecast(y, {settings['auto_horizon']['M']}, "
        '"auto")` on the level series, as the monthly batch (`jobs.forecast_batch`) forecasts '
        f"a headline indicator, its first {horizons['M']} months kept; statsforecast's "
        + ", ".join(PEERS)
        + " with the season length of the frequency; the naive forecast (the last value) and the "
        "seasonal naive one (the same month a year before).",
        f"- Scores, for {horizons['M']} months ({horizons['Q']} quarters) ahead: MAE and RMSE "
        "in the series' unit, MASE (each absolute error over the in-sample mean absolute error "
        "of the seasonal naive forecast on the series as known at that origin), the bias "
        "(outcome − forecast), on the origins every method forecast; against the latest "
        "release in the data and, separately, against the first.",
    ]


def _code_line(code: dict) -> str:
    if not code:
        return "- Code: not recorded by this run."
    commit = (code.get("commit") or "unknown")[:10]
    changed = code.get("changed") or []
    if not changed:
        return (
            f"- Code: commit {commit}, with no change in forecasting/, analytics/, bench/, data/."
        )
    files = ", ".join(f"`{line.split(maxsplit=1)[-1]}`" for line in changed)
    return f"- Code: commit {commit}, with uncommitted changes in {files}."


def _origins_table(report: dict) -> list[str]:
    lines = [
        "| series | candidate origins | real time | left out: own month not known by its "
        "end | left out: history too short | vintages |",
        "|---|---|---|---|---|---|",
    ]
    for code, entry in report["series"].items():
        origins = entry["origins"]
        span = (
            f"{origins['real_time']} ({origins['first_real_time']}..{origins['last_real_time']})"
            if origins["real_time"]
            else "0"
        )
        kind = VINTAGES[entry["vintages"]] if entry["recorded"] else "no dated release"
        lines.append(
            f"| {code} | {origins['candidates']} ({origins['first_candidate']}.."
            f"{origins['last_candidate']}) | {span} | {origins['not_released']} | "
            f"{origins['too_short']} | {kind} |"
        )
    return lines


def _left_out(report: dict) -> list[str]:
    snapshots = report["snapshots"]
    lines = []
    for code, entry in report["series"].items():
        origins, frequency = entry["origins"], entry["frequency"]
        left = origins["left_out"]
        if not left:
            continue
        parts = []
        unknown = [item for item in left if item["status"] == rr.NOT_RELEASED]
        if unknown:
            dated = Counter(item["first_dated"] for item in unknown)
            dates = "; ".join(
                f"{count} first dated {day}" + (f", {snapshots[day]}" if day in snapshots else "")
                if day
                else f"{count} with no release at all"
                for day, count in dated.most_common()
            )
            labels = [item["origin"] for item in unknown]
            parts.append(
                f"own value not known by the origin's last day: {_spans(labels, frequency)} "
                f"({dates})"
            )
        short = [item for item in left if item["status"] == rr.TOO_SHORT]
        if short:
            starts = sorted({item["history_start"] for item in short})
            lengths = [item["length"] for item in short]
            parts.append(
                "unbroken history known then shorter than the minimum: "
                f"{_spans([item['origin'] for item in short], frequency)} (it starts at "
                f"{', '.join(starts)}: {min(lengths)} to {max(lengths)} periods)"
            )
        lines.append(f"- {code}: " + "; ".join(parts) + ".")
        starts = origins["history_starts"]
        if len(starts) > 1:
            lines.append(
                "  The history known at the real-time origins starts at "
                + ", ".join(f"{start} ({count} origins)" for start, count in starts.items())
                + ": a period missing from the data as known cuts it."
            )
    return lines


def _checks(report: dict) -> list[str]:
    checks = report["workbook_checks"]
    if not checks:
        return ["- No shipped workbook was posted in the record's span."]
    lines = []
    workbooks = sorted({check["workbook"] for check in checks})
    for code in report["series"]:
        mine = [check for check in checks if check["code"] == code]
        if not mine:
            continue
        dated = [check for check in mine if check["stored_value"] is not None]
        equal = sum(check["equal"] for check in dated)
        undated = [check for check in mine if check["stored_value"] is None]
        line = (
            f"- {code}: {len(mine)} values in the workbooks; {len(dated)} stored with the "
            f"workbook's date, {equal} of them equal to the cell"
        )
        if undated:
            line += (
                f"; {len(undated)} not stored with that date ("
                + ", ".join(
                    f"{check['period']} {check['status']} {check['workbook_value']:g} in "
                    f"{check['workbook'][:10]}"
                    + (
                        f", stored {release[2]:g} dated {release[0]}"
                        if (release := (check["stored_releases"] or [None])[-1])
                        else ""
                    )
                    for check in undated[:4]
                )
                + (", …" if len(undated) > 4 else "")
                + ")"
            )
        lines.append(line + ".")
    return [
        f"The {len(workbooks)} GSO workbooks shipped in `data/seed/gso_workbooks` posted from "
        f"{report['settings']['start']} on ({workbooks[0][:10]} to {workbooks[-1][:10]}), read "
        "with `ingest.gso_workbook`, against the releases the database holds:",
        "",
        *lines,
    ]


def _score_tables(report: dict, outcome: str) -> list[str]:
    lines = []
    for code, entry in report["series"].items():
        if not entry["recorded"]:
            continue
        scores = [row for row in entry["scores"] if row["outcome"] == outcome]
        horizons = sorted({row["horizon"] for row in scores})
        methods = list(dict.fromkeys(row["method"] for row in scores))
        lines += [
            f"**{code}** ({entry['name_en']}, {entry['unit']}); origins scored per horizon: "
            + ", ".join(
                f"h={h}: {next(r['n'] for r in scores if r['horizon'] == h)} of "
                f"{next(r['candidates'] for r in scores if r['horizon'] == h)}"
                for h in horizons
            ),
            "",
            "| method | " + " | ".join(f"h={h} MAE / RMSE / MASE" for h in horizons) + " |",
            "|---|" + "---|" * len(horizons),
        ]
        for method in methods:
            cells = []
            for h in horizons:
                row = next(r for r in scores if r["method"] == method and r["horizon"] == h)
                cells.append(
                    "-"
                    if row["mae"] is None
                    else f"{row['mae']:,.3f} / {row['rmse']:,.3f} / {row['mase']:.3f}"
                )
            lines.append(f"| {METHOD_NAMES.get(method, method)} | " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def _losses(report: dict) -> list[str]:
    """Every series, horizon and outcome where a rival's MASE or MAE is at most ``auto``'s, and
    the horizons where a rival's mean MASE over the series is."""
    if not any(
        r["method"] == "auto" for e in report["series"].values() for r in e.get("scores", [])
    ):
        return ["- auto was not in this run."]
    lines = []
    for code, entry in report["series"].items():
        if not entry["recorded"]:
            continue
        for outcome in rr.OUTCOMES:
            if outcome == "first" and entry["vintages"] == "first_only":
                continue  # the same scores as against the latest
            scores = [row for row in entry["scores"] if row["outcome"] == outcome]
            for h in sorted({row["horizon"] for row in scores}):
                at_h = {
                    r["method"]: r for r in scores if r["horizon"] == h and r["mae"] is not None
                }
                auto = at_h.get("auto")
                if auto is None:
                    continue
                better = [
                    f"{METHOD_NAMES.get(m, m)} {r['mase']:.3f} ({r['mae']:,.3f})"
                    for m, r in sorted(at_h.items(), key=lambda item: item[1]["mase"])
                    if m != "auto" and (r["mase"] <= auto["mase"] or r["mae"] <= auto["mae"])
                ]
                if better:
                    lines.append(
                        f"- {code}, h={h}, against the {outcome} release: auto MASE "
                        f"{auto['mase']:.3f} (MAE {auto['mae']:,.3f}); at most that on MASE or "
                        "MAE: " + ", ".join(better)
                    )
    means = _mean_mase(report)
    for h, by_method in means.items():
        auto_mean = by_method.get("auto")
        better = [
            f"{METHOD_NAMES.get(m, m)} {value:.3f}"
            for m, value in sorted(by_method.items(), key=lambda item: item[1])
            if m != "auto" and auto_mean is not None and value <= auto_mean
        ]
        if better:
            lines.append(
                f"- Mean MASE over the monthly series, h={h}, against the latest release: auto "
                f"{auto_mean:.3f}; at most that: " + ", ".join(better)
            )
    return lines or ["- nowhere: auto has the lowest MAE and MASE of every series and horizon."]


def _recorded(report: dict, frequency: Frequency = Frequency.MONTH) -> list[dict]:
    """The recorded series of one frequency: their horizons count in months or in quarters."""
    return [
        e
        for e in report["series"].values()
        if e["recorded"] and Frequency.parse(e.get("frequency", Frequency.MONTH)) == frequency
    ]


def _mean_over_series(
    report: dict, score: str, frequency: Frequency = Frequency.MONTH
) -> dict[int, dict[str, float]]:
    """Per horizon and method, the mean over the recorded series of one frequency of ``score``
    against the latest release (a method missing it at a series is left out of that horizon)."""
    recorded = _recorded(report, frequency)
    values: dict[int, dict[str, list[float]]] = {}
    for entry in recorded:
        for row in entry["scores"]:
            if row["outcome"] == "latest" and row.get(score) is not None:
                values.setdefault(row["horizon"], {}).setdefault(row["method"], []).append(
                    row[score]
                )
    return {
        h: {m: float(np.mean(v)) for m, v in by_method.items() if len(v) == len(recorded)}
        for h, by_method in sorted(values.items())
    }


def _mean_mase(report: dict) -> dict[int, dict[str, float]]:
    """Per horizon and method, the mean over the recorded monthly series of the MASE against
    the latest release."""
    return _mean_over_series(report, "mase")


def _bands(report: dict) -> list[str]:
    """Coverage and MSIS of the methods' 80 % and 95 % bands, per frequency, method and horizon:
    the mean over the recorded series of that frequency, against the latest release."""
    lines = []
    for frequency, unit in ((Frequency.MONTH, "monthly"), (Frequency.QUARTER, "quarterly")):
        recorded = _recorded(report, frequency)
        scores = {
            name: _mean_over_series(report, name, frequency)
            for name in ("coverage_80", "coverage_95", "msis_80", "msis_95")
        }
        rows = [
            (method, h)
            for h, by_method in scores["coverage_80"].items()
            for method in by_method
            if not np.isnan(by_method[method])
        ]
        if not rows:
            continue
        lines += [
            f"Mean of the {len(recorded)} {unit} series ("
            + ", ".join(code for code, e in report["series"].items() if e in recorded)
            + "), each weighing the same:",
            "",
            "| method | h | coverage 80 % | coverage 95 % | MSIS 80 % | MSIS 95 % |",
            "|---|---|---|---|---|---|",
        ]
        for method, h in sorted(rows, key=lambda row: (COST.get(row[0], 9), row[1])):
            cells = [
                f"{100 * scores['coverage_80'][h][method]:.1f} %",
                f"{100 * scores['coverage_95'][h][method]:.1f} %",
                f"{scores['msis_80'][h][method]:.2f}",
                f"{scores['msis_95'][h][method]:.2f}",
            ]
            lines.append(
                f"| {METHOD_NAMES.get(method, method)} | {h} | " + " | ".join(cells) + " |"
            )
        lines.append("")
    if not lines:
        return ["No method with bands was in this run.", ""]
    return [
        "How often the outcome fell inside each method's band, and the bands' mean scaled "
        "interval score (MSIS: width plus 2/α times each miss, over the same scale as the "
        "MASE; lower is better). `auto`'s bands are those the Cockpit draws (conformal, "
        "blended with the model's own and widened by the factors learned on M3's design half, "
        "`forecasting/conformal.py`); the peers' are statsforecast's "
        "own; the naive forecasts give none. The origins are few and overlapping, so a "
        "coverage within a few points of nominal is as close as these data can tell.",
        "",
        *lines,
    ]


def _overall(report: dict) -> list[str]:
    """Mean MASE over the recorded monthly series, per method and horizon, against the latest
    release."""
    means = _mean_mase(report)
    if not means:
        return []
    horizons = list(means)
    methods = list(dict.fromkeys(m for by_method in means.values() for m in by_method))
    n_series = len(_recorded(report))
    lines = [
        f"Mean of the {n_series} monthly series' MASE against the latest release (each series "
        "weighs the same; the quarterly series has its own table below):",
        "",
        "| method | " + " | ".join(f"h={h}" for h in horizons) + " |",
        "|---|" + "---|" * len(horizons),
    ]
    for method in methods:
        cells = [f"{means[h][method]:.3f}" if method in means[h] else "-" for h in horizons]
        lines.append(f"| {METHOD_NAMES.get(method, method)} | " + " | ".join(cells) + " |")
    return lines


def _notes(report: dict) -> list[str]:
    lines = []
    for code, entry in report["series"].items():
        if not entry["recorded"]:
            continue
        revisions = entry["revisions"]
        if entry["vintages"] == "first_only":
            restated = any(
                check["code"] == code and check["status"] == "revised"
                for check in report["workbook_checks"]
            )
            lines.append(
                f"- {code}: the data hold only first releases, so its latest release is its "
                "first and the two scores are the same; "
                + (
                    "GSO does restate it in a later report (see the workbook checks), and those "
                    "restatements are not in the seed."
                    if restated
                    else "the shipped workbooks show no restatement of it either."
                )
            )
        else:
            lines.append(
                f"- {code}: {revisions['revised']} of the {revisions['periods']} periods forecast "
                "have a latest release other than their first."
            )
        if entry["failures"]:
            lines.append(
                f"- {code}: auto failed at {len(entry['failures'])} origins: "
                + "; ".join(entry["failures"][:3])
            )
        chosen = entry.get("auto_chosen") or {}
        if chosen:
            top = "; ".join(f"{model} at {n}" for model, n in list(chosen.items())[:3])
            lines.append(
                f"- {code}: auto forecast with {top} origins"
                + (" (and others)" if len(chosen) > 3 else "")
                + "."
            )
    not_recorded = [code for code, e in report["series"].items() if not e["recorded"]]
    if not_recorded:
        lines.append(
            "- Not recorded, for want of dated releases: "
            + ", ".join(not_recorded)
            + ". Their values in the seed carry the date of an upstream snapshot, so as the data "
            "know them nothing of these series was known at any origin; no first estimate was "
            "made up for them."
        )
    lines += [
        *(f"- {caveat}" for caveat in CAVEATS),
        "- The origins are months in a row and the horizons overlap, so the errors of "
        "neighbouring origins are correlated: differences between methods of a few per cent "
        "are within what another span of months could reverse. No significance test is given.",
        "- Nothing in `auto` or the peers was tuned on these results.",
        *(f"- This run: {note}" for note in report["notes"]),
    ]
    return lines


def markdown(report: dict) -> str:
    """``realtime.md`` from a run's record: what ran, which origins are real time and which were
    left out, the vintages checked against the workbooks, the scores, where ``auto`` loses."""
    lines = [
        "# Real-time forecast record on the Cockpit's own data",
        "",
        "Written by `python -m bench.realtime` (`make bench-forecast`, in the bench virtualenv of "
        "requirements-bench.txt) from its record of the run, `realtime.json`; `python -m "
        "bench.realtime --render-only` writes it again from that file alone. Not edited by hand.",
        "",
        "## What ran",
        "",
        *_what_ran(report),
        "",
        "## Which origins are real time",
        "",
        *_origins_table(report),
        "",
        *_left_out(report),
        "",
        "## The vintages against the shipped workbooks",
        "",
        *_checks(report),
        "",
        "## Accuracy against the latest release",
        "",
        *_overall(report),
        "",
        *_score_tables(report, "latest"),
        "## Accuracy against the first release",
        "",
        *_score_tables(report, "first"),
        "## Prediction bands against the latest release",
        "",
        *_bands(report),
        "## Where `auto` loses",
        "",
        *_losses(report),
        "",
        "## Notes",
        "",
        *_notes(report),
    ]
    return "\n".join(lines) + "\n"


def render(record: Path, target: Path) -> None:
    """Write ``target`` (``realtime.md``) from the run's record ``record`` (``realtime.json``)."""
    target.write_text(markdown(json.loads(record.read_text())))


def main(argv: list[str] | None = None) -> None:
    """Run the record and write the results files, or (``--render-only``) only ``realtime.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--note",
        action="append",
        default=[],
        help="something true of this run only (e.g. other work on the machine); kept in the JSON",
    )
    parser.add_argument(
        "--render-only", action="store_true", help="write realtime.md from realtime.json"
    )
    args = parser.parse_args(argv)
    if args.render_only:
        render(RESULTS / "realtime.json", RESULTS / "realtime.md")
        return
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    report = run(args.workers, args.note)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "realtime.json").write_text(json.dumps(report, indent=1, default=str) + "\n")
    render(RESULTS / "realtime.json", RESULTS / "realtime.md")
    print(markdown(report))


if __name__ == "__main__":
    main()
