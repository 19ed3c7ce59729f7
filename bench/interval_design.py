"""Widening ``auto``'s series-calibrated bands across series: a design study on M3's design half.

``forecast(y, h, "auto")`` calibrates its bands on the series' own backtest errors
(:func:`forecasting.conformal.calibrate`) and then widens them by a cross-series factor
(:data:`forecasting.conformal.SERIES_FACTORS`), learned on the test periods of M3's design half
(odd series numbers). A *scheme* says which bands such a factor widens and what it may depend
on; the library holds the factors of the scheme the rules chose (the first round's (a), one per
season length and level, until the third round chose (h)). Each scheme here is learned and
scored by 2-fold cross-fitting inside the design half
(:func:`fold_of`): learned on one fold's test periods, scored on the other's, then the other way
round, the scores pooled. The evaluation half (even numbers) is never read.

The ratio of a test-period point is its absolute error over the band's half-width on the error's
side (above the point when the outcome is at or above it); a band widened by factor ``f`` on that
side holds the point when the ratio is at most ``f``. The schemes (:data:`SCHEMES`):

- (a) the current one: per season length and level, the ``⌈(n + 1) L⌉``-th smallest of the ``n``
  ratios (split conformal across series);
- (b) per season length, level and forecast step, the same way;
- (c) per season length, level and side, from the ratios of the points on that side;
- (d) per season length, level, step and side, each side's factor leaving ``α/2`` of the step's
  points beyond it (the one-sided conformal bound at ``1 - α/2``). Both ideas of (b) and (c), and
  the tails M4's interval score asks for: it is smallest, in expectation, for the ``α/2`` and
  ``1 - α/2`` quantiles (Gneiting and Raftery 2007), which an equal split of the misses between
  the sides gives and (c)'s split in proportion to the sides' points does not when errors are
  skewed.

A factor learned from fewer than :data:`MIN_POINTS` ratios (or from too few for its level) falls
back to the factor of its season length and level from the same bands (per length class for a
scheme split by length), and with too few for that, to 1. :data:`RULE`, written before the
first run, decides whether a scheme replaces (a); :func:`decide` applies it.

A second round (:data:`ROUND_2`, written after the first round's decision and before its run)
asks whether the per-series calibration itself is worth its noise: one series' backtest gives
only 18 to 54 errors, and a band scaled by their conformal quantile inherits its scatter, which
M4's interval score punishes. Its schemes widen other bands by the same rule as (a) (:data:`BASES`):

- (e) the model's own bands (``intervals="model"``), with no per-series calibration: the factor
  alone carries the coverage argument (split conformal across series);
- (f) halfway between, on a log scale: each side's half-width the geometric mean of the
  series-calibrated one and the model's own.

A third round (:data:`ROUND_3`, written after the second round's decision and before its
scores were computed from the same points) gives the factors of (a) and (f) a class of history
length: short (fewer than :data:`LONG_FROM` observations) or long. Round 2 rejected (f) for the
coverage of "other", which shares season length 1 with yearly and whose points (f)'s factor
over-covers; the model's own bands leave out the uncertainty of the estimated parameters, larger
on short series, so the widening they need should depend on the history's length. M3's yearly
series are all shorter than the bound and its other series all longer, so on season length 1 the
class also separates those subsets, which ``forecast`` cannot tell apart otherwise; quarterly
(16 to 64 observations) and monthly (48 to 126; one design-half series is shorter than
the bound) series fall on both sides.

- (g) scheme (a) with a factor per length class;
- (h) scheme (f) with a factor per length class.

Usage::

    python -m bench.interval_design [--limit N] [--workers 2] [--refit] [--note TEXT]

Forecasts each design-half series once with ``intervals="series_conformal"`` and caches one row
per test-period point in ``var/bench/interval_points.csv.gz`` (``--refit`` forecasts again), then
writes ``bench/results/interval_design.json`` and ``interval_design.md`` (``_sample`` with
``--limit``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from bench.forecast_data import REPO, SUBSETS, M3Series, load_m3
from bench.m3 import RESULTS, half_of, machine, versions
from forecasting.conformal import LONG_FROM, SERIES_FACTORS, conformal_radius, interval_scores

LEVELS = (80, 95)
SIDES = ("below", "above")
#: Fewer ratios than this and a factor falls back to the one of its season length and level.
MIN_POINTS = 50
POINTS_CACHE = REPO / "var" / "bench"
#: The folds of the design half, by series number: 1 modulo 4, and 3 modulo 4.
FOLDS = {1: "A", 3: "B"}
COVERAGE_SLACK = 3.0
MSIS_GAIN = 0.99
RULE = (
    "for each scheme, the coverage (share of test-period points inside the band) and the MSIS "
    "(mean over series of each series' MSIS, the M4 way) per subset and level, cross-fitted; a "
    "scheme replaces (a) only if its MSIS, averaged over the 8 (subset, level) cells as a ratio "
    "to (a)'s, is at most 0.99, no cell's coverage is more than 3 points below nominal where "
    "(a)'s was not, and its mean absolute coverage gap (over the 8 cells) is not larger than "
    "(a)'s; of several such schemes the lowest MSIS ratio wins."
)
ROUND_2 = (
    "schemes (e) and (f), added after the first round's decision, are judged by the same rule, "
    "each against (a), on the same cross-fitted folds."
)
ROUND_3 = (
    "schemes (g) and (h), added after the second round's decision, are judged by the same rule, "
    "each against (a), on the same cross-fitted folds; the bound of the length classes, "
    f"{LONG_FROM} observations, was set before their scores were computed."
)

#: The bands a scheme widens: their half-widths below and above the point, per level.
BASES = {
    "series": "the bands calibrated on the series' own backtest",
    "model": "the model's own bands",
    "geometric": "the geometric mean of the two",
}


@dataclass(frozen=True)
class Scheme:
    """What a cross-series factor depends on beyond season length and level (``by``: "step",
    "side" or both), how its tails are set (``"pooled"``, the conformal quantile at the level
    of the group's ratios; ``"equal"``, each side's factor the one-sided conformal bound at
    ``1 - α/2`` among the points of its group without the side, ``by`` must hold "side"), and
    which bands it widens (``base``, one of :data:`BASES`)."""

    label: str
    description: str
    by: tuple[str, ...] = ()
    tails: str = "pooled"
    base: str = "series"
    by_length: bool = False


SCHEMES = {
    "a": Scheme("a", "per season length and level (the current rule)"),
    "b": Scheme("b", "per season length, level and step", ("step",)),
    "c": Scheme("c", "per season length, level and side", ("side",)),
    "d": Scheme(
        "d",
        "per season length, level, step and side, equal tails (α/2 of the step's points "
        "beyond each side)",
        ("step", "side"),
        "equal",
    ),
    "e": Scheme("e", "the model's own bands, per season length and level", base="model"),
    "f": Scheme(
        "f",
        "the geometric mean of the series-calibrated and the model's own bands, per season "
        "length and level",
        base="geometric",
    ),
    "g": Scheme(
        "g",
        f"(a) per length class (fewer than {LONG_FROM} observations, or more)",
        by_length=True,
    ),
    "h": Scheme(
        "h",
        f"(f) per length class (fewer than {LONG_FROM} observations, or more)",
        base="geometric",
        by_length=True,
    ),
}


def fold_of(name: str) -> str:
    """The cross-fitting fold of a design-half series, by its number (``N0001``: "A")."""
    number = int("".join(c for c in name if c.isdigit()))
    if number % 2 == 0:
        raise ValueError(f"series {name} is in the evaluation half, which this study never reads")
    return FOLDS[number % 4]


def series_scale(train: np.ndarray, season_length: int) -> float:
    """The MASE and MSIS scale of a series: its in-sample mean absolute seasonal difference (lag
    1 when the series is not longer than a season), as :func:`forecasting.conformal.msis`."""
    m = season_length if len(train) > season_length else 1
    return float(np.mean(np.abs(train[m:] - train[:-m]))) if len(train) > m else math.nan


def _points(task: tuple[M3Series, int, int]) -> pd.DataFrame:
    """One row per test-period point of ``auto``'s series-calibrated forecast of one series:
    the outcome, the point and the band's half-widths below and above per level."""
    from forecasting import ForecastError, forecast

    series, horizon, m = task
    warnings.simplefilter("ignore")
    rows = {
        "series": series.name,
        "subset": series.subset,
        "season_length": m,
        "length": len(series.train),
        "step": np.arange(1, horizon + 1),
        "actual": series.test,
        "scale": series_scale(series.train.to_numpy(), m),
    }
    try:
        result = forecast(series.train, horizon, "auto", intervals="series_conformal")
        own = forecast(series.train, horizon, "auto", intervals="model")
    except ForecastError:
        nothing = np.full(horizon, np.nan)
        bands = {
            f"{prefix}{side}_{level}": nothing
            for prefix in ("", "model_")
            for level in LEVELS
            for side in SIDES
        }
        return pd.DataFrame({**rows, "point": nothing, **bands, "failed": True})
    point = result.point.to_numpy()
    for prefix, bands in (("", result), ("model_", own)):
        for level in LEVELS:
            rows[f"{prefix}below_{level}"] = point - bands.lower[level].to_numpy()
            rows[f"{prefix}above_{level}"] = bands.upper[level].to_numpy() - point
    return pd.DataFrame({**rows, "point": point, "failed": False})


def length_classed(points: pd.DataFrame) -> pd.DataFrame:
    """``points`` with each season length split by the class of the series' history length, so
    that every factor keyed by season length is learned and applied per class (the key reads,
    e.g., "1 short" or "12 long")."""
    long = points["length"] >= LONG_FROM
    return points.assign(
        season_length=points["season_length"].astype(str) + np.where(long, " long", " short")
    )


def scheme_view(points: pd.DataFrame, scheme: Scheme) -> pd.DataFrame:
    """The points as a scheme widens them: the half-widths of its base, its length classes."""
    points = half_widths(points, scheme.base)
    return length_classed(points) if scheme.by_length else points


def half_widths(points: pd.DataFrame, base: str) -> pd.DataFrame:
    """``points`` with the half-widths a scheme of this ``base`` widens in the ``below_80``,
    ``above_80``, ... columns (the series-calibrated ones are there already; the model's own are
    the ``model_`` columns)."""
    if base not in BASES:
        raise ValueError(f"base must be one of {', '.join(BASES)}, got {base!r}")
    if base == "series":
        return points
    points = points.copy()
    for level in LEVELS:
        for side in SIDES:
            own = points[f"model_{side}_{level}"].to_numpy(float)
            calibrated = points[f"{side}_{level}"].to_numpy(float)
            with np.errstate(invalid="ignore"):
                points[f"{side}_{level}"] = (
                    own if base == "model" else np.sqrt(np.clip(own, 0, None) * calibrated)
                )
    return points


def forecast_points(limit: int | None, workers: int) -> tuple[pd.DataFrame, float]:
    """The point table of every design-half series of every M3 subset, and the seconds it took."""
    import forecasting  # noqa: F401  (loaded before the workers fork, so they all run this code)

    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    tasks = [
        (series, horizon, m)
        for subset, (horizon, m, _) in SUBSETS.items()
        for series in load_m3([subset], limit)
        if half_of(series.name) == "design"
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        tables = list(pool.map(_points, tasks, chunksize=4))
    return pd.concat(tables, ignore_index=True), time.perf_counter() - started


def ratios(points: pd.DataFrame) -> pd.DataFrame:
    """One row per point and level: its group keys, the side of its error and its ratio (error
    over the half-width on that side; infinite when that half-width is zero)."""
    frames = []
    for level in LEVELS:
        error = points["actual"] - points["point"]
        above = error >= 0
        width = np.where(above, points[f"above_{level}"], points[f"below_{level}"])
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(width > 0, np.abs(error) / width, np.inf)
        frames.append(
            pd.DataFrame(
                {
                    "season_length": points["season_length"].to_numpy(),
                    "step": points["step"].to_numpy(),
                    "level": level,
                    "side": np.where(above, "above", "below"),
                    "ratio": ratio,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def one_sided_radius(side_ratios: np.ndarray, n_points: int, level: int) -> float:
    """The factor of one side that leaves ``α/2`` of ``n_points`` points beyond it: the
    ``⌈(n + 1)(1 - α/2)⌉``-th smallest of the signed ratios, those of the other side's points
    counting as below every ratio of this side (zero when the rank falls among them, infinite
    when there are too few points for the level)."""
    known = np.sort(np.asarray(side_ratios, float))
    rank = math.ceil((n_points + 1) * (1 - (100 - level) / 200)) - (n_points - len(known))
    if rank > len(known):
        return math.inf
    return float(known[rank - 1]) if rank >= 1 else 0.0


def _factor(ratio: np.ndarray, level: int, n_points: int | None) -> float:
    """The factor from one group's ratios (one-sided among ``n_points`` when given), or NaN
    when it rests on too few of them."""
    if len(ratio) < MIN_POINTS:
        return math.nan
    radius = (
        conformal_radius(ratio, level)
        if n_points is None
        else one_sided_radius(ratio, n_points, level)
    )
    return radius if math.isfinite(radius) else math.nan


def learn(points: pd.DataFrame, scheme: Scheme) -> pd.Series:
    """The scheme's factor for every (season length, level, step, side) of ``points``, learned
    from their ratios; a group with too few falls back to the factor of its season length (and
    length class, for a scheme split by length) and level from the same bands, and that one,
    with too few, to 1 (no widening)."""
    table = ratios(points[~points["failed"]])
    base = {
        (m, level): _factor(group["ratio"].to_numpy(), level, None)
        for (m, level), group in table.groupby(["season_length", "level"])
    }
    keys = ["season_length", "level", *scheme.by]
    whole = [key for key in keys if key != "side"]
    sizes = table.groupby(whole).size()
    own = {}
    for key, group in table.groupby(keys):
        named = dict(zip(keys, key, strict=True))
        n_points = int(sizes[tuple(named[k] for k in whole)]) if scheme.tails == "equal" else None
        own[key] = _factor(group["ratio"].to_numpy(), named["level"], n_points)
    grid = (
        points[["season_length", "step"]]
        .drop_duplicates()
        .merge(pd.DataFrame({"level": LEVELS}), how="cross")
        .merge(pd.DataFrame({"side": SIDES}), how="cross")
    )
    factors = []
    for row in grid.itertuples(index=False):
        factor = own.get(tuple(getattr(row, k) for k in keys), math.nan)
        if math.isnan(factor):
            factor = base.get((row.season_length, row.level), math.nan)
        factors.append(1.0 if math.isnan(factor) else factor)
    index = pd.MultiIndex.from_frame(grid[["season_length", "level", "step", "side"]])
    return pd.Series(factors, index=index, name="factor")


def widened(points: pd.DataFrame, factors: pd.Series) -> pd.DataFrame:
    """``points`` (those forecast) with the bounds of each level widened by ``factors`` about
    the point, side by side (columns ``lower_80``, ``upper_80``, ...)."""
    points = points[~points["failed"]].copy()
    point = points["point"].to_numpy(float)
    for level in LEVELS:
        for side, sign, bound in (("below", -1, "lower"), ("above", 1, "upper")):
            where = pd.MultiIndex.from_arrays(
                [
                    points["season_length"],
                    np.full(len(points), level),
                    points["step"],
                    np.full(len(points), side),
                ]
            )
            factor = factors.reindex(where).to_numpy(float)
            width = points[f"{side}_{level}"].to_numpy(float)
            points[f"{bound}_{level}"] = point + sign * factor * width
    return points


def score(bounded: pd.DataFrame) -> dict[str, dict[int, dict[str, float]]]:
    """Per subset and level, from points with their bounds (:func:`widened`): the share of
    points inside the band, and the mean over series of each series' MSIS (the band's width
    plus ``2/α`` times each miss, averaged over the horizon, over the series' scale; series
    with a zero scale left out, as :func:`forecasting.conformal.msis` does)."""
    actual = bounded["actual"].to_numpy(float)
    scale = bounded["scale"].where(bounded["scale"] > 0).to_numpy(float)
    scores: dict[str, dict[int, dict[str, float]]] = {}
    for level in LEVELS:
        lower = bounded[f"lower_{level}"].to_numpy(float)
        upper = bounded[f"upper_{level}"].to_numpy(float)
        frame = pd.DataFrame(
            {
                "subset": bounded["subset"].to_numpy(),
                "series": bounded["series"].to_numpy(),
                "inside": (actual >= lower) & (actual <= upper),
                "interval_score": interval_scores(actual, lower, upper, level) / scale,
            }
        )
        per_series = frame.groupby(["subset", "series"])["interval_score"].mean()
        for subset, group in frame.groupby("subset"):
            scores.setdefault(subset, {})[level] = {
                "coverage": float(group["inside"].mean()),
                "msis": float(np.nanmean(per_series[subset].to_numpy())),
            }
    return {subset: scores[subset] for subset in SUBSETS if subset in scores}


def cross_fit(points: pd.DataFrame, scheme: Scheme) -> dict[str, dict[int, dict[str, float]]]:
    """The scheme's scores when each fold is widened by factors learned on the other fold only,
    the two folds' points pooled."""
    points = scheme_view(points, scheme)
    folds = points["series"].map(fold_of)
    return score(
        pd.concat(
            [
                widened(points[folds == fold], learn(points[folds != fold], scheme))
                for fold in FOLDS.values()
            ],
            ignore_index=True,
        )
    )


Scores = dict[str, dict[str, dict[int, dict[str, float]]]]


def _cells(results: Scores) -> list[tuple[str, int]]:
    return [(subset, level) for subset, by_level in results["a"].items() for level in by_level]


def summary(results: Scores, scheme: str) -> dict[str, object]:
    """What :data:`RULE` weighs, for one scheme: its MSIS as a ratio to (a)'s averaged over the
    (subset, level) cells, its mean absolute coverage gap in points, and the cells whose
    coverage is more than :data:`COVERAGE_SLACK` points below nominal."""
    cells = _cells(results)

    def gap(subset: str, level: int) -> float:
        return 100 * results[scheme][subset][level]["coverage"] - level

    return {
        "msis_ratio": float(
            np.mean(
                [results[scheme][s][lv]["msis"] / results["a"][s][lv]["msis"] for s, lv in cells]
            )
        ),
        "mean_coverage_gap": float(np.mean([abs(gap(s, lv)) for s, lv in cells])),
        "short_cells": [f"{s} {lv}" for s, lv in cells if gap(s, lv) < -COVERAGE_SLACK],
    }


def decide(results: Scores) -> str:
    """The scheme :data:`RULE` picks, or "a"."""
    current = summary(results, "a")
    passing = {}
    for scheme in results:
        if scheme == "a":
            continue
        found = summary(results, scheme)
        if (
            found["msis_ratio"] <= MSIS_GAIN
            and set(found["short_cells"]) <= set(current["short_cells"])
            and found["mean_coverage_gap"] <= current["mean_coverage_gap"]
        ):
            passing[scheme] = found["msis_ratio"]
    return min(passing, key=passing.__getitem__) if passing else "a"


def factor_table(factors: pd.Series) -> dict[str, dict[str, dict[str, list[float]]]]:
    """Learned factors as the record keeps them: season length -> level -> side -> one factor
    per step from 1, rounded to 4 places."""
    table: dict[str, dict[str, dict[str, list[float]]]] = {}
    for (m, level, side), by_step in factors.groupby(level=["season_length", "level", "side"]):
        steps = by_step.droplevel(["season_length", "level", "side"]).sort_index()
        table.setdefault(str(m), {}).setdefault(str(level), {})[side] = [
            round(float(f), 4) for f in steps
        ]
    return table


def analyse(points: pd.DataFrame) -> dict[str, object]:
    """The study of a point table: what it holds per subset, every scheme's cross-fitted scores
    and what :data:`RULE` weighs of them, the decision, and every scheme's factors learned on
    the whole table."""
    results = {label: cross_fit(points, scheme) for label, scheme in SCHEMES.items()}
    return {
        "points": {
            subset: {
                "horizon": SUBSETS[subset][0],
                "series": int(group["series"].nunique()),
                "failed": int(group.loc[group["failed"], "series"].nunique()),
                "points": int((~group["failed"]).sum()),
            }
            for subset, group in points.groupby("subset", sort=False)
        },
        "results": results,
        "summary": {label: summary(results, label) for label in results},
        "decision": decide(results),
        "factors": {
            label: factor_table(learn(scheme_view(points, scheme), scheme))
            for label, scheme in SCHEMES.items()
        },
    }


def code_state() -> dict[str, object]:
    """The commit the points were forecast with, and the files of ``forecasting/`` that differed
    from it then (others' work in progress in the same checkout)."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=REPO, capture_output=True, text=True, check=False
        ).stdout

    changed = git("status", "--porcelain", "--", "forecasting").splitlines()
    return {
        "commit": git("rev-parse", "HEAD").strip(),
        "uncommitted_in_forecasting": [line.split(maxsplit=1)[1] for line in changed],
    }


def _percent(share: float) -> str:
    return f"{100 * share:.1f}"


def _scheme_tables(record: dict) -> list[str]:
    results, summaries = record["results"], record["summary"]
    cells = [(s, lv) for s, by_level in results["a"].items() for lv in by_level]
    header = "| scheme | " + " | ".join(f"{s} {lv}" for s, lv in cells)
    rule = "|---|" + "---|" * len(cells)
    coverage = [
        "Coverage, % of test-period points inside the band (cross-fitted):",
        "",
        header + " | mean gap | > 3 points short |",
        rule + "---|---|",
    ]
    msis = [
        "MSIS, mean over series (cross-fitted):",
        "",
        header + " | ratio to (a) |",
        rule + "---|",
    ]
    for scheme, by_subset in results.items():
        name = f"({scheme}) {record['schemes'][scheme]}"
        found = summaries[scheme]
        coverage.append(
            f"| {name} | "
            + " | ".join(_percent(by_subset[s][lv]["coverage"]) for s, lv in cells)
            + f" | {found['mean_coverage_gap']:.2f} | {', '.join(found['short_cells']) or '–'} |"
        )
        msis.append(
            f"| {name} | "
            + " | ".join(f"{by_subset[s][lv]['msis']:.2f}" for s, lv in cells)
            + f" | {found['msis_ratio']:.4f} |"
        )
    return [*coverage, "", *msis]


def _factor_lines(record: dict, scheme: str) -> list[str]:
    factors = record["factors"][scheme]
    longest = max(
        len(steps) for m in factors.values() for lv in m.values() for steps in lv.values()
    )
    lines = [
        f"Factors of ({scheme}) learned on the whole design half, by step:",
        "",
        "| season length | level | side | "
        + " | ".join(str(h) for h in range(1, longest + 1))
        + " |",
        "|---|---|---|" + "---|" * longest,
    ]
    for m, by_level in factors.items():
        for level, by_side in by_level.items():
            for side, steps in by_side.items():
                shown = [f"{f:.3f}" for f in steps] + ["–"] * (longest - len(steps))
                lines.append(f"| {m} | {level} | {side} | " + " | ".join(shown) + " |")
    return lines


def markdown(record: dict) -> str:
    """``interval_design.md`` from the record alone."""
    points, code = record["points"], record["code"]
    ran = ", ".join(
        f"{subset} {found['series']} series (horizon {found['horizon']}"
        + (f"; auto failed on {found['failed']}, left out" if found["failed"] else "")
        + ")"
        for subset, found in points.items()
    )
    changed = code["uncommitted_in_forecasting"]
    decision = record["decision"]
    current = record["factors"][decision]
    library = record["library_factors"]
    check = "; ".join(
        f"season length {m}: "
        + ", ".join(
            f"{level} % ×{by_side['above'][0]:.4f} (library ×{library[m][level]:.4f})"
            for level, by_side in by_level.items()
        )
        for m, by_level in current.items()
        if m in library
    )
    lines = [
        "# Design half: how to widen `auto`'s bands across series",
        "",
        "Written by `python -m bench.interval_design` from `interval_design.json`. Only the design "
        "half of M3 (odd series numbers) is read; the evaluation half is kept for "
        "`bench/results/m3.md`.",
        "",
        f"- Machine: {record['machine']['cpu']}, {record['machine']['cores']} cores; "
        + ", ".join(f"{k} {v}" for k, v in record["versions"].items())
        + ".",
        f"- Code: commit `{code['commit'][:10]}`"
        + (
            f", with others' uncommitted changes to {', '.join(f'`{c}`' for c in changed)} "
            "in the checkout"
            if changed
            else ""
        )
        + ".",
        f"- What ran: {record['method']} Once per series: {ran}; "
        f"{record['forecast_seconds']:.0f} s on {record['workers']} workers.",
        f"- Cross-fitting: {record['folds']}",
        "- Schemes: "
        + "; ".join(f"({k}) {v}" for k, v in record["schemes"].items())
        + f". A factor from fewer than {record['min_points']} ratios falls back to the one of "
        "its season length (and length class) and level, and with too few for that, to 1 (no "
        "widening).",
        f"- Rule, written before the first run: {record['rule']}",
        *(
            [f"- Round 2, written before its run: {record['rule_round_2']}"]
            if "rule_round_2" in record
            else []
        ),
        *(
            [f"- Round 3, written before its scores: {record['rule_round_3']}"]
            if "rule_round_3" in record
            else []
        ),
        "",
        *_scheme_tables(record),
        "",
        f"Decision: **({record['decision']}) {record['schemes'][record['decision']]}**.",
        "",
        f"({decision}) learned on the whole design half: {check}.",
    ]
    if record["decision"] != "a":
        lines += ["", *_factor_lines(record, record["decision"])]
    if record["notes"]:
        lines += ["", *[f"- {note}" for note in record["notes"]]]
    return "\n".join(lines) + "\n"


METHOD = (
    '`forecast(series.train, horizon, "auto", intervals="series_conformal")` (the bands '
    "calibrated on the series' own backtest, before any cross-series factor) and, for the second "
    'round, `intervals="model"` (the model\'s own bands) on the design half of every M3 subset; '
    "for each test-period point, the error over the band's half-width on the error's side; "
    "season lengths as `forecast` sees them (yearly and other: 1, quarterly: 4, monthly: 12)."
)
FOLD_TEXT = (
    "fold A holds the design-half series numbered 1 modulo 4, fold B those numbered 3 modulo 4; "
    "each fold is widened by factors learned on the other only, and the two folds' points are "
    "scored together."
)


def with_lengths(points: pd.DataFrame) -> pd.DataFrame:
    """``points`` with each series' history length (a table cached before the third round has
    none: it is read from the M3 data, which the forecasts were made from)."""
    if "length" in points:
        return points
    lengths = {s.name: len(s.train) for s in load_m3(list(SUBSETS)) if half_of(s.name) == "design"}
    return points.assign(length=points["series"].map(lengths))


def has_every_base(cache: Path) -> bool:
    """Whether the cached point table exists and holds the half-widths of every base (a table
    from before the second round lacks the model's own)."""
    if not cache.exists():
        return False
    columns = pd.read_csv(cache, nrows=0).columns
    return all(f"model_{side}_{level}" in columns for level in LEVELS for side in SIDES)


def main(argv: list[str] | None = None) -> None:
    """Forecast (or read the cached points), cross-fit every scheme, decide, and write the
    record and its page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--refit", action="store_true", help="forecast again, not from the cache")
    parser.add_argument("--note", action="append", default=[])
    args = parser.parse_args(argv)
    suffix = "_sample" if args.limit else ""
    cache = POINTS_CACHE / f"interval_points{suffix}.csv.gz"
    provenance = POINTS_CACHE / f"interval_points{suffix}.json"
    record = {
        "machine": machine(),
        "versions": versions(),
        "method": METHOD,
        "folds": FOLD_TEXT,
        "schemes": {k: s.description for k, s in SCHEMES.items()},
        "min_points": MIN_POINTS,
        "rule": RULE,
        "rule_round_2": ROUND_2,
        "rule_round_3": ROUND_3,
        "library_factors": {
            f"{m} {length}": {str(lv): f for lv, f in by_level.items()}
            for m, by_class in SERIES_FACTORS.items()
            for length, by_level in by_class.items()
        },
        "notes": args.note,
    }
    record_path = RESULTS / f"interval_design{suffix}.json"
    if args.refit or not has_every_base(cache):
        record_path.write_text(json.dumps(record, indent=2) + "\n")  # the plan, before the run
        state = code_state()
        points, seconds = forecast_points(args.limit, args.workers)
        cache.parent.mkdir(parents=True, exist_ok=True)
        points.to_csv(cache, index=False)
        provenance.write_text(
            json.dumps({"code": state, "seconds": seconds, "workers": args.workers}) + "\n"
        )
    points = with_lengths(pd.read_csv(cache))
    made = json.loads(provenance.read_text())
    record |= {
        "code": made["code"],
        "forecast_seconds": made["seconds"],
        "workers": made["workers"],
        **analyse(points),
    }
    record_path.write_text(json.dumps(record, indent=2) + "\n")
    page = markdown(json.loads(record_path.read_text()))
    (RESULTS / f"interval_design{suffix}.md").write_text(page)
    print(page)


if __name__ == "__main__":
    main()
