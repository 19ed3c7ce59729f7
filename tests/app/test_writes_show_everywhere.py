"""A write shows on every page at its next run, in the same session, with no wait.

Pages cache their reads per data version; the version is read afresh on every run, so a
submission on one page changes what another page shows the next time it runs.
"""

from __future__ import annotations

import os

import pandas as pd
from streamlit.testing.v1 import AppTest

from data.engine import make_engine
from services import accounts
from tests.app.conftest import APP, PASSWORD
from ui.i18n import translate

CODE = "FIR_PA"  # the State Bank's refinancing rate; the seed's last month is 2024-02


def _officer() -> accounts.User:
    """A State Bank data officer of this test's own, so other tests' audit counts stay theirs."""
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    user = accounts.get_user(engine, "sbv.officer.writes") or accounts.create_user(
        engine, accounts.SYSTEM, "sbv.officer.writes", PASSWORD, "data_officer", agency_code="SBV"
    )
    engine.dispose()
    return user


def _explore_table(at: AppTest) -> pd.DataFrame:
    at.switch_page("views/explore.py")
    at.query_params["ind"] = CODE
    at.query_params["from"] = "2023-06"
    at.run()
    assert not at.exception
    return at.dataframe[0].value


def test_a_submission_shows_on_explore_and_the_supply_status_at_their_next_run() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "vi"
    at.session_state["auth.user"] = _officer()
    at.run()

    before = _explore_table(at)
    assert "Tháng 6/2024" not in list(before.index), "the month is not in the seed"

    at.switch_page("views/supply.py")
    at.run()
    at.selectbox[0].set_value(CODE)
    at.text_input[0].set_value("2024-06")
    at.text_input[1].set_value("5,75")
    at.text_input[2].set_value("Công văn NHNN (kiểm thử)")
    at.button[0].click().run()
    assert [s.value for s in at.success] == [
        translate("supply.submitted", "vi", code=CODE, period="Tháng 6/2024")
    ]
    status = at.dataframe[0].value
    row = status[status.iloc[:, 0].str.endswith(f"· {CODE}")]
    assert row.iloc[0, 1] == "Tháng 6/2024"

    after = _explore_table(at)
    assert after.index[-1] == "Tháng 6/2024"
    assert after.iloc[-1, 0] == "5,75"
