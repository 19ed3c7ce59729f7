"""The targets outlook at the top of the Overview: one tile per target that has odds, its light,
probability and the year's likely outcome, linking to the full page."""

from __future__ import annotations

import math

import streamlit as st

from analytics.formatting import format_number
from ui.i18n import t
from ui.markdown import plain

LIGHTS = {"green": "🟢", "amber": "🟡", "red": "🔴", "none": "⚪"}


def outlook_strip(rows: list, year: int, lang: str) -> None:
    """Draw the targets of ``year`` that have a probability (``rows`` as
    ``services.outlook.targets_outlook`` gives them); say so when none has."""
    shown = [
        (row, found)
        for row, found, _ in rows
        if found is not None and found.reason is None and not math.isnan(found.probability)
    ]
    with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
        st.markdown(f"**{t('overview.outlook_title', year=year)}**", width="content")
        if not shown:
            st.caption(t("overview.outlook_none"), width="content")
        for row, found in shown:
            with st.container(border=True, width="content"):
                st.markdown(
                    t(
                        "overview.outlook_item",
                        light=LIGHTS[found.light],
                        name=plain(row[f"name_{lang}"]),
                        p=format_number(100 * found.probability, lang, 0),
                        target=plain(row["target_text"]),
                        median=format_number(found.median, lang, 1),
                    ),
                    width="content",
                )
        st.page_link(
            "views/outlook.py",
            label=t("overview.outlook_open"),
            icon=":material/flag:",
            query_params={"lang": lang},
        )
