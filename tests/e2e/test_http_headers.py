"""The server that ``make run`` starts answers with the security headers and keeps its metrics
closed, and the app still draws behind them (a framed page would be refused by the browser)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def _headers(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310 - the test's own server
        return {name.lower(): value for name, value in answer.headers.items()}


def test_pages_forbid_framing_and_metrics_are_closed(app_url: str) -> None:
    for path in ("/", "/_stcore/health", "/explore"):
        headers = _headers(f"{app_url}{path}")
        assert headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in headers["content-security-policy"], path
    with pytest.raises(urllib.error.HTTPError) as refused:
        _headers(f"{app_url}/_stcore/metrics")
    assert refused.value.code == 404


def test_the_app_still_signs_in_and_draws_behind_the_headers(page: Page, app_url: str) -> None:
    page.goto(app_url)
    sign_in(page)
    expect(page.get_by_role("heading", name="Tổng quan kinh tế - xã hội")).to_be_visible(
        timeout=60_000
    )
