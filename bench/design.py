"""Recipe choices of ``auto``, made on the design half of M3 only (the protocol of ``bench.m3``).

Each variant is a :class:`~forecasting.selection.Recipe` that ``auto`` is given; it is run on the
design half (odd series numbers) of the M3 subsets whose pool it changes (quarterly and monthly
for the seasonal pool, yearly and other for the non-seasonal ones), and the current recipe on
all four; the evaluation half is never read here. The rule that picks the recipe (:data:`RULE`)
was written before the first run, the subsets each variant is judged on are written into the
record before its run, and :func:`decide` applies the rule.

Usage::

    python -m bench.design [--limit N] [--workers 2] [--variant NAME] [--subset NAME] [--add]

Writes ``bench/results/design.json`` and ``design.md`` (``_sample`` with ``--limit``).
"""

from __future__ import annotations

import argparse
import json
import os
import time
import warnings
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace

import numpy as np

from bench.forecast_data import SUBSETS, M3Series, load_m3
from bench.m3 import RESULTS, half_of, machine, mase_m3, smape_m3, versions
from forecasting.selection import DEFAULT_RECIPE, Candidate, Pool, Recipe

SEASONAL_SUBSETS = ("quarterly", "monthly")
NON_SEASONAL_SUBSETS = ("yearly", "other")


@dataclass(frozen=True)
class Variant:
    """A recipe of ``auto`` tried on the design half, its backtest origins, and the subsets it
    is judged on: those whose pool it changes (the current recipe runs on every subset)."""

    recipe: Recipe
    judged_on: tuple[str, ...]
    origins: int = 3


_KNOWN = {c.name: c for c in (*DEFAULT_RECIPE.seasonal, *DEFAULT_RECIPE.non_seasonal)}
_KNOWN.update(
    {
        c.name: c
        for c in (
            Candidate(
                "damped ets (state space)",
                "ets",
                {"seasonal": "auto", "trend": "add", "damped": True},
            ),
            Candidate("ses", "ets", {"error": "add", "trend": "none"}),
            Candidate("holt", "ets", {"error": "add", "trend": "add", "damped": False}),
            Candidate("ets (either error)", "ets", {}),
        )
    }
)


def seasonal_pool(*members: str, how: str = "median") -> Recipe:
    """The default recipe with one seasonal pool of the named candidates, and only them."""
    return replace(
        DEFAULT_RECIPE,
        seasonal=tuple(_KNOWN[name] for name in members),
        seasonal_pools=(Pool(members, how),),
    )


def non_seasonal_pools(*pools: Pool) -> Recipe:
    """The default recipe with these non-seasonal pools, and their members as candidates."""
    names = list(dict.fromkeys(name for pool in pools for name in pool.members))
    return replace(
        DEFAULT_RECIPE,
        non_seasonal=tuple(_KNOWN[name] for name in names),
        non_seasonal_pools=pools,
    )


_TREND = ("optimized_theta", "ets (additive error)", "naive", "drift")
_LEVEL = ("optimized_theta", "ets (additive error)", "damped ets", "naive")
_FIVE = ("optimized_theta", "ets (additive error)", "damped ets", "naive", "drift")


def _either(pool: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("ets (either error)" if name == "ets (additive error)" else name for name in pool)


_EITHER_TREND, _EITHER_LEVEL, _EITHER_FIVE = _either(_TREND), _either(_LEVEL), _either(_FIVE)
#: The variants compared, each with the subsets it is judged on, written before its first run.
#: The first round: two ways of letting ETS's own state-space season into the seasonal pool (in
#: place of ETS on the deseasonalised series, or beside it), and 6 origins instead of 3 (more
#: origins give the strong-evidence rule a say and the conformal bands more errors, at a cost
#: in time). The second round: the pools' median replaced by the mean weighted by the members'
#: inverse backtest MASE (seasonal and non-seasonal apart); damped ETS added to the
#: trend-following pool, since the damped trend is the robust choice for yearly data (Gardner
#: and McKenzie 1985; it did well in M3); and the M4 benchmark "Comb" (the mean of SES, Holt and
#: damped exponential smoothing; Makridakis et al. 2020) as a third non-seasonal pool. The third
#: round: ETS choosing its error (additive or multiplicative) by AICc as AutoETS does (Hyndman et
#: al. 2008), in place of ETS with additive error only, in both non-seasonal pools; one pool of
#: all five non-seasonal members in place of choosing between two pools on a 3-origin backtest
#: (combining rather than selecting, the lesson of M3 and M4); and the two together.
VARIANTS: dict[str, Variant] = {
    "current": Variant(DEFAULT_RECIPE, tuple(SUBSETS)),
    "state-space damped ets in place of ets (deseasonalised)": Variant(
        seasonal_pool(
            "optimized_theta",
            "damped ets (state space)",
            "damped ets (deseasonalised)",
            "seasonal_naive",
        ),
        SEASONAL_SUBSETS,
    ),
    "state-space damped ets as a fifth member": Variant(
        seasonal_pool(
            "optimized_theta",
            "ets (deseasonalised)",
            "damped ets (deseasonalised)",
            "seasonal_naive",
            "damped ets (state space)",
        ),
        SEASONAL_SUBSETS,
    ),
    "current with 6 origins": Variant(DEFAULT_RECIPE, SEASONAL_SUBSETS, origins=6),
    "weighted seasonal pool": Variant(
        seasonal_pool(*(c.name for c in DEFAULT_RECIPE.seasonal), how="weighted"),
        SEASONAL_SUBSETS,
    ),
    "weighted non-seasonal pools": Variant(
        non_seasonal_pools(Pool(_TREND, "weighted"), Pool(_LEVEL, "weighted")),
        NON_SEASONAL_SUBSETS,
    ),
    "damped ets in the trend-following pool": Variant(
        non_seasonal_pools(Pool((*_TREND, "damped ets")), Pool(_LEVEL)),
        NON_SEASONAL_SUBSETS,
    ),
    "M4 Comb (ses, holt, damped ets) as a third non-seasonal pool": Variant(
        non_seasonal_pools(Pool(_TREND), Pool(_LEVEL), Pool(("ses", "holt", "damped ets"), "mean")),
        NON_SEASONAL_SUBSETS,
    ),
    "ets with either error in the non-seasonal pools": Variant(
        non_seasonal_pools(Pool(_EITHER_TREND), Pool(_EITHER_LEVEL)),
        NON_SEASONAL_SUBSETS,
    ),
    "one non-seasonal pool of the five members": Variant(
        non_seasonal_pools(Pool(_FIVE)),
        NON_SEASONAL_SUBSETS,
    ),
    "one pool of the five, ets with either error": Variant(
        non_seasonal_pools(Pool(_EITHER_FIVE)),
        NON_SEASONAL_SUBSETS,
    ),
}
MASE_GAIN = 0.995
TIME_LIMIT = 1.15
RULE = (
    "a variant replaces the current recipe only if its MASE, averaged over the subsets it is "
    "judged on (those whose pool it changes, named in the record before its run) as a ratio to "
    "the current recipe's, is lower by at least 0.5 %, its sMAPE ratio so averaged is not "
    "higher, and its time is at most 15 % higher; of several such variants the lowest MASE "
    "ratio wins."
)


def _one(task: tuple[M3Series, int, Recipe, int]) -> tuple[float, float, bool]:
    from forecasting import ForecastError, forecast

    series, horizon, recipe, origins = task
    warnings.simplefilter("ignore")
    try:
        result = forecast(
            series.train,
            horizon,
            "auto",
            intervals="model",
            backtest_origins=origins,
            recipe=recipe,
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


def run(variant: Variant, subset: str, series: list[M3Series], workers: int) -> dict[str, float]:
    """``auto`` with the variant's recipe on the series: mean sMAPE and MASE, and seconds."""
    horizon = SUBSETS[subset][0]
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        tasks = [(s, horizon, variant.recipe, variant.origins) for s in series]
        scores = np.array(list(pool.map(_one, tasks, chunksize=4)))
    return {
        "smape": float(scores[:, 0].mean()),
        "mase": float(scores[:, 1].mean()),
        "seconds": time.perf_counter() - started,
        "n_series": len(series),
        "failed": int(scores[:, 2].sum()),
    }


def judged_subsets(
    results: dict[str, dict[str, dict[str, float]]],
    variant: str,
    judged_on: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """The subsets ``variant`` is judged on: as written in ``judged_on`` (by default
    :data:`VARIANTS`), else every subset it was run on."""
    named = judged_on if judged_on is not None else {k: v.judged_on for k, v in VARIANTS.items()}
    return list(named.get(variant, results[variant]))


def ratios(
    results: dict[str, dict[str, dict[str, float]]],
    variant: str,
    judged_on: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, float]:
    """sMAPE, MASE and seconds of ``variant`` over the current recipe's, each averaged over the
    subsets it is judged on."""
    current, subsets = results["current"], judged_subsets(results, variant, judged_on)
    return {
        key: float(np.mean([results[variant][s][key] / current[s][key] for s in subsets]))
        for key in ("smape", "mase", "seconds")
    }


def decide(
    results: dict[str, dict[str, dict[str, float]]],
    judged_on: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The variant the written rule (:data:`RULE`) picks, or "current"."""
    eligible = {
        variant: ratios(results, variant, judged_on) for variant in results if variant != "current"
    }
    passing = [
        variant
        for variant, r in eligible.items()
        if r["mase"] <= MASE_GAIN and r["smape"] <= 1 and r["seconds"] <= TIME_LIMIT
    ]
    return min(passing, key=lambda v: eligible[v]["mase"]) if passing else "current"


def markdown(record: dict) -> str:
    """``design.md`` from the record alone."""
    results, judged_on = record["results"], record.get("judged_on", {})
    subsets = [s for s in SUBSETS if any(s in by_subset for by_subset in results.values())]
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
        "sMAPE / MASE / seconds on the design half, and the ratios to the current recipe "
        "averaged over the subsets each variant is judged on:",
        "",
        "| variant | judged on | " + " | ".join(subsets) + " | sMAPE / MASE / time ratio |",
        "|---|---|" + "---|" * (len(subsets) + 1),
    ]
    known = list(VARIANTS)
    for variant in sorted(results, key=lambda v: known.index(v) if v in known else len(known)):
        by_subset = results[variant]
        cells = [
            f"{f['smape']:.2f} / {f['mase']:.3f} / {f['seconds']:.0f}s ({f['n_series']} series"
            + (f", auto failed on {f['failed']}: the naive stands in" if f.get("failed") else "")
            + ")"
            if (f := by_subset.get(subset))
            else "–"
            for subset in subsets
        ]
        judged = judged_subsets(results, variant, judged_on)
        if variant == "current":
            ratio = "–"
        else:
            r = ratios(results, variant, judged_on)
            ratio = f"{r['smape']:.3f} / {r['mase']:.3f} / {r['seconds']:.2f}"
        lines.append(f"| {variant} | {', '.join(judged)} | " + " | ".join(cells) + f" | {ratio} |")
    lines += ["", f"Decision: **{record['decision']}**.", ""]
    lines += [f"- {note}" for note in record["notes"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run the variants on the design half and write the record and its page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--variant", action="append", choices=list(VARIANTS))
    parser.add_argument(
        "--subset", action="append", choices=list(SUBSETS), help="only these subsets"
    )
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument(
        "--add", action="store_true", help="keep the variants of the last record and add these"
    )
    args = parser.parse_args(argv)
    suffix = "_sample" if args.limit else ""
    record_path = RESULTS / f"design{suffix}.json"
    earlier = json.loads(record_path.read_text()) if args.add and record_path.exists() else {}
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    results: dict[str, dict[str, dict[str, float]]] = earlier.get("results", {})
    variants = args.variant or list(VARIANTS)
    judged_on = {
        **earlier.get("judged_on", {}),
        **{name: list(VARIANTS[name].judged_on) for name in variants},
    }

    def record() -> dict:
        return {
            "machine": machine(),
            "versions": versions(),
            "rule": RULE,
            "judged_on": judged_on,
            "results": results,
            "decision": decide(results, judged_on) if "current" in results else "current",
            "notes": earlier.get("notes", []) + args.note,
        }

    record_path.write_text(json.dumps(record(), indent=2) + "\n")  # the plan, before the runs
    for subset in args.subset or list(SUBSETS):
        wanted = [name for name in variants if subset in VARIANTS[name].judged_on]
        if not wanted:
            continue
        design = [s for s in load_m3([subset], args.limit) if half_of(s.name) == "design"]
        for name in wanted:
            results.setdefault(name, {})[subset] = run(VARIANTS[name], subset, design, args.workers)
            print(name, subset, results[name][subset], flush=True)
    record_path.write_text(json.dumps(record(), indent=2) + "\n")
    (RESULTS / f"design{suffix}.md").write_text(markdown(record()))
    print(markdown(record()))


if __name__ == "__main__":
    main()
