"""Tài khoản: an administrator creates accounts, changes roles, resets passwords; every change is
audited, and the page starts again after one, so the table shows it and the form is empty."""

from __future__ import annotations

import streamlit as st

from domain.errors import CockpitError
from domain.vocabulary import Role
from services import accounts
from ui import cache, state
from ui.auth import current_user
from ui.i18n import current_language, error_text, t
from ui.users_view import users_table

lang = current_language()
admin = current_user()
engine, version = cache.current_version()
agencies = cache.agencies(engine, version)
agency_names = dict(
    zip(agencies["code"], agencies["name_vi" if lang == "vi" else "name_en"], strict=True)
)
agency_options = [None, *agency_names]
saved_round = st.session_state.get(state.ADMIN_ROUND, 0)


def _agency_label(code: str | None) -> str:
    return t("admin.users.none") if code is None else f"{agency_names[code]} · {code}"


def _key(name: str) -> str:
    """A widget's key in this round of the page's forms (a saved form comes back empty)."""
    return f"admin.users.{name}.{saved_round}"


def _attempt(action, *args, notice: tuple[str, dict]) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` as the admin; on success, start the page again with ``notice`` (a
    translation key and its parameters) shown."""
    try:
        action(engine, admin, *args)
    except CockpitError as error:
        st.error(error_text(error), icon=":material/block:")
    else:
        st.session_state[state.ADMIN_NOTICE] = notice
        st.session_state[state.ADMIN_ROUND] = saved_round + 1
        st.rerun()


def _passwords_match(password: str, again: str) -> bool:
    if password != again:
        st.error(t("error.password_mismatch"), icon=":material/block:")
    return password == again


st.title(t("admin.users.title"))
notice = st.session_state.pop(state.ADMIN_NOTICE, None)
if notice:
    st.success(t(notice[0], **notice[1]), icon=":material/check_circle:")
users = accounts.list_users(engine, admin)
st.dataframe(users_table(users, agency_names, lang), hide_index=True, width="stretch")
names = list(users["username"]) if not users.empty else []
role_label = {"format_func": lambda r: t(f"role.{r}")}

create, change = st.columns(2)
with create.form(_key("create")):
    st.subheader(t("admin.users.create"))
    username = st.text_input(t("auth.username"), key=_key("new.username"))
    display_name = st.text_input(t("admin.users.display_name"), key=_key("new.display_name"))
    email = st.text_input(t("admin.users.email"), key=_key("new.email"))
    role = st.selectbox(t("admin.users.role"), list(Role), key=_key("new.role"), **role_label)
    agency = st.selectbox(
        t("admin.users.agency"), agency_options, format_func=_agency_label, key=_key("new.agency")
    )
    password = st.text_input(t("auth.password"), type="password", key=_key("new.password"))
    again = st.text_input(t("admin.users.password_again"), type="password", key=_key("new.again"))
    if st.form_submit_button(t("admin.users.create"), type="primary") and _passwords_match(
        password, again
    ):
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
            notice=("admin.users.created", {"username": accounts.normalise_username(username)}),
        )

with change.form(_key("change")):
    st.subheader(t("admin.users.change_role"))
    who = st.selectbox(t("admin.users.user"), names, key=_key("change.user"))
    new_role = st.selectbox(
        t("admin.users.role"), list(Role), key=_key("change.role"), **role_label
    )
    new_agency = st.selectbox(
        t("admin.users.agency"),
        agency_options,
        format_func=_agency_label,
        key=_key("change.agency"),
    )
    buttons = st.columns(4)
    if buttons[0].form_submit_button(t("admin.users.change_role")):
        _attempt(
            accounts.set_role,
            who,
            new_role,
            new_agency if new_role == Role.DATA_OFFICER else None,
            notice=("admin.users.role_changed", {"username": who}),
        )
    if buttons[1].form_submit_button(t("admin.users.deactivate")):
        _attempt(accounts.deactivate, who, notice=("admin.users.done", {}))
    if buttons[2].form_submit_button(t("admin.users.reactivate")):
        _attempt(accounts.reactivate, who, notice=("admin.users.done", {}))
    if buttons[3].form_submit_button(t("admin.users.unlock")):
        _attempt(accounts.unlock, who, notice=("admin.users.done", {}))

with change.form(_key("reset")):
    st.subheader(t("admin.users.reset_password"))
    reset_who = st.selectbox(t("admin.users.user"), names, key=_key("reset.user"))
    new_password = st.text_input(
        t("admin.users.new_password"), type="password", key=_key("reset.password")
    )
    new_again = st.text_input(
        t("admin.users.password_again"), type="password", key=_key("reset.again")
    )
    if st.form_submit_button(t("admin.users.reset_password")) and _passwords_match(
        new_password, new_again
    ):
        _attempt(
            accounts.set_password,
            reset_who,
            new_password,
            notice=("admin.users.password_reset", {"username": reset_who}),
        )
