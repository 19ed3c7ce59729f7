"""Explore's revision history of an indicator, as ALFRED shows one: each period's first release,
its revisions and its latest value with their dates, and a chart of first release against latest."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from analytics.formatting import format_change, format_date, format_number, format_period
from analytics.vintages import revised_only, revision_history
from charts.revisions import first_vs_latest_chart
from domain.vocabulary import Frequency
from ui import cache, state
from ui.chart_view import show_chart
from ui.i18n import t, unit_text
from ui.markdown import plain


def show_revisions(
    engine: Engine,
    version: str,
    codes: list[str],
    catalogue: pd.DataFrame,
    lang: str,
) -> None:
    """The revision history of one of ``codes`` (a picker when there are several), in an
    expander under the data table."""
    meta = catalogue.set_index("code")
    names: Mapping[str, str] = meta["name_vi" if lang == "vi" else "name_en"]
    with st.expander(t("revisions.title"), icon=":material/history:"):
        if st.session_state.get(state.EXPLORE_REVISIONS_CODE) not in codes:
            st.session_state[state.EXPLORE_REVISIONS_CODE] = codes[0]
        code = st.selectbox(
            t("revisions.indicator"),
            codes,
            key=state.EXPLORE_REVISIONS_CODE,
            format_func=lambda c: f"{names[c]} · {c}",
            disabled=len(codes) == 1,
        )
        history = revision_history(cache.vintages(engine, code, version))
        revised = revised_only(history)
        st.caption(t("revisions.count", n=len(revised), total=len(history), code=plain(code)))
        only_revised = st.toggle(
            t("revisions.revised_only"), value=True, key=state.EXPLORE_REVISED_ONLY
        )
        shown = revised if only_revised else history
        if shown.empty:
            st.info(t("revisions.none"), icon=":material/info:")
            return
        unit = unit_text(meta.loc[code, "unit"], lang)
        labels = {
            key: t(f"revisions.chart.{key}")
            for key in ("first", "latest", "period", "release", "vintage")
        }
        show_chart(
            first_vs_latest_chart(shown, labels, lang, unit), f"revisions-{code}", "revisions"
        )
        frequency = Frequency.parse(meta.loc[code, "frequency"]).pandas
        newest_first = shown.iloc[::-1]
        st.dataframe(_table(newest_first, frequency, lang), hide_index=True, width="stretch")


def _table(history: pd.DataFrame, frequency: str, lang: str) -> pd.DataFrame:
    """The history as the reader sees it: periods and dates written for the language."""
    return pd.DataFrame(
        {
            t("revisions.column.period"): [
                format_period(pd.Period(start, frequency), lang)
                for start in history["period_start"]
            ],
            t("revisions.column.first"): [
                format_number(v, lang, 2) for v in history["first_value"]
            ],
            t("revisions.column.first_date"): [
                format_date(d, lang) for d in history["first_vintage"]
            ],
            t("revisions.column.revisions"): [
                " · ".join(
                    f"{format_date(day, lang)}: {format_number(value, lang, 2)}"
                    for value, day in releases
                )
                for releases in history["revision_list"]
            ],
            t("revisions.column.latest"): [
                format_number(v, lang, 2) for v in history["latest_value"]
            ],
            t("revisions.column.latest_date"): [
                format_date(d, lang) for d in history["latest_vintage"]
            ],
            t("revisions.column.total"): [
                format_change(v, lang, 2) for v in history["total_revision"]
            ],
        }
    )
