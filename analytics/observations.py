"""Observations as the layers above use them: one indicator's values as a series of periods.

An *observations frame* is what ``data.repository.observations`` returns: one row per indicator and
period, the value known last (or as known on a date), with ``indicator_code``, ``period_start``
and ``value`` among its columns.
"""

from __future__ import annotations

import pandas as pd

from domain.vocabulary import Frequency


def series(frame: pd.DataFrame, code: str, frequency: str) -> pd.Series:
    """The values of ``code`` in an observations frame, as floats on a PeriodIndex."""
    rows = frame[frame["indicator_code"] == code]
    freq = Frequency.parse(frequency).pandas
    index = pd.PeriodIndex([pd.Period(d, freq) for d in rows["period_start"]], freq=freq)
    return pd.Series(rows["value"].astype(float).to_numpy(), index=index, name=code)
