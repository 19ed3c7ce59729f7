"""Nhật ký hệ thống: an administrator filters the audit log and downloads what is shown."""

from __future__ import annotations

import streamlit as st

from analytics.export import to_csv_bytes
from domain.vocabulary import ACTION_GROUPS, AUDITED_ACTIONS
from services import audit
from ui import cache
from ui.audit_view import action_label, audit_table
from ui.auth import current_user
from ui.i18n import current_language, t

admin = current_user()
engine = cache.engine()

lang = current_language()
st.title(t("admin.audit.title"))
columns = st.columns(4)
actor = columns[0].text_input(t("admin.audit.actor"))
action = columns[1].selectbox(
    t("admin.audit.action"),
    [None, *ACTION_GROUPS, *AUDITED_ACTIONS],
    format_func=lambda a: t("admin.audit.all") if a is None else action_label(a, lang),
)
since = columns[2].date_input(t("admin.audit.since"), value=None)
until = columns[3].date_input(t("admin.audit.until"), value=None)

rows = audit.query(
    engine, admin, actor=actor.strip() or None, action=action, since=since, until=until
)
st.caption(t("admin.audit.rows", n=len(rows)))
st.dataframe(audit_table(rows, lang), hide_index=True, width="stretch")
st.download_button(
    t("admin.audit.download"),
    to_csv_bytes(rows),
    file_name="cockpit-audit.csv",
    mime="text/csv",
    icon=":material/download:",
)
