"""The supply monitor: for each obligation and period, whether its figures came on time, late,
were revised, are missing, or are not due yet, and the counts a meeting asks for.

Pure: it is given the obligations, what was supplied (first and last vintage per cell) and the
day; deadlines come from ``analytics.reporting_calendar``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.reporting_calendar import deadline
from domain.vocabulary import Frequency, SupplyState


def recent_periods(freq: str, today: dt.date, count: int) -> list[pd.Period]:
    """The ``count`` latest periods of ``freq`` that have begun by ``today``, newest first."""
    latest = pd.Period(today, Frequency.parse(freq).pandas)
    return [latest - n for n in range(count)]


def cell_state(due: dt.date, today: dt.date, first: dt.date | None, revisions: int) -> SupplyState:
    """The state of one cell: supplied by ``due`` (on time), after it (late), revised since (more
    than one vintage, the first on time), missing once due has passed, else not due."""
    if first is None or pd.isna(first):
        return SupplyState.MISSING if today > due else SupplyState.NOT_DUE
    if first > due:
        return SupplyState.LATE
    return SupplyState.REVISED if revisions > 1 else SupplyState.ON_TIME


def monitor(
    obligations: pd.DataFrame, supplied: pd.DataFrame, today: dt.date, periods: int = 6
) -> pd.DataFrame:
    """One row per obligation and recent period: ``agency_code, indicator_code, geography_code,
    frequency, regime, period, due, first_vintage, state``."""
    known = {
        (r.indicator_code, r.geography_code, pd.Timestamp(r.period_start).date()): r
        for r in supplied.itertuples()
    }
    rows = []
    for ob in obligations.itertuples():
        for period in recent_periods(ob.frequency, today, periods):
            due = deadline(period, ob.regime)
            found = known.get((ob.indicator_code, ob.geography_code, period.start_time.date()))
            first = found.first_vintage if found is not None else None
            revisions = int(found.vintages) if found is not None else 0
            rows.append(
                {
                    "agency_code": ob.agency_code,
                    "indicator_code": ob.indicator_code,
                    "geography_code": ob.geography_code,
                    "frequency": ob.frequency,
                    "regime": ob.regime,
                    "period": period,
                    "due": due,
                    "first_vintage": first,
                    "state": cell_state(due, today, first, revisions),
                }
            )
    return pd.DataFrame(rows)


def supplied_count(cells: pd.DataFrame, period: pd.Period) -> tuple[int, int]:
    """(N, M): of the M obligations owed for ``period``, how many have any figure."""
    mine = cells[cells["period"] == period]
    have = mine["state"].isin([SupplyState.ON_TIME, SupplyState.LATE, SupplyState.REVISED])
    return int(have.sum()), len(mine)


def overdue(cells: pd.DataFrame) -> pd.DataFrame:
    """The cells whose deadline has passed with nothing supplied, oldest deadline first."""
    return cells[cells["state"] == SupplyState.MISSING].sort_values(["due", "agency_code"])


def timeliness(cells: pd.DataFrame) -> pd.DataFrame:
    """Per agency: how many due cells were on time (or revised after an on-time first release),
    late and missing, and the share on time."""
    due = cells[cells["state"] != SupplyState.NOT_DUE]
    table = pd.crosstab(due["agency_code"], due["state"]).reindex(
        columns=[SupplyState.ON_TIME, SupplyState.REVISED, SupplyState.LATE, SupplyState.MISSING],
        fill_value=0,
    )
    total = table.sum(axis=1)
    table["share_on_time"] = (
        table[SupplyState.ON_TIME] + table[SupplyState.REVISED]
    ) / total.where(total > 0)
    return table.reset_index()


def timeliness_by_period(cells: pd.DataFrame) -> pd.DataFrame:
    """Per agency (rows) and period (columns, labelled ``2026-10``, ``2026-Q3``, oldest first):
    the share of its due cells supplied on time, so a meeting sees whether an agency is getting
    better or worse. Months, quarters and years may mix; they are ordered by their first day."""
    due = cells[cells["state"] != SupplyState.NOT_DUE]
    if due.empty:
        return pd.DataFrame()
    frame = due.assign(
        on_time=due["state"].isin([SupplyState.ON_TIME, SupplyState.REVISED]),
        label=due["period"].map(str),
    )
    starts = {str(p): (p.start_time, p.end_time) for p in due["period"]}
    shares = frame.groupby(["agency_code", "label"])["on_time"].mean().unstack("label")
    return shares.reindex(columns=sorted(shares.columns, key=starts.__getitem__))
