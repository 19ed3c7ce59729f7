"""Each province's own series: labels as GSO printed them matched to the 63 provinces, values as
published, and the obligations that move to the 34 provinces on 1 July 2025."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analytics.province_names import fold_name, province_codes
from data.province_series import MERGER_DAY, obligations, province_rows
from data.seed_load import VN_DIR

PROVINCES = pd.read_csv(VN_DIR / "provinces" / "provinces_63_pre2025.csv.gz", dtype=str)
MAPPING = pd.read_csv(VN_DIR / "provinces" / "province_mapping_63_to_34.csv.gz", dtype=str)


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("Hà Nội", "P63-01"),
        ("Hà Nội mới (*)", "P63-01"),
        ("TP. Hồ Chí Minh", "P63-79"),
        ("Tp Hồ Chí Minh", "P63-79"),
        ("T.p.Hồ Chí Minh", "P63-79"),
        ("Thanh Hoá", "P63-38"),
        ("Thanh Hóa", "P63-38"),
        ("Bà Rịa - Vũng Tàu", "P63-77"),
        ("Bà Rịa - VũngTàu", "P63-77"),
        ("Thừa Thiên - Huế", "P63-46"),
        ("Hà Nội (2)", "P63-01"),
    ],
)
def test_a_printed_label_names_its_province(label: str, code: str) -> None:
    assert province_codes(PROVINCES).get(fold_name(label)) == code


@pytest.mark.parametrize("label", ["Bộ Y tế", "TỔNG SỐ", "Địa phương", "Hà Tây", "Trung ương"])
def test_what_is_not_a_province_of_the_63_is_left_out(label: str) -> None:
    assert province_codes(PROVINCES).get(fold_name(label)) is None


def test_the_rows_keep_the_published_values() -> None:
    raw = pd.read_csv(VN_DIR / "gso_monthly_by_province.csv.gz", dtype={"period": str})
    rows = province_rows(raw, PROVINCES)
    hanoi = rows[
        (rows["geography_code"] == "P63-01")
        & (rows["period"] == "2024-12")
        & (rows["indicator_code"].isin(["SBI_YTD.TOTAL", "SBI_YTD_PCT_PLAN.TOTAL"]))
    ]
    # 2024-12-29-02.Bieu-T12.2024.xlsx, sheet "23. VĐT NSNN": Hà Nội 72 289,153 bn, 87,27 % of plan.
    assert sorted(hanoi["value"].round(3)) == [87.271, 72289.153]
    assert set(rows["geography_code"]) <= {f"P63-{int(c):02d}" for c in PROVINCES["code"]}


def test_obligations_move_to_the_merged_province_on_the_first_of_july() -> None:
    rows = pd.DataFrame(obligations(MAPPING, dt.datetime(2025, 1, 1)))
    ha_giang = rows[rows["geography_code"] == "P63-02"]
    assert set(ha_giang["agency_code"]) == {"P34-08"}  # Hà Giang merged into Tuyên Quang
    assert set(ha_giang["valid_to"]) == {MERGER_DAY - dt.timedelta(days=1)}
    own = rows[rows["geography_code"] == rows["agency_code"]]
    assert own["agency_code"].nunique() == 34 and set(own["valid_from"]) == {MERGER_DAY}
