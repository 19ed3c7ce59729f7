"""The admin pages do what needed a terminal before: add an indicator, reassign its agency, add a
plan year's target, reset a password; each change shows at once and its form comes back empty."""

from __future__ import annotations

import os

from streamlit.testing.v1 import AppTest

from data.engine import make_engine
from services import accounts
from services import audit as audit_service
from services.accounts import SYSTEM
from tests.app.conftest import PASSWORD
from ui.i18n import translate

CATALOGUE = "views/admin_catalogue.py"
USERS = "views/admin_users.py"


def _engine():  # type: ignore[no-untyped-def]
    return make_engine(os.environ["COCKPIT_DATABASE_URL"])


def _widget(widgets, name: str):  # type: ignore[no-untyped-def]
    """The widget whose key is ``name`` (the admin forms add a round number to their keys)."""
    found = [w for w in widgets if w.key == name or w.key.rsplit(".", 1)[0] == name]
    assert len(found) == 1, (name, [w.key for w in widgets])
    return found[0]


def _button(at: AppTest, label_key: str, which: int = 0):  # type: ignore[no-untyped-def]
    """The ``which``-th button labelled ``label_key`` (the page's two forms both say "save")."""
    label = translate(label_key, "vi")
    found = [b for b in at.button if b.label == label]
    assert found, (label, [b.label for b in at.button])
    return found[which]


def _successes(at: AppTest) -> list[str]:
    return [s.value for s in at.success]


def test_admin_adds_an_indicator_and_the_form_comes_back_empty(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(CATALOGUE, role="admin")
    _widget(at.text_input, "catalogue.new.code").set_value("hpi_vn")
    _widget(at.text_input, "catalogue.new.name_vi").set_value("Chỉ số giá nhà ở")
    _widget(at.text_input, "catalogue.new.name_en").set_value("House price index")
    _widget(at.text_input, "catalogue.new.unit").set_value("%")
    _widget(at.selectbox, "catalogue.new.frequency").set_value("Q")
    _widget(at.selectbox, "catalogue.new.agency").set_value("GSO")
    _widget(at.text_input, "catalogue.new.source").set_value("Bộ Xây dựng")
    _button(at, "catalogue.add_indicator").click().run()
    assert not at.exception
    assert not at.error
    assert _successes(at) == [translate("catalogue.added", "vi", code="HPI_VN")]
    assert _widget(at.text_input, "catalogue.new.code").value == ""
    options = at.selectbox(key="catalogue.code_pick").options
    assert any(option.endswith("· HPI_VN") for option in options)
    rows = audit_service.query(_engine(), SYSTEM, action="catalogue.change")
    assert "HPI_VN" in set(rows["target_id"])


def test_a_new_indicator_with_a_bad_code_is_refused_on_the_page(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(CATALOGUE, role="admin")
    _widget(at.text_input, "catalogue.new.code").set_value("có dấu")
    _widget(at.text_input, "catalogue.new.name_vi").set_value("x")
    _widget(at.text_input, "catalogue.new.name_en").set_value("x")
    _widget(at.text_input, "catalogue.new.unit").set_value("%")
    _widget(at.text_input, "catalogue.new.source").set_value("x")
    _button(at, "catalogue.add_indicator").click().run()
    assert [e.value for e in at.error] == [
        translate("error.indicator_code_invalid", "vi", code="CÓ DẤU")
    ]


def test_admin_reassigns_the_responsible_agency(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(CATALOGUE, role="admin")
    at.selectbox(key="catalogue.code_pick").set_value("FIR_PA").run()
    _widget(at.selectbox, "catalogue.agency.FIR_PA").set_value("GSO")
    _button(at, "catalogue.save").click().run()
    assert not at.exception
    assert _successes(at) == [translate("catalogue.saved", "vi")]
    assert _widget(at.selectbox, "catalogue.agency.FIR_PA").value == "GSO"
    rows = audit_service.query(_engine(), SYSTEM, action="catalogue.change")
    reassigned = rows[rows["target_id"] == "FIR_PA"]
    assert '"agency_code": "GSO"' in reassigned.iloc[0]["after_json"]
    _widget(at.selectbox, "catalogue.agency.FIR_PA").set_value("SBV")
    _button(at, "catalogue.save").click().run()
    assert _successes(at) == [translate("catalogue.saved", "vi")]


def test_admin_adds_a_target_for_a_new_plan_year(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(CATALOGUE, role="admin")
    _widget(at.number_input, "catalogue.new_target.year").set_value(2031)
    _widget(at.text_input, "catalogue.new_target.name_vi").set_value("Tăng trưởng xuất khẩu")
    _widget(at.text_input, "catalogue.new_target.name_en").set_value("Export growth")
    _widget(at.text_input, "catalogue.new_target.unit").set_value("%")
    _widget(at.text_input, "catalogue.new_target.text").set_value("Tăng 10% trở lên")
    _widget(at.text_input, "catalogue.new_target.source").set_value("Nghị quyết 2030")
    _button(at, "catalogue.add_target").click().run()
    assert not at.exception
    assert not at.error
    assert _successes(at) == [
        translate("catalogue.target_added", "vi", year=2031, name="Tăng trưởng xuất khẩu")
    ]
    assert "2031" in at.selectbox(key="catalogue.year_pick").options
    rows = audit_service.query(_engine(), SYSTEM, action="target.change")
    assert "2031:Tăng trưởng xuất khẩu" in set(rows["target_id"])


def test_admin_resets_a_password_and_the_user_signs_in_with_it(open_page) -> None:  # type: ignore[no-untyped-def]
    engine = _engine()
    accounts.create_user(engine, SYSTEM, "quenmatkhau", PASSWORD, "leader")
    at = open_page(USERS, role="admin")
    _widget(at.selectbox, "admin.users.reset.user").set_value("quenmatkhau")
    _widget(at.text_input, "admin.users.reset.password").set_value("Brand-New-Secret-7")
    _widget(at.text_input, "admin.users.reset.again").set_value("Brand-New-Secret-7")
    _button(at, "admin.users.reset_password").click().run()
    assert not at.exception
    assert not at.error
    assert _successes(at) == [translate("admin.users.password_reset", "vi", username="quenmatkhau")]
    assert _widget(at.text_input, "admin.users.reset.password").value == ""
    assert accounts.authenticate(engine, "quenmatkhau", "Brand-New-Secret-7").username == (
        "quenmatkhau"
    )
    rows = audit_service.query(engine, SYSTEM, action="user.password_reset")
    assert "quenmatkhau" in set(rows["target_id"])
    assert "Brand-New-Secret-7" not in rows.to_string()


def test_a_reset_with_two_different_passwords_is_refused(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(USERS, role="admin")
    _widget(at.selectbox, "admin.users.reset.user").set_value("lanhdao")
    _widget(at.text_input, "admin.users.reset.password").set_value("Brand-New-Secret-7")
    _widget(at.text_input, "admin.users.reset.again").set_value("Brand-New-Secret-8")
    _button(at, "admin.users.reset_password").click().run()
    assert [e.value for e in at.error] == [translate("error.password_mismatch", "vi")]


def test_a_created_account_is_in_the_table_and_the_form_is_empty(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page(USERS, role="admin")
    _widget(at.text_input, "admin.users.new.username").set_value("moi.tao")
    _widget(at.text_input, "admin.users.new.password").set_value("Another-Secret-99")
    _widget(at.text_input, "admin.users.new.again").set_value("Another-Secret-99")
    _widget(at.selectbox, "admin.users.new.role").set_value("analyst")
    _button(at, "admin.users.create").click().run()
    assert not at.exception
    assert _successes(at) == [translate("admin.users.created", "vi", username="moi.tao")]
    assert "moi.tao" in set(at.dataframe[0].value[translate("admin.users.column.username", "vi")])
    assert "moi.tao" in _widget(at.selectbox, "admin.users.change.user").options
    assert _widget(at.text_input, "admin.users.new.username").value == ""
