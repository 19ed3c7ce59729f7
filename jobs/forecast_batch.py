"""The monthly forecast batch: ``python -m jobs.forecast_batch --period 2026-11 [--all]``.

It forecasts, for the month ``--period``, every indicator that has a saved configuration (with that
configuration) and the Overview's headline indicators (in levels, ``auto`` unless a configuration
says otherwise); ``--all`` adds every monthly and quarterly indicator with enough data, and every
province series with enough (the by-province series of GSO's workbook, each forecast in levels with
``auto`` on its own province's observations). The data are the observations as known at the end of
that month (or today, if sooner), so a batch for a past month sees what was known then. Results are
stored as runs of kind ``batch``, author ``system``, one per indicator, transformation, month and
geography.

The forecasts are computed on Dask (``dask.distributed``): by default on a local cluster of one
single-threaded worker process per core (``--workers N`` for another number), or on an existing
cluster when ``COCKPIT_DASK_SCHEDULER`` holds its scheduler's address (``tcp://host:8786``; its
workers must run this project's code and requirements). ``--serial`` computes in this process,
without Dask. Workers only forecast (:func:`jobs.forecast_work.forecast_job`, on plain pandas
series); this process reads the database once and stores each forecast through ``services`` as it
arrives, so a worker never touches the database.

A series that fails (whatever the error) is reported with its reason and the others go on. What is
already stored for the month is left out before anything is computed, and each forecast is stored
in its own transaction as it arrives (the database's unique index refuses a second one), so a run
that was interrupted, run again, computes and stores only what is missing. One line per series
says what happened and how long it took; the exit status is 1 if any series failed, so a scheduler
notices.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING

import pandas as pd
from sqlalchemy import Engine

from analytics.observations import series
from data import forecasts, repository
from data.engine import make_engine
from data.migrate import upgrade
from domain.errors import InputError
from domain.headlines import HEADLINE_CODES
from domain.periods import parse_period, period_label
from domain.vocabulary import NATIONAL_GEOGRAPHY, Frequency
from jobs.forecast_work import Computed, Job, forecast_job, too_short
from services import forecasts as forecast_service

if TYPE_CHECKING:
    from distributed import Client

MINIMUM_LENGTH = {Frequency.MONTH: 36, Frequency.QUARTER: 16}
"""Unbroken periods a series needs for ``--all`` (three years of months, four of quarters)."""

NOTHING_OBSERVED = pd.DataFrame(columns=["indicator_code", "period_start", "value", "vintage"])
"""The observations of a series with none known yet."""

SCHEDULER_VARIABLE = "COCKPIT_DASK_SCHEDULER"
"""The environment variable with the address of an existing Dask cluster's scheduler."""


@dataclass
class Outcome:
    """What the batch did: runs stored, series already stored, skipped, and failed (with why)."""

    stored: list[int] = field(default_factory=list)
    already_stored: int = 0
    skipped: int = 0
    failures: list[tuple[Job, str]] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """How many series failed."""
        return len(self.failures)


@dataclass(frozen=True)
class Task:
    """A job with what a worker needs to compute it: the series, its frequency, the minimum."""

    job: Job
    observed: pd.Series
    frequency: str
    minimum: int


def plan(
    configs: pd.DataFrame,
    catalogue: pd.DataFrame,
    codes: Sequence[str],
    everything: bool,
    provinces: pd.DataFrame | None = None,
) -> list[Job]:
    """The jobs of a batch: ``codes`` (and with ``everything`` each monthly or quarterly indicator
    with enough observations) in levels with ``auto``, unless configurations say otherwise, plus
    every configuration; with ``everything``, also each series of ``provinces``
    (``repository.province_series``) with enough observations, in levels with ``auto``. Codes not
    in the catalogue are left out."""
    known = set(catalogue["code"])
    wanted = [code for code in codes if code in known]
    if everything:
        wanted += list(catalogue.loc[_enough(catalogue), "code"])
    configured = {
        (row.indicator_code, row.target_transform): Job(
            row.indicator_code, row.target_transform, row.method, dict(row.settings)
        )
        for row in configs.itertuples()
        if row.indicator_code in known
    }
    configured_codes = {code for code, _ in configured}
    jobs = [Job(code) for code in dict.fromkeys(wanted) if code not in configured_codes]
    jobs += configured.values()
    if everything and provinces is not None:
        enough = provinces[_enough(provinces) & provinces["indicator_code"].isin(known)]
        jobs += [
            Job(code, geography=geography)
            for code, geography in zip(
                enough["indicator_code"], enough["geography_code"], strict=True
            )
        ]
    return sorted(jobs, key=lambda job: job.key)


def _enough(coverage: pd.DataFrame) -> pd.Series:
    return coverage["frequency"].map(MINIMUM_LENGTH).le(coverage["n_observations"])


def as_of(month: pd.Period, today: dt.date) -> dt.date:
    """The date whose knowledge a batch for ``month`` uses: the month's last day, or today."""
    return min(month.end_time.date(), today)


def usable_cores() -> int:
    """The cores this process may run on: the default number of local workers."""
    return len(os.sched_getaffinity(0))


def run(
    engine: Engine,
    month: pd.Period,
    everything: bool = False,
    codes: Sequence[str] = HEADLINE_CODES,
    today: dt.date | None = None,
    say: Callable[[str], None] = print,
    workers: int | None = 0,
    scheduler: str | None = None,
) -> Outcome:
    """Forecast every job of the batch for ``month`` and store what is not stored yet.

    Parameters
    ----------
    everything:
        Also every indicator and every province series with enough data (``--all``).
    codes:
        The indicators forecast whatever their length (the Overview's headlines by default).
    say:
        Where the progress lines go.
    workers:
        0 (the default): compute in this process, without Dask; a number: on a local Dask cluster
        of that many single-threaded worker processes; None: of one per usable core.
    scheduler:
        The address of an existing Dask cluster's scheduler to compute on instead
        (``tcp://host:8786``); ``workers`` is then not used.
    """
    started = time.perf_counter()
    label = period_label(month)
    catalogue = repository.catalogue(engine).set_index("code", drop=False)
    provinces = repository.province_series(engine) if everything else None
    jobs = plan(forecasts.latest_configs(engine), catalogue, codes, everything, provinces)
    stored_before = forecasts.batch_keys(engine, label)
    todo = [job for job in jobs if job.key not in stored_before]
    outcome = Outcome(already_stored=len(jobs) - len(todo))
    known_on = as_of(month, today or dt.date.today())
    places = sum(job.geography != NATIONAL_GEOGRAPHY for job in jobs)
    say(
        f"Forecast batch {label}: {len(jobs)} series ({len(jobs) - places} of the country, "
        f"{places} of provinces), data as known on {known_on}; "
        f"{outcome.already_stored} already stored, {len(todo)} to forecast."
    )
    observed = _observations(engine, todo, known_on)
    data_version = repository.data_version(engine)
    tasks = [_task(job, observed, catalogue, everything) for job in todo]
    screened = [(task, too_short(task.job, task.observed, task.minimum)) for task in tasks]
    skipped = [(task, computed) for task, computed in screened if computed is not None]
    to_compute = [task for task, computed in screened if computed is None]
    with _computer(workers, scheduler, say) as compute:
        done = chain(skipped, compute(to_compute))
        for number, (task, computed) in enumerate(done, start=1):
            head = f"[{number:>{len(str(len(tasks)))}}/{len(tasks)}] {task.job.label}"
            line = _store(engine, task, computed, label, data_version, observed, outcome)
            say(f"{head}: {line}")
    say(
        f"Done in {time.perf_counter() - started:.1f} s: {len(outcome.stored)} stored, "
        f"{outcome.already_stored} already stored, {outcome.skipped} skipped, "
        f"{outcome.failed} failed."
    )
    for job, reason in outcome.failures:
        say(f"Failed: {job.label}: {reason}")
    return outcome


def _observations(
    engine: Engine, jobs: Sequence[Job], known_on: dt.date
) -> dict[tuple[str, str], pd.DataFrame]:
    """The observations of every job's series as known on ``known_on``, read at once, by
    ``(indicator, geography)``."""
    codes = sorted({job.code for job in jobs})
    geographies = sorted({job.geography for job in jobs})
    frame = repository.observations_by_geography(engine, codes, geographies, as_of=known_on)
    return {
        (str(code), str(geography)): rows
        for (code, geography), rows in frame.groupby(["indicator_code", "geography_code"])
    }


def _task(
    job: Job,
    observed: dict[tuple[str, str], pd.DataFrame],
    catalogue: pd.DataFrame,
    everything: bool,
) -> Task:
    frequency = catalogue.loc[job.code, "frequency"]
    rows = observed.get((job.code, job.geography), NOTHING_OBSERVED)
    minimum = MINIMUM_LENGTH.get(frequency, 0) if everything else 0
    return Task(job, series(rows, job.code, frequency), frequency, minimum)


def _store(
    engine: Engine,
    task: Task,
    computed: Computed | Exception,
    label: str,
    data_version: str,
    observed: dict[tuple[str, str], pd.DataFrame],
    outcome: Outcome,
) -> str:
    """Store what a worker computed for ``task`` (or count its failure); the progress line."""
    job = task.job
    if isinstance(computed, Exception):
        reason = _reason(computed)
        outcome.failures.append((job, reason))
        return f"failed, {reason}"
    if computed.result is None:
        outcome.skipped += 1
        return f"skipped, {computed.periods} unbroken periods (needs {task.minimum})"
    try:
        run_id = forecast_service.store_batch(
            engine,
            job.code,
            computed.result,
            job.target_transform,
            task.frequency,
            data_version,
            observed[(job.code, job.geography)]["vintage"].max(),
            label,
            settings={"method": job.method, **job.settings},
            geography=job.geography,
        )
    except InputError as error:  # the catalogue refused what the data named
        outcome.failures.append((job, str(error)))
        return f"failed, {error}"
    if run_id is None:  # another batch stored it since this one started
        outcome.already_stored += 1
        return f"already stored for {label}"
    outcome.stored.append(run_id)
    return f"{computed.result.model}, {computed.seconds:.1f} s"


def _reason(error: Exception) -> str:
    """Why a series failed: the message of a refusal, the type and message of anything else."""
    return str(error) if isinstance(error, InputError) else f"{type(error).__name__}: {error}"


Computer = Callable[[Sequence[Task]], Iterator[tuple[Task, Computed | Exception]]]


@contextmanager
def _computer(
    workers: int | None, scheduler: str | None, say: Callable[[str], None]
) -> Iterator[Computer]:
    """What computes the tasks: this process (``workers`` 0), an existing Dask cluster
    (``scheduler``), or a local one of ``workers`` processes (None: one per core)."""
    if scheduler is None and workers == 0:
        say("Computing in this process.")
        yield _in_process
        return
    import dask  # only a run on Dask pays for importing it
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:
            found = len(client.scheduler_info(n_workers=-1)["workers"])
            say(f"Computing on the Dask cluster at {scheduler} ({found} workers).")
            yield lambda tasks: _on_dask(client, tasks)
        return
    count = workers or usable_cores()
    with (
        # Dask samples each worker's stack every 10 ms for its dashboard's profile, time taken from
        # the forecasting thread for a dashboard this cluster does not serve.
        dask.config.set({"distributed.worker.profile.enabled": False}),
        LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # a failed series is reported once, by its line
        ) as cluster,
        Client(cluster) as client,
    ):
        say(f"Computing on a local Dask cluster of {count} worker processes.")
        yield lambda tasks: _on_dask(client, tasks)


def _in_process(tasks: Sequence[Task]) -> Iterator[tuple[Task, Computed | Exception]]:
    for task in tasks:
        computed: Computed | Exception
        try:
            computed = forecast_job(task.job, task.observed, task.frequency, task.minimum)
        except Exception as error:  # reported beside the series; the others go on
            computed = error
        yield task, computed


def _on_dask(client: Client, tasks: Iterable[Task]) -> Iterator[tuple[Task, Computed | Exception]]:
    from distributed import as_completed

    submitted = {
        client.submit(
            forecast_job, task.job, task.observed, task.frequency, task.minimum, pure=False
        ): task
        for task in tasks
    }
    for future in as_completed(submitted):
        task = submitted.pop(future)
        computed: Computed | Exception
        try:
            computed = future.result()
        except Exception as error:  # raised in the worker (or it died); reported beside the series
            computed = error
        future.release()
        yield task, computed


def main(argv: Sequence[str] | None = None) -> int:
    """Run the batch from the command line; the exit status is 1 if any series failed."""
    parser = argparse.ArgumentParser(
        prog="python -m jobs.forecast_batch",
        description="Forecast the headline indicators and every configured one for a month, and "
        "store the results (again for the same month adds only what is missing). Computes on a "
        f"local Dask cluster, or on the one whose scheduler {SCHEDULER_VARIABLE} names.",
    )
    parser.add_argument("--period", required=True, help="the month of the batch, e.g. 2026-11")
    parser.add_argument(
        "--all",
        action="store_true",
        dest="everything",
        help="also every monthly and quarterly indicator and every province series with enough "
        "data",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes of the local Dask cluster (default: one per core; 0: --serial)",
    )
    parser.add_argument(
        "--serial", action="store_true", help="compute in this process, without Dask"
    )
    args = parser.parse_args(argv)
    try:
        month = parse_period(args.period, "M")
    except InputError as error:
        parser.error(str(error))
    if args.workers is not None and args.workers < 0:
        parser.error(f"--workers {args.workers} is not a number of workers (0 or more)")
    scheduler = os.environ.get(SCHEDULER_VARIABLE, "").strip() or None
    serial = args.serial or args.workers == 0
    engine = make_engine()
    upgrade(engine)
    outcome = run(
        engine,
        month,
        everything=args.everything,
        workers=0 if serial else args.workers,
        scheduler=None if serial else scheduler,
    )
    return 1 if outcome.failed else 0


if __name__ == "__main__":
    sys.exit(main())
