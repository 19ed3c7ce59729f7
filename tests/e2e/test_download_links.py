"""A download's link works only for the signed-in browser that made it: the same URL, copied to a
request without the session cookie or after sign-out, answers 404."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def _status_without_cookies(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - the test's own server
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_copied_download_link_fetches_nothing(page: Page, app_url: str) -> None:
    page.goto(f"{app_url}/kham-pha?ind=EXP_M.TOTAL&from=2024-01")
    sign_in(page)
    button = page.get_by_role("button", name=translate("explore.download_csv", "vi"))
    expect(button).to_be_enabled(timeout=60_000)
    wait_until_idle(page)  # a click while the page still reruns can be lost
    with page.expect_download(timeout=60_000) as download:
        button.click()
    url = download.value.url
    assert "/media/" in url
    assert b"EXP_M.TOTAL" in page.request.get(url).body(), "the signed-in browser gets the file"
    assert _status_without_cookies(url) == 404
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).click()
    page.get_by_role("heading", name=translate("auth.title", "vi")).wait_for()
    wait_until_idle(page)
    assert page.request.get(url).status == 404, "a signed-out browser no longer gets it"
