"""Explore offers only what makes sense for the chosen indicators' kinds, and a link asking for a
meaningless operation is refused with the reason, the rest of the view still drawn."""

from __future__ import annotations

import os

import pandas as pd

from data import repository
from data.engine import make_engine
from tests.app.conftest import shown
from ui.i18n import translate

RATE = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"  # % on the same month last year
INDEX = "PCPI_IX"  # CPI, 2019 = 100
YTD = "EXP_YTD.TOTAL"


def test_a_quarterly_sum_of_a_rate_is_refused_and_the_mean_is_drawn(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=RATE, freq="Q", agg="sum", **{"from": "2024-01"})
    assert not at.exception
    warnings = [shown(w.value) for w in at.warning]
    assert translate("error.kind.sum_of_rate", "vi", code=RATE) in warnings
    assert at.selectbox(key="explore.how").value == "mean"
    assert "agg" not in at.query_params, "the link now says the default, mean"
    table = at.dataframe[0].value
    shown_values = [float(v.replace(".", "").replace(",", ".")) for v in table.iloc[:, 0]]
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    months = repository.observations(engine, [RATE])
    engine.dispose()
    months = months.assign(quarter=pd.PeriodIndex(months["period_start"], freq="Q"))
    in_2024 = months[months["quarter"].astype(str).str.startswith("2024")]
    means = in_2024.groupby("quarter")["value"].mean().round(2).tolist()
    assert len(means) == 4
    assert shown_values == means, "the mean of each quarter's three months, not their sum"


def test_rebasing_a_rate_to_compare_is_refused(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=f"{RATE},{INDEX}", cmp="rebased", freq="Q", agg="sum")
    assert not at.exception
    warnings = [shown(w.value) for w in at.warning]
    assert translate("error.kind.sum_of_rate", "vi", code=RATE) in warnings
    assert translate("error.kind.rebase_not_level", "vi", code=RATE) in warnings
    assert at.radio(key="explore.compare").value == "own"
    assert at.radio(key="explore.compare").disabled


def test_a_rate_is_offered_point_changes_but_no_percent_change(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=RATE, tf="pct_change")
    assert not at.exception
    assert translate("error.kind.pct_of_rate", "vi", code=RATE) in [
        shown(w.value) for w in at.warning
    ]
    offered = at.selectbox(key="explore.transform").options
    assert translate("transform.change", "vi") in offered
    assert translate("transform.pct_change", "vi") not in offered
    assert translate("transform.rebase", "vi") not in offered
    assert at.selectbox(key="explore.transform").value == "level"


def test_a_year_to_date_amount_aggregates_by_its_last_period(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind=YTD, freq="Q", agg="mean")
    assert not at.exception
    assert translate("error.kind.ytd_not_last", "vi", code=YTD) in [
        shown(w.value) for w in at.warning
    ]
    assert at.selectbox(key="explore.how").options == [translate("aggregation.last", "vi")]


def test_a_flow_is_offered_everything(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind="EXP_M.TOTAL", freq="Q", agg="sum", tf="yoy_pct")
    assert not at.exception
    assert not at.warning
    assert at.selectbox(key="explore.how").value == "sum"
    assert len(at.selectbox(key="explore.transform").options) == 10
