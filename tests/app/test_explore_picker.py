"""Explore's indicator picker reaches every indicator of the catalogue, headline series first."""

from __future__ import annotations

from domain.headlines import HEADLINE_CODES
from tests.app.conftest import charts
from ui import state


def test_the_picker_offers_every_indicator_with_the_headlines_first(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py")
    assert not at.exception
    picker = at.multiselect(key=state.EXPLORE_CODES)
    options = picker.options
    assert len(options) > 900, "the first 400 alone were offered before"
    first = options[: len(HEADLINE_CODES) - 1]  # the trade balance is derived, not catalogued
    assert all(
        any(label.endswith(f"· {code}") for label in first)
        for code in HEADLINE_CODES
        if code != "TB_USD"
    )


def test_an_indicator_far_down_the_catalogue_can_be_chosen(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py")
    picker = at.multiselect(key=state.EXPLORE_CODES)
    last = picker.options[-1].rsplit("· ", 1)[1]
    picker.set_value([last]).run()
    assert not at.exception
    assert at.query_params["ind"] in (last, [last])
    assert charts(at), "the chosen series is drawn"
