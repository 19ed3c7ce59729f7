"""In a real browser: Explore's revision history draws its table and the chart of first release
against latest, and "as known on" a day redraws the series with what was known then."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

IIP = "IIP_YOY.TOAN_NGANH_CONG_NGHIEP"


def test_the_revision_history_is_drawn(page: Page, app_url: str, screenshot) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{app_url}/kham-pha?ind={IIP}&from=2023-01")
    sign_in(page)
    page.get_by_text(translate("revisions.title", "vi")).click()
    wait_until_idle(page)
    history = page.get_by_test_id("stExpander").filter(has_text=translate("revisions.title", "vi"))
    chart = history.get_by_test_id("stVegaLiteChart")
    expect(chart).to_be_visible(timeout=30_000)
    expect(chart.locator('[aria-roledescription="line mark"]')).to_have_count(2)
    expect(history.get_by_test_id("stDataFrame")).to_be_visible()
    expect(history.get_by_text("điều chỉnh sau lần công bố đầu")).to_be_visible()
    history.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    screenshot(page, "revisions", readme=True)


def test_as_known_on_a_day_says_so(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/kham-pha?ind={IIP}&from=2024-06&asof=2025-02-01")
    sign_in(page)
    expect(page.get_by_text("như đã biết vào ngày 01/02/2025")).to_be_visible(timeout=30_000)
