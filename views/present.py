"""Trình chiếu: the month's briefing one slide at a time, full screen, in type that reads on a
projector, with the deck's PowerPoint and PDF a click away. The same slides as the deck
(``reports.briefing``); ← and → (or the buttons) change slides, ``?m=2025-02&s=3`` opens a
month and a slide."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import streamlit as st

from domain.headlines import HEADLINE_CODES
from domain.vocabulary import Action
from services.observations import today
from services.permissions import require
from ui import cache
from ui.auth import current_user
from ui.chart_view import show_chart
from ui.i18n import current_language, t
from ui.markdown import plain

if TYPE_CHECKING:
    from reports.render import DeckFiles

SLIDE = "present.slide"

lang = current_language()
user = current_user()
require(user, Action.BRIEFING_MAKE)
engine, version = cache.current_version()
_, forecast_version = cache.current_forecast_version()
catalogue = cache.catalogue(engine, version).set_index("code")
monthly = catalogue[(catalogue.index.isin(HEADLINE_CODES)) & (catalogue["frequency"] == "M")]
latest = pd.Period(pd.to_datetime(monthly["last_period"]).max(), "M")

# Presentation: no sidebar, no header, large type; static CSS, no user data.
st.html(
    "<style>[data-testid='stSidebar'],[data-testid='stSidebarCollapsedControl'],"
    "[data-testid='stHeader']{display:none;}"
    "[data-testid='stMainBlockContainer']{padding:1.2rem 2.5rem 1rem 2.5rem;max-width:100%;}"
    ".st-key-slide h1{font-size:2.6rem;line-height:1.15;padding:0 0 .3rem 0;}"
    ".st-key-slide p,.st-key-slide li,.st-key-slide td,.st-key-slide th{font-size:1.35rem;}"
    ".st-key-slide [data-testid='stMetricValue'] *{font-size:2.3rem;}"
    ".st-key-slide [data-testid='stMetricLabel'] p{font-size:1.2rem;}"
    ".st-key-slide [data-testid='stCaptionContainer'] p{font-size:1.05rem;}</style>"
)

requested = st.query_params.get("m")
period = latest
if requested:
    try:
        if len(requested) != 7:
            raise ValueError(requested)
        period = pd.Period(requested, "M")
    except ValueError:
        st.warning(t("present.month_invalid", value=plain(requested)))
with st.spinner(t("present.making")):
    deck = cache.briefing_deck(engine, user, str(period), lang, today(), version, forecast_version)
count = len(deck.slides)
if SLIDE not in st.session_state:
    wanted = st.query_params.get("s", "1")
    st.session_state[SLIDE] = (
        int(wanted) - 1 if wanted.isdigit() and 1 <= int(wanted) <= count else 0
    )
index = min(max(st.session_state[SLIDE], 0), count - 1)


def _move(step: int) -> None:
    st.session_state[SLIDE] = min(max(st.session_state[SLIDE] + step, 0), count - 1)
    st.query_params["s"] = str(st.session_state[SLIDE] + 1)


# The controls first, slim, so that they stay on a 1280×720 screen whatever the slide holds.
with st.container(horizontal=True, vertical_alignment="center", key="present-controls"):
    st.button(
        t("present.previous"),
        icon=":material/arrow_back:",
        shortcut="Left",
        disabled=index == 0,
        on_click=_move,
        args=(-1,),
        key="present.previous",
        type="tertiary",
    )
    st.button(
        t("present.next"),
        icon=":material/arrow_forward:",
        shortcut="Right",
        disabled=index == count - 1,
        on_click=_move,
        args=(1,),
        key="present.next",
        type="tertiary",
    )
    st.caption(t("present.slide_of", n=index + 1, m=count), width="content")
    stem = deck.file_stem(str(period))

    def _files() -> DeckFiles:
        """The deck's files, made when a download is clicked."""
        return cache.briefing_files(
            engine, user, str(period), lang, today(), version, forecast_version
        )

    st.download_button(
        t("present.pptx"),
        data=lambda: _files().pptx,
        file_name=f"{stem}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        icon=":material/slideshow:",
        key="present.pptx",
        on_click="ignore",
        type="tertiary",
    )
    st.download_button(
        t("present.pdf"),
        data=lambda: _files().pdf,
        file_name=f"{stem}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key="present.pdf",
        on_click="ignore",
        type="tertiary",
    )
    st.page_link("views/overview.py", label=t("page.overview"), icon=":material/close:")
    st.caption(t("present.keys"), width="content")

slide = deck.slides[index]
# On the screen the chart is a little lower than on the page, so the footer stays in 720 px.
chart = dict(slide.chart, height=290) if slide.chart is not None else None
with st.container(key="slide"):
    st.title(plain(slide.title), anchor=False)
    if slide.subtitle:
        st.markdown(f"**{plain(slide.subtitle)}**")
    if slide.tiles:
        for start in range(0, len(slide.tiles), 4):
            columns = st.columns(4)
            for column, tile in zip(columns, slide.tiles[start : start + 4], strict=False):
                with column.container(border=True):
                    st.metric(tile.label, tile.value)
                    st.caption(f"{plain(tile.change)} · {plain(tile.period)}")
    if slide.chart is not None and slide.table:
        left, right = st.columns([2, 1])
        with left:
            show_chart(chart, f"{slide.key}-{period}", f"present-{index}")
        right.table(
            pd.DataFrame(list(slide.table[1:]), columns=list(slide.table[0])).set_index(
                slide.table[0][0]
            )
        )
    elif slide.chart is not None:
        show_chart(chart, f"{slide.key}-{period}", f"present-{index}")
    elif slide.table:
        st.table(
            pd.DataFrame(list(slide.table[1:]), columns=list(slide.table[0])).set_index(
                slide.table[0][0]
            )
        )
    if slide.lines:
        st.markdown("  \n".join(plain(line) for line in slide.lines))
    if slide.footer:
        st.caption(plain(slide.footer))
