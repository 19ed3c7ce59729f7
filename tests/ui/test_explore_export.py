"""Explore's downloads say exactly what was done and carry their metadata: read back from the CSV
(metadata block, empty line, data) and from both sheets of the XLSX."""

from __future__ import annotations

import datetime as dt
import io
import os

import openpyxl
import pandas as pd
import pytest

from analytics.export import metadata_frame, to_csv_bytes, to_xlsx_bytes
from data.engine import make_engine
from data.forecasts import StoredForecast
from data.migrate import upgrade
from data.repository import catalogue as read_catalogue
from data.repository import observations as read_observations
from data.seed_load import load_all
from ui.explore_data import build, forecast_rows
from ui.explore_export import export_rows, metadata_items
from ui.i18n import translate
from ui.view_state import ExploreView

NOW = dt.datetime(2026, 12, 5, 3, 4, 5)


@pytest.fixture(scope="module")
def seeded() -> tuple[pd.DataFrame, pd.DataFrame]:
    """The real catalogue and the observations of the indicators used here."""
    engine = make_engine(os.environ.get("COCKPIT_EXPORT_TEST_DB", "sqlite://"))
    upgrade(engine)
    load_all(engine)
    codes = ["EXP_M.TOTAL", "IMP_M.TOTAL", "EXP_M_YOY.TOTAL", "IMP_M_YOY.TOTAL"]
    return read_catalogue(engine), read_observations(engine, codes)


def _download(view: ExploreView, seeded, lang: str = "vi"):  # type: ignore[no-untyped-def]
    catalogue, observations = seeded
    result = build(view, observations, catalogue, lang)
    rows = export_rows(result, view, None, lang)
    meta = metadata_items(
        result, view, catalogue, observations, None, "http://cockpit/kham-pha", NOW, lang
    )
    return result, rows, meta


def test_every_row_says_the_aggregation_and_transformation_applied(seeded) -> None:  # type: ignore[no-untyped-def]
    view = ExploreView(codes=("EXP_M.TOTAL",), transform="change", freq="Q", how="sum")
    _, rows, meta = _download(view, seeded)
    done = rows[translate("explore.column.transform", "vi")].unique().tolist()
    assert done == ["tổng hợp theo Quý (Tổng) → Thay đổi so với kỳ trước"]
    items = dict(meta)
    assert items[translate("export.meta.processing", "vi")] == done[0]
    assert items[translate("export.meta.link", "vi")] == (
        "http://cockpit/kham-pha?ind=EXP_M.TOTAL&tf=change&freq=Q&agg=sum"
    )
    assert items[translate("export.meta.definition", "vi", code="EXP_M.TOTAL")].startswith(
        "Trị giá hàng hóa xuất khẩu"
    )
    assert items[translate("export.meta.unit", "vi", code="EXP_M.TOTAL")] == "triệu USD"
    assert items[translate("export.meta.vintage", "vi")].startswith("Số mới nhất (công bố đến")
    assert items[translate("export.meta.downloaded", "vi")].startswith("05/12/2026")


def test_a_rebased_comparison_and_a_published_rate_are_named(seeded) -> None:  # type: ignore[no-untyped-def]
    rebased = ExploreView(codes=("EXP_M.TOTAL", "IMP_M.TOTAL"), compare="rebased")
    _, rows, _ = _download(rebased, seeded)
    assert set(rows[translate("explore.column.transform", "vi")]) == {
        translate("explore.compare.rebased", "vi")
    }
    yoy = ExploreView(codes=("EXP_M.TOTAL",), transform="yoy_pct")
    result, rows, _ = _download(yoy, seeded)
    marked = rows[translate("explore.column.transform", "vi")].str.endswith(
        "(số công bố của nguồn)"
    )
    assert marked.sum() == (result.frame["rate_source"] == "published").sum() > 60


def test_the_csv_holds_the_metadata_block_then_the_data(seeded) -> None:  # type: ignore[no-untyped-def]
    view = ExploreView(codes=("EXP_M.TOTAL",), freq="Q", how="sum", start="2024-01")
    result, rows, meta = _download(view, seeded)
    meta = [*meta, ("x", '=HYPERLINK("http://evil")')]
    text = to_csv_bytes(rows, meta).decode("utf-8-sig")
    lines = text.split("\r\n")
    assert all(line.startswith('"# ') or line.startswith("# ") for line in lines[: len(meta)])
    assert lines[len(meta)] == ""
    data = pd.read_csv(io.StringIO(text), skiprows=len(meta) + 1)
    assert list(data.columns) == list(rows.columns)
    assert data[translate("explore.column.value", "vi")].tolist() == pytest.approx(
        result.frame["value"].tolist()
    )
    head = pd.read_csv(io.StringIO(text), nrows=len(meta), header=None)
    assert head.iloc[-1, 1] == '\'=HYPERLINK("http://evil")', "a formula is neutralised"


def test_the_xlsx_has_a_data_sheet_and_a_metadata_sheet(seeded) -> None:  # type: ignore[no-untyped-def]
    view = ExploreView(codes=("EXP_M.TOTAL",), transform="yoy_pct")
    _, rows, meta = _download(view, seeded, "en")
    workbook = openpyxl.load_workbook(
        io.BytesIO(to_xlsx_bytes({"Data": rows, "About": metadata_frame(meta, ("Item", "Value"))}))
    )
    assert workbook.sheetnames == ["Data", "About"]
    about = {row[0]: row[1] for row in workbook["About"].iter_rows(min_row=2, values_only=True)}
    assert about["EXP_M.TOTAL: name"] == seeded[0].set_index("code").loc["EXP_M.TOTAL", "name_en"]
    assert about["Processing applied"] == translate("transform.yoy_pct", "en")
    assert workbook["Data"].max_row == len(rows) + 1


def test_published_forecasts_come_with_their_model_date_and_periods(seeded) -> None:  # type: ignore[no-untyped-def]
    catalogue, observations = seeded
    view = ExploreView(codes=("EXP_M.TOTAL",), start="2024-06")
    result = build(view, observations, catalogue, "vi")
    values = pd.DataFrame(
        {
            "period": pd.period_range("2025-03", periods=2, freq="M"),
            "point": [40000.0, 41000.0],
            "lower_80": [38000.0, 38500.0],
            "upper_80": [42000.0, 43500.0],
        }
    )
    stored = StoredForecast(
        *(7, "EXP_M.TOTAL", "published", "level", "M", "auto", "Seasonal naive", {}, 2, (80,)),
        *("2025-02", "v", None, "phantich", "Phân tích", dt.datetime(2026, 11, 30, 8), "2026-11"),
        *(pd.DataFrame(), values),
    )
    forecasts = forecast_rows(result.frame, {"EXP_M.TOTAL": stored}, view, "vi")
    rows = export_rows(result, view, forecasts, "vi", {"EXP_M.TOTAL": stored})
    ahead = rows[
        rows[translate("explore.column.status", "vi")] == translate("export.forecast", "vi")
    ]
    assert ahead[translate("explore.column.period", "vi")].tolist() == ["2025-03", "2025-04"]
    assert ahead[translate("explore.column.value", "vi")].tolist() == [40000.0, 41000.0]
    assert ahead[translate("export.upper_80", "vi")].tolist() == [42000.0, 43500.0]
    said = set(ahead[translate("explore.column.transform", "vi")])
    assert said == {
        translate("transform.level", "vi")
        + " — dự báo bằng Lặp lại cùng kỳ năm trước, công bố ngày 30/11/2026"
    }
    without = export_rows(result, view, None, "vi")
    assert len(without) == len(rows) - 2
