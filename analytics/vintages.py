"""Each period's history of values, as ALFRED shows it: the first release, every revision, the
latest, and how far the figure moved.

The input is every row ever recorded for one indicator (``data.repository.vintages``: period start
and end, value, status, vintage), already ordered by period, vintage and status. A *release* is a
row; a period's releases in that order are its history. A period is *revised* when a later release
changed its value (a restatement with the same value is a release, not a revision).
"""

from __future__ import annotations

import pandas as pd

HISTORY_COLUMNS = [
    "period_start",
    "first_value",
    "first_vintage",
    "releases",
    "revisions",
    "revision_list",
    "latest_value",
    "latest_vintage",
    "total_revision",
]


def revision_history(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per period: first value and its vintage, how many releases and how many of them
    changed the value, each such revision as (value, vintage), the latest value and vintage, and
    latest − first.

    Parameters
    ----------
    rows:
        Columns ``period_start``, ``value``, ``vintage`` (and anything else), in the order the
        releases were made within each period.
    """
    if rows.empty:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    grouped = rows.groupby("period_start", sort=True)
    history = pd.DataFrame(
        {
            "first_value": grouped["value"].first(),
            "first_vintage": grouped["vintage"].first(),
            "releases": grouped["value"].size(),
            "revisions": grouped["value"].agg(_changes),
            "revision_list": grouped[["value", "vintage"]].apply(_changed_releases),
            "latest_value": grouped["value"].last(),
            "latest_vintage": grouped["vintage"].last(),
        }
    ).reset_index()
    history["total_revision"] = history["latest_value"] - history["first_value"]
    return history[HISTORY_COLUMNS]


def _changes(values: pd.Series) -> int:
    """How many releases changed the value of the one before."""
    return int((values.diff().fillna(0) != 0).sum())


def _changed_releases(releases: pd.DataFrame) -> list[tuple[float, object]]:
    """(value, vintage) of each release after the first that changed the value."""
    values = releases["value"].to_list()
    vintages = releases["vintage"].to_list()
    return [(values[i], vintages[i]) for i in range(1, len(values)) if values[i] != values[i - 1]]


def revised_only(history: pd.DataFrame) -> pd.DataFrame:
    """The periods whose value was changed by a later release."""
    return history[history["revisions"] > 0].reset_index(drop=True)
