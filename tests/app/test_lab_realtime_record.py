"""The Forecast lab through AppTest: an indicator with a real-time record in the shipped results
(``bench/results/realtime.json``) shows it on the track record, a chart of each method's errors by
horizon and a caption naming the vintages, the origins and the period; another indicator does not.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from analytics.formatting import format_percent, format_period
from analytics.realtime_record import series_record
from domain.periods import parse_period
from tests.app.conftest import APP, shown, user_for
from ui import cache
from ui.explore_data import shown_unit
from ui.i18n import TEXT, translate, unit_text

# The lab's fits are cached per worker: share one with the other Forecast lab tests.
pytestmark = pytest.mark.xdist_group("forecast_lab")

LAB = "views/forecast_lab.py"
RECORD = json.loads(cache.REALTIME_RECORD.read_text(encoding="utf-8"))
RESTATED = "IIP_YOY.TOAN_NGANH_CONG_NGHIEP"  # first estimates and restatements
FIRST_ONLY = "EXP_M.TOTAL"  # first estimates only
QUARTERLY = "GDP_Q_YOY.TONG_SO"  # each quarter's first estimate, dated by its report
NOT_RECORDED = "TB_USD"  # NSDP's releases carry no date: no record


def _open_on(code: str, lang: str = "vi") -> AppTest:
    """The lab opened by an analyst whose last choice there was ``code`` (kept in the session):
    set before the first run, since a widget's labels in English cannot be run again by AppTest
    (it formats the options outside the page, in the default language)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state["auth.user"] = user_for("analyst")
    at.session_state["lab.code"] = code
    at.run()
    at.switch_page(LAB)
    at.run()
    assert not at.exception and at.selectbox(key="lab.code").value == code
    return at


def _expected_caption(code: str, lang: str) -> str:
    entry = RECORD["series"][code]
    origins = entry["origins"]
    record = series_record(RECORD, code)
    assert record is not None
    return translate(
        record.caption_key,
        lang,
        start=format_period(parse_period(origins["first_real_time"]), lang),
        end=format_period(parse_period(origins["last_real_time"]), lang),
        origins=origins["real_time"],
        candidates=origins["candidates"],
    )


def _record_chart(at) -> tuple[dict, pd.DataFrame] | None:  # type: ignore[no-untyped-def]
    """The real-time record's chart (the one with bars side by side) and the data it drew."""
    found = [
        element
        for element in at.main
        if getattr(element, "type", None) == "vega_lite_chart"
        and "xOffset" in json.loads(element.proto.spec).get("encoding", {})
    ]
    assert len(found) <= 1
    if not found:
        return None
    (dataset,) = found[0].proto.datasets
    return json.loads(found[0].proto.spec), convert_arrow_bytes_to_pandas_df(dataset.data.data)


def test_the_shipped_record_names_these_series_and_not_the_trade_balance() -> None:
    series = RECORD["series"]
    assert series[RESTATED]["recorded"] and series[RESTATED]["vintages"] == "first_and_restated"
    assert series[FIRST_ONLY]["recorded"] and series[FIRST_ONLY]["vintages"] == "first_only"
    assert series[QUARTERLY]["recorded"] and series[QUARTERLY]["frequency"] == "Q"
    assert not series[NOT_RECORDED]["recorded"]


def test_a_recorded_indicator_shows_its_real_time_record() -> None:
    at = _open_on(RESTATED)
    assert not at.error
    assert translate("lab.track.realtime.title", "vi") in [h.value for h in at.subheader]
    assert _expected_caption(RESTATED, "vi") in [shown(c.value) for c in at.caption]
    found = _record_chart(at)
    assert found is not None
    chart, drawn = found
    latest = [row for row in RECORD["series"][RESTATED]["scores"] if row["outcome"] == "latest"]
    auto = translate("lab.track.realtime.method.auto", "vi")
    expected = {(auto, row["horizon"], row["mae"]) for row in latest if row["method"] == "auto"}
    mine = drawn[drawn["method"] == auto]
    assert set(zip(mine["method"], mine["horizon"], mine["mae"], strict=True)) == expected
    assert len(drawn) == len(latest), "one bar per method and horizon"
    assert translate("lab.track.realtime.method.seasonal_naive", "vi") in set(drawn["method"])
    unit = unit_text(shown_unit(RECORD["series"][RESTATED]["unit"], "level", False), "vi")
    title = translate("lab.track.realtime.mae", "vi", unit=unit)
    assert " ".join(chart["encoding"]["y"]["title"]) == title


def test_an_indicator_with_first_estimates_only_says_so_in_english() -> None:
    at = _open_on(FIRST_ONLY, lang="en")
    assert _expected_caption(FIRST_ONLY, "en") in [shown(c.value) for c in at.caption]
    assert "first estimates themselves" in _expected_caption(FIRST_ONLY, "en")
    assert _record_chart(at) is not None


def test_a_quarterly_record_speaks_of_quarters_in_english() -> None:
    at = _open_on(QUARTERLY, lang="en")
    caption = _expected_caption(QUARTERLY, "en")
    assert caption in [shown(c.value) for c in at.caption]
    assert caption.startswith("On the last day of every quarter") and "2018" in caption
    assert _record_chart(at) is not None


def test_an_indicator_without_a_record_shows_none() -> None:
    at = _open_on(NOT_RECORDED)
    assert translate("lab.track.realtime.title", "vi") not in [h.value for h in at.subheader]
    opening = TEXT["vi"]["lab.track.realtime.caption.first_and_restated"]["other"].split("{")[0]
    assert opening and not any(shown(c.value).startswith(opening) for c in at.caption)
    assert _record_chart(at) is None


def test_the_record_says_how_often_autos_bands_held() -> None:
    record = series_record(RECORD, RESTATED)
    assert record is not None and set(record.coverage) == {80, 95}
    at = _open_on(RESTATED)
    expected = translate(
        "lab.track.realtime.coverage",
        "vi",
        p80=format_percent(100 * record.coverage[80], "vi", 0),
        p95=format_percent(100 * record.coverage[95], "vi", 0),
    )
    assert expected in [shown(c.value) for c in at.caption]
