"""Audit rows of the intake quoted in the reader's language: states, regimes and row counts."""

from __future__ import annotations


def test_an_intake_audit_row_reads_in_the_language() -> None:
    import json

    from ui.audit_view import changes_text

    stored = json.dumps(
        {"state": "staged", "rows": {"valid": 3, "error": 1}, "regime": "decree_09"}
    )
    assert changes_text(stored, "vi") == (
        "Trạng thái: Chờ xác nhận; Số dòng theo kết quả kiểm tra: Hợp lệ 3, Lỗi 1; "
        "Chế độ báo cáo: Báo cáo định kỳ (Nghị định 09)"
    )
