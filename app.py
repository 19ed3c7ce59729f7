"""The Cockpit's entry point: page configuration, language, who is signed in, and the navigation
that shows each role only the pages it may open."""

from __future__ import annotations

import streamlit as st

from analytics.errors import InputError
from data.permissions import can_open, require_page
from ui import cache, state
from ui.auth import session_user, sign_in_screen, sign_out
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, error_text, t

st.set_page_config(page_title="Cockpit", layout="wide")

if state.LANG not in st.session_state:
    requested = st.query_params.get("lang", DEFAULT_LANGUAGE)
    st.session_state[state.LANG] = requested if requested in LANGUAGES else DEFAULT_LANGUAGE

with st.sidebar:
    st.radio(
        t("app.language"),
        LANGUAGES,
        key=state.LANG,
        format_func=lambda code: {"vi": "Tiếng Việt", "en": "English"}[code],
        horizontal=True,
    )

engine = cache.engine()
user = session_user(engine)
role = user.role if user is not None else None

# (page key, file, icon, url path, section); a role sees only the pages it may open, and a
# URL to any other page is still routed, so that it can say it is forbidden. URL paths are
# Vietnamese and differ from the file names, so a page is always reached through this router.
PAGES = [
    ("overview", "views/overview.py", ":material/dashboard:", "tong-quan", "nav.section.browse"),
    ("explore", "views/explore.py", ":material/query_stats:", "kham-pha", "nav.section.browse"),
    (
        "forecast_lab",
        "views/forecast_lab.py",
        ":material/insights:",
        "phong-du-bao",
        "nav.section.work",
    ),
    ("supply", "views/supply.py", ":material/upload:", "cung-cap-so-lieu", "nav.section.work"),
    ("admin_users", "views/admin_users.py", ":material/group:", "tai-khoan", "nav.section.admin"),
    (
        "admin_catalogue",
        "views/admin_catalogue.py",
        ":material/list_alt:",
        "danh-muc",
        "nav.section.admin",
    ),
    ("admin_audit", "views/admin_audit.py", ":material/history:", "nhat-ky", "nav.section.admin"),
]

sections: dict[str, list] = {}
keys = {}
for key, path, icon, url_path, section in PAGES:
    page = st.Page(
        path,
        title=t(f"page.{key}"),
        icon=icon,
        url_path=url_path,
        default=key == "overview",
        visibility="visible" if can_open(role, key) else "hidden",
    )
    keys[page.url_path] = key
    sections.setdefault(t(section), []).append(page)

# Pages are registered before sign-in, so that a pasted link opens its page once signed in.
current = st.navigation(sections, position="sidebar" if user is not None else "hidden")
if user is None:
    sign_in_screen(engine)

with st.sidebar:
    st.caption(t("auth.signed_in_as", name=user.label, role=t(f"role.{user.role}")))
    if st.button(t("auth.sign_out"), icon=":material/logout:"):
        sign_out(engine)
        st.rerun()

try:
    require_page(user, keys.get(current.url_path, current.url_path))
except InputError as error:
    st.error(error_text(error), icon=":material/block:")
    st.stop()
current.run()
