"""Tổng quan: the headline indicators at a glance, and the year's plan targets."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics.formatting import (
    format_change,
    format_number,
    format_percent,
    format_period,
)
from analytics.tiles import summarise_headline
from domain.headlines import HEADLINES
from ui import cache, state
from ui.data_age_view import show_age
from ui.forecast_view import tile_forecast
from ui.i18n import current_language, t, unit_text
from ui.markdown import plain
from ui.outlook_view import outlook_strip
from ui.targets_view import target_table

NBSP = "\u00a0"

lang = current_language()
engine, version = cache.current_version()
catalogue = cache.catalogue(engine, version).set_index("code")
codes = tuple(sorted({code for h in HEADLINES for code in h.inputs if code in catalogue.index}))
frame = cache.observations(engine, codes, version)
_, forecast_version = cache.current_forecast_version()

st.title(t("overview.title"))
# The caption and the year's outlook share a line, so that the targets still begin on the first
# screen of a full-HD display. The outlook is filled in once the tiles are drawn: it simulates,
# the tiles read stored figures.
with st.container(horizontal=True, vertical_alignment="center", gap="large"):
    st.caption(t("overview.caption"), width="content")
    outlook_slot = st.container(key="overview-outlook", width="content")

# The projector's view. A tile's title and comparison wrap instead of being cut off with an
# ellipsis (Streamlit draws metric texts on one line); the comparison goes under its arrow when the
# tile is narrow; below a full-HD width a row of four tiles becomes two rows of two, so that each
# number keeps its unit beside it; the page starts closer to the top, so that on a 1920×1080 screen
# the year's targets begin on the first screen. Static CSS, no user data.
st.html(
    "<style>[data-testid='stMetric'] .stMarkdownEllipsis,"
    "[data-testid='stMetric'] .stMarkdownEllipsis p"
    "{white-space: normal; overflow: visible; text-overflow: clip;}"
    "[data-testid='stMetric'] div:has(> [data-testid='stMetricDelta']){flex-wrap: wrap;}"
    "@media (max-width: 1439px){.st-key-overview-tiles [data-testid='stColumn']"
    "{min-width: calc(50% - 1rem);}}"
    "[data-testid='stMainBlockContainer']{padding-top: 3rem;}</style>"
)

TILES_PER_ROW = 4
tiles = st.container(key="overview-tiles")
shown = []
for index, headline in enumerate(HEADLINES):
    if index % TILES_PER_ROW == 0:
        columns = tiles.columns(TILES_PER_ROW)
    if not all(code in catalogue.index for code in headline.sources):
        continue
    meta = catalogue.loc[headline.sources[0]]
    summary = summarise_headline(headline, frame, catalogue)
    shown.append(summary)
    with columns[index % TILES_PER_ROW].container(border=True):
        unit = unit_text(meta["unit"], lang)
        if summary.latest is None:
            st.metric(t(f"tile.{headline.key}"), "–")
            continue
        if summary.year_on_year is None:
            delta, description = None, t("overview.no_yoy")
        else:
            description = t(f"overview.vs_year_ago.{summary.change_source}")
            if summary.comparison == "yoy_pct":
                delta = format_percent(summary.year_on_year, lang, signed=True)
            elif headline.kind == "rate":
                delta = format_change(summary.year_on_year, lang) + " " + t("overview.points")
            else:
                delta = f"{format_change(summary.year_on_year, lang)} {unit}"
        if meta["unit"] == "percent change":
            value = format_percent(summary.latest, lang)
        else:
            # The unit wraps as a whole, below the number if the tile is narrow.
            # The unit comes from the catalogue an admin edits: shown as written, never as Markdown.
            value = (
                f"{format_number(summary.latest, lang)} :small[{plain(unit).replace(' ', NBSP)}]"
            )
        st.metric(
            t(f"tile.{headline.key}"),
            value,
            delta=delta,
            delta_color="normal" if headline.higher_is_better is not False else "inverse",
            delta_description=description,
            chart_data=summary.sparkline,
            help=t(f"tile.{headline.key}.derived")
            if headline.derived_from
            else (meta["name_vi"] if lang == "vi" else meta["name_en"]),
        )
        if headline.derived_from:
            st.caption(t(f"tile.{headline.key}.derived_short"))
        else:
            published = cache.latest_published(engine, headline.code, "level", forecast_version)
            if published is not None and (line := tile_forecast(published, summary.period, lang)):
                st.caption(line)
        with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
            st.caption(format_period(summary.period, lang), width="content")
            st.page_link(
                "views/explore.py",
                label=t("overview.open"),
                icon=":material/open_in_new:",
                query_params={"ind": ",".join(headline.sources), "lang": lang},
            )

show_age([summary.period for summary in shown], lang)

plan_year = dt.date.today().year
with outlook_slot:
    outlook_strip(
        cache.targets_outlook(engine, plan_year, version, forecast_version), plan_year, lang
    )

targets = cache.plan_targets(engine, version)
years = sorted(targets["plan_year"].unique(), reverse=True)
year = st.segmented_control(
    t("overview.targets_title", year=""),
    years,
    default=years[0],
    key=state.OVERVIEW_PLAN_YEAR,
    help=t("overview.targets_caption"),
)
if year is not None:
    st.dataframe(target_table(targets, int(year), lang), hide_index=True, width="stretch")
