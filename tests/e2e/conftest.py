"""Fixtures of the browser tests: a real Cockpit server on a seeded database, and Debian's chromium.

The server runs on a fresh SQLite file in a temporary folder, seeded by ``python -m jobs.setup``
exactly as ``make run`` seeds its own (see ``tests/e2e/app_server.py``). Each test gets its own
browser context, i.e. its own Streamlit session.

Screenshots go to ``tests/e2e/artifacts/`` (gitignored). With ``COCKPIT_UPDATE_SCREENSHOTS=1`` the
ones meant for the README are also written to ``docs/screenshots/``, so that an ordinary test run
leaves the committed pictures alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from data.engine import make_engine
from services import accounts
from tests.e2e.app_server import (
    CHROMIUM,
    PROJECT_ROOT,
    launch_chromium,
    seed_database,
    serving_app,
)
from tests.e2e.streamlit_dom import wait_until_idle
from ui.i18n import translate

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
README_SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"
UPDATE_README_SCREENSHOTS = os.environ.get("COCKPIT_UPDATE_SCREENSHOTS") == "1"
VIEWPORT = {"width": 1400, "height": 1000}


PASSWORD = "Correct-Horse-42!"
ACCOUNTS = {"leader": "lanhdao", "analyst": "phantich", "admin": "quantri"}
OFFICER = ("canbo.gso", "GSO")
"""The data officer of the shared server, and its agency."""


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a Cockpit server on a freshly seeded database with one account per role
    (see :data:`ACCOUNTS`); stopped at the end."""
    folder = tmp_path_factory.mktemp("e2e")
    database_url = f"sqlite:///{folder / 'cockpit.db'}"
    seed_database(database_url)
    os.environ["COCKPIT_ARGON2_PROFILE"] = "test"
    engine = make_engine(database_url)
    for role, username in ACCOUNTS.items():
        accounts.create_user(engine, accounts.SYSTEM, username, PASSWORD, role)
    accounts.create_user(engine, accounts.SYSTEM, OFFICER[0], PASSWORD, "data_officer", OFFICER[1])
    engine.dispose()
    with serving_app(database_url, folder / "streamlit.log") as url:
        yield url


def sign_in(page: Page, role: str = "leader") -> None:
    """Sign in through the form of the page that is open, as the account of ``role``."""
    username = OFFICER[0] if role == "data_officer" else ACCOUNTS[role]
    page.get_by_label(translate("auth.username", "vi")).fill(username)
    page.get_by_label(translate("auth.password", "vi")).fill(PASSWORD)
    page.get_by_role("button", name=translate("auth.submit", "vi")).click()
    page.get_by_role("button", name=translate("auth.sign_out", "vi")).wait_for()
    wait_until_idle(page)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless chromium, driven by Playwright."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"the browser tests need {CHROMIUM}; scripts/ensure_chromium.sh installs it")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item,
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keep each phase's report on the test item, so that fixtures can see whether it failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in a new browser context (a new Streamlit session) at the README's viewport.

    A failed test leaves a screenshot of the page in ``artifacts/``; uncaught JavaScript errors of
    the page fail the test.
    """
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    context.set_default_timeout(20_000)
    opened = context.new_page()
    script_errors: list[str] = []
    opened.on("pageerror", lambda error: script_errors.append(str(error)))
    yield opened
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        opened.screenshot(path=ARTIFACTS / f"failed-{request.node.name}.png", full_page=True)
    context.close()
    assert not script_errors, f"JavaScript errors in the page: {script_errors}"


@pytest.fixture(scope="session")
def screenshot() -> Callable[..., Path]:
    """Save what a page shows as ``artifacts/<name>.png``; ``readme=True`` marks a README picture.

    The page is shot once its script run has finished, with the mouse parked in a corner so that
    no tooltip or chart toolbar covers it.
    """
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page: Page, name: str, *, readme: bool = False) -> Path:
        wait_until_idle(page)
        page.mouse.move(1, 1)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=path)
        if readme and UPDATE_README_SCREENSHOTS:
            README_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            (README_SCREENSHOTS / path.name).write_bytes(path.read_bytes())
        return path

    return take
