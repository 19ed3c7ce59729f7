"""A download's link works only for the signed-in browser that made it: the same URL, copied to a
request without the session cookie or after sign-out, answers 404."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.conftest import ARTIFACTS, sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def _status_without_cookies(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - the test's own server
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _downloaded_url(page: Page, button: Locator, tries: int = 3) -> str:
    """The URL of the file the button downloads. A click that lands while the page reruns is
    lost on a loaded machine, and the button is there again once the page settles: click again
    (what this file tests is the link, not the first click)."""
    for attempt in range(1, tries + 1):
        wait_until_idle(page)
        expect(button).to_be_enabled(timeout=60_000)
        try:
            with page.expect_download(timeout=30_000) as download:
                button.click()
            return download.value.url
        except PlaywrightTimeoutError:
            page.screenshot(path=ARTIFACTS / f"download_links_try_{attempt}.png")
            if attempt == tries:
                raise
    raise AssertionError("unreachable")


def test_a_copied_download_link_fetches_nothing(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/kham-pha?ind=EXP_M.TOTAL&from=2024-01")
    sign_in(page)
    button = page.get_by_role("button", name=translate("explore.download_csv", "vi"))
    expect(button).to_be_enabled(timeout=60_000)
    url = _downloaded_url(page, button)
    assert "/media/" in url
    assert b"EXP_M.TOTAL" in page.request.get(url).body(), "the signed-in browser gets the file"
    assert _status_without_cookies(url) == 404
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).click()
    page.get_by_role("heading", name=translate("auth.title", "vi")).wait_for()
    wait_until_idle(page)
    assert page.request.get(url).status == 404, "a signed-out browser no longer gets it"
