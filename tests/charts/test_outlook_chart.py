"""The chart of the targets' probabilities month by month, built without Streamlit."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from charts.outlook import probability_history_chart


def test_a_line_per_target_and_the_thresholds() -> None:
    history = pd.DataFrame(
        {
            "day": [dt.date(2025, 1, 31), dt.date(2025, 2, 28)] * 2,
            "name_vi": ["CPI", "CPI", "GDP", "GDP"],
            "probability": [0.9, 0.85, 0.4, 0.35],
        }
    )
    labels = {"day": "Ngày", "probability": "Xác suất", "target": "Chỉ tiêu"}
    spec = probability_history_chart(
        history, "name_vi", {**labels, "green_at": 0.8, "red_below": 0.5}, "vi"
    ).to_dict()
    lines, rules = spec["layer"]
    assert lines["encoding"]["color"]["field"] == "target"
    assert rules["mark"]["type"] == "rule"
    values = next(iter(spec["datasets"].values()))
    assert sorted({row["target"] for row in values}) == ["CPI", "GDP"]
    levels = [[row["level"] for row in v] for v in spec["datasets"].values() if "level" in v[0]]
    assert levels == [[0.8, 0.5]]
    assert spec["config"]["locale"]["number"]["decimal"] == ","
