"""In a real browser: the navigation shows each role only its pages, a forbidden link says so, and
signing out returns to the sign-in screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import sign_in
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]


def _nav(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_test_id("stSidebarNav")


def test_admin_sees_the_administration_pages_and_a_leader_does_not(
    app_url: str, page: Page, browser
) -> None:  # type: ignore[no-untyped-def]
    page.goto(app_url)
    sign_in(page, "admin")
    expect(_nav(page).get_by_text(translate("page.admin_users", "vi"))).to_be_visible()
    expect(_nav(page).get_by_text(translate("page.admin_audit", "vi"))).to_be_visible()

    leader = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    leader.goto(app_url)
    sign_in(leader, "leader")
    expect(_nav(leader).get_by_text(translate("page.explore", "vi"))).to_be_visible()
    expect(_nav(leader).get_by_text(translate("page.admin_users", "vi"))).to_have_count(0)
    leader.context.close()


def test_a_forbidden_link_says_so_and_shows_nothing_else(app_url: str, page: Page) -> None:
    page.goto(f"{app_url}/tai-khoan")
    sign_in(page, "leader")
    message = translate(
        "error.forbidden_page",
        "vi",
        role=translate("role.leader", "vi"),
        page=translate("page.admin_users", "vi"),
    )
    expect(page.get_by_text(message)).to_be_visible()
    expect(page.get_by_role("heading", name=translate("admin.users.title", "vi"))).to_have_count(0)


def test_sign_out_returns_to_the_sign_in_screen(app_url: str, page: Page) -> None:
    page.goto(app_url)
    sign_in(page, "analyst")
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).click()
    expect(page.get_by_role("heading", name=translate("auth.title", "vi"))).to_be_visible()
    expect(page.get_by_text(translate("auth.signed_out", "vi"))).to_be_visible()
