"""The targets outlook of a plan year: for each main target that the Cockpit has a series for,
its odds of being met from what is known (on a given day, if asked) and simulated paths of the
rest of the year (``analytics.outlook``). A read: anyone signed in may see it."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from analytics.outlook import (
    OUTLOOK_SOURCES,
    Outlook,
    OutlookSource,
    forecast_outcome,
    latest_figure,
    outlook,
)
from analytics.plan import direction
from analytics.targets import acceptance, parse_number, parse_target
from data import repository
from domain.errors import InputError
from services.forecasts import stored_as_of


def targets_outlook(
    engine: Engine, year: int, as_of: dt.date | None = None
) -> list[tuple[pd.Series, Outlook | None, str | None]]:
    """Each target of ``year`` (its ``plan_targets`` row), its outlook, and the reason there is
    none (no series measures it; its text is not understood)."""
    targets = repository.plan_targets(engine, year)
    found: list[tuple[pd.Series, Outlook | None, str | None]] = []
    for _, row in targets.iterrows():
        source = OUTLOOK_SOURCES.get(row["name_en"])
        if source is None:
            found.append((row, None, "outlook.no_series"))
            continue
        try:
            target = parse_target(row["target_text"])
        except InputError:
            found.append((row, None, "outlook.target_unparsed"))
            continue
        frame = repository.observations(engine, [source.code], as_of=as_of)
        series = pd.Series(
            frame["value"].astype(float).to_numpy(),
            index=pd.PeriodIndex(pd.to_datetime(frame["period_start"]), freq=source.frequency),
        )
        result = outlook(source, series, target, year, direction(row["name_en"]))
        statuses = frame["status"].to_numpy()
        implied, kind = _stored_outcome(engine, source, series, year, as_of)
        result = replace(
            result,
            latest_status=str(statuses[-1]) if len(statuses) else None,
            forecast_outcome=implied,
            forecast_kind=kind,
        )
        found.append((row, result, result.reason))
    return found


def _stored_outcome(
    engine: Engine, source: OutlookSource, series: pd.Series, year: int, as_of: dt.date | None
) -> tuple[float, str | None]:
    """The year's outcome implied by the newest published forecast of the target's series made
    by ``as_of``, else by the monthly batch's; NaN and None where neither reaches the year."""
    for kind, values, _ in stored_as_of(engine, source.code, as_of):
        points = pd.Series(
            values["point"].to_numpy(dtype=float), index=pd.PeriodIndex(values["period"])
        )
        implied = forecast_outcome(source, series, points, year)
        if not math.isnan(implied):
            return implied, kind
    return math.nan, None


def meeting_days(year: int, today: dt.date) -> list[dt.date]:
    """The days the history is computed for: the last day of each month of ``year`` that has
    ended by ``today`` (what each month's Government meeting could know), at least one."""
    days = [(pd.Period(year=year, month=month, freq="M")).end_time.date() for month in range(1, 13)]
    past = [day for day in days if day <= today]
    return past or [min(today, days[-1])]


def outlook_history(engine: Engine, year: int, days: list[dt.date]) -> pd.DataFrame:
    """How each target's probability moved: one row per day and target, computed with only the
    values known on that day (their vintage), as a meeting then would have seen it. Columns:
    ``day, name_vi, name_en, probability, median``. Days on which nothing new had been published
    share one computation."""
    releases = {}
    for source in OUTLOOK_SOURCES.values():
        history = repository.vintages(engine, source.code)
        releases[source.code] = sorted(set(history["vintage"])) if not history.empty else []
    computed: dict[tuple, list[dict]] = {}
    rows = []
    for day in days:
        state = tuple(
            max((v for v in known if v <= day), default=None) for known in releases.values()
        )
        if state not in computed:
            computed[state] = [
                {
                    "name_vi": row["name_vi"],
                    "name_en": row["name_en"],
                    "probability": found.probability,
                    "median": found.median,
                }
                for row, found, _ in targets_outlook(engine, year, as_of=day)
                if found is not None and found.reason is None
            ]
        rows += [{"day": day, **entry} for entry in computed[state]]
    return pd.DataFrame(rows, columns=["day", "name_vi", "name_en", "probability", "median"])


CALIBRATION_COLUMNS = [
    "year",
    "name_vi",
    "name_en",
    "day",
    "probability",
    "latest_meets",
    "met",
    "outcome",
]


def calibration(engine: Engine, before: int) -> pd.DataFrame:
    """The probabilities a meeting would have seen at the end of each month of every plan year
    before ``before`` whose outcome is published, with the rule "the latest figure already meets
    it" and whether the target was met (``analytics.outlook_calibration``). One row per target and
    month the database has the figures for."""
    from analytics.outlook_calibration import expected_last, known_on, latest_meets

    targets = repository.plan_targets(engine)
    rows = []
    for _, row in targets[targets["plan_year"] < before].iterrows():
        source = OUTLOOK_SOURCES.get(row["name_en"])
        actual = row.get("actual_text")
        if source is None or not isinstance(actual, str) or not actual.strip():
            continue
        try:
            target = parse_target(row["target_text"])
            outcome = parse_number(actual)
        except (InputError, TypeError):
            continue
        higher = direction(row["name_en"])
        rule = acceptance(target, higher)
        met = bool(rule.meets(np.array([outcome]))[0])
        frame = repository.observations(engine, [source.code])
        series = pd.Series(
            frame["value"].astype(float).to_numpy(),
            index=pd.PeriodIndex(pd.to_datetime(frame["period_start"]), freq=source.frequency),
        ).sort_index()
        year = int(row["plan_year"])
        for day in meeting_days(year, dt.date(year, 12, 31)):
            known = known_on(series, day)
            if known.empty or known.index[-1] < expected_last(source.frequency, day):
                continue
            found = outlook(source, known, target, year, higher)
            if found.reason is not None:
                continue
            rows.append(
                {
                    "year": year,
                    "name_vi": row["name_vi"],
                    "name_en": row["name_en"],
                    "day": day,
                    "probability": found.probability,
                    "latest_meets": latest_meets(latest_figure(source, known), rule),
                    "met": met,
                    "outcome": outcome,
                }
            )
    return pd.DataFrame(rows, columns=CALIBRATION_COLUMNS)
