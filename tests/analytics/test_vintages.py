"""A period's history of releases: first, revisions, latest, checked by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.vintages import revised_only, revision_history

D = dt.date


def _rows() -> pd.DataFrame:
    # Three months of a y/y rate as GSO restates them: December estimated, then restated the
    # same; January estimated at +0.61 and restated at -0.96, then revised again to -0.90;
    # February estimated only.
    return pd.DataFrame(
        [
            (D(2024, 12, 1), 8.84, D(2024, 12, 29)),
            (D(2024, 12, 1), 8.84, D(2025, 1, 29)),
            (D(2025, 1, 1), 0.61, D(2025, 1, 29)),
            (D(2025, 1, 1), -0.96, D(2025, 2, 28)),
            (D(2025, 1, 1), -0.90, D(2025, 3, 29)),
            (D(2025, 2, 1), 17.17, D(2025, 2, 28)),
        ],
        columns=["period_start", "value", "vintage"],
    )


def test_each_period_has_its_first_latest_and_the_number_of_changes() -> None:
    history = revision_history(_rows()).set_index("period_start")
    january = history.loc[D(2025, 1, 1)]
    assert (january["first_value"], january["first_vintage"]) == (0.61, D(2025, 1, 29))
    assert (january["latest_value"], january["latest_vintage"]) == (-0.90, D(2025, 3, 29))
    assert (january["releases"], january["revisions"]) == (3, 2)
    assert january["revision_list"] == [(-0.96, D(2025, 2, 28)), (-0.90, D(2025, 3, 29))]
    assert history.loc[D(2024, 12, 1), "revision_list"] == []
    assert january["total_revision"] == pytest.approx(-1.51)
    december = history.loc[D(2024, 12, 1)]
    assert (december["releases"], december["revisions"], december["total_revision"]) == (2, 0, 0)
    assert history.loc[D(2025, 2, 1), "releases"] == 1


def test_only_periods_whose_value_changed_count_as_revised() -> None:
    revised = revised_only(revision_history(_rows()))
    assert list(revised["period_start"]) == [D(2025, 1, 1)]


def test_no_rows_give_an_empty_history() -> None:
    empty = revision_history(pd.DataFrame(columns=["period_start", "value", "vintage"]))
    assert empty.empty and "total_revision" in empty.columns
