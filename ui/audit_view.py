"""The audit log as an administrator reads it: translated headers and actions, local times.

``services.audit.query`` returns the rows as stored (codes, UTC times, JSON); this turns them
into the table the *Nhật ký hệ thống* page shows. The CSV download keeps the stored form.
"""

from __future__ import annotations

import pandas as pd

from analytics.formatting import format_moment
from ui.i18n import has_text, translate

SHOWN = ("at", "actor", "action", "target_type", "target_id", "before_json", "after_json", "detail")


def action_label(action: str, lang: str) -> str:
    """The name of an audited action in ``lang`` (its code if the table has none)."""
    key = f"audit.action.{action}"
    return translate(key, lang) if has_text(key) else action


def audit_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``rows`` of the audit log for reading: one column per field, headed in ``lang``."""
    table = pd.DataFrame(
        {
            "at": [format_moment(moment, lang) for moment in rows["at"]],
            "actor": rows["actor"],
            "action": [action_label(action, lang) for action in rows["action"]],
            **{name: rows[name] for name in SHOWN[3:]},
        }
    )
    table = table.astype(object).where(table.notna(), "–")
    table.columns = [translate(f"admin.audit.column.{name}", lang) for name in SHOWN]
    return table
