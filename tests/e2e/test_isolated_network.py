"""On a Government network without the internet the app must load everything from its own server:
no font, icon or script from elsewhere, which would break there and tell a third party who uses
it. Every request the browser makes while an admin visits each page must go to the app."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route

from tests.e2e.conftest import sign_in
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

ADMIN_PAGES = ("", "kham-pha", "phong-du-bao", "tai-khoan", "danh-muc", "nhat-ky")


def test_every_page_loads_only_from_the_app_server(page: Page, app_url: str) -> None:
    own_host = urlsplit(app_url).netloc
    elsewhere: list[str] = []

    def refuse_other_hosts(route: Route) -> None:
        url = route.request.url
        if urlsplit(url).scheme in ("data", "blob") or urlsplit(url).netloc == own_host:
            route.continue_()
        else:
            elsewhere.append(url)
            route.abort()

    page.context.route("**/*", refuse_other_hosts)
    page.goto(app_url)
    sign_in(page, "admin")
    for path in ADMIN_PAGES:
        page.goto(f"{app_url}/{path}")
        page.get_by_role("button", name=translate("auth.sign_out", "vi")).wait_for()
        wait_until_idle(page)
        page.wait_for_timeout(500)
    assert elsewhere == []
