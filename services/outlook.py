"""The targets outlook of a plan year: for each main target that the Cockpit has a series for,
its odds of being met from what is known (on a given day, if asked) and simulated paths of the
rest of the year (``analytics.outlook``). A read: anyone signed in may see it."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from analytics.outlook import OUTLOOK_SOURCES, Outlook, outlook
from analytics.plan import direction
from analytics.targets import parse_target
from data import repository
from domain.errors import InputError


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
        found.append((row, result, result.reason))
    return found
