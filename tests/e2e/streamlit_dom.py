"""How the browser tests read a Streamlit page: its run state and its charts.

Streamlit marks its elements with ``data-testid`` attributes, and the app root says whether the
script is running (``data-test-script-state``); these are the hooks Streamlit's own browser tests
use, and the only ones used here besides the texts of ``ui.i18n``.
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page


def wait_until_idle(page: Page) -> None:
    """Wait until the Streamlit script run of ``page`` has finished."""
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()


def drawn_lines(page: Page) -> Locator:
    """The line marks Vega has drawn in the page's Altair charts (not in metric sparklines)."""
    return page.get_by_test_id("stVegaLiteChart").locator('[aria-roledescription="line mark"]')
