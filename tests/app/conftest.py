"""AppTest fixtures: the app runs against a freshly seeded SQLite file of its own."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.engine import make_engine
from data.migrate import upgrade
from data.seed_load import load_all
from services import accounts

APP = str(Path(__file__).resolve().parents[2] / "app.py")


PASSWORD = "Correct-Horse-42!"
# One account per role; the data officer works for the State Bank (exchange and interest rates).
ACCOUNTS = {
    "leader": ("lanhdao", None),
    "analyst": ("phantich", None),
    "data_officer": ("sbv.officer", "SBV"),
    "admin": ("quantri", None),
}


@pytest.fixture(scope="session", autouse=True)
def seeded_database(tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    """Seed a database once per test session, create one account per role, point the app at it."""
    os.environ["COCKPIT_ARGON2_PROFILE"] = "test"
    url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'cockpit.db'}"
    engine = make_engine(url)
    upgrade(engine)
    load_all(engine)
    for role, (username, agency) in ACCOUNTS.items():
        accounts.create_user(engine, accounts.SYSTEM, username, PASSWORD, role, agency_code=agency)
    engine.dispose()
    os.environ["COCKPIT_DATABASE_URL"] = url
    return url


@functools.cache
def user_for(role: str) -> accounts.User:
    """The account of ``role`` in the seeded database."""
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    user = accounts.get_user(engine, ACCOUNTS[role][0])
    engine.dispose()
    assert user is not None
    return user


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """Run the app on ``page`` signed in as ``role`` (None: signed out), in ``lang``."""

    def _open(page: str, lang: str = "vi", role: str | None = "leader", **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.session_state["lang"] = lang
        if role is not None:
            at.session_state["auth.user"] = user_for(role)
        at.run()
        if role is not None:
            # Pages are registered by st.navigation on the first run; only then can we switch.
            at.switch_page(page)
            for key, value in params.items():
                at.query_params[key] = value
            at.run()
        return at

    return _open


def supply_page_of_officer(username: str, agency: str) -> AppTest:
    """The supply page for a data officer ``username`` of ``agency`` made for the calling test
    (created on first use), so other tests' accounts and audit counts stay theirs."""
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    user = accounts.get_user(engine, username) or accounts.create_user(
        engine, accounts.SYSTEM, username, PASSWORD, "data_officer", agency_code=agency
    )
    engine.dispose()
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "vi"
    at.session_state["auth.user"] = user
    at.run()
    at.switch_page("views/supply.py").run()
    return at


def shown(markdown: str) -> str:
    """What a person reads of an element's Markdown source: its backslash escapes removed (the
    app escapes what a person or a URL typed, see ``ui.markdown.plain``)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def charts(at: AppTest) -> list[dict]:
    """The Vega-Lite specs the page drew."""
    return [
        json.loads(element.proto.spec)
        for element in at.main
        if getattr(element, "type", None) == "vega_lite_chart"
    ]
