"""The chart of a real-time forecast record: each method's mean absolute error by periods ahead, for
forecasts made at many origins from the data as known on each (``analytics.realtime_record``).
Pure Altair; the caller passes translated labels."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.builders import PALETTE, localised

#: The Cockpit's own method first, in the fan chart's colour of a new forecast; the rivals after.
METHOD_COLOURS = ["#c0392b", "#1f4e79", "#27ae60", "#8e44ad", "#7f8c8d", "#bdc3c7"]


def axis_title(title: str) -> str | list[str]:
    """A value axis' title with its unit on a line of its own ("Error (USD mn)" becomes two
    lines), so that a long title is not cut off along a short chart's axis."""
    head, opening, unit = title.partition(" (")
    return [head, "(" + unit] if opening and head else title


def realtime_record_chart(
    scores: pd.DataFrame, labels: dict[str, str], lang: str, value_title: str = ""
) -> alt.Chart:
    """Bars of the mean absolute error per period ahead, one bar per method side by side.

    Parameters
    ----------
    scores:
        One row per method and horizon: ``method`` (the label a reader sees), ``horizon``,
        ``mae``, ``mase`` and ``n`` (origins scored). The methods keep the order of their first
        rows; the first is drawn in the Cockpit's colour.
    labels:
        Texts for ``"horizon"``, ``"method"``, ``"mase"`` and ``"n"`` in the reader's language.
    value_title:
        The MAE axis' title, with the series' unit.
    """
    methods = list(dict.fromkeys(scores["method"]))
    colours = (METHOD_COLOURS + PALETTE)[: len(methods)]
    frame = scores.assign(horizon=scores["horizon"].astype(int))
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            x=alt.X("horizon:O", title=labels["horizon"], axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("method:N", sort=methods),
            y=alt.Y("mae:Q", title=axis_title(value_title)),
            color=alt.Color(
                "method:N",
                title=labels["method"],
                sort=methods,
                scale=alt.Scale(domain=methods, range=colours),
                legend=alt.Legend(orient="bottom", columns=3, labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("method:N", title=labels["method"]),
                alt.Tooltip("horizon:O", title=labels["horizon"]),
                alt.Tooltip("mae:Q", title=value_title or "MAE", format=",.2f"),
                alt.Tooltip("mase:Q", title=labels["mase"], format=",.3f"),
                alt.Tooltip("n:Q", title=labels["n"]),
            ],
        )
        .properties(height=300)
    )
    return localised(chart, lang)
