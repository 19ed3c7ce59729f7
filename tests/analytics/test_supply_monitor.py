"""The supply monitor's states and counts on a small case worked out by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.supply_monitor import cell_state, monitor, overdue, supplied_count, timeliness
from domain.vocabulary import Regime, SupplyState

TODAY = dt.date(2026, 12, 5)


def test_each_state_of_a_cell() -> None:
    due = dt.date(2026, 11, 6)
    assert cell_state(due, TODAY, dt.date(2026, 11, 6), 1) == SupplyState.ON_TIME
    assert cell_state(due, TODAY, dt.date(2026, 11, 7), 1) == SupplyState.LATE
    assert cell_state(due, TODAY, dt.date(2026, 11, 1), 2) == SupplyState.REVISED
    assert cell_state(due, TODAY, None, 0) == SupplyState.MISSING
    assert cell_state(dt.date(2026, 12, 6), TODAY, None, 0) == SupplyState.NOT_DUE


def test_the_monitor_counts_and_lists_the_overdue() -> None:
    owed = pd.DataFrame(
        {
            "agency_code": ["GSO", "MOF"],
            "indicator_code": ["CPI", "DEBT"],
            "geography_code": ["VN", "VN"],
            "frequency": ["M", "M"],
            "regime": [Regime.STATISTICAL, Regime.DECREE_09],
        }
    )
    supplied = pd.DataFrame(
        {
            "indicator_code": ["CPI", "CPI", "DEBT"],
            "geography_code": ["VN", "VN", "VN"],
            "period_start": [dt.date(2026, 11, 1), dt.date(2026, 10, 1), dt.date(2026, 11, 1)],
            "first_vintage": [dt.date(2026, 12, 4), dt.date(2026, 11, 9), dt.date(2026, 11, 20)],
            "last_vintage": [dt.date(2026, 12, 4), dt.date(2026, 11, 9), dt.date(2026, 11, 20)],
            "vintages": [1, 1, 1],
        }
    )
    cells = monitor(owed, supplied, TODAY, periods=3)
    state = {(r.indicator_code, str(r.period)): r.state for r in cells.itertuples()}
    # CPI 2026-11 due 6 Dec (statistical), in on the 4th; 2026-10 due 6 Nov, in on the 9th.
    assert state[("CPI", "2026-11")] == SupplyState.ON_TIME
    assert state[("CPI", "2026-10")] == SupplyState.LATE
    assert state[("CPI", "2026-12")] == SupplyState.NOT_DUE
    # DEBT (Decree 09) 2026-11 due 25 Nov, in on the 20th; 2026-10 due 26 Oct, nothing.
    assert state[("DEBT", "2026-11")] == SupplyState.ON_TIME
    assert state[("DEBT", "2026-10")] == SupplyState.MISSING
    assert supplied_count(cells, pd.Period("2026-11", "M")) == (2, 2)
    assert supplied_count(cells, pd.Period("2026-10", "M")) == (1, 2)
    assert overdue(cells)["indicator_code"].tolist() == ["DEBT"]
    shares = timeliness(cells).set_index("agency_code")["share_on_time"].to_dict()
    assert shares == {"GSO": 0.5, "MOF": 0.5}


def test_timeliness_over_time_per_agency() -> None:
    from analytics.supply_monitor import timeliness_by_period

    cells = pd.DataFrame(
        {
            "agency_code": ["A", "A", "A", "A", "B"],
            "period": [
                pd.Period(p, "M") for p in ("2026-09", "2026-09", "2026-10", "2026-11", "2026-10")
            ],
            "state": [
                SupplyState.ON_TIME,
                SupplyState.LATE,
                SupplyState.REVISED,
                SupplyState.NOT_DUE,
                SupplyState.MISSING,
            ],
        }
    )
    table = timeliness_by_period(cells)
    assert list(table.columns.astype(str)) == ["2026-09", "2026-10"]
    assert table.loc["A"].tolist() == [0.5, 1.0]
    assert table.loc["B", "2026-10"] == 0.0
