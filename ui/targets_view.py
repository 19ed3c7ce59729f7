"""The plan-target table of the Overview, in the user's language."""

from __future__ import annotations

import pandas as pd

from analytics.formatting import format_number
from analytics.plan import assess_targets
from ui.i18n import translate

STATUS_MARK = {"met": "✅", "not_met": "⚠️", "no_data": "…"}


def target_table(targets: pd.DataFrame, year: int, lang: str) -> pd.DataFrame:
    """Targets of ``year`` with their published outcome and status, ready to display."""
    rows = assess_targets(targets[targets["plan_year"] == year])
    resolution = rows["resolution"].fillna("")
    unconfirmed = ~rows["resolution_confirmed"].astype(bool)
    note = translate("overview.target_unconfirmed", lang)
    return pd.DataFrame(
        {
            translate("explore.column.name", lang): rows["name_vi" if lang == "vi" else "name_en"],
            translate("explore.column.unit", lang): rows["unit"],
            translate("overview.column.target", lang): rows["target_text"].fillna("–"),
            translate("overview.column.actual", lang): [
                format_number(a, lang, 2) if a is not None else "–" for a in rows["actual"]
            ],
            translate("overview.column.status", lang): [
                f"{STATUS_MARK[s]} {translate(f'overview.status.{s}', lang)}"
                for s in rows["status"]
            ],
            translate("overview.column.resolution", lang): [
                f"{r} ({note})" if u else r for r, u in zip(resolution, unconfirmed, strict=True)
            ],
        }
    )
