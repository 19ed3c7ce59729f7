"""The Vietnamese interface speaks Vietnamese: no Streamlit default in English where the app can
set the text, and no raw field names or "None" in the tables an administrator reads."""

from __future__ import annotations

import os

from data.engine import make_engine
from services.audit import query
from tests.app.conftest import user_for
from ui.i18n import translate

AUDIT_COLUMNS = ("at", "actor", "action", "target_type", "target_id", "before_json")
AUDIT_COLUMNS += ("after_json", "detail")


def test_the_indicator_picker_asks_in_vietnamese(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py")
    picker = at.multiselect(key="explore.codes")
    assert picker.placeholder == translate("explore.indicators_placeholder", "vi")
    assert picker.placeholder != "Choose options"


def test_the_audit_log_reads_in_vietnamese_without_raw_names_or_none(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/admin_audit.py", role="admin")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns) == [
        translate(f"admin.audit.column.{name}", "vi") for name in AUDIT_COLUMNS
    ]
    assert "before_json" not in table.columns
    shown = table.astype(str).to_numpy().ravel().tolist()
    assert "None" not in shown and "nan" not in shown and "NaT" not in shown
    # Every action is named in Vietnamese, as the filter names it.
    stored = query(make_engine(os.environ["COCKPIT_DATABASE_URL"]), user_for("admin"))
    actions = {translate(f"audit.action.{a}", "vi") for a in stored["action"]}
    assert set(table[translate("admin.audit.column.action", "vi")]) <= actions
