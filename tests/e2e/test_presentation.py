"""The presentation mode in a real browser at a projector's 1280×720: no sidebar, one slide at a
time, the keyboard's → and ← and the buttons change slides, every slide after the cover names its
source, unit and vintage, a chart can be downloaded as PNG, and the deck downloads as a
PowerPoint file with every slide. Also the targets outlook page, for the README."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pptx import Presentation

from tests.e2e.conftest import sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

PROJECTOR = {"width": 1280, "height": 720}
Screenshot = Callable[..., Path]


def _heading(page: Page, text: str):  # type: ignore[no-untyped-def]
    return page.get_by_role("heading", name=text, exact=True)


def _press(page: Page, key: str) -> None:
    wait_until_idle(page)
    page.locator("body").press(key)
    wait_until_idle(page)


def test_a_presenter_walks_the_slides_with_the_keyboard_and_takes_the_deck(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    page.set_viewport_size(PROJECTOR)
    page.goto(app_url)
    sign_in(page)
    # A link opened in the same browser keeps the sign-in (its cookie).
    page.goto(f"{app_url}/trinh-chieu?m=2025-02")
    cover = translate("briefing.cover_title", "vi", month="tháng 2/2025")
    expect(_heading(page, cover)).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    screenshot(page, "present_cover")

    _press(page, "ArrowRight")
    expect(
        _heading(page, translate("briefing.headlines_title", "vi", month="tháng 2/2025"))
    ).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(8)
    screenshot(page, "present_headlines", readme=True)

    _press(page, "ArrowRight")
    expect(_heading(page, translate("briefing.outlook_title", "vi", year=2025))).to_be_visible()
    _press(page, "ArrowRight")
    expect(_heading(page, translate("tile.gdp", "vi"))).to_be_visible()
    chart = page.get_by_test_id("stVegaLiteChart")
    expect(chart).to_have_count(1)
    expect(chart.locator('[aria-roledescription="line mark"]').first).to_be_attached()
    footer = page.get_by_test_id("stCaptionContainer").filter(has_text="Nguồn:")
    expect(footer).to_contain_text("Đơn vị:")
    expect(footer).to_contain_text("phiên bản số liệu")
    expect(page.get_by_text(translate("present.slide_of", "vi", n=4, m=13))).to_be_visible()
    screenshot(page, "present_indicator", readme=True)

    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=translate("chart.png", "vi")).click()
    assert Path(download.value.path()).read_bytes().startswith(b"\x89PNG")

    page.get_by_role("button", name=translate("present.previous", "vi")).click()
    wait_until_idle(page)
    expect(_heading(page, translate("briefing.outlook_title", "vi", year=2025))).to_be_visible()
    _press(page, "ArrowLeft")
    _press(page, "ArrowLeft")
    expect(_heading(page, cover)).to_be_visible()

    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name=translate("present.pptx", "vi")).click()
    assert download.value.suggested_filename == "briefing-2025-02-vi.pptx"
    deck = Presentation(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert len(deck.slides) == 13


def test_the_targets_outlook_page(page: Page, app_url: str, screenshot: Screenshot) -> None:
    page.goto(f"{app_url}/trien-vong-muc-tieu")
    sign_in(page)
    expect(_heading(page, translate("outlook.title", "vi"))).to_be_visible()
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(1, timeout=60_000)
    screenshot(page, "targets_outlook", readme=True)
