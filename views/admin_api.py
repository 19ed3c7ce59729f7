"""Kết nối API: an administrator issues a token to an agency's reporting system (shown once, kept
only as a digest) and revokes one; the table lists every token with its state. Every change is
audited (``services.api_tokens``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics.formatting import format_moment
from domain.errors import CockpitError
from services import api_tokens
from ui import cache
from ui.auth import current_user
from ui.i18n import current_language, error_text, t

SHOWN = "admin_api.shown"

lang = current_language()
admin = current_user()
engine, version = cache.current_version()
agencies = cache.agencies(engine, version)
names = dict(zip(agencies["code"], agencies[f"name_{lang}"], strict=True))

st.title(t("api.admin.title"))
st.caption(t("api.admin.caption"))
shown = st.session_state.pop(SHOWN, None)
if shown:
    st.success(t("api.admin.issued", id=shown[0]), icon=":material/key:")
    st.code(shown[1], language=None)
    st.warning(t("api.admin.once"), icon=":material/visibility_off:")

with st.form("api.issue", clear_on_submit=True):
    st.subheader(t("api.admin.issue"))
    agency = st.selectbox(
        t("api.admin.agency"),
        list(names),
        format_func=lambda c: f"{names[c]} · {c}",
        key="api.agency",
    )
    name = st.text_input(t("api.admin.name"), max_chars=120, key="api.name")
    days = st.number_input(
        t("api.admin.days"), min_value=1, max_value=api_tokens.MAX_DAYS, value=365, key="api.days"
    )
    review_first = st.checkbox(t("api.admin.review_first"), key="api.review_first")
    if st.form_submit_button(t("api.admin.issue_button"), type="primary"):
        try:
            token_id, token = api_tokens.issue(
                engine, admin, agency, name, int(days), bool(review_first)
            )
        except CockpitError as error:
            st.error(error_text(error), icon=":material/block:")
        else:
            st.session_state[SHOWN] = (token_id, token)
            st.rerun()

listing = api_tokens.tokens(engine, admin)
now = dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _state(row: pd.Series) -> str:
    if row["revoked_at"] is not None and not pd.isna(row["revoked_at"]):
        return t("api.admin.state.revoked")
    if pd.Timestamp(row["expires_at"]) <= pd.Timestamp(now):
        return t("api.admin.state.expired")
    return t("api.admin.state.active")


st.subheader(t("api.admin.tokens"))
if listing.empty:
    st.info(t("api.admin.none"))
else:
    table = pd.DataFrame(
        {
            t("api.admin.col.id"): listing["id"],
            t("api.admin.agency"): [names.get(c, c) for c in listing["agency_code"]],
            t("api.admin.name"): listing["name"],
            t("api.admin.col.state"): [_state(row) for _, row in listing.iterrows()],
            t("api.admin.review_first"): [
                t("api.admin.yes") if v else t("api.admin.no") for v in listing["review_first"]
            ],
            t("api.admin.col.expires"): [
                format_moment(pd.Timestamp(v).to_pydatetime(), lang) for v in listing["expires_at"]
            ],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    active = [
        int(row["id"])
        for _, row in listing.iterrows()
        if row["revoked_at"] is None or pd.isna(row["revoked_at"])
    ]
    if active:
        with st.form("api.revoke"):
            chosen = st.selectbox(t("api.admin.revoke_which"), active, key="api.revoke_id")
            if st.form_submit_button(t("api.admin.revoke_button")):
                try:
                    api_tokens.revoke(engine, admin, int(chosen))
                except CockpitError as error:
                    st.error(error_text(error), icon=":material/block:")
                else:
                    st.success(t("api.admin.revoked", id=chosen), icon=":material/check_circle:")
                    st.rerun()
