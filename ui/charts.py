"""Altair chart builders. They take tidy frames and return charts; they never call ``st.*``.

Numbers and dates on axes and tooltips follow the chosen language through Vega's locale
configuration (``1.234,5`` in Vietnamese, ``1,234.5`` in English).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

NUMBER_LOCALE = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["$", ""]},
}
TIME_LOCALE = {
    "vi": {
        "dateTime": "%A, %e/%m/%Y, %X",
        "date": "%d/%m/%Y",
        "time": "%H:%M:%S",
        "periods": ["SA", "CH"],
        "days": ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
        "shortDays": ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
        "months": [f"Tháng {m}" for m in range(1, 13)],
        "shortMonths": [f"Th{m}" for m in range(1, 13)],
    },
}
FACET_WIDTH = 980  # a faceted chart cannot take the container width
PALETTE = ["#1f4e79", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085"]


def _localised(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    locale: dict = {"number": NUMBER_LOCALE.get(lang, NUMBER_LOCALE["en"])}
    if lang in TIME_LOCALE:
        locale["time"] = TIME_LOCALE[lang]
    return chart.configure(locale=locale).configure_axis(labelFontSize=13, titleFontSize=13)


def series_chart(
    frame: pd.DataFrame, *, lang: str, separate_axes: bool, value_title: str, height: int = 320
) -> alt.TopLevelMixin:
    """Lines of one or more series over time.

    ``frame`` has columns ``date`` (period start), ``label`` (series legend), ``value``,
    ``period`` (formatted period for the tooltip) and ``unit``. With ``separate_axes`` each
    series gets its own panel and y axis; otherwise all share one axis (rebased or same unit).
    """
    labels = list(dict.fromkeys(frame["label"]))
    color = alt.Color(
        "label:N",
        title=None,
        sort=labels,
        scale=alt.Scale(domain=labels, range=PALETTE[: len(labels)]),
        legend=alt.Legend(orient="bottom", labelLimit=600, columns=1),
    )
    tooltip = [
        alt.Tooltip("label:N", title=""),
        alt.Tooltip("period:N", title=""),
        alt.Tooltip("value:Q", title="", format=",.2f"),
        alt.Tooltip("unit:N", title=""),
    ]
    base = alt.Chart(frame).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%m/%Y", labelOverlap=True)),
        y=alt.Y(
            "value:Q",
            title=value_title if not separate_axes else None,
            scale=alt.Scale(zero=False),
        ),
        color=color,
        tooltip=tooltip,
    )
    lines = base.mark_line(strokeWidth=2.5) + base.mark_circle(size=28, opacity=0.0)
    if separate_axes and len(labels) > 1:
        chart = (
            lines.properties(height=max(140, height // len(labels)), width=FACET_WIDTH)
            .facet(row=alt.Row("label:N", title=None, sort=labels, header=alt.Header(labels=False)))
            .resolve_scale(y="independent")
        )
    else:
        chart = lines.properties(height=height, width="container")
    return _localised(chart, lang)
