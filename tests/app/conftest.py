"""AppTest fixtures: the app runs against a freshly seeded SQLite file of its own."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.engine import make_engine
from data.migrate import upgrade
from data.seed_load import load_all

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(scope="session", autouse=True)
def seeded_database(tmp_path_factory) -> str:  # type: ignore[no-untyped-def]
    """Seed a database once per test session and point the app at it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'cockpit.db'}"
    engine = make_engine(url)
    upgrade(engine)
    load_all(engine)
    engine.dispose()
    os.environ["COCKPIT_DATABASE_URL"] = url
    return url


@pytest.fixture
def open_page() -> Callable[..., AppTest]:
    """Run the app on ``page`` with the given query parameters, in ``lang``."""

    def _open(page: str, lang: str = "vi", **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.session_state["lang"] = lang
        at.switch_page(page)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        return at

    return _open


def charts(at: AppTest) -> list[dict]:
    """The Vega-Lite specs the page drew."""
    return [
        json.loads(element.proto.spec)
        for element in at.main
        if getattr(element, "type", None) == "vega_lite_chart"
    ]
