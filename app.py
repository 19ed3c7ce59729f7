"""The Cockpit's entry point: page configuration, language, who is signed in, and the navigation
that shows each role only the pages it may open."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from domain.errors import PermissionDenied
from domain.vocabulary import PageKey
from services.permissions import can_open, require_page
from ui import cache, state
from ui.auth import session_user, sign_in_screen, sign_out, watch_idle, write_session_cookie
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, error_text, t
from ui.markdown import plain
from ui.unexpected import run_guarded

FAVICON = Path(__file__).resolve().parent / "ui" / "assets" / "favicon.png"

# The favicon ships with the app: a page's Material icon would be fetched from a public font
# service, which an isolated Government network cannot reach.
st.set_page_config(page_title="Cockpit", page_icon=str(FAVICON), layout="wide")

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
write_session_cookie()
role = user.role if user is not None else None

# (page key, icon, url path, section); a page key's screen is views/<key>.py. A role sees only
# the pages it may open, and a URL to any other page is still routed, so that it can say it is
# forbidden. URL paths are Vietnamese and differ from the file names, so a page is always reached
# through this router.
PAGES = [
    (PageKey.OVERVIEW, ":material/dashboard:", "tong-quan", "nav.section.browse"),
    (PageKey.EXPLORE, ":material/query_stats:", "kham-pha", "nav.section.browse"),
    (PageKey.OUTLOOK, ":material/flag:", "trien-vong-muc-tieu", "nav.section.browse"),
    (PageKey.PRESENT, ":material/slideshow:", "trinh-chieu", "nav.section.browse"),
    (PageKey.FORECAST_LAB, ":material/insights:", "phong-du-bao", "nav.section.work"),
    (PageKey.SUPPLY, ":material/upload:", "cung-cap-so-lieu", "nav.section.work"),
    (PageKey.MONITOR, ":material/fact_check:", "tinh-hinh-cung-cap", "nav.section.work"),
    (PageKey.GSO_IMPORT, ":material/table_view:", "nhap-bieu-gso", "nav.section.work"),
    (PageKey.ADMIN_USERS, ":material/group:", "tai-khoan", "nav.section.admin"),
    (PageKey.ADMIN_CATALOGUE, ":material/list_alt:", "danh-muc", "nav.section.admin"),
    (PageKey.ADMIN_AUDIT, ":material/history:", "nhat-ky", "nav.section.admin"),
    (PageKey.ADMIN_API, ":material/key:", "ket-noi-api", "nav.section.admin"),
]

sections: dict[str, list] = {}
keys = {}
for key, icon, url_path, section in PAGES:
    page = st.Page(
        f"views/{key}.py",
        title=t(f"page.{key}"),
        icon=icon,
        url_path=url_path,
        default=key == PageKey.OVERVIEW,
        visibility="visible" if can_open(role, key) else "hidden",
    )
    keys[page.url_path] = key
    sections.setdefault(t(section), []).append(page)

# Pages are registered before sign-in, so that a pasted link opens its page once signed in.
current = st.navigation(sections, position="sidebar" if user is not None else "hidden")
if user is None:
    sign_in_screen(engine)

with st.sidebar:
    watch_idle()
    st.caption(t("auth.signed_in_as", name=plain(user.label), role=t(f"role.{user.role}")))
    if st.button(t("auth.sign_out"), icon=":material/logout:"):
        sign_out(engine)
        st.rerun()

try:
    require_page(user, keys.get(current.url_path, current.url_path))
except PermissionDenied as error:
    st.error(error_text(error), icon=":material/block:")
    st.stop()
run_guarded(current.run)
