"""An unforeseen error in a page is logged in full with an id and shown as one translated
sentence carrying that id; Streamlit's stop signal still passes through."""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ui.unexpected import RAISE_VARIABLE


def _failing_page() -> None:
    import streamlit as st

    from ui.unexpected import run_guarded

    def page() -> None:
        st.write("before")
        {}["missing_key"]

    run_guarded(page)
    st.write("after")


def _stopping_page() -> None:
    import streamlit as st

    from ui.unexpected import run_guarded

    run_guarded(st.stop)
    st.write("never drawn")


def test_an_unexpected_error_shows_an_id_and_logs_the_traceback(monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(RAISE_VARIABLE, raising=False)
    at = AppTest.from_function(_failing_page)
    with caplog.at_level(logging.ERROR, logger="cockpit.unexpected"):
        at.run()
    assert not at.exception
    [error] = at.error
    assert error.value.startswith("Đã xảy ra lỗi ngoài dự kiến")
    assert "missing_key" not in error.value and "Traceback" not in error.value
    error_id = error.value.rsplit(" ", 1)[-1].rstrip(".")
    assert len(error_id) == 8
    [record] = [r for r in caplog.records if r.name == "cockpit.unexpected"]
    assert error_id in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is KeyError
    assert [m.value for m in at.markdown] == ["before", "after"]


def test_the_test_switch_lets_the_error_through(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(RAISE_VARIABLE, "1")
    at = AppTest.from_function(_failing_page)
    at.run()
    assert at.exception and "missing_key" in at.exception[0].value


def test_a_stop_is_not_an_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(RAISE_VARIABLE, raising=False)
    at = AppTest.from_function(_stopping_page)
    at.run()
    assert not at.exception and not at.error and not at.markdown


def test_the_served_app_redacts_what_escapes_the_guard() -> None:
    config = tomllib.loads((Path(__file__).parents[2] / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorDetails"] == "none"
