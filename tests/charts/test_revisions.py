"""The first-release-against-latest chart draws both releases of every period, in the reader's
language."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analytics.vintages import revision_history
from charts.revisions import first_vs_latest_chart

LABELS = {
    "first": "Lần công bố đầu",
    "latest": "Số mới nhất",
    "period": "Kỳ",
    "release": "Lần công bố",
    "vintage": "Ngày công bố",
}


def test_both_releases_of_each_period_are_drawn() -> None:
    rows = pd.DataFrame(
        {
            "period_start": [dt.date(2025, 1, 1)] * 2 + [dt.date(2025, 2, 1)],
            "value": [0.61, -0.96, 17.17],
            "vintage": [dt.date(2025, 1, 29), dt.date(2025, 2, 28), dt.date(2025, 2, 28)],
        }
    )
    spec = first_vs_latest_chart(revision_history(rows), LABELS, "vi", "%").to_dict()
    data = next(iter(spec["datasets"].values()))
    drawn = {(row["release"], row["date"][:7], row["value"]) for row in data}
    assert drawn == {
        ("Lần công bố đầu", "2025-01", 0.61),
        ("Số mới nhất", "2025-01", -0.96),
        ("Lần công bố đầu", "2025-02", 17.17),
        ("Số mới nhất", "2025-02", 17.17),
    }
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "Lần công bố đầu",
        "Số mới nhất",
    ]
