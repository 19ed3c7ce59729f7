"""Who is signed in: the sign-in screen, the session's user, idle timeout and sign-out.

Local accounts sign in through a form checked by ``services.accounts.authenticate``. When
``[auth]`` is configured in ``.streamlit/secrets.toml``, ``st.login`` (OIDC) is used instead and the
role comes from the users table (matched by e-mail) or from the claim named in
``[cockpit] role_claim``. Every run re-reads the account, so a deactivated user or a changed role
takes effect at once.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st
from sqlalchemy import Engine

from domain.errors import CockpitError
from services import accounts
from services.accounts import User
from ui import state
from ui.i18n import error_text, t


def current_user() -> User | None:
    """The signed-in user of this session, if any."""
    return st.session_state.get(state.USER)


def _oidc_configured() -> bool:
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _end_session(notice: str) -> None:
    for key in (state.USER, state.LAST_ACTIVE):
        st.session_state.pop(key, None)
    st.session_state[state.NOTICE] = notice


def sign_out(engine: Engine) -> None:
    """Sign the session's user out, in the audit log and (for OIDC) at the provider."""
    user = current_user()
    if user is not None:
        accounts.sign_out(engine, user)
    _end_session("auth.signed_out")
    if _oidc_configured() and getattr(st.user, "is_logged_in", False):
        st.logout()


def _sign_in_form(engine: Engine) -> None:
    st.title(t("auth.title"))
    notice = st.session_state.pop(state.NOTICE, None)
    if notice:
        st.info(t(notice), icon=":material/info:")
    st.caption(t("auth.intro"))
    if _oidc_configured():
        if not getattr(st.user, "is_logged_in", False):
            st.button(t("auth.oidc"), on_click=st.login, type="primary")
            return
        cockpit = st.secrets.get("cockpit", {})
        try:
            user = accounts.oidc_sign_in(
                engine,
                st.user.to_dict(),
                role_claim=cockpit.get("role_claim"),
                agency_claim=cockpit.get("agency_claim"),
            )
        except CockpitError as error:
            st.error(error_text(error), icon=":material/block:")
            return
        _start_session(user)
        st.rerun()
    with st.form("sign_in"):
        username = st.text_input(t("auth.username"), key="auth.form.username")
        password = st.text_input(t("auth.password"), type="password", key="auth.form.password")
        submitted = st.form_submit_button(t("auth.submit"), type="primary")
    if submitted:
        try:
            user = accounts.authenticate(engine, username, password)
        except CockpitError as error:
            st.error(error_text(error), icon=":material/block:")
            return
        _start_session(user)
        st.rerun()
    if not accounts.has_active_admin(engine):
        st.warning(t("auth.no_admin"), icon=":material/admin_panel_settings:")


def _start_session(user: User) -> None:
    st.session_state[state.USER] = user
    st.session_state[state.LAST_ACTIVE] = _now()


def session_user(engine: Engine) -> User | None:
    """The signed-in user after the idle and account checks, or None (signed out, timed out,
    account deactivated). Marks the session active."""
    user = current_user()
    if user is None:
        return None
    last_active = st.session_state.get(state.LAST_ACTIVE, _now())
    if accounts.is_idle(last_active, _now()):
        accounts.sign_out(engine, user, reason="idle timeout")
        _end_session("auth.idle")
        return None
    user = accounts.refresh_user(engine, user)
    if user is None:
        _end_session("auth.signed_out")
        return None
    st.session_state[state.USER] = user
    st.session_state[state.LAST_ACTIVE] = _now()
    return user


def sign_in_screen(engine: Engine) -> None:
    """Show the sign-in screen instead of the page, and stop the run."""
    _sign_in_form(engine)
    st.stop()
