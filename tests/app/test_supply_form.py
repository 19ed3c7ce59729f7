"""The data officer's form: periods as the Cockpit writes them, numbers read one way only, a value
far from the indicator's recent ones sent only once confirmed, and no future periods."""

from __future__ import annotations

import datetime as dt
import os

import pandas as pd
from streamlit.testing.v1 import AppTest

from analytics.formatting import format_period
from data import repository
from data.engine import make_engine
from tests.app.conftest import shown, supply_page_of_officer
from ui.i18n import translate

CODE = "FIR_PA"  # the State Bank's refinancing rate, 4 to 6 % in 2022-2024
OFFICER = "sbv.officer.form"


def _open() -> AppTest:
    """The supply page for a State Bank data officer of this file's own."""
    return supply_page_of_officer(OFFICER, "SBV")


def _fill(at: AppTest, period: str, value: str, source: str = "Công văn NHNN") -> AppTest:
    at.selectbox[0].set_value(CODE)
    at.text_input[0].set_value(period)
    at.text_input[1].set_value(value)
    at.text_input[2].set_value(source)
    return at


def _submit(at: AppTest) -> AppTest:
    at.button[0].click().run()
    assert not at.exception
    return at


def _stored(period: str) -> list[float]:
    """The values recorded for ``period`` of the indicator by this file's officer."""
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    rows = repository.observations(engine, [CODE])
    engine.dispose()
    start = pd.Period(period, freq="M").start_time.date()
    return rows.loc[pd.to_datetime(rows["period_start"]).dt.date == start, "value"].tolist()


def test_a_period_typed_as_the_cockpit_writes_it_is_recorded() -> None:
    at = _submit(_fill(_open(), "tháng 1/2023", "4,5"))
    assert [e.value for e in at.error] == []
    assert [s.value for s in at.success] == [
        translate("supply.submitted", "vi", code=CODE, period="Tháng 1/2023")
    ]
    assert _stored("2023-01") == [4.5]


def test_the_english_label_of_a_period_is_recorded_too() -> None:
    at = _submit(_fill(_open(), "Feb 2023", "4,5"))
    assert [s.value for s in at.success] == [
        translate("supply.submitted", "vi", code=CODE, period="Tháng 2/2023")
    ]
    assert _stored("2023-02") == [4.5]


def test_a_number_the_other_language_reads_a_thousand_times_larger_is_refused() -> None:
    # (the English screen's "4.500" is pinned in tests/analytics/test_formatting.py: AppTest
    # formats a form's selectbox options in the default language, so it cannot send an English
    # form)
    at = _submit(_fill(_open(), "2023-03", "4,500"))
    assert [shown(e.value) for e in at.error] == [
        translate("error.number_ambiguous", "vi", text="4,500", decimal="4,5", thousands="4.500")
    ]
    assert at.checkbox.len == 0
    assert _stored("2023-03") == []


def test_a_value_far_from_the_recent_ones_is_sent_only_once_confirmed() -> None:
    at = _submit(_fill(_open(), "2023-04", "45"))
    assert len(at.warning) == 1 and "45" in at.warning[0].value
    assert [s.value for s in at.success] == []
    assert _stored("2023-04") == []
    confirm = translate(
        "supply.confirm_unusual", "vi", value="45", code=CODE, period="Tháng 4/2023"
    )
    assert [c.label for c in at.checkbox] == [confirm]

    at.checkbox[0].check()
    at = _submit(at)
    assert [w.value for w in at.warning] == []
    assert [s.value for s in at.success] == [
        translate("supply.submitted", "vi", code=CODE, period="Tháng 4/2023")
    ]
    assert _stored("2023-04") == [45.0]


def test_a_confirmation_holds_for_its_value_alone() -> None:
    at = _submit(_fill(_open(), "2023-05", "45"))
    at.checkbox[0].check()
    at.text_input[1].set_value("450")
    at = _submit(at)
    assert len(at.warning) == 1 and "450" in at.warning[0].value
    assert [c.value for c in at.checkbox] == [False]
    assert _stored("2023-05") == []


def test_a_usual_value_asks_nothing() -> None:
    at = _submit(_fill(_open(), "2023-06", "4,25"))
    assert at.checkbox.len == 0 and [w.value for w in at.warning] == []
    assert _stored("2023-06") == [4.25]


def test_a_period_that_has_not_begun_is_refused() -> None:
    today = dt.date.today()
    next_month = pd.Period(today, freq="M") + 1
    at = _submit(_fill(_open(), format_period(next_month, "vi"), "4,5"))
    start, end = next_month.start_time.date(), next_month.end_time.date()
    assert [shown(e.value) for e in at.error] == [
        translate(
            "error.period_in_future", "vi", period=f"{start}–{end}", vintage=today.isoformat()
        )
    ]


def test_a_second_value_for_a_period_is_refused_until_sent_as_a_correction_with_a_reason() -> None:
    at = _submit(_fill(_open(), "2023-09", "4,5"))
    assert _stored("2023-09") == [4.5]
    at = _submit(_fill(at, "2023-09", "4,6"))
    [refusal] = [shown(e.value) for e in at.error]
    assert refusal.startswith(f"{CODE} đã có giá trị 4,5 cho kỳ này")
    assert "Điều chỉnh" in refusal
    assert _stored("2023-09") == [4.5], "nothing was written"
    at = _fill(at, "2023-09", "4,6")
    at.radio[0].set_value("correct")
    at.text_input[3].set_value("Công văn điều chỉnh số 12")
    at = _submit(at)
    assert [e.value for e in at.error] == []
    assert _stored("2023-09") == [4.6]
    engine = make_engine(os.environ["COCKPIT_DATABASE_URL"])
    history = repository.vintages(engine, CODE)
    engine.dispose()
    september = history[pd.to_datetime(history["period_start"]).dt.date == dt.date(2023, 9, 1)]
    assert sorted(september["value"]) == [4.5, 4.6], "the first value is kept, the new one added"
