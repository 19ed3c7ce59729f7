"""The targets outlook page on the seeded database: the 2026 plan's CPI and GDP targets get a
probability with their ranges; the others say why they have none."""

from __future__ import annotations

import re

from ui.i18n import translate


def test_the_outlook_gives_odds_where_a_series_measures_the_target(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/outlook.py", role="leader")
    assert not at.exception
    at.selectbox(key="outlook.year").set_value(2026).run()  # other tests may add a later plan
    assert not at.exception
    assert at.title[0].value == translate("outlook.title", "vi")
    table = at.dataframe[0].value
    names = list(table.iloc[:, 0])
    probabilities = dict(zip(names, table[translate("outlook.col.probability", "vi")], strict=True))
    cpi = next(n for n in names if "CPI" in n)
    gdp = next(n for n in names if "GDP" in n and "đầu người" not in n)
    for name in (cpi, gdp):
        assert re.fullmatch(r"\d{1,3} % \((xanh|vàng|đỏ)\)", probabilities[name]), probabilities[
            name
        ]
    notes = table[translate("outlook.col.reason", "vi")]
    assert (notes == translate("outlook.no_series", "vi")).sum() == len(names) - 2


def test_the_outlook_draws_the_probability_month_by_month(open_page) -> None:  # type: ignore[no-untyped-def]
    import json

    at = open_page("views/outlook.py", role="leader")
    at.selectbox(key="outlook.year").set_value(2025).run()
    assert not at.exception
    drawn = [e for e in at.main if getattr(e, "type", "") == "vega_lite_chart"]
    assert len(drawn) == 1, "the history chart"
    spec = json.loads(drawn[0].proto.spec)
    lines, rules = spec["layer"]
    assert lines["encoding"]["y"]["field"] == "probability"
    assert lines["encoding"]["y"]["scale"]["domain"] == [0, 1]
    assert rules["mark"]["type"] == "rule", "the traffic light's thresholds"
    assert len(drawn[0].proto.datasets) == 2
