"""Agencies after the 2025 restructuring, as each role sees them: the FDI series under the
Ministry of Finance, merged agencies marked unconfirmed, and an officer of a merged agency told
what happened."""

from __future__ import annotations

from tests.app.conftest import shown, supply_page_of_officer
from ui.i18n import translate


def test_explore_names_the_current_agency(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/explore.py", ind="FDI_REG_TOTAL_YTD")
    assert not at.exception
    label = translate("explore.meta.agency", "vi")
    assert any(f"{label}: Bộ Tài chính ·" in shown(c.value) for c in at.caption)


def test_the_catalogue_page_shows_validity_successors_and_unconfirmed_facts(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/admin_catalogue.py", role="admin")
    assert not at.exception
    [table] = [
        d.value
        for d in at.dataframe
        if translate("agency.column.successor", "vi") in d.value.columns
    ]
    mpi = table.set_index(translate("agency.column.code", "vi")).loc["MPI"]
    assert mpi[translate("agency.column.successor", "vi")] == "Bộ Tài chính"
    assert mpi[translate("agency.column.valid_to", "vi")] == "28/02/2025"
    assert mpi[translate("agency.column.evidence", "vi")] == "chưa xác nhận"
    assert mpi[translate("agency.column.note", "vi")].startswith("Sáp nhập vào Bộ Tài chính")
    gso = table.set_index(translate("agency.column.code", "vi")).loc["GSO"]
    assert gso[translate("agency.column.evidence", "vi")] == "đã xác nhận"
    at.selectbox(key="catalogue.code_pick").set_value("FDI_REG_TOTAL_YTD").run()
    lines = [shown(c.value) for c in at.caption]
    assert "- Bộ Kế hoạch và Đầu tư (chưa xác nhận): … – 28/02/2025" in lines
    assert "- Bộ Tài chính: 01/03/2025 – nay" in lines


def test_an_officer_of_a_merged_agency_is_told_what_happened() -> None:
    at = supply_page_of_officer("mpi.officer", "MPI")
    assert not at.exception
    [warning] = [shown(w.value) for w in at.warning]
    assert warning.startswith("Cơ quan của tài khoản này (Bộ Kế hoạch và Đầu tư)")
    assert "Bộ Tài chính (chưa xác nhận)" in warning
    assert not at.button or all(b.label != translate("supply.submit", "vi") for b in at.button)
