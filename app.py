"""The Cockpit's entry point: page configuration, language, and the navigation between pages."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, t

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

pages = {
    t("nav.section.browse"): [
        st.Page(
            "pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", default=True
        ),
        st.Page(
            "pages/explore.py",
            title=t("nav.explore"),
            icon=":material/query_stats:",
            url_path="explore",
        ),
    ],
}
st.navigation(pages).run()
