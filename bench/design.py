"""Recipe choices of ``auto``, made on the design half of M3 only (the protocol of ``bench.m3``).

Each variant of ``auto``'s seasonal pool is run on the design half (odd series numbers) of M3's
seasonal subsets, quarterly and monthly; the evaluation half is never read here. The rule that
picks the recipe (:data:`RULE`) was written before the first run, and :func:`decide` applies it.

Usage::

    python -m bench.design [--limit N] [--workers 2]

Writes ``bench/results/design.json`` and ``design.md`` (``_sample`` with ``--limit``).
"""

from __future__ import annotations

import argparse
import json
import os
import time
import warnings
from concurrent.futures import ProcessPoolExecutor

import numpy as np

from bench.forecast_data import SUBSETS, M3Series, load_m3
from bench.m3 import RESULTS, half_of, machine, mase_m3, smape_m3, versions

SEASONAL_SUBSETS = ("quarterly", "monthly")
STATE_SPACE = (
    "damped ets (state space)",
    "ets",
    {"seasonal": "auto", "trend": "add", "damped": True},
)
#: The variants compared: the current pool, and two ways of letting ETS's own state-space season
#: in (in place of ETS on the deseasonalised series, or beside it).
VARIANTS: dict[str, list[str] | None] = {
    "current": None,
    "state-space damped ets in place of ets (deseasonalised)": [
        "optimized_theta",
        "damped ets (state space)",
        "damped ets (deseasonalised)",
        "seasonal_naive",
    ],
    "state-space damped ets as a fifth member": [
        "optimized_theta",
        "ets (deseasonalised)",
        "damped ets (deseasonalised)",
        "seasonal_naive",
        "damped ets (state space)",
    ],
}
#: Backtest origins of each variant (3 unless named here): more origins give the strong-evidence
#: rule (6 origins) a say and the conformal bands more errors, at the cost of time.
ORIGINS = {"current with 6 origins": 6}
VARIANTS["current with 6 origins"] = None
INTERVAL_METHOD = (
    "auto with intervals='series_conformal' on the design half of every M3 subset; for each "
    "test-period point, the error over the band's half-width on its side; per season length "
    "(yearly and other: 1, quarterly: 4, monthly: 12) and level, the factor is the "
    "ceil((n + 1) L)-th smallest of the n ratios (split conformal across series)"
)
MASE_GAIN = 0.995
TIME_LIMIT = 1.15
RULE = (
    "a variant replaces the current pool only if its MASE, averaged over the two subsets as a "
    "ratio to the current pool's, is lower by at least 0.5 %, its sMAPE ratio is not higher, "
    "and its time is at most 15 % higher; of several such variants the lowest MASE ratio wins."
)


def _use(variant: str) -> None:
    """Make ``auto``'s seasonal pool the variant's, in this worker process."""
    from forecasting import selection

    members = VARIANTS[variant]
    if members is None:
        return
    known = {c.name: c for c in selection._SEASONAL}
    known[STATE_SPACE[0]] = selection.Candidate(*STATE_SPACE)
    selection._SEASONAL[:] = [known[name] for name in members]
    selection._SEASONAL_POOLS[:] = [selection.Pool(tuple(members))]


def _one(task: tuple[M3Series, int, int]) -> tuple[float, float, bool]:
    from forecasting import ForecastError, forecast

    series, horizon, origins = task
    warnings.simplefilter("ignore")
    try:
        result = forecast(
            series.train, horizon, "auto", intervals="model", backtest_origins=origins
        )
        point, failed = result.point.to_numpy(), False
    except ForecastError:  # as in bench.m3: the naive stands in, and the failure is counted
        point, failed = np.full(horizon, series.train.iloc[-1]), True
    m = SUBSETS[series.subset][1]
    return (
        smape_m3(series.test, point),
        mase_m3(series.test, point, series.train.to_numpy(), m),
        failed,
    )


def run(variant: str, subset: str, series: list[M3Series], workers: int) -> dict[str, float]:
    """``auto`` with the variant's pool on the series: mean sMAPE and MASE, and seconds."""
    horizon = SUBSETS[subset][0]
    started = time.perf_counter()
    with ProcessPoolExecutor(workers, initializer=_use, initargs=(variant,)) as pool:
        tasks = [(s, horizon, ORIGINS.get(variant, 3)) for s in series]
        scores = np.array(list(pool.map(_one, tasks, chunksize=4)))
    return {
        "smape": float(scores[:, 0].mean()),
        "mase": float(scores[:, 1].mean()),
        "seconds": time.perf_counter() - started,
        "n_series": len(series),
        "failed": int(scores[:, 2].sum()),
    }


def _ratios(task: tuple[M3Series, int]) -> dict[int, np.ndarray]:
    """Each test-period error of ``auto`` over its series-calibrated band's half-width on the
    error's side, per level (above 1: outside the band)."""
    from forecasting import ForecastError, forecast

    series, horizon = task
    warnings.simplefilter("ignore")
    try:
        result = forecast(series.train, horizon, "auto", intervals="series_conformal")
    except ForecastError:
        return {}
    point, actual = result.point.to_numpy(), series.test
    ratios = {}
    for level in result.levels:
        above = (result.upper[level].to_numpy() - point)[actual >= point]
        below = (point - result.lower[level].to_numpy())[actual < point]
        errors = np.abs(actual - point)
        width = np.empty(len(point))
        width[actual >= point], width[actual < point] = above, below
        with np.errstate(divide="ignore", invalid="ignore"):
            ratios[level] = np.where(width > 0, errors / width, np.inf)
    return ratios


def interval_factors(limit: int | None, workers: int) -> dict:
    """The cross-series factors (:data:`forecasting.conformal.SERIES_FACTORS`) from the design
    half of every M3 subset, pooled by season length as ``forecast`` sees it."""
    from forecasting.conformal import conformal_radius

    pooled: dict[int, dict[int, list[np.ndarray]]] = {}
    coverage: dict[str, dict[int, float]] = {}
    for subset, (horizon, m, _) in SUBSETS.items():
        design = [s for s in load_m3([subset], limit) if half_of(s.name) == "design"]
        with ProcessPoolExecutor(workers) as pool:
            found = list(pool.map(_ratios, [(s, horizon) for s in design], chunksize=4))
        by_level: dict[int, list[np.ndarray]] = {}
        for ratios in found:
            for level, values in ratios.items():
                by_level.setdefault(level, []).append(values)
                pooled.setdefault(m, {}).setdefault(level, []).append(values)
        coverage[subset] = {
            level: float(np.mean(np.concatenate(values) <= 1)) for level, values in by_level.items()
        }
        print(subset, "coverage before the factor", coverage[subset], flush=True)
    factors = {
        m: {
            level: round(conformal_radius(np.concatenate(values), level), 4)
            for level, values in by_level.items()
        }
        for m, by_level in pooled.items()
    }
    points = {
        m: int(sum(len(v) for v in by_level[min(by_level)])) for m, by_level in pooled.items()
    }
    return {"factors": factors, "points": points, "coverage_before": coverage}


def decide(results: dict[str, dict[str, dict[str, float]]]) -> str:
    """The variant the written rule picks (see the module docstring)."""
    current = results["current"]

    def ratio(variant: str, key: str) -> float:
        return float(np.mean([results[variant][s][key] / current[s][key] for s in current]))

    eligible = [
        variant
        for variant in results
        if variant != "current"
        and ratio(variant, "mase") <= MASE_GAIN
        and ratio(variant, "smape") <= 1
        and ratio(variant, "seconds") <= TIME_LIMIT
    ]
    return min(eligible, key=lambda v: ratio(v, "mase")) if eligible else "current"


def markdown(record: dict) -> str:
    """``design.md`` from the record alone."""
    results = record["results"]
    subsets = list(next(iter(results.values())))
    lines = [
        "# Design half: choices of `auto`'s recipe",
        "",
        "Written by `python -m bench.design` from `design.json`. Only the design half of M3 "
        "(odd series numbers) is read; the evaluation half is kept for `bench/results/m3.md`.",
        "",
        f"- Machine: {record['machine']['cpu']}, {record['machine']['cores']} cores; "
        + ", ".join(f"{k} {v}" for k, v in record["versions"].items())
        + ".",
        f"- Rule, written before the runs: {record['rule']}",
        "",
        "sMAPE / MASE / seconds on the design half:",
        "",
        "| variant | " + " | ".join(subsets) + " |",
        "|---|" + "---|" * len(subsets),
    ]
    for variant, by_subset in results.items():
        cells = [
            f"{f['smape']:.2f} / {f['mase']:.3f} / {f['seconds']:.0f}s ({f['n_series']} series"
            + (f", auto failed on {f['failed']}: the naive stands in" if f.get("failed") else "")
            + ")"
            for f in by_subset.values()
        ]
        lines.append(f"| {variant} | " + " | ".join(cells) + " |")
    lines += ["", f"Decision: **{record['decision']}**.", ""]
    lines += [f"- {note}" for note in record["notes"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run every variant on the design half and write the record and its page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--variant", action="append", choices=list(VARIANTS))
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument(
        "--add", action="store_true", help="keep the variants of the last record and add these"
    )
    parser.add_argument(
        "--intervals",
        action="store_true",
        help="compute the cross-series interval factors instead (interval_factors.json)",
    )
    args = parser.parse_args(argv)
    if args.intervals:
        record = {
            "machine": machine(),
            "versions": versions(),
            "method": INTERVAL_METHOD,
            **interval_factors(args.limit, args.workers),
        }
        name = f"interval_factors{'_sample' if args.limit else ''}.json"
        (RESULTS / name).write_text(json.dumps(record, indent=2) + "\n")
        print(json.dumps(record["factors"]))
        return
    suffix = "_sample" if args.limit else ""
    record_path = RESULTS / f"design{suffix}.json"
    earlier = json.loads(record_path.read_text()) if args.add and record_path.exists() else {}
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    results: dict[str, dict[str, dict[str, float]]] = earlier.get("results", {})
    for subset in SEASONAL_SUBSETS:
        design = [s for s in load_m3([subset], args.limit) if half_of(s.name) == "design"]
        for variant in args.variant or list(VARIANTS):
            results.setdefault(variant, {})[subset] = run(variant, subset, design, args.workers)
            print(variant, subset, results[variant][subset], flush=True)
    record = {
        "machine": machine(),
        "versions": versions(),
        "rule": RULE,
        "results": results,
        "decision": decide(results),
        "notes": earlier.get("notes", []) + args.note,
    }
    record_path.write_text(json.dumps(record, indent=2) + "\n")
    (RESULTS / f"design{suffix}.md").write_text(markdown(record))
    print(markdown(record))


if __name__ == "__main__":
    main()
