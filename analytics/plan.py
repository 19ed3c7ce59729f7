"""Plan tracking: where each target of the annual socio-economic plan stands.

A target is met or not only against a published outcome (the ``actual`` figure GSO released for the
year); a year without a published outcome is "no data", never a guess. Which way is good depends on
the indicator: lower CPI and a smaller agricultural labour share are better, higher growth is.
"""

from __future__ import annotations

import pandas as pd

from analytics.targets import Target, assess, parse_number
from domain.errors import InputError

LOWER_IS_BETTER = frozenset(
    {
        "Average CPI growth",
        "Urban unemployment rate",
        "Agricultural labour share of total employment",
    }
)


def direction(name_en: str) -> bool:
    """Whether a higher value is better for the plan indicator called ``name_en``."""
    return name_en not in LOWER_IS_BETTER


def assess_targets(targets: pd.DataFrame) -> pd.DataFrame:
    """Add ``actual`` (a number) and ``status`` (``met``, ``not_met`` or ``no_data``) to targets.

    ``targets`` has the columns of the ``plan_targets`` table.
    """
    statuses, actuals = [], []
    for row in targets.itertuples(index=False):
        actual = None
        if isinstance(row.actual_text, str) and row.actual_text.strip():
            try:
                actual = parse_number(row.actual_text)
            except InputError:
                actual = None
        actuals.append(actual)
        if actual is None or row.operator is None or pd.isna(row.operator):
            statuses.append("no_data")
            continue
        target = Target(
            low=None if pd.isna(row.target_low) else float(row.target_low),
            high=None if pd.isna(row.target_high) else float(row.target_high),
            operator=row.operator,
            approximate=bool(row.approximate),
            text=row.target_text,
        )
        statuses.append(assess(actual, target, direction(row.name_en)))
    assessed = targets.copy()
    assessed["actual"] = actuals
    assessed["status"] = statuses
    return assessed
