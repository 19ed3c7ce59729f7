"""Benchmark of the monthly forecast batch on Dask: the whole ``--all`` batch (every indicator and
every province series) for one month, at 1 and at 2 local worker processes, beside the serial run
in one process (no Dask) as the baseline measured in the same run: with numpy's linear algebra on
one thread, as Dask runs each worker, and, for comparison, with numpy's default.

Run: ``python -m bench.forecast_batch`` (``make bench`` runs it) on the seeded database of
``make run``. Each mode runs the command ``python -m jobs.forecast_batch --period 2025-02 --all``
(with ``--serial`` or ``--workers N``) in a fresh process, on a fresh copy of that database (made
with SQLite's backup), so every run computes and stores the whole batch; the time is the command's,
from start to exit: the interpreter, the imports, the cluster's start, the forecasts and the
writes. The forecasts each mode stored are compared with the baseline's. Results go to
``bench/results/forecast_batch.json`` and ``forecast_batch.md``.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench.pages import this_machine

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SOURCE = ROOT / "var" / "cockpit.db"
PERIOD = "2025-02"
ONE_THREAD = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
"""What Dask sets in each worker process before it starts (``distributed.nanny.pre-spawn-environ``):
numpy's linear algebra on one thread."""
MODES: dict[str, tuple[list[str], dict[str, str]]] = {
    "serial, one process, no Dask (linear algebra on one thread, as in a worker)": (
        ["--serial"],
        ONE_THREAD,
    ),
    "serial, one process, no Dask (linear algebra on a thread per core, numpy's default)": (
        ["--serial"],
        {},
    ),
    "Dask, 1 worker": (["--workers", "1"], {}),
    "Dask, 2 workers": (["--workers", "2"], {}),
}
"""Each mode's options of the batch command and environment; the first is the baseline."""
SUMMARY = re.compile(
    r"Done in (?P<batch_s>[\d.]+) s: (?P<stored>\d+) stored, (?P<already>\d+) already stored, "
    r"(?P<skipped>\d+) skipped, (?P<failed>\d+) failed\."
)
SERIES = re.compile(
    r"Forecast batch \S+: (?P<series>\d+) series \((?P<national>\d+) of the country"
)
VALUES = """
SELECT r.indicator_code, r.target_transform, r.geography_code, r.model, v.period_start,
       v.quantity, v.level, v.value
FROM forecast_runs r JOIN forecast_values v ON v.run_id = r.id WHERE r.kind = 'batch'
"""


def fresh_copy(folder: Path, name: str) -> Path:
    """A consistent copy of the seeded database (SQLite's backup, WAL included)."""
    copy = folder / f"{name}.db"
    source, target = sqlite3.connect(SOURCE), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    return copy


def run_mode(database: Path, options: list[str], environment: dict[str, str]) -> dict:
    """Run the batch command on ``database`` with ``options`` and ``environment``; its figures."""
    env = {**os.environ, **environment, "COCKPIT_DATABASE_URL": f"sqlite:///{database}"}
    env.pop("COCKPIT_DASK_SCHEDULER", None)
    command = [sys.executable, "-m", "jobs.forecast_batch", "--period", PERIOD, "--all"]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, *options], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    summary, series = SUMMARY.search(done.stdout), SERIES.search(done.stdout)
    if summary is None or series is None:
        raise RuntimeError(f"the batch did not finish: {done.stdout[-2000:]}{done.stderr[-2000:]}")
    if int(summary["already"]):
        raise RuntimeError(
            f"{SOURCE} already holds forecasts of the {PERIOD} batch, so a run would not compute "
            "the whole batch: measure on a database as `make db` seeds it"
        )
    total = int(series["series"])
    return {
        "options": options,
        "environment": environment,
        "exit_status": done.returncode,
        "series": total,
        "series_national": int(series["national"]),
        "series_provinces": total - int(series["national"]),
        "stored": int(summary["stored"]),
        "skipped": int(summary["skipped"]),
        "failed": int(summary["failed"]),
        "command_s": round(seconds, 2),
        "batch_s": float(summary["batch_s"]),
        "series_per_s": round(total / seconds, 2),
        "forecasts_per_s": round(int(summary["stored"]) / seconds, 2),
    }


def stored_values(database: Path) -> dict[tuple, tuple[str, float]]:
    """Every stored batch value, by run key, period, quantity and level: the model and value."""
    with sqlite3.connect(database) as conn:
        return {row[:3] + row[4:7]: (row[3], row[7]) for row in conn.execute(VALUES)}


def measure() -> dict:
    """Every figure of the report."""
    machine = this_machine()
    modes = {}
    with tempfile.TemporaryDirectory() as folder:
        copies = {}
        for number, (name, (options, environment)) in enumerate(MODES.items()):
            copies[name] = fresh_copy(Path(folder), f"mode{number}")
            modes[name] = run_mode(copies[name], options, environment)
        baseline = stored_values(copies[next(iter(MODES))])
        for name, copy in copies.items():
            values = stored_values(copy)
            same_keys = set(values) == set(baseline)
            modes[name]["same_forecasts_as_baseline"] = same_keys and all(
                values[key][0] == baseline[key][0] for key in baseline
            )
            modes[name]["max_abs_difference_from_baseline"] = (
                max(abs(values[key][1] - baseline[key][1]) for key in baseline)
                if same_keys and baseline
                else None
            )
    machine["packages"] = {
        **machine["packages"],
        **{name: version(name) for name in ("dask", "distributed", "statsmodels", "scipy")},
    }
    machine["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return {"machine": machine, "period": PERIOD, "modes": modes}


def markdown(report: dict) -> str:
    """The report as a page of ``bench/results``."""
    machine = report["machine"]
    modes = report["modes"]
    baseline = next(iter(modes.values()))
    packages = ", ".join(f"{name} {v}" for name, v in sorted(machine["packages"].items()))
    lines = [
        "# The monthly forecast batch on Dask",
        "",
        f"Machine: {machine.get('cpu', '?')}, {machine['usable_cores']} cores, "
        f"{machine['memory_gib']} GiB, Python {machine['python']}; load average at start "
        f"{machine['load_average_at_start']}, at end {machine['load_average_at_end']}; "
        f"commit {machine['git_commit']}, {machine['date']}. {packages}. "
        "Command: `python -m bench.forecast_batch`.",
        "",
        f"`python -m jobs.forecast_batch --period {report['period']} --all` on a fresh copy of the "
        f"seeded database for each mode: {baseline['series']} series "
        f"({baseline['series_national']} of the country, {baseline['series_provinces']} of "
        f"provinces), of which {baseline['stored']} had enough data and were forecast and "
        f"stored, {baseline['skipped']} were skipped (fewer "
        "unbroken periods than three years of months or four of quarters, as known at the end "
        f"of {report['period']}) and {baseline['failed']} failed. Seconds are the command's, start "
        "to exit (the interpreter, the imports, the cluster's start, the forecasts, the writes); "
        "one run of each mode.",
        "",
        "| mode | seconds | series per second | forecasts stored per second | speed-up on "
        "the baseline (first row) | same forecasts as the baseline |",
        "|---|---|---|---|---|---|",
    ]
    for name, mode in modes.items():
        difference = mode["max_abs_difference_from_baseline"]
        same = "yes" if mode["same_forecasts_as_baseline"] and difference == 0 else "no"
        if mode["same_forecasts_as_baseline"] and difference:
            same = f"same models, values within {difference:.1e}"
        lines.append(
            f"| {name} | {mode['command_s']:.1f} | {mode['series_per_s']:.1f} | "
            f"{mode['forecasts_per_s']:.2f} | {baseline['command_s'] / mode['command_s']:.2f}× | "
            f"{same} |"
        )
    lines += [
        "",
        "The baseline is the serial run with numpy's linear algebra on one thread, as Dask runs "
        "it in each worker; left to its default (a thread per core), the serial run competes "
        "with itself and with whatever else runs, which a busy machine makes plain. Dask with "
        "one worker pays for the cluster and for sending each series and forecast between "
        "processes, with no parallelism in return; the second worker is what the cluster is for. "
        "The figures depend on what else the machine was doing (see the load averages).",
        "",
        cluster_outcome(modes),
        "",
    ]
    return "\n".join(lines)


def cluster_outcome(modes: dict[str, dict]) -> str:
    """What this run says of the cluster: its fixed cost (Dask with one worker against the
    serial baseline) and whether the second worker repaid it."""
    names = list(modes)
    baseline = modes[names[0]]["command_s"]
    one, two = modes["Dask, 1 worker"]["command_s"], modes["Dask, 2 workers"]["command_s"]
    verdict = (
        "repaid it"
        if two < baseline
        else "did not repay it: on a batch this small the serial run is the faster"
    )
    return (
        f"In this run the cluster cost about {one - baseline:.1f} s more than the serial run "
        f"(Dask with 1 worker, {one:.1f} s, against {baseline:.1f} s), and the second worker "
        f"{verdict} (Dask with 2 workers, {two:.1f} s)."
    )


def main() -> None:
    """Measure, then write the JSON and Markdown results."""
    report = measure()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "forecast_batch.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    (RESULTS / "forecast_batch.md").write_text(markdown(report))
    print(markdown(report))


if __name__ == "__main__":
    main()
