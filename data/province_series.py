"""The by-province series GSO's monthly workbook prints (state-budget investment realised, by
province), loaded as each province's own series, and the obligations they make.

The source (``data/seed/vn/gso_monthly_by_province.csv.gz``) keeps each row label as printed:
province names with spellings that vary over the years ("Thanh Hóa"/"Thanh Hoá", "TP. Hồ Chí
Minh"/"Tp Hồ Chí Minh", "Bà Rịa - Vũng Tàu"/"Bà Rịa-Vũng Tàu"), ministries, totals and budget
levels. A label is matched to one of the 63 provinces (``P63-xx``, the provinces of the period,
all before the 2025 merger) by its folded words; ministries, totals and budget levels are not
provinces and are left out (the national totals are the national series). Only the columns the
catalogue holds for a province's total are kept: the month (first release and restatement),
the year to date and its share of the year's plan.

Obligations: until 30 June 2025 each of the 63 provinces owed its series, and the agency that
answers for them now is the province it merged into (its People's Committee, ``P34-xx``); from
1 July 2025 each of the 34 provinces owes the series of its own new geography.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.province_names import fold_name, province_codes

KEPT = {
    "SBI_M_EST": "SBI_M_EST.TOTAL",
    "SBI_M_PREV": "SBI_M_PREV.TOTAL",
    "SBI_YTD": "SBI_YTD.TOTAL",
    "SBI_YTD_PREV": "SBI_YTD_PREV.TOTAL",
    "SBI_YTD_PCT_PLAN": "SBI_YTD_PCT_PLAN.TOTAL",
}
"""Source code → the catalogue code of the province's total (release suffixes kept for the
loader, which merges them)."""
OWED = ("SBI_M.TOTAL", "SBI_YTD.TOTAL", "SBI_YTD_PCT_PLAN.TOTAL")
MERGER_DAY = dt.date(2025, 7, 1)


def province_rows(raw: pd.DataFrame, provinces: pd.DataFrame) -> pd.DataFrame:
    """The source rows of provinces, with ``geography_code`` set and the catalogue's codes."""
    names = province_codes(provinces)
    kept = raw[raw["indicator_code"].isin(KEPT)].copy()
    kept["geography_code"] = kept["geography"].map(lambda label: names.get(fold_name(label)))
    kept = kept[kept["geography_code"].notna()]
    kept["indicator_code"] = kept["indicator_code"].map(KEPT)
    return kept.drop(columns="geography").reset_index(drop=True)


def obligations(mapping: pd.DataFrame, assigned_at: dt.datetime) -> list[dict]:
    """The province obligations: the 63 provinces' series until the merger, answered for by the
    province each merged into, and the 34 provinces' own series from then on."""
    rows = []
    for pair in mapping.itertuples():
        old, new = f"P63-{int(pair.old_code):02d}", f"P34-{int(pair.new_code):02d}"
        rows += [
            _obligation(new, code, old, None, MERGER_DAY - dt.timedelta(days=1), assigned_at)
            for code in OWED
        ]
    for new in sorted({f"P34-{int(c):02d}" for c in mapping["new_code"]}):
        rows += [_obligation(new, code, new, MERGER_DAY, None, assigned_at) for code in OWED]
    return rows


def _obligation(
    agency: str,
    code: str,
    geography: str,
    valid_from: dt.date | None,
    valid_to: dt.date | None,
    assigned_at: dt.datetime,
) -> dict:
    return {
        "agency_code": agency,
        "indicator_code": code,
        "geography_code": geography,
        "frequency": "M",
        "regime": "statistical",
        "valid_from": valid_from,
        "valid_to": valid_to,
        "assigned_by": "seed",
        "assigned_at": assigned_at,
    }
