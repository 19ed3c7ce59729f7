"""Tài khoản: an administrator creates accounts and changes roles; every change is audited."""

from __future__ import annotations

import streamlit as st

from domain.errors import CockpitError
from domain.vocabulary import Role
from services import accounts
from ui import cache
from ui.auth import current_user
from ui.i18n import current_language, error_text, t

lang = current_language()
admin = current_user()
engine, version = cache.current_version()
agencies = cache.agencies(engine, version)
agency_names = dict(
    zip(agencies["code"], agencies["name_vi" if lang == "vi" else "name_en"], strict=True)
)
agency_options = [None, *agency_names]


def _agency_label(code: str | None) -> str:
    return t("admin.users.none") if code is None else f"{agency_names[code]} · {code}"


def _attempt(action, *args, message: str) -> None:  # type: ignore[no-untyped-def]
    try:
        action(engine, admin, *args)
    except CockpitError as error:
        st.error(error_text(error), icon=":material/block:")
    else:
        st.success(message, icon=":material/check_circle:")


st.title(t("admin.users.title"))
users = accounts.list_users(engine, admin)
st.dataframe(users, hide_index=True, width="stretch")

create, change = st.columns(2)
with create.form("admin.users.create", clear_on_submit=False):
    st.subheader(t("admin.users.create"))
    username = st.text_input(t("auth.username"))
    display_name = st.text_input(t("admin.users.display_name"))
    email = st.text_input(t("admin.users.email"))
    role = st.selectbox(t("admin.users.role"), list(Role), format_func=lambda r: t(f"role.{r}"))
    agency = st.selectbox(t("admin.users.agency"), agency_options, format_func=_agency_label)
    password = st.text_input(t("auth.password"), type="password")
    again = st.text_input(t("admin.users.password_again"), type="password")
    if st.form_submit_button(t("admin.users.create"), type="primary"):
        if password != again:
            st.error(t("error.password_mismatch"), icon=":material/block:")
        else:
            _attempt(
                lambda e, a: accounts.create_user(
                    e,
                    a,
                    username,
                    password or None,
                    role,
                    agency_code=agency if role == Role.DATA_OFFICER else None,
                    email=email or None,
                    display_name=display_name or None,
                ),
                message=t("admin.users.created", username=username),
            )

with change.form("admin.users.change"):
    st.subheader(t("admin.users.change_role"))
    names = list(users["username"]) if not users.empty else []
    who = st.selectbox(t("admin.users.user"), names)
    new_role = st.selectbox(t("admin.users.role"), list(Role), format_func=lambda r: t(f"role.{r}"))
    new_agency = st.selectbox(t("admin.users.agency"), agency_options, format_func=_agency_label)
    buttons = st.columns(4)
    if buttons[0].form_submit_button(t("admin.users.change_role")):
        _attempt(
            accounts.set_role,
            who,
            new_role,
            new_agency if new_role == Role.DATA_OFFICER else None,
            message=t("admin.users.role_changed", username=who),
        )
    if buttons[1].form_submit_button(t("admin.users.deactivate")):
        _attempt(accounts.deactivate, who, message=t("admin.users.done"))
    if buttons[2].form_submit_button(t("admin.users.reactivate")):
        _attempt(accounts.reactivate, who, message=t("admin.users.done"))
    if buttons[3].form_submit_button(t("admin.users.unlock")):
        _attempt(accounts.unlock, who, message=t("admin.users.done"))
