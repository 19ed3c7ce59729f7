"""How old the data on a page is: the newest period the page shows, and how long ago it ended.

A page that shows figures of several periods (a quarter's GDP beside a month's CPI) is as fresh as
its newest one, compared by when each period ends: the fourth quarter of 2024 ends before February
2025. The age runs from the last day of that period to ``today``, which the caller passes (the
page passes the server's date; tests pass a fixed one), and is written by Babel in whole units
("21 tháng trước", "21 months ago"), in months up to two years and in years beyond.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from babel import dates

from analytics.formatting import locale_of

# Babel writes an age in the largest unit that counts at least this many (2 years, else months...).
_WHOLE_UNITS = 2


@dataclass(frozen=True)
class DataAge:
    """The newest period shown and the time from its last day to the day of reading."""

    period: pd.Period
    elapsed: dt.timedelta

    @property
    def in_progress(self) -> bool:
        """True while the period has not yet ended (its age would be nought)."""
        return self.elapsed <= dt.timedelta(0)


def newest_shown(periods: Iterable[pd.Period | None], today: dt.date) -> DataAge | None:
    """The newest of ``periods`` (by the day each ends) and its age on ``today``; None if there is
    no period. Missing periods (None) are skipped."""
    shown = [period for period in periods if period is not None and not pd.isna(period)]
    if not shown:
        return None
    newest = max(shown, key=lambda period: period.end_time)
    return DataAge(newest, today - newest.end_time.date())


def format_age(age: DataAge, lang: str) -> str:
    """How long ago ``age``'s period ended, in ``lang``: ``"21 tháng trước"``, ``"21 months ago"``.

    Raises
    ------
    ValueError
        If the period has not ended yet (:attr:`DataAge.in_progress`): it has no age to write, and
        the caller says "period in progress" instead.
    """
    if age.in_progress:
        raise ValueError(f"period {age.period} has not ended yet, so it has no age")
    return dates.format_timedelta(
        -age.elapsed,
        granularity="day",
        threshold=_WHOLE_UNITS,
        add_direction=True,
        locale=locale_of(lang),
    )
