"""The audit log as an administrator reads it: translated headers and actions, local times.

``services.audit.query`` returns the rows as stored (codes, UTC times, JSON); this turns them
into the table the *Nhật ký hệ thống* page shows. The CSV download keeps the stored form.
"""

from __future__ import annotations

import json

import pandas as pd

from analytics.formatting import format_moment
from ui.i18n import has_text, translate

SHOWN = ("at", "actor", "action", "target_type", "target_id", "before_json", "after_json", "detail")


def action_label(action: str, lang: str) -> str:
    """The name of an audited action in ``lang`` (its code if the table has none)."""
    key = f"audit.action.{action}"
    return translate(key, lang) if has_text(key) else action


def changes_text(stored: object, lang: str) -> str | None:
    """A stored before/after JSON as a reader reads it: "Vai trò: Lãnh đạo; Đang hoạt động: Có"."""
    if not isinstance(stored, str) or not stored.strip():
        return None
    try:
        values = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(values, dict):
        return stored
    return "; ".join(
        f"{_label('field', name, lang)}: {_value(name, value, lang)}"
        for name, value in values.items()
    )


def _label(prefix: str, name: str, lang: str) -> str:
    key = f"{prefix}.{name}"
    return translate(key, lang) if has_text(key) else name


def _value(name: str, value: object, lang: str) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return translate("admin.users.yes" if value else "admin.users.no", lang)
    if name in ("role", "status") and has_text(f"{name}.{value}"):
        return translate(f"{name}.{value}", lang)
    if name == "state" and has_text(f"intake.state.{value}"):
        return translate(f"intake.state.{value}", lang)
    if name == "regime" and has_text(f"regime.{value}"):
        return translate(f"regime.{value}", lang)
    if name == "rows" and isinstance(value, dict):
        return ", ".join(
            f"{_label('intake.outcome', str(outcome), lang)} {count}"
            for outcome, count in value.items()
        )
    return str(value)


def audit_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``rows`` of the audit log for reading: one column per field, headed in ``lang``."""
    table = pd.DataFrame(
        {
            "at": [format_moment(moment, lang) for moment in rows["at"]],
            "actor": rows["actor"],
            "action": [action_label(action, lang) for action in rows["action"]],
            "target_type": [_label("audit.target", kind, lang) for kind in rows["target_type"]],
            "target_id": rows["target_id"],
            "before_json": [changes_text(v, lang) for v in rows["before_json"]],
            "after_json": [changes_text(v, lang) for v in rows["after_json"]],
            "detail": rows["detail"],
        }
    )
    table = table.astype(object).where(table.notna(), "–")
    table.columns = [translate(f"admin.audit.column.{name}", lang) for name in SHOWN]
    return table
