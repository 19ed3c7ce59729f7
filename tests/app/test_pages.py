"""Every page through AppTest: it renders with real data, says what is wrong, never crashes."""

from __future__ import annotations

import pandas as pd

from analytics.formatting import format_number
from domain.headlines import HEADLINES
from tests.app.conftest import charts, shown
from ui.i18n import translate

CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
IIP = "IIP_YOY.TOAN_NGANH_CONG_NGHIEP"


def test_overview_shows_every_headline_tile_with_its_latest_period(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py")
    assert not at.exception
    metrics = {metric.label: metric.value for metric in at.metric}
    assert sorted(metrics) == sorted(translate(f"tile.{h.key}", "vi") for h in HEADLINES)
    # The seed's last CPI month is February 2025: y/y 2.91%, shown with a Vietnamese comma.
    assert metrics[translate("tile.cpi", "vi")] == "2,9%"
    assert any("Tháng 2/2025" in caption.value for caption in at.caption)


def test_overview_lists_plan_targets_with_published_outcomes(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py")
    at.segmented_control[0].set_value(2025).run()
    table = at.dataframe[0].value
    gdp = table[table.iloc[:, 0].str.startswith("Tốc độ tăng tổng sản phẩm")]
    assert gdp.iloc[0, 2].startswith("Khoảng 6,5-7,0")
    assert gdp.iloc[0, 3] == "8,02"
    assert "Đạt" in gdp.iloc[0, 4]


def test_overview_in_english(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py", lang="en")
    assert at.title[0].value == translate("overview.title", "en")
    assert "GDP growth" in [metric.label for metric in at.metric]


def test_explore_draws_a_chart_from_the_url(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=f"{CPI},{IIP}", tf="yoy_change", **{"from": "2020-01"})
    assert not at.exception
    assert at.multiselect[0].value == [CPI, IIP]
    assert at.selectbox(key="explore.transform").value == "yoy_change"
    spec = charts(at)[0]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    table = at.dataframe[0].value
    assert len(table.columns) == 2
    assert table.index[0] == "Tháng 1/2020"


def test_explore_bad_url_parts_are_reported_and_the_rest_still_works(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=f"NOPE,{CPI}", tf="cubic", **{"from": "2026-13"})
    assert not at.exception
    warnings = [shown(w.value) for w in at.warning]
    assert translate("error.unknown_indicator", "vi", code="NOPE") in warnings
    assert translate("error.period_invalid", "vi", period="2026-13") in warnings
    assert any("cubic" in w for w in warnings)
    assert at.multiselect[0].value == [CPI]
    assert charts(at), "the valid indicator is still drawn"


def test_explore_year_on_year_on_a_short_series_says_why(open_page) -> None:  # type: ignore[no-untyped-def]
    code = "RETAIL_M.TD_CO_SO_SAN_XUAT_TRUC_TIEP_BAN_LE"  # one monthly value in the seed
    at = open_page("views/explore.py", ind=f"{code},PCPI_IX", tf="yoy_pct")
    assert not at.exception
    expected = translate("error.transform_needs_year", "vi", code=code, n=1)
    assert expected in [shown(w.value) for w in at.warning]
    assert charts(at), "the other indicator is still drawn"


def test_explore_widget_change_updates_the_url(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=CPI)
    at.selectbox(key="explore.transform").set_value("moving_average").run()
    assert at.query_params["tf"] == "moving_average"
    assert at.query_params["ind"] == CPI
    assert any(translate("transform.moving_average", "vi") in c.value for c in at.caption)


def test_explore_typed_period_that_is_wrong_is_refused_on_the_page(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=CPI)
    at.text_input(key="explore.start").set_value("2024-Q5").run()
    assert not at.exception
    assert [shown(e.value) for e in at.error] == [
        translate("error.period_invalid_quarter", "vi", period="2024-Q5")
    ]
    assert charts(at)


def test_explore_search_without_diacritics_narrows_the_choices(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py")
    at.text_input(key="explore.search").set_value("chi so gia tieu dung").run()
    options = at.multiselect[0].options
    assert options and all("CPI" in o or "giá tiêu dùng" in o.lower() for o in options)


def test_explore_quarterly_average_is_applied_before_the_transformation(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(
        "views/explore.py", ind="EXP_M.TOTAL", freq="Q", agg="sum", **{"from": "2024-Q1"}
    )
    assert charts(at)
    table = at.dataframe[0].value
    q1 = table.loc["Quý I/2024"].iloc[0]
    # Independent computation from the seed file: sum of the months' latest values.
    raw = pd.read_csv("data/seed/vn/gso_monthly_report_series.csv.gz")
    months = raw[
        (raw["indicator_code"] == "EXP_M_EST.TOTAL")
        & raw["period"].isin(["2024-01", "2024-02", "2024-03"])
    ]
    assert q1 == format_number(months["value"].sum(), "vi", 2)
    assert any(translate("aggregation.sum", "vi") in c.value for c in at.caption)


def test_explore_offers_csv_and_excel_of_what_is_shown(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=CPI, **{"from": "2024-01", "to": "2024-12"})
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == [
        translate("chart.png", "vi"),
        translate("chart.svg", "vi"),
        translate("explore.download_csv", "vi"),
        translate("explore.download_xlsx", "vi"),
    ]
    # The data files come with the page, not from a request when pressed: a press that met a
    # rerun left such a button spinning for good (the browser test of copied links caught it).
    files = [button.proto for button in at.get("download_button")][2:]
    assert [proto.HasField("deferred_file_id") for proto in files] == [False, False], files
    assert [proto.url.rsplit(".", 1)[-1] for proto in files] == ["csv", "xlsx"], files


def test_every_chart_has_its_png_and_svg_downloads(open_page) -> None:  # type: ignore[no-untyped-def]
    import json

    from ui import cache

    pages = [
        ("views/explore.py", {"ind": CPI, "from": "2024-01"}, "analyst"),
        ("views/outlook.py", {}, "leader"),
        ("views/present.py", {"m": "2025-02", "s": "4"}, "leader"),
    ]
    for page, params, role in pages:
        at = open_page(page, role=role, **params)
        assert not at.exception
        charts = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
        labels = [button.proto.label for button in at.get("download_button")]
        assert charts, page
        assert labels.count(translate("chart.png", "vi")) == len(charts), page
        assert labels.count(translate("chart.svg", "vi")) == len(charts), page
    import altair as alt
    import pandas as pd

    frame = pd.DataFrame({"tháng": ["2025-01", "2025-02"], "giá trị": [3.63, 2.91]})
    chart = alt.Chart(frame).mark_line().encode(x="tháng:O", y="giá trị:Q")
    spec = chart.properties(width="container", title="Chỉ số giá tiêu dùng").to_dict()
    png = cache.chart_file(json.dumps(spec), "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    svg = cache.chart_file(json.dumps(spec), "svg").decode()
    assert svg.startswith("<svg") and "</svg>" in svg
    assert "Chỉ số giá tiêu dùng" in svg, "the words are text in the SVG, in Vietnamese"
