"""An unattended screen clears itself: once the session has been idle for the timeout, the page's
figures give way to the sign-in screen without anybody clicking."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.app_server import seeded_server
from tests.e2e.conftest import ACCOUNTS, PASSWORD, sign_in
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

IDLE_SECONDS = 6


@pytest.fixture(scope="module")
def quick_timeout_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A Cockpit server of its own whose sessions time out after :data:`IDLE_SECONDS`."""
    with seeded_server(
        tmp_path_factory.mktemp("e2e-idle"),
        {ACCOUNTS["leader"]: "leader"},
        PASSWORD,
        {"COCKPIT_IDLE_TIMEOUT_MINUTES": str(IDLE_SECONDS / 60)},
    ) as (url, _):
        yield url


def test_an_idle_screen_clears_without_a_click(page: Page, quick_timeout_url: str) -> None:
    page.goto(quick_timeout_url)
    # Before the click: the session's last activity, which the timeout counts from, is later.
    signed_in_at = time.monotonic()
    sign_in(page, "leader")
    overview = page.get_by_role("heading", name=translate("overview.title", "vi"))
    expect(overview).to_be_visible(timeout=60_000)
    sign_in_title = page.get_by_role("heading", name=translate("auth.title", "vi"))
    # The check runs every quarter of the timeout (at least 2 s): allow the timeout and two checks.
    expect(sign_in_title).to_be_visible(timeout=(IDLE_SECONDS + 8) * 1000)
    assert time.monotonic() - signed_in_at >= IDLE_SECONDS, "cleared before the timeout"
    expect(overview).to_have_count(0)
    expect(page.get_by_text(translate("auth.idle", "vi"))).to_be_visible()
