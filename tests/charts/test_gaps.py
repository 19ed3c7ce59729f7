"""Gaps are gaps: a line breaks at periods that have no value instead of joining across them."""

from __future__ import annotations

import math

import pandas as pd

from charts.builders import series_chart, with_gaps


def _monthly(label: str, labels: list[str]) -> pd.DataFrame:
    periods = [pd.Period(p, "M") for p in labels]
    return pd.DataFrame(
        {
            "label": label,
            "period_label": labels,
            "period": labels,
            "date": [p.start_time for p in periods],
            "value": [float(i + 1) for i in range(len(labels))],
            "unit": "%",
            "code": label,
        }
    )


def _cpi_without_2005() -> pd.DataFrame:
    months = [f"2004-{m:02d}" for m in range(10, 13)] + [f"2006-{m:02d}" for m in range(1, 4)]
    return _monthly("CPI", months)


def test_each_missing_month_inside_the_range_becomes_a_row_without_a_value() -> None:
    frame = with_gaps(_cpi_without_2005())
    missing = frame[frame["value"].isna()]
    assert list(missing["period_label"]) == [f"2005-{m:02d}" for m in range(1, 13)]
    assert len(frame) == 6 + 12
    assert frame["date"].is_monotonic_increasing
    observed = frame.dropna(subset=["value"])
    assert list(observed["value"]) == [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "nothing is filled"


def test_series_are_completed_each_in_its_own_range() -> None:
    other = _monthly("Exports", ["2005-01", "2005-03"])
    frame = with_gaps(pd.concat([_cpi_without_2005(), other], ignore_index=True))
    exports = frame[frame["label"] == "Exports"]
    assert list(exports["period_label"]) == ["2005-01", "2005-02", "2005-03"]
    assert math.isnan(exports["value"].iloc[1])
    assert list(dict.fromkeys(frame["label"])) == ["CPI", "Exports"], "series keep their order"


def test_the_chart_breaks_its_line_at_the_null_values() -> None:
    spec = series_chart(
        _cpi_without_2005(), lang="vi", separate_axes=False, value_title="%"
    ).to_dict()
    marks = [layer["mark"] for layer in spec["layer"]]
    lines = [m for m in marks if isinstance(m, dict) and m.get("type") == "line"]
    assert lines and all(m.get("invalid") == "break-paths-show-domains" for m in lines)
    (dataset,) = spec["datasets"].values()
    assert sum(row["value"] is None for row in dataset) == 12
