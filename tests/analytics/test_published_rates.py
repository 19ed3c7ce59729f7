"""The rule that pairs a level with the rate its source publishes."""

from __future__ import annotations

import pytest

from analytics.published_rates import published_rate_code
from analytics.tiles import RATE_AS_PERCENT_CHANGE

PCT, IDX = "percent change", "index (same period previous year = 100)"
UNITS = {
    "EXP_M.TOTAL": "million USD",
    "EXP_M_YOY.TOTAL": PCT,
    "EXP_YTD.TOTAL": "million USD",
    "EXP_YTD_YOY.TOTAL": PCT,
    "RETAIL_M.TONG_SO": "billion VND",
    "RETAIL_M_YOY_IDX.TONG_SO": IDX,
    "RETAIL_YTD_YOY_IDX.TONG_SO": IDX,
    "SBI_M.TOTAL": "billion VND",
    "SBI_YTD_YOY.TOTAL": PCT,
    "SBI_YTD_PCT_PLAN.TOTAL": "percent",
    "CPI_YOY.X": PCT,
    "ODD_M.A": "billion VND",
    "ODD_M_YOY.A": "thousand persons",
}
READABLE = frozenset(RATE_AS_PERCENT_CHANGE)


@pytest.mark.parametrize(
    ("code", "transform", "rate"),
    [
        ("EXP_M.TOTAL", "yoy_pct", "EXP_M_YOY.TOTAL"),
        ("EXP_M.TOTAL", "ytd_yoy_pct", "EXP_YTD_YOY.TOTAL"),
        ("EXP_YTD.TOTAL", "yoy_pct", "EXP_YTD_YOY.TOTAL"),
        ("RETAIL_M.TONG_SO", "yoy_pct", "RETAIL_M_YOY_IDX.TONG_SO"),
        ("RETAIL_M.TONG_SO", "ytd_yoy_pct", "RETAIL_YTD_YOY_IDX.TONG_SO"),
        ("SBI_M.TOTAL", "ytd_yoy_pct", "SBI_YTD_YOY.TOTAL"),
        ("SBI_M.TOTAL", "yoy_pct", None),
        ("EXP_M.TOTAL", "pct_change", None),
        ("EXP_YTD.TOTAL", "ytd_yoy_pct", None),
        ("CPI_YOY.X", "yoy_pct", None),
        ("ODD_M.A", "yoy_pct", None),
        ("NOT_IN_CATALOGUE_M.X", "yoy_pct", None),
    ],
)
def test_a_level_is_paired_with_its_published_rate(
    code: str, transform: str, rate: str | None
) -> None:
    assert published_rate_code(code, transform, UNITS, READABLE) == rate
