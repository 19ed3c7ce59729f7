"""In a real browser: a local sign-in survives a reload and a new tab, through a session cookie
that sign-out revokes; a tampered, idle or expired cookie signs nobody in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from data.audit import utc_now
from data.engine import make_engine
from services import accounts, sessions
from tests.e2e.app_server import seeded_server
from tests.e2e.conftest import ACCOUNTS, PASSWORD, VIEWPORT, sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A Cockpit server of its own, and its database URL (to forge sessions the browser sends)."""
    users = {username: role for role, username in ACCOUNTS.items()}
    with seeded_server(tmp_path_factory.mktemp("e2e-sessions"), users, PASSWORD) as served:
        yield served


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A browser context (its own cookie jar), closed at the end."""
    opened = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    opened.set_default_timeout(20_000)
    yield opened
    opened.close()


def _signed_in(page: Page) -> None:
    expect(page.get_by_role("button", name=translate("auth.sign_out", "vi"))).to_be_visible()
    expect(page.get_by_role("heading", name=translate("auth.title", "vi"))).to_have_count(0)


def _signed_out(page: Page) -> None:
    expect(page.get_by_role("heading", name=translate("auth.title", "vi"))).to_be_visible()
    expect(page.get_by_role("button", name=translate("auth.sign_out", "vi"))).to_have_count(0)


def _session_cookie(context: BrowserContext) -> dict | None:
    found = [c for c in context.cookies() if c["name"] == sessions.COOKIE_NAME and c["value"]]
    return found[0] if found else None


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    page.goto(url)
    wait_until_idle(page)
    return page


def test_a_reload_and_a_new_tab_stay_signed_in_until_sign_out(served, context) -> None:  # type: ignore[no-untyped-def]
    url, _ = served
    page = _open(context, url)
    sign_in(page, "leader")
    page.wait_for_function(f"document.cookie.includes('{sessions.COOKIE_NAME}=')")
    cookie = _session_cookie(context)
    assert cookie is not None and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert not cookie["secure"], "Secure is set only over HTTPS"
    assert cookie["expires"] > dt.datetime.now(dt.UTC).timestamp() + 7 * 3600
    assert cookie["value"] not in page.url

    page.reload()
    wait_until_idle(page)
    _signed_in(page)
    second = _open(context, f"{url}/kham-pha")
    _signed_in(second)
    assert cookie["value"] not in second.url

    page.get_by_role("button", name=translate("auth.sign_out", "vi")).click()
    _signed_out(page)
    page.wait_for_function(f"!document.cookie.includes('{sessions.COOKIE_NAME}=')")
    page.reload()
    wait_until_idle(page)
    _signed_out(page)
    second.reload()
    wait_until_idle(second)
    _signed_out(second)

    stolen = context.browser.new_context(viewport=VIEWPORT)
    stolen.add_cookies([{"name": sessions.COOKIE_NAME, "value": cookie["value"], "url": url}])
    _signed_out(_open(stolen, url))
    stolen.close()


def _forged(database_url: str, opened_at: dt.datetime) -> str:
    engine = make_engine(database_url)
    user = accounts.get_user(engine, ACCOUNTS["analyst"])
    session = sessions.open_session(engine, user, opened_at)
    engine.dispose()
    return session.token


@pytest.mark.parametrize("kind", ["fresh", "tampered", "idle", "expired"])
def test_only_a_valid_cookie_signs_in(served, context, kind) -> None:  # type: ignore[no-untyped-def]
    url, database_url = served
    now = utc_now()
    opened_at = {
        "idle": now - dt.timedelta(minutes=45),
        "expired": now - dt.timedelta(hours=9),
    }.get(kind, now)
    token = _forged(database_url, opened_at)
    if kind == "tampered":
        token = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    context.add_cookies([{"name": sessions.COOKIE_NAME, "value": token, "url": url}])
    page = _open(context, url)
    if kind == "fresh":
        _signed_in(page)
    else:
        _signed_out(page)
        page.wait_for_function(f"!document.cookie.includes('{sessions.COOKIE_NAME}=')")
