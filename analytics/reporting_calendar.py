"""When a period's figures are due: each regime's period window and deadline, with Vietnam's
public holidays (Tết included, from the ``holidays`` package) moving working-day deadlines.

The rules and how sure we are of each (``../shared/domain/DOMAIN.md`` §1.5 and §2; :data:`RULES`
carries the same words for the page):

- **GSO statistical release** (calendar periods). Decree 62/2024 moved GSO's monthly and quarterly
  socio-economic report to the **6th of the month after the period** [confirmed]; before, it came
  out on the **29th of the period's own month** (February on its last day) [confirmed], as the
  release dates of GSO's workbooks show through February 2025. The month the new rule first
  applied is not confirmed: :data:`SIXTH_FROM` (the first report after the last workbook
  released on the 29th that the Cockpit holds) is our reading. A release day is a calendar day.
- **Decree 09 periodic report** (cut-off from the 15th of the previous month to the 14th): sent to
  the Government **no later than the 25th of the last month of the period** [secondary; whether it
  is the 20th or the 25th is unconfirmed]. When that day is a weekend or a public holiday, the
  deadline moves to the next working day (the Civil Code's rule for periods that end on a day
  off) [secondary].
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
import pandas as pd

from domain.periods import reporting_bounds, statistical_bounds
from domain.vocabulary import AgencyEvidence, Regime

SIXTH_FROM = pd.Period("2025-03", "M")
"""The first report month whose GSO release falls on the 6th of the next month (our reading)."""
DECREE_09_DAY = 25

RULES: tuple[tuple[str, AgencyEvidence], ...] = (
    ("calendar.rule.gso_sixth", AgencyEvidence.CONFIRMED),
    ("calendar.rule.gso_29th", AgencyEvidence.CONFIRMED),
    ("calendar.rule.gso_switch", AgencyEvidence.UNCONFIRMED),
    ("calendar.rule.decree09_window", AgencyEvidence.SECONDARY),
    ("calendar.rule.decree09_25th", AgencyEvidence.SECONDARY),
    ("calendar.rule.holidays", AgencyEvidence.SECONDARY),
)
"""Each rule the calendar applies (a translation key) and how sure we are of it."""


@lru_cache(maxsize=64)
def _days_off(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.Vietnam(years=year))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not one of Vietnam's public holidays (Tết and the others)."""
    return day.weekday() < 5 and day not in _days_off(day.year)


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def window(period: pd.Period, regime: str) -> tuple[dt.date, dt.date]:
    """The first and last day of data the period covers under ``regime``."""
    if regime == Regime.DECREE_09:
        return reporting_bounds(period)
    return statistical_bounds(period)


def deadline(period: pd.Period, regime: str) -> dt.date:
    """The last day a period's figures may arrive on time under ``regime``."""
    last_month = period.asfreq("M", how="end")
    if regime == Regime.DECREE_09:
        return next_working_day(dt.date(last_month.year, last_month.month, DECREE_09_DAY))
    if last_month >= SIXTH_FROM:
        after = last_month + 1
        return dt.date(after.year, after.month, 6)
    end = last_month.end_time.date()
    return dt.date(end.year, end.month, min(29, end.day))
