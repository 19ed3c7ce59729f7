"""The seed data loads completely, once, with both releases of a month kept as vintages."""

from __future__ import annotations

import datetime as dt
import shutil

import pandas as pd
from sqlalchemy import func, select

from data import repository
from data import tables as t
from data.seed_load import (
    GSO_SNAPSHOT,
    SEED_FILES,
    VN_DIR,
    load_all,
    merged_code,
    own_report_month,
    prepare_observations,
    release_kind,
    report_release_dates,
)

SMALL = [
    "gso_monthly_iip_by_industry.csv.gz",
    "gso_quarterly_gdp_by_sector.csv.gz",
    "nsdp_industrial_production.csv.gz",
]


def _count(engine, table) -> int:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_first_estimate_and_restatement_share_one_indicator() -> None:
    assert merged_code("IIP_YOY_EST.TOAN_NGANH") == "IIP_YOY.TOAN_NGANH"
    assert merged_code("IIP_YOY_REV.TOAN_NGANH") == "IIP_YOY.TOAN_NGANH"
    assert merged_code("VIS_M_PREV.CHINA") == "VIS_M.CHINA"
    assert merged_code("RETAIL_YTD_YOY_IDX.TONG_SO") == "RETAIL_YTD_YOY_IDX.TONG_SO"
    assert release_kind("SBI_M_EST.TOTAL") == "first"
    assert release_kind("SBI_YTD_PREV.TOTAL") == "restated"
    assert release_kind("CPI_YOY.CHI_SO_GIA_TIEU_DUNG") is None


def test_loading_twice_adds_nothing_the_second_time(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    first = load_all(migrated_engine, SMALL)
    rows = _count(migrated_engine, t.observations)
    second = load_all(migrated_engine, SMALL)
    assert first.files_loaded == len(SMALL)
    assert second.files_loaded == 0 and second.files_skipped == len(SMALL)
    assert _count(migrated_engine, t.observations) == rows
    expected = sum(len(pd.read_csv(VN_DIR / name)) for name in SMALL)
    assert rows == expected, "every source row is one observation; nothing dropped or added"


def test_a_changed_file_adds_only_new_keys(migrated_engine, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    load_all(migrated_engine, SMALL[:1])
    before = _count(migrated_engine, t.observations)
    original = pd.read_csv(VN_DIR / SMALL[0])
    extra = original.iloc[:1].copy()
    extra["period"] = "2031-01"
    changed_dir = tmp_path / "vn"
    shutil.copytree(VN_DIR, changed_dir)
    pd.concat([original, extra]).to_csv(changed_dir / SMALL[0], index=False)
    monkeypatch.setattr("data.seed_load.VN_DIR", changed_dir)
    load_all(migrated_engine, SMALL[:1])
    assert _count(migrated_engine, t.observations) == before + 1


def test_restated_month_is_a_later_vintage_and_wins(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    load_all(migrated_engine, ["gso_monthly_iip_by_industry.csv.gz"])
    code = "IIP_YOY.TOAN_NGANH_CONG_NGHIEP"
    history = repository.vintages(migrated_engine, code)
    january = history[history["period_start"] == dt.date(2025, 1, 1)]
    # Source: the January 2025 report estimated +0.61% y/y; February's report restated -0.96%.
    assert list(january["status"]) == ["estimate", "revised"]
    assert list(january["value"]) == [0.61, -0.96]
    assert list(january["vintage"]) == [dt.date(2025, 1, 29), dt.date(2025, 2, 28)]
    latest = repository.observations(migrated_engine, [code])
    value = latest[latest["period_start"] == dt.date(2025, 1, 1)]["value"].item()
    assert value == -0.96
    known_then = repository.observations(migrated_engine, [code], as_of=dt.date(2025, 2, 1))
    assert known_then[known_then["period_start"] == dt.date(2025, 1, 1)]["value"].item() == 0.61


def test_every_seed_file_is_listed_and_compressed() -> None:
    shipped = {p.name for p in VN_DIR.glob("*.csv.gz")} - {"gso_monthly_by_province.csv.gz"}
    assert shipped == set(SEED_FILES)


def test_a_period_is_published_by_its_own_report_or_its_quarters_last() -> None:
    assert own_report_month("2024-07") == "2024-07"
    assert own_report_month("2024-Q3") == "2024-09"
    assert own_report_month("2021-Q1") == "2021-03"


def test_cpi_is_dated_by_the_report_that_published_it() -> None:
    raw = pd.read_csv(VN_DIR / "gso_monthly_report_series.csv.gz", dtype={"period": str})
    cpi = raw[
        (raw["indicator_code"] == "CPI_YOY.CHI_SO_GIA_TIEU_DUNG")
        & raw["period"].isin(["2024-12", "2020-09"])
    ]
    rows = prepare_observations(cpi, "gso_monthly_report_series.csv.gz", report_release_dates())
    by_period = rows.set_index("period")
    # The December 2024 workbook, posted 2024-12-29 (sheet 33.CPI: 102.9417), published 2.94 %.
    assert by_period.loc["2024-12", "vintage"] == dt.date(2024, 12, 29)
    assert round(by_period.loc["2024-12", "value"], 2) == 2.94
    # No workbook of September 2020's report is known: only "known no later than" the snapshot.
    assert by_period.loc["2020-09", "vintage"] == GSO_SNAPSHOT


def test_gdp_quarter_is_its_first_estimate_dated_by_the_quarters_report(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    load_all(migrated_engine, ["gso_quarterly_gdp_by_sector.csv.gz"])
    history = repository.vintages(migrated_engine, "GDP_Q_YOY.TONG_SO")
    q3 = history[history["period_start"] == dt.date(2024, 7, 1)]
    # The September 2024 workbook (shipped in data/seed/gso_workbooks) estimated 7.404853 %; the
    # December one restated 7.429238, which the upstream extract does not hold.
    assert list(q3["vintage"]) == [dt.date(2024, 9, 29)]
    assert list(q3["value"]) == [7.404853]
    known = repository.observations(
        migrated_engine, ["GDP_Q_YOY.TONG_SO"], as_of=dt.date(2024, 9, 28)
    )
    assert dt.date(2024, 7, 1) not in set(known["period_start"])


def test_new_dating_rules_add_releases_and_keep_the_old_ones(migrated_engine, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    name = "gso_quarterly_gdp_by_sector.csv.gz"
    monkeypatch.setattr("data.seed_load.OWN_REPORT_SOURCES", ())
    monkeypatch.setattr("data.seed_load.DATING_RULES", "1")
    load_all(migrated_engine, [name])
    before = _count(migrated_engine, t.observations)
    monkeypatch.undo()
    report = load_all(migrated_engine, [name])
    assert report.files_loaded == 1
    history = repository.vintages(migrated_engine, "GDP_Q_YOY.TONG_SO")
    q3 = history[history["period_start"] == dt.date(2024, 7, 1)]
    assert list(q3["vintage"]) == [dt.date(2024, 9, 29), GSO_SNAPSHOT]
    assert _count(migrated_engine, t.observations) == before + report.observations_added
    # Every row is dated anew but those of 2020-Q3, whose report (September 2020) has no known
    # release: they keep the snapshot's date, so their key is not new.
    rows = pd.read_csv(VN_DIR / name)
    assert report.observations_added == int((rows["period"] != "2020-Q3").sum())
