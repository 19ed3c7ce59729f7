"""Who is signed in: the sign-in screen, the session's user, idle timeout and sign-out.

Local accounts sign in through a form checked by ``services.accounts.authenticate``, which opens a
server-side session (``services.sessions``) whose random token the browser keeps in a cookie, so a
reload or a new tab resumes it. Streamlit can read a request's cookies (``st.context.cookies``) but
offers no way to set one from Python, so :func:`write_session_cookie` sets it with a line of
JavaScript (``st.html``): it cannot be HttpOnly; it is ``SameSite=Strict``, ``Path=/``, ``Secure``
when the page is served over HTTPS, expires with the session, and is removed on sign-out, while the
server revokes the session itself. When
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
from services import accounts, sessions
from services.accounts import User
from ui import state
from ui.i18n import error_text, t

KEPT_AFTER_SIGN_OUT = frozenset({state.LANG, state.SESSION_RESUME_TRIED, state.COOKIE_CLEAR})
"""What a sign-out or timeout keeps of the session: the language, and the cookie's bookkeeping."""


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
    """Forget everything of the session but its language, so the next person at this screen sees
    nothing of the last one's work (a search, a chosen indicator, a half-filled form)."""
    for key in list(st.session_state):
        if key not in KEPT_AFTER_SIGN_OUT:
            del st.session_state[key]
    st.session_state[state.NOTICE] = notice
    st.session_state[state.COOKIE_CLEAR] = True


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
        _start_session(user, sessions.open_session(engine, user))
        st.rerun()
    if not accounts.has_active_admin(engine):
        st.warning(t("auth.no_admin"), icon=":material/admin_panel_settings:")


def _start_session(user: User, session: sessions.Session | None = None) -> None:
    st.session_state[state.USER] = user
    st.session_state[state.LAST_ACTIVE] = _now()
    st.session_state.pop(state.COOKIE_CLEAR, None)
    if session is not None:
        st.session_state[state.SESSION] = session


def _cookie_token() -> str | None:
    """The session token the browser sent when this tab opened, if any."""
    try:
        return st.context.cookies.get(sessions.COOKIE_NAME)
    except (AttributeError, RuntimeError):
        return None


def _resume_from_cookie(engine: Engine) -> User | None:
    """Sign this tab in from the browser's session cookie (tried once per tab: the cookies of a
    tab are those of its first request, so after a sign-out they are stale)."""
    if st.session_state.get(state.SESSION_RESUME_TRIED):
        return None
    st.session_state[state.SESSION_RESUME_TRIED] = True
    token = _cookie_token()
    if not token:
        return None
    session = sessions.resume(engine, token)
    if session is None:
        st.session_state[state.COOKIE_CLEAR] = True
        return None
    _start_session(session.user, session)
    return session.user


def _session_still_open(engine: Engine) -> bool:
    """Whether this tab's server-side session (if it has one) is still open; renews it when due."""
    session = st.session_state.get(state.SESSION)
    if session is None:
        return True
    now = _now()
    if not sessions.still_open(engine, session, now):
        return False
    if session.due_for_renewal(now):
        st.session_state[state.SESSION] = sessions.renew(engine, session, now)
    return True


def write_session_cookie() -> None:
    """Give the browser this tab's session cookie, or remove it after a sign-out or a refusal.

    The script is the same on every run of a session, so the browser runs it once per token.
    """
    session = st.session_state.get(state.SESSION)
    if current_user() is not None and session is not None:
        expires = session.expires_at.strftime("%a, %d %b %Y %H:%M:%S GMT")
        cookie = f"{sessions.COOKIE_NAME}={session.token}; Expires={expires}"
    elif st.session_state.get(state.COOKIE_CLEAR):
        cookie = f"{sessions.COOKIE_NAME}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
    else:
        return
    with st.sidebar:
        st.html(
            f"""<script>document.cookie = "{cookie}; Path=/; SameSite=Strict"
            + (location.protocol === "https:" ? "; Secure" : "");</script>""",
            unsafe_allow_javascript=True,
        )


def watch_idle() -> None:
    """Clear the screen once the session has been idle too long, without waiting for a click.

    A fragment re-runs every :func:`idle_check_seconds` in the browser's session; it changes
    nothing while the session is active, and starts a full run once it is idle, which signs out
    and shows the sign-in screen in place of the page.
    """
    st.fragment(_rerun_if_idle, run_every=idle_check_seconds())()


def idle_check_seconds() -> float:
    """How often an open page checks for idleness: a quarter of the idle timeout, between 2 s and
    a minute, so an unattended screen clears at most a quarter late."""
    return min(60.0, max(2.0, accounts.idle_timeout().total_seconds() / 4))


def _rerun_if_idle() -> None:
    last_active = st.session_state.get(state.LAST_ACTIVE)
    if last_active is not None and accounts.is_idle(last_active, _now()):
        st.rerun(scope="app")


def session_user(engine: Engine) -> User | None:
    """The signed-in user after the idle and account checks, or None (signed out, timed out,
    account deactivated). Marks the session active."""
    user = current_user() or _resume_from_cookie(engine)
    if user is None:
        return None
    last_active = st.session_state.get(state.LAST_ACTIVE, _now())
    if accounts.is_idle(last_active, _now()):
        accounts.sign_out(engine, user, reason="idle timeout")
        _end_session("auth.idle")
        return None
    user = accounts.refresh_user(engine, user)
    if user is None or not _session_still_open(engine):
        _end_session("auth.signed_out")
        return None
    st.session_state[state.USER] = user
    st.session_state[state.LAST_ACTIVE] = _now()
    return user


def sign_in_screen(engine: Engine) -> None:
    """Show the sign-in screen instead of the page, and stop the run."""
    _sign_in_form(engine)
    st.stop()
