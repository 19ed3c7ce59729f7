"""In a real browser: an analyst signs in, opens the Forecast lab, tunes a model, publishes its
forecast and finds it listed among the published ones; the chart is drawn with its fan."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tests.e2e.streamlit_dom import drawn_lines, wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

Screenshot = Callable[..., Path]
TUNED = {"lab.param.error": "lab.choice.add", "lab.param.trend": "lab.choice.add"}
TUNED_MODEL = "ETS(A,Ad,N)"


def vi(key: str, **params: object) -> str:
    return translate(key, "vi", **params)


def choose(page: Page, label: str, option: str) -> None:
    """Pick ``option`` in the select box whose label is exactly ``label``."""
    wait_until_idle(page)
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    combobox = box.get_by_role("combobox")
    combobox.click()
    combobox.fill(option)
    page.get_by_role("option", name=option, exact=True).click()
    wait_until_idle(page)


def open_lab(page: Page, app_url: str) -> None:
    """Sign in as the analyst and open the lab from the sidebar."""
    page.goto(app_url)
    sign_in(page, "analyst")
    page.get_by_test_id("stSidebarNavLink").filter(has_text=vi("page.forecast_lab")).click()
    expect(page.get_by_role("heading", name=vi("lab.title"))).to_be_visible(timeout=60_000)


def test_an_analyst_tunes_publishes_and_finds_the_forecast_listed(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    open_lab(page, app_url)
    wait_until_idle(page)

    choose(page, vi("lab.method"), vi("lab.method.ets"))
    for parameter, choice in TUNED.items():
        choose(page, vi(parameter), vi(choice))
    choose(page, vi("lab.param.damped"), vi("lab.choice.true"))
    model_line = page.get_by_test_id("stMarkdownContainer").filter(has_text=TUNED_MODEL)
    expect(model_line).to_be_visible(timeout=60_000)
    expect(drawn_lines(page).first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    tuning = page.get_by_role("heading", name=vi("lab.tune.title"))
    tuning.evaluate("heading => heading.scrollIntoView({block: 'start'})")
    page.evaluate("document.activeElement.blur()")
    screenshot(page, "forecast_lab", readme=True)

    page.get_by_role("button", name=vi("lab.publish")).click()
    published = page.get_by_test_id("stAlertContentSuccess")
    expect(published).to_have_text(
        re.compile(re.escape(vi("lab.published", id="X")).replace("X", r"\d+"))
    )
    wait_until_idle(page)
    track = page.get_by_role("heading", name=vi("lab.track.title"))
    track.evaluate("heading => heading.scrollIntoView({block: 'start'})")
    runs = page.get_by_test_id("stDataFrame").last  # the grid's cells are in its hidden a11y table
    for cell in (TUNED_MODEL, vi("transform.level"), "phantich"):
        expect(runs.get_by_role("gridcell", name=cell, include_hidden=True).first).to_be_attached()
    screenshot(page, "forecast_lab_published")


def test_the_real_time_record_is_drawn_for_a_recorded_indicator(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    open_lab(page, app_url)
    realtime = page.get_by_role("heading", name=vi("lab.track.realtime.title"))
    wait_until_idle(page)
    box = page.get_by_test_id("stSelectbox").filter(
        has=page.get_by_text(vi("lab.indicator"), exact=True)
    )
    combobox = box.get_by_role("combobox")

    def choose(code: str) -> None:
        search = page.get_by_label(vi("lab.search"))
        search.fill(code)  # the list holds the first 300 matches: narrow it to the code
        search.press("Enter")
        wait_until_idle(page)
        combobox.click()
        combobox.fill(code)
        page.get_by_role("option").filter(has_text=code).first.click()
        wait_until_idle(page)

    choose("TB_USD")  # NSDP's trade balance: its releases carry no date, so no record
    expect(realtime).to_have_count(0)
    choose("IIP_YOY.TOAN_NGANH_CONG_NGHIEP")
    expect(realtime).to_be_visible(timeout=90_000)
    realtime.evaluate("heading => heading.scrollIntoView({block: 'start'})")
    chart = page.locator("[data-testid='stVegaLiteChart'], .vega-embed").filter(
        has=page.locator("canvas, svg")
    )
    expect(chart.first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "forecast_lab_realtime")
