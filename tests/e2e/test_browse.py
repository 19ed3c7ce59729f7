"""What a person sees in a real browser: the Overview's tiles, a search and chart on Explore, a
pasted link with mistakes in it, and the switch to English.

Every visible text is looked up in ``ui.i18n``, so a reworded label does not break these tests; a
missing one does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from domain.errors import InputError
from domain.periods import parse_period
from tests.e2e.conftest import sign_in
from tests.e2e.streamlit_dom import drawn_lines, wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

TILES = ("gdp", "cpi", "iip", "retail", "exports", "imports", "trade_balance", "fdi")
CPI_INDEX = "PCPI_IX"
CPI_YEAR_ON_YEAR = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
MALFORMED_MONTH = "2026-13"

Screenshot = Callable[..., Path]


def vi(key: str, **params: object) -> str:
    """The Vietnamese text of ``key``."""
    return translate(key, "vi", **params)


def en(key: str, **params: object) -> str:
    """The English text of ``key``."""
    return translate(key, "en", **params)


def period_error(label: str) -> InputError:
    """The error the period parser gives for ``label``."""
    with pytest.raises(InputError) as raised:
        parse_period(label)
    return raised.value


def result_count(page: Page) -> int:
    """The number in Explore's "<n> chỉ tiêu phù hợp" caption."""
    caption = page.get_by_test_id("stCaptionContainer").filter(
        has_text=vi("explore.results", n="").strip()
    )
    return int(re.sub(r"\D", "", caption.inner_text()))


def choose(page: Page, widget: str, label: str, option: str, *, exact: bool = False) -> None:
    """Pick ``option`` in the select widget ``widget`` (a data-testid) labelled ``label``.

    The option is typed into the widget first: its list is virtual, so an option far down a long
    list is not in the page until the typed text brings it up.
    """
    box = page.get_by_test_id(widget).filter(has_text=label).get_by_role("combobox")
    box.click()
    box.fill(option)
    page.get_by_role("option", name=option, exact=exact).click()


def test_overview_shows_the_eight_headline_tiles(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    page.goto(app_url)
    sign_in(page)

    expect(page.get_by_role("heading", name=vi("overview.title"))).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(len(TILES))
    for tile in TILES:
        label = page.get_by_test_id("stMetricLabel").filter(has_text=vi(f"tile.{tile}"))
        expect(label).to_be_visible()
    expect(page.get_by_test_id("stMetricChart").locator("svg")).to_have_count(len(TILES))
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "overview", readme=True)


def test_explore_finds_without_diacritics_charts_and_applies_a_transformation(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    page.goto(app_url)
    sign_in(page)
    page.get_by_test_id("stSidebarNavLink").filter(has_text=vi("nav.explore")).click()
    expect(page.get_by_role("heading", name=vi("explore.title"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"/kham-pha"))
    wait_until_idle(page)
    whole_catalogue = result_count(page)

    search = page.get_by_label(vi("explore.search"))
    search.fill("chi so gia tieu dung")
    search.press("Enter")
    expect(
        page.get_by_test_id("stCaptionContainer").filter(has_text=str(whole_catalogue))
    ).to_have_count(0)
    wait_until_idle(page)
    assert 0 < result_count(page) < whole_catalogue

    choose(page, "stMultiSelect", vi("explore.indicators"), CPI_INDEX)
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(rf"[?&]ind={CPI_INDEX}(&|$)"))
    expect(drawn_lines(page).first).to_be_visible()
    screenshot(page, "explore", readme=True)

    choose(page, "stSelectbox", vi("explore.transform"), vi("transform.yoy_pct"), exact=True)
    expect(page).to_have_url(re.compile(r"[?&]tf=yoy_pct(&|$)"))
    applied = page.get_by_test_id("stCaptionContainer").filter(
        has_text=vi("explore.applied", steps="").strip()
    )
    expect(applied).to_have_text(vi("explore.applied", steps=vi("transform.yoy_pct")))
    expect(drawn_lines(page).first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    screenshot(page, "explore_yoy", readme=True)


def test_pasted_link_with_a_bad_code_and_period_warns_and_still_charts(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    page.goto(f"{app_url}/kham-pha?ind=NOPE,{CPI_YEAR_ON_YEAR}&from={MALFORMED_MONTH}")
    sign_in(page)

    warnings = page.get_by_test_id("stAlertContentWarning")
    expect(warnings.filter(has_text=vi("error.unknown_indicator", code="NOPE"))).to_be_visible()
    bad_period = period_error(MALFORMED_MONTH)
    expect(warnings.filter(has_text=vi(bad_period.key, **bad_period.params))).to_be_visible()
    expect(drawn_lines(page).first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page).to_have_url(re.compile(rf"/kham-pha\?ind={re.escape(CPI_YEAR_ON_YEAR)}$"))
    screenshot(page, "explore_bad_link")


def test_switching_to_english_relabels_the_pages_and_the_links(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    page.goto(app_url)
    sign_in(page)
    expect(page.get_by_role("heading", name=vi("overview.title"))).to_be_visible()

    language = page.get_by_test_id("stRadio").filter(has_text=vi("app.language"))
    language.get_by_text("English", exact=True).click()

    expect(page.get_by_role("heading", name=en("overview.title"))).to_be_visible()
    expect(page.get_by_test_id("stMetricLabel").filter(has_text=en("tile.gdp"))).to_be_visible()
    screenshot(page, "overview_en")

    page.get_by_test_id("stSidebarNavLink").filter(has_text=en("nav.explore")).click()
    expect(page.get_by_role("heading", name=en("explore.title"))).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))


def test_the_csv_download_holds_the_rows_of_the_chart(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/kham-pha?ind={CPI_YEAR_ON_YEAR}&from=2024-01")
    sign_in(page)

    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=vi("explore.download_csv")).click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")

    metadata, data = text.split("\n\n", 1)  # read_text turned CRLF into LF
    assert metadata.startswith("# ") and f"kham-pha?ind={CPI_YEAR_ON_YEAR}" in metadata
    header, *rows = [line for line in data.splitlines() if line]
    assert header.startswith(vi("explore.column.period"))
    # January 2024 to February 2025, the seed's last month: fourteen rows of the one indicator.
    assert len(rows) == 14
    assert all(CPI_YEAR_ON_YEAR in row for row in rows)
