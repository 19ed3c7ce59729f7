"""The real-time record's chart draws one bar per method and horizon at its mean absolute error, the
Cockpit's method first in its own colour, in the reader's language."""

from __future__ import annotations

import pandas as pd

from charts.realtime import METHOD_COLOURS, axis_title, realtime_record_chart

LABELS = {"horizon": "Dự báo trước (kỳ)", "method": "Phương pháp", "mase": "MASE", "n": "Số lần"}


def _scores() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "method": ["Cockpit (tự động)", "Cockpit (tự động)", "Giữ nguyên", "Giữ nguyên"],
            "horizon": [1, 2, 1, 2],
            "mae": [1860.75, 1868.38, 2112.78, 2128.02],
            "mase": [0.857, 0.869, 0.947, 0.994],
            "n": [49, 48, 49, 48],
        }
    )


def test_each_method_and_horizon_is_a_bar_at_its_mae() -> None:
    spec = realtime_record_chart(_scores(), LABELS, "vi", "Sai số (triệu USD)").to_dict()
    assert spec["mark"]["type"] == "bar"
    data = next(iter(spec["datasets"].values()))
    drawn = {(row["method"], row["horizon"], row["mae"], row["n"]) for row in data}
    assert drawn == {
        ("Cockpit (tự động)", 1, 1860.75, 49),
        ("Cockpit (tự động)", 2, 1868.38, 48),
        ("Giữ nguyên", 1, 2112.78, 49),
        ("Giữ nguyên", 2, 2128.02, 48),
    }
    encoding = spec["encoding"]
    assert (encoding["x"]["field"], encoding["xOffset"]["field"]) == ("horizon", "method")
    assert encoding["y"] == {
        "field": "mae",
        "type": "quantitative",
        "title": ["Sai số", "(triệu USD)"],
    }
    assert encoding["x"]["title"] == "Dự báo trước (kỳ)"


def test_a_long_axis_title_puts_its_unit_on_a_line_of_its_own() -> None:
    assert axis_title("Sai số tuyệt đối bình quân (% thay đổi)") == [
        "Sai số tuyệt đối bình quân",
        "(% thay đổi)",
    ]
    assert axis_title("MAE") == "MAE" and axis_title("") == ""


def test_the_cockpits_method_keeps_its_colour_whatever_the_others() -> None:
    scores = _scores()
    spec = realtime_record_chart(scores, LABELS, "vi").to_dict()
    scale = spec["encoding"]["color"]["scale"]
    assert scale["domain"] == ["Cockpit (tự động)", "Giữ nguyên"]
    assert scale["range"] == METHOD_COLOURS[:2]
    swapped = pd.concat([scores.iloc[2:], scores.iloc[:2]], ignore_index=True)
    other = realtime_record_chart(swapped, LABELS, "vi").to_dict()["encoding"]["color"]["scale"]
    assert other["domain"] == ["Giữ nguyên", "Cockpit (tự động)"], "the order given is kept"


def test_numbers_follow_the_language() -> None:
    vi = realtime_record_chart(_scores(), LABELS, "vi").to_dict()
    en = realtime_record_chart(_scores(), LABELS, "en").to_dict()
    assert vi["config"]["locale"]["number"]["decimal"] == ","
    assert en["config"]["locale"]["number"]["decimal"] == "."
    tooltips = [tip["title"] for tip in vi["encoding"]["tooltip"]]
    assert tooltips == ["Phương pháp", "Dự báo trước (kỳ)", "MAE", "MASE", "Số lần"]
