"""Explore's "% on the same period last year" and its year-to-date form show GSO's published rate
where one exists, for every month where both the level and the rate are stored, and say so."""

from __future__ import annotations

import os

import pandas as pd
import pytest
from sqlalchemy import select

from data import tables as t
from data.engine import make_engine
from data.repository import catalogue as read_catalogue
from data.repository import observations as read_observations
from ui.explore_data import build, rate_codes
from ui.view_state import ExploreView


def _stored(code: str) -> pd.Series:
    """The latest stored value of each month of ``code``, straight from the table."""
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    o = t.observations.c
    with engine.connect() as conn:
        rows = conn.execute(
            select(o.period_start, o.value, o.vintage, o.id)
            .where(o.indicator_code == code)
            .order_by(o.period_start, o.vintage, o.id)
        ).all()
    engine.dispose()
    frame = pd.DataFrame(rows, columns=["start", "value", "vintage", "id"])
    latest = frame.groupby("start").last()["value"]
    latest.index = [f"{start:%Y-%m}" for start in latest.index]
    return latest


@pytest.mark.parametrize(
    ("level", "transform", "rate", "as_change"),
    [
        ("EXP_M.TOTAL", "ytd_yoy_pct", "EXP_YTD_YOY.TOTAL", lambda v: v),
        ("EXP_M.TOTAL", "yoy_pct", "EXP_M_YOY.TOTAL", lambda v: v),
        ("IMP_M.TOTAL", "yoy_pct", "IMP_M_YOY.TOTAL", lambda v: v),
        ("RETAIL_M.TONG_SO", "yoy_pct", "RETAIL_M_YOY_IDX.TONG_SO", lambda v: v - 100.0),
    ],
)
def test_every_month_with_a_published_rate_shows_it(level, transform, rate, as_change) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    catalogue = read_catalogue(engine)
    view = ExploreView(codes=(level,), transform=transform)
    assert rate_codes(view, catalogue) == {level: rate}
    observations = read_observations(engine, [level, rate])
    engine.dispose()
    result = build(view, observations, catalogue, "vi")
    shown = result.frame.set_index("period_label")
    published = _stored(rate)
    both = shown.index.intersection(published.index)
    assert len(both) > 60
    for month in both:
        assert shown.loc[month, "value"] == pytest.approx(as_change(published[month]), abs=1e-9)
        assert shown.loc[month, "rate_source"] == "published"
    assert result.rates[level][:2] == (rate, len(both))
    if transform == "ytd_yoy_pct" and level == "EXP_M.TOTAL":
        # The case: February 2025, published 8,35 % where the levels give 9,94 %.
        assert shown.loc["2025-02", "value"] == pytest.approx(8.35, abs=0.005)


def test_explore_says_the_rate_is_the_published_one(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind="EXP_M.TOTAL", tf="ytd_yoy_pct")
    assert not at.exception
    lines = [c.value for c in at.caption if "số công bố của nguồn" in c.value]
    assert lines, [c.value for c in at.caption]
    assert "EXP_YTD_YOY.TOTAL" in lines[0].replace("\\", "")


def test_an_aggregated_view_computes_the_rate() -> None:
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    catalogue = read_catalogue(engine)
    engine.dispose()
    view = ExploreView(codes=("EXP_M.TOTAL",), transform="yoy_pct", freq="Q", how="sum")
    assert rate_codes(view, catalogue) == {}
