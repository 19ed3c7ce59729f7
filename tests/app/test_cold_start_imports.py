"""Explore, which draws stored forecasts, does not load statsmodels; the forecast lab does, and so
does the Overview once its tiles are drawn, for the targets outlook's simulations at its top.

Each case runs in a fresh interpreter, as a cold server would, and reports which heavy modules
the page's run imported.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analytics.observations import series
from data import repository
from data.engine import make_engine
from forecasting import forecast
from services import forecasts as forecast_service
from tests.app.conftest import ACCOUNTS, APP, user_for

CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"

PROBE = """
import json, sys
from streamlit.testing.v1 import AppTest
from data.engine import make_engine
from services import accounts

user = accounts.get_user(make_engine(), {username!r})
at = AppTest.from_file({app!r}, default_timeout=120)
at.session_state["lang"] = "vi"
at.run()  # signed out: the sign-in screen registers the pages and runs none of them
at.session_state["auth.user"] = user
at.switch_page({page!r})
for key, value in {params!r}.items():
    at.query_params[key] = value
at.run()
print(json.dumps({{
    "exception": [str(e.value) for e in at.exception],
    "charts": sum(1 for e in at.main if getattr(e, "type", None) == "vega_lite_chart"),
    "tiles": len(at.metric),
    "captions": [c.value for c in at.caption],
    "statsmodels": "statsmodels" in sys.modules,
    "markdown": [m.value for m in at.markdown],
}}))
"""


@pytest.fixture(scope="module")
def published_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the seeded database with a published forecast of CPI, as a leader meets it."""
    seeded = os.environ["COCKPIT_DATABASE_URL"].removeprefix("sqlite:///")
    copy = tmp_path_factory.mktemp("published") / "cockpit.db"
    shutil.copy(seeded, copy)
    url = f"sqlite:///{copy}"
    engine = make_engine(url)
    history = series(repository.observations(engine, [CPI]), CPI, "M").iloc[-60:]
    forecast_service.publish(
        engine, user_for("analyst"), CPI, forecast(history, 6, "naive"), "level", "M", "v", None
    )
    engine.dispose()
    return url


def _run(database: str, page: str, role: str, **params: str) -> dict:
    source = PROBE.format(username=ACCOUNTS[role][0], app=APP, page=page, params=params)
    result = subprocess.run(
        [sys.executable, "-c", source],
        cwd=Path(APP).parent,
        env={**os.environ, "COCKPIT_DATABASE_URL": database},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_explore_draws_stored_forecasts_without_loading_statsmodels(
    published_database: str,
) -> None:
    seen = _run(published_database, "views/explore.py", "leader", ind=CPI, **{"from": "2020-01"})
    assert seen["exception"] == []
    assert seen["charts"] >= 1, "the page drew no chart"
    assert any("phantich" in caption for caption in seen["captions"]), "no published forecast"
    assert seen["statsmodels"] is False


def test_the_overview_draws_its_tiles_and_the_targets_outlook(published_database: str) -> None:
    seen = _run(published_database, "views/overview.py", "leader")
    assert seen["exception"] == []
    assert seen["tiles"] >= 8
    assert any("phantich" in caption for caption in seen["captions"]), "no published forecast"
    strip = next(text for text in seen["markdown"] if "Triển vọng mục tiêu" in text)
    assert re.search(r":(green|orange|red)-badge\[CPI bình quân: \d{1,3} % \(", strip), strip
    assert re.search(r":(green|orange|red)-badge\[Tăng trưởng GDP: \d{1,3} % \(", strip), strip


def test_the_forecast_lab_loads_statsmodels(published_database: str) -> None:
    seen = _run(published_database, "views/forecast_lab.py", "analyst")
    assert seen["exception"] == []
    assert seen["statsmodels"] is True
