"""Draw a chart with its PNG and SVG downloads beside it, so every chart the app shows can go
into a note or a slide as it is. The files are rendered on the server from the same Vega-Lite
specification (``reports.chart_export``), only when a download is clicked."""

from __future__ import annotations

import json
import re
from typing import Any

import streamlit as st

from ui import cache
from ui.i18n import t


def _stem(name: str) -> str:
    cleaned = re.sub(r"[^0-9A-Za-z._-]+", "-", name).strip("-")
    return cleaned or "chart"


def show_chart(chart: Any, name: str, key: str) -> None:
    """Draw ``chart`` (an Altair chart or a Vega-Lite dict) full width, then a PNG and an SVG
    download of it named after ``name``; ``key`` keeps the buttons apart on a page."""
    spec = chart if isinstance(chart, dict) else chart.to_dict()
    if isinstance(chart, dict):
        st.vega_lite_chart(chart, width="stretch")
    else:
        st.altair_chart(chart, width="stretch")
    spec_json = json.dumps(spec, sort_keys=True, default=str)
    stem = _stem(name)
    with st.container(horizontal=True, gap="small", key=f"chart-downloads-{key}"):
        for kind, mime in (("png", "image/png"), ("svg", "image/svg+xml")):
            st.download_button(
                t(f"chart.{kind}"),
                data=lambda kind=kind: cache.chart_file(spec_json, kind),
                file_name=f"{stem}.{kind}",
                mime=mime,
                key=f"chart.{key}.{kind}",
                icon=":material/download:",
                type="tertiary",
                on_click="ignore",
            )
