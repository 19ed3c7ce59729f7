"""The Overview on a meeting-room projector (1280×720) and a full-HD screen (1920×1080).

At 1280×720 every tile's title is read in full (it wraps rather than being cut) and the number
carries its unit; at 1920×1080 the year's plan targets begin on the first screen, without scrolling.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

TILES = ("gdp", "cpi", "iip", "retail", "exports", "imports", "trade_balance", "fdi")
PROJECTOR = {"width": 1280, "height": 720}
FULL_HD = {"width": 1920, "height": 1080}
TABLE_ROW = 35  # px, the height of a row of st.dataframe

Screenshot = Callable[..., Path]

# Every element inside a tile's title or number whose text is wider than its box (cut off).
_CUT_TEXT = """
(element) => [element, ...element.querySelectorAll('*')]
    .filter((node) => node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0)
    .map((node) => node.textContent)
"""


def open_overview(page: Page, app_url: str, viewport: dict[str, int]) -> None:
    """Sign in on the Overview at ``viewport``."""
    page.set_viewport_size(viewport)
    page.goto(app_url)
    sign_in(page)
    expect(page.get_by_role("heading", name=translate("overview.title", "vi"))).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(len(TILES))


def test_projector_shows_every_tile_title_whole_and_each_number_with_its_unit(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    open_overview(page, app_url, PROJECTOR)
    for tile in TILES:
        title = translate(f"tile.{tile}", "vi")
        label = page.get_by_test_id("stMetricLabel").filter(has_text=title)
        expect(label).to_be_visible()
        assert label.evaluate(_CUT_TEXT) == [], f"the title {title!r} is cut off"
    for value in page.get_by_test_id("stMetricValue").all():
        assert value.evaluate(_CUT_TEXT) == [], f"the number {value.inner_text()!r} is cut off"
    units = ["%", *(translate(f"unit.{unit}", "vi") for unit in ("million USD", "billion VND"))]
    numbers = [
        n.replace("\xa0", " ") for n in page.get_by_test_id("stMetricValue").all_inner_texts()
    ]
    assert all(any(unit in number for unit in units) for number in numbers), numbers
    screenshot(page, "overview_projector", readme=True)


def test_full_hd_shows_the_plan_targets_without_scrolling(
    page: Page, app_url: str, screenshot: Screenshot
) -> None:
    open_overview(page, app_url, FULL_HD)
    targets = page.get_by_test_id("stDataFrame").first
    expect(targets).to_be_attached()
    box = targets.bounding_box()
    assert box is not None
    # Its header and first three targets are on the first screen, not just the top edge.
    assert box["y"] + 4 * TABLE_ROW < FULL_HD["height"], f"the table starts at {box['y']:.0f} px"
    screenshot(page, "overview_full_hd")
