"""The accounts table as an administrator reads it: headers, roles, agencies, yes/no and times in
the reader's language, never the stored column names or "None"."""

from __future__ import annotations

import pandas as pd

from analytics.formatting import format_moment
from ui.i18n import t

MISSING = "–"


def users_table(users: pd.DataFrame, agency_names: dict[str, str], lang: str) -> pd.DataFrame:
    """``services.accounts.list_users`` rows for reading."""

    def text(value: object) -> str:
        return (
            MISSING
            if value is None or (isinstance(value, float) and pd.isna(value))
            else str(value)
        )

    def moment(value: object) -> str:
        return MISSING if value is None or pd.isna(value) else format_moment(value, lang)

    return pd.DataFrame(
        {
            t("admin.users.column.username"): users["username"],
            t("admin.users.column.display_name"): [text(v) for v in users["display_name"]],
            t("admin.users.column.email"): [text(v) for v in users["email"]],
            t("admin.users.column.role"): [t(f"role.{r}") for r in users["role"]],
            t("admin.users.column.agency"): [
                agency_names.get(a, a) if isinstance(a, str) else MISSING
                for a in users["agency_code"]
            ],
            t("admin.users.column.active"): [
                t("admin.users.yes") if bool(a) else t("admin.users.no") for a in users["active"]
            ],
            t("admin.users.column.created_at"): [moment(v) for v in users["created_at"]],
            t("admin.users.column.failed_attempts"): users["failed_attempts"].fillna(0).astype(int),
            t("admin.users.column.locked_until"): [moment(v) for v in users["locked_until"]],
        }
    )
