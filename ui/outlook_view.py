"""The targets outlook at the top of the Overview: one line, each target that has odds as a
coloured badge with its probability, linking to the full page. Colours are drawn by the page, not
by emoji, so they show on a machine without an emoji font."""

from __future__ import annotations

import math

import streamlit as st

from analytics.formatting import format_number
from analytics.outlook import OUTLOOK_SOURCES
from ui.i18n import has_text, t
from ui.markdown import plain

BADGES = {"green": "green", "amber": "orange", "red": "red", "none": "gray"}


def light_badge(light: str, text: str) -> str:
    """Markdown of a badge in the traffic light's colour, with ``text`` (already escaped)."""
    return f":{BADGES[light]}-badge[{text}]"


def short_name(row: object, lang: str) -> str:
    """A target's short name for a badge (its series' short name if it has one)."""
    source = OUTLOOK_SOURCES.get(row["name_en"])  # type: ignore[index]
    key = f"outlook.short.{source.code}" if source is not None else ""
    return t(key) if key and has_text(key) else plain(row[f"name_{lang}"])  # type: ignore[index]


def outlook_strip(rows: list, year: int, lang: str) -> None:
    """Draw the targets of ``year`` that have a probability (``rows`` as
    ``services.outlook.targets_outlook`` gives them) on one line; say so when none has."""
    badges = [
        light_badge(
            found.light,
            t(
                "overview.outlook_badge",
                name=short_name(row, lang),
                p=format_number(100 * found.probability, lang, 0),
                light=t(f"outlook.light.{found.light}"),
            ),
        )
        for row, found, _ in rows
        if found is not None and found.reason is None and not math.isnan(found.probability)
    ]
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(
            f"**{t('overview.outlook_title', year=year)}** "
            + (" ".join(badges) if badges else t("overview.outlook_none")),
            width="content",
            help=t("overview.outlook_help"),
        )
        st.page_link(
            "views/outlook.py",
            label=t("overview.outlook_open"),
            icon=":material/flag:",
            query_params={"lang": lang},
        )
