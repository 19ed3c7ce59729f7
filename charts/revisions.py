"""The chart of a series' revisions: each period's first release against its latest value, as
ALFRED draws "first release vs. latest". Pure Altair; the caller passes translated labels."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.builders import localised


def first_vs_latest_chart(
    history: pd.DataFrame, labels: dict[str, str], lang: str, value_title: str = ""
) -> alt.LayerChart:
    """Two lines over the periods of ``history`` (``analytics.vintages.revision_history``): the
    first release and the latest value, points where they differ.

    Parameters
    ----------
    labels:
        Texts for ``"first"``, ``"latest"``, ``"period"`` and ``"release"`` in the reader's
        language.
    """
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "date": pd.to_datetime(history["period_start"]),
                    "value": history[column],
                    "vintage": pd.to_datetime(history[vintage]).dt.strftime("%Y-%m-%d"),
                    "release": labels[key],
                }
            )
            for key, column, vintage in (
                ("first", "first_value", "first_vintage"),
                ("latest", "latest_value", "latest_vintage"),
            )
        ],
        ignore_index=True,
    )
    colour = alt.Color(
        "release:N",
        title=labels["release"],
        scale=alt.Scale(domain=[labels["first"], labels["latest"]], range=["#9aa5b1", "#c8102e"]),
        legend=alt.Legend(orient="top"),
    )
    base = alt.Chart(long).encode(
        x=alt.X("date:T", title=labels["period"]),
        y=alt.Y("value:Q", title=value_title, scale=alt.Scale(zero=False)),
        color=colour,
        tooltip=[
            alt.Tooltip("date:T", title=labels["period"], format="%m/%Y"),
            alt.Tooltip("release:N", title=labels["release"]),
            alt.Tooltip("value:Q", title=value_title or labels["release"], format=",.2f"),
            alt.Tooltip("vintage:N", title=labels["vintage"]),
        ],
    )
    chart = alt.layer(base.mark_line(strokeWidth=2), base.mark_point(filled=True, size=40))
    return localised(chart.properties(height=320), lang)
