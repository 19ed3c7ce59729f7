"""The monthly forecast batch: ``python -m jobs.forecast_batch --period 2026-11 [--all]``.

It forecasts, for the month ``--period``, every indicator that has a saved configuration (with that
configuration) and the Overview's headline indicators (in levels, ``auto`` unless a configuration
says otherwise); ``--all`` adds every monthly and quarterly indicator with enough data. The data are
the observations as known at the end of that month (or today, if sooner), so a batch for a past
month sees what was known then. Results are stored as runs of kind ``batch``, author ``system``;
running the batch again for the same month skips what is already stored.

This module is the edge: it reads and writes through ``data``, prepares plain series with
``analytics.forecast_request`` and hands them to ``forecasting.forecast``, which stays pure. One
line per indicator says what happened and how long it took. The exit status is 1 if any
indicator failed, so a scheduler notices.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from analytics.forecast_request import DEFAULT_HORIZONS, forecast_arguments, prepare_target
from analytics.observations import series
from data import forecasts, repository
from data.engine import make_engine
from data.migrate import upgrade
from domain.errors import InputError
from domain.headlines import HEADLINE_CODES
from domain.periods import parse_period, period_label
from domain.vocabulary import Frequency
from forecasting import forecast
from services import forecasts as forecast_service

MINIMUM_LENGTH = {Frequency.MONTH: 36, Frequency.QUARTER: 16}
"""Unbroken periods an indicator needs for ``--all`` (three years of months, four of quarters)."""


@dataclass(frozen=True)
class Job:
    """One forecast to make: an indicator in a transformation, with a method and settings."""

    code: str
    target_transform: str = "level"
    method: str = "auto"
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """What the batch did: runs stored, runs already there, indicators skipped and failed."""

    stored: list[int] = field(default_factory=list)
    already_stored: int = 0
    skipped: int = 0
    failed: int = 0


def plan(
    configs: pd.DataFrame, catalogue: pd.DataFrame, codes: Sequence[str], everything: bool
) -> list[Job]:
    """The jobs of a batch: ``codes`` (and with ``everything`` each monthly or quarterly indicator
    with enough observations) in levels with ``auto``, unless configurations say otherwise, plus
    every configuration. Codes not in the catalogue are left out."""
    known = set(catalogue["code"])
    wanted = [code for code in codes if code in known]
    if everything:
        enough = catalogue["frequency"].map(MINIMUM_LENGTH).le(catalogue["n_observations"])
        wanted += list(catalogue.loc[enough, "code"])
    configured = {
        (row.indicator_code, row.target_transform): Job(
            row.indicator_code, row.target_transform, row.method, dict(row.settings)
        )
        for row in configs.itertuples()
        if row.indicator_code in known
    }
    configured_codes = {code for code, _ in configured}
    jobs = {(code, "level"): Job(code) for code in wanted if code not in configured_codes}
    jobs.update(configured)
    return sorted(jobs.values(), key=lambda job: (job.code, job.target_transform))


def as_of(month: pd.Period, today: dt.date) -> dt.date:
    """The date whose knowledge a batch for ``month`` uses: the month's last day, or today."""
    return min(month.end_time.date(), today)


def run(
    engine: Engine,
    month: pd.Period,
    everything: bool = False,
    codes: Sequence[str] = HEADLINE_CODES,
    today: dt.date | None = None,
    say: Callable[[str], None] = print,
) -> Outcome:
    """Forecast every job of the batch for ``month`` and store what is not stored yet."""
    started = time.perf_counter()
    label = period_label(month)
    catalogue = repository.catalogue(engine).set_index("code", drop=False)
    jobs = plan(forecasts.latest_configs(engine), catalogue, codes, everything)
    known_on = as_of(month, today or dt.date.today())
    observations = repository.observations(engine, sorted({j.code for j in jobs}), as_of=known_on)
    data_version = repository.data_version(engine)
    outcome = Outcome()
    say(f"Forecast batch {label}: {len(jobs)} indicators, data as known on {known_on}.")
    for number, job in enumerate(jobs, start=1):
        clock = time.perf_counter()
        head = f"[{number:>{len(str(len(jobs)))}}/{len(jobs)}] {job.code} ({job.target_transform})"
        frequency = catalogue.loc[job.code, "frequency"]
        rows = observations[observations["indicator_code"] == job.code]
        if forecasts.batch_stored(engine, job.code, job.target_transform, label):
            outcome.already_stored += 1
            say(f"{head}: already stored for {label}")
            continue
        try:
            target = prepare_target(
                series(rows, job.code, frequency), job.target_transform, job.code
            )
            minimum = MINIMUM_LENGTH.get(frequency, 0) if everything else 0
            if len(target) < minimum:
                outcome.skipped += 1
                say(f"{head}: skipped, {len(target)} unbroken periods (needs {minimum})")
                continue
            horizon = DEFAULT_HORIZONS[Frequency.parse(frequency)]
            with warnings.catch_warnings():  # statsmodels' optimiser notes; the line says enough
                warnings.simplefilter("ignore")
                result = forecast(
                    target,
                    horizon,
                    job.method,
                    **forecast_arguments(job.settings, target.index, horizon),
                )
            run_id = forecast_service.store_batch(
                engine,
                job.code,
                result,
                job.target_transform,
                frequency,
                data_version,
                rows["vintage"].max(),
                label,
                settings={"method": job.method, **job.settings},
            )
        except InputError as error:  # the data, the configuration or forecasting refused it
            outcome.failed += 1
            say(f"{head}: failed, {error}")
            continue
        seconds = time.perf_counter() - clock
        if run_id is None:
            outcome.already_stored += 1
            say(f"{head}: already stored for {label}")
        else:
            outcome.stored.append(run_id)
            say(f"{head}: {result.model}, {seconds:.1f} s")
    say(
        f"Done in {time.perf_counter() - started:.1f} s: {len(outcome.stored)} stored, "
        f"{outcome.already_stored} already stored, {outcome.skipped} skipped, "
        f"{outcome.failed} failed."
    )
    return outcome


def main(argv: Sequence[str] | None = None) -> int:
    """Run the batch from the command line; the exit status is 1 if any indicator failed."""
    parser = argparse.ArgumentParser(
        prog="python -m jobs.forecast_batch",
        description="Forecast the headline indicators and every configured one for a month, and "
        "store the results (again for the same month adds nothing).",
    )
    parser.add_argument("--period", required=True, help="the month of the batch, e.g. 2026-11")
    parser.add_argument(
        "--all",
        action="store_true",
        dest="everything",
        help="also every monthly and quarterly indicator with enough data",
    )
    args = parser.parse_args(argv)
    try:
        month = parse_period(args.period, "M")
    except InputError as error:
        parser.error(str(error))
    engine = make_engine()
    upgrade(engine)
    outcome = run(engine, month, everything=args.everything)
    return 1 if outcome.failed else 0


if __name__ == "__main__":
    sys.exit(main())
