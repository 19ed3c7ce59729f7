"""Who sees what: sign-in, the role × page table, sign-out, the idle timeout, and audited actions
done through the pages."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from data.engine import make_engine
from services import audit as audit_service
from services.accounts import SYSTEM
from services.permissions import PAGES, can_open
from tests.app.conftest import ACCOUNTS, PASSWORD
from ui.i18n import translate

PAGE_FILES = {
    "overview": "views/overview.py",
    "explore": "views/explore.py",
    "supply": "views/supply.py",
    "admin_users": "views/admin_users.py",
    "admin_audit": "views/admin_audit.py",
    "admin_catalogue": "views/admin_catalogue.py",
}
PAGE_TITLES = {
    "overview": "overview.title",
    "explore": "explore.title",
    "supply": "supply.title",
    "admin_users": "admin.users.title",
    "admin_audit": "admin.audit.title",
    "admin_catalogue": "catalogue.title",
}


def _audit_rows(**filters):  # type: ignore[no-untyped-def]
    return audit_service.query(make_engine(os.environ["COCKPIT_DATABASE_URL"]), SYSTEM, **filters)


@pytest.mark.parametrize("role", list(ACCOUNTS))
@pytest.mark.parametrize("page", list(PAGE_FILES))
def test_role_by_page(open_page, role: str, page: str) -> None:  # type: ignore[no-untyped-def]
    at = open_page(PAGE_FILES[page], role=role)
    assert not at.exception
    titles = [title.value for title in at.title]
    if can_open(role, page):
        assert translate(PAGE_TITLES[page], "vi") in titles
        assert not at.error
    else:
        expected = translate(
            "error.forbidden_page",
            "vi",
            role=translate(f"role.{role}", "vi"),
            page=translate(f"page.{page}", "vi"),
        )
        assert [e.value for e in at.error] == [expected]
        assert titles == [], "a forbidden page shows nothing else"


def test_every_page_is_in_the_table() -> None:
    assert set(PAGE_FILES) <= set(PAGES)


@pytest.mark.parametrize("page", list(PAGE_FILES))
def test_nothing_works_signed_out(open_page, page: str) -> None:  # type: ignore[no-untyped-def]
    at = open_page(PAGE_FILES[page], role=None)
    assert not at.exception
    assert [title.value for title in at.title] == [translate("auth.title", "vi")]
    assert not at.metric and not at.dataframe


def _sign_in(open_page, username: str, password: str):  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py", role=None)
    at.text_input(key="auth.form.username").set_value(username)
    at.text_input(key="auth.form.password").set_value(password)
    at.button[0].click().run()
    return at


def test_sign_in_with_the_right_password_opens_the_overview(open_page) -> None:  # type: ignore[no-untyped-def]
    at = _sign_in(open_page, ACCOUNTS["analyst"][0], PASSWORD)
    assert not at.exception
    assert translate("overview.title", "vi") in [title.value for title in at.title]
    latest = _audit_rows(action="sign_in.success", actor=ACCOUNTS["analyst"][0])
    assert len(latest) >= 1


def test_wrong_password_and_unknown_user_get_the_same_message(open_page) -> None:  # type: ignore[no-untyped-def]
    wrong = _sign_in(open_page, ACCOUNTS["leader"][0], "not-the-password")
    unknown = _sign_in(open_page, "nobody-here", "not-the-password")
    message = translate("error.sign_in_failed", "vi")
    assert [e.value for e in wrong.error] == [message]
    assert [e.value for e in unknown.error] == [message]
    assert "not-the-password" not in _audit_rows(action="sign_in.failure").to_string()


def test_sign_out_returns_to_the_sign_in_screen_and_is_audited(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py", role="admin")
    sign_out = next(b for b in at.sidebar.button if b.label == translate("auth.sign_out", "vi"))
    sign_out.click().run()
    assert [title.value for title in at.title] == [translate("auth.title", "vi")]
    assert translate("auth.signed_out", "vi") in [i.value for i in at.info]
    assert len(_audit_rows(action="sign_out", actor=ACCOUNTS["admin"][0])) >= 1


def test_sign_out_forgets_the_last_persons_work(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", role="leader", ind="EXP_M.TOTAL")
    at.session_state["explore.search"] = "rice export"
    at.run()
    assert at.text_input(key="explore.search").value == "rice export"
    assert at.session_state["explore.codes"] == ["EXP_M.TOTAL"]
    sign_out = next(b for b in at.sidebar.button if b.label == translate("auth.sign_out", "vi"))
    sign_out.click().run()
    assert [title.value for title in at.title] == [translate("auth.title", "vi")]
    for key in ("explore.codes", "explore.search", "explore.applied_url", "auth.user"):
        assert key not in at.session_state, key


def test_an_idle_session_is_signed_out(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py", role="leader")
    at.session_state["auth.last_active"] = dt.datetime.now(dt.UTC).replace(
        tzinfo=None
    ) - dt.timedelta(hours=3)
    at.run()
    assert [title.value for title in at.title] == [translate("auth.title", "vi")]
    assert translate("auth.idle", "vi") in [i.value for i in at.info]


def test_data_officer_submits_for_its_own_agency_and_it_is_audited(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/supply.py", role="data_officer")
    at.selectbox[0].set_value("FIR_PA")
    at.text_input[0].set_value("2024-03")
    at.text_input[1].set_value("4,5")
    at.text_input[2].set_value("Công văn NHNN số 1/2024")
    at.button[0].click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        translate("supply.submitted", "vi", code="FIR_PA", period="Tháng 3/2024")
    ]
    rows = _audit_rows(action="observation.submit", actor=ACCOUNTS["data_officer"][0])
    assert len(rows) == 1 and "4.5" in rows.iloc[0]["after_json"]


def test_data_officer_value_typed_wrong_is_refused_and_nothing_is_stored(open_page) -> None:  # type: ignore[no-untyped-def]
    before = len(_audit_rows(action="observation.submit"))
    at = open_page("views/supply.py", role="data_officer")
    at.selectbox[0].set_value("FIR_PA")
    at.text_input[0].set_value("2024-04")
    at.text_input[1].set_value("bốn")
    at.text_input[2].set_value("NHNN")
    at.button[0].click().run()
    assert [e.value for e in at.error] == [translate("error.number_unparseable", "vi", text="bốn")]
    assert len(_audit_rows(action="observation.submit")) == before


def test_leader_sees_supply_status_but_no_form(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/supply.py", role="leader")
    assert not at.exception
    assert at.dataframe
    assert translate("supply.submit", "vi") not in [b.label for b in at.button]


def test_admin_creates_an_account_and_the_audit_page_shows_it(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/admin_users.py", role="admin")
    form = at.text_input
    form[0].set_value("chuyenvien2")
    form[1].set_value("Nguyễn Văn A")
    form[3].set_value("Another-Secret-99")
    form[4].set_value("Another-Secret-99")
    at.selectbox[0].set_value("analyst")
    at.button[0].click().run()
    assert not at.exception
    assert [s.value for s in at.success] == [
        translate("admin.users.created", "vi", username="chuyenvien2")
    ]
    audit_page = open_page("views/admin_audit.py", role="admin")
    table = audit_page.dataframe[0].value
    action = table[translate("admin.audit.column.action", "vi")]
    created = table[action == translate("audit.action.user.create", "vi")]
    assert "chuyenvien2" in created.to_string()
    assert "Another-Secret-99" not in table.to_string()


def _target_save_button(at):  # type: ignore[no-untyped-def]
    """The target form's save button (the indicator form's comes first)."""
    return [b for b in at.button if b.label == translate("catalogue.save", "vi")][-1]


def test_admin_corrects_a_plan_target_and_a_bad_one_is_refused(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/admin_catalogue.py", role="admin")
    at.selectbox(key="catalogue.year_pick").set_value(2026).run()
    name = at.selectbox(key="catalogue.row_pick").value
    target_text = next(w for w in at.text_input if w.key.startswith("catalogue.target_text."))
    target_text.set_value("không rõ")
    _target_save_button(at).click().run()
    assert [e.value for e in at.error] == [
        translate("error.target_unparseable", "vi", text="không rõ")
    ]
    target_text = next(w for w in at.text_input if w.key.startswith("catalogue.target_text."))
    target_text.set_value("Từ 10 trở lên")
    _target_save_button(at).click().run()
    assert [s.value for s in at.success] == [translate("catalogue.saved", "vi")]
    rows = _audit_rows(action="target.change")
    mine = rows[rows["target_id"] == f"2026:{name}"]
    assert len(mine) == 1 and "Từ 10 trở lên" in mine.iloc[0]["after_json"]
