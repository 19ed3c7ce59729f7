"""Text that a person or a URL supplied is shown as written: a catalogue name, a display name or a
URL parameter carrying Markdown or HTML never becomes a link, an image, bold text or a script.

An admin could rename an indicator, a person could be given any display name, and anybody can paste
a link with any ``?ind=``: the pages that show them are opened in a real browser, and the DOM must
hold no anchor or image pointing at the payload's host, and the payload's text must be readable.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from services import accounts, catalogue
from tests.e2e.app_server import seeded_server
from tests.e2e.conftest import PASSWORD
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("e2e")]

CODE = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
PAYLOAD = (
    "**Đậm** [bấm vào đây](https://evil.example/phish) ![x](https://evil.example/x.png) "
    "<img src='https://evil.example/y.png'> :red[đỏ] <b>b</b>"
)
ANALYST = "phantich.md"


@pytest.fixture(scope="module")
def poisoned_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server whose catalogue name of :data:`CODE` and whose analyst's display name are the
    payload, as an admin could have set them."""

    def poison(engine) -> None:  # type: ignore[no-untyped-def]
        admin = accounts.get_user(engine, "quantri.md")
        accounts.create_user(
            engine, admin, ANALYST, PASSWORD, "analyst", display_name=f"Lan {PAYLOAD}"
        )
        catalogue.update_indicator(engine, admin, CODE, name_vi=f"CPI {PAYLOAD}")

    folder = tmp_path_factory.mktemp("e2e-markdown")
    with seeded_server(folder, {"quantri.md": "admin"}, PASSWORD, prepare=poison) as (url, _):
        yield url


def _nothing_rendered(page: Page) -> None:
    wait_until_idle(page)
    assert page.locator("a[href*='evil.example']").count() == 0
    assert page.locator("img[src*='evil.example']").count() == 0
    assert page.locator("strong:text-is('Đậm'), b:text-is('b')").count() == 0


def test_names_and_url_parameters_show_as_written(page: Page, poisoned_url: str) -> None:
    page.goto(f"{poisoned_url}/kham-pha?ind={CODE}")
    page.get_by_label(translate("auth.username", "vi")).fill(ANALYST)
    page.get_by_label(translate("auth.password", "vi")).fill(PASSWORD)
    page.get_by_role("button", name=translate("auth.submit", "vi")).click()
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).wait_for()
    expect(page.get_by_text("[bấm vào đây](https://evil.example/phish)").first).to_be_visible(
        timeout=60_000
    )
    _nothing_rendered(page)

    page.goto(f"{poisoned_url}/kham-pha?ind={CODE},{PAYLOAD}")
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).wait_for()
    _nothing_rendered(page)

    page.goto(f"{poisoned_url}/phong-du-bao")
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).wait_for()
    _nothing_rendered(page)

    page.goto(f"{poisoned_url}/")
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).wait_for()
    _nothing_rendered(page)
