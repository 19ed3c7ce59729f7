"""The chart of how each target's probability moved over the plan year, month by month, as known
at each month's end. Pure Altair; the caller passes translated labels."""

from __future__ import annotations

import altair as alt
import pandas as pd

from charts.builders import localised


def probability_history_chart(
    history: pd.DataFrame, name_column: str, labels: dict[str, str], lang: str
) -> alt.LayerChart:
    """A line per target over ``history`` (``services.outlook.outlook_history``), with the
    thresholds of the traffic light as rules.

    ``labels`` holds ``"day"``, ``"probability"``, ``"target"`` and the two thresholds under
    ``"green_at"`` and ``"red_below"`` (numbers, 0 to 1).
    """
    frame = history.assign(day=pd.to_datetime(history["day"]), target=history[name_column])
    lines = (
        alt.Chart(frame)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=alt.X(
                "day:T", title=labels["day"], axis=alt.Axis(format="%d/%m/%Y", labelOverlap=True)
            ),
            y=alt.Y(
                "probability:Q",
                title=labels["probability"],
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("target:N", title=labels["target"], legend=alt.Legend(orient="top")),
            tooltip=[
                alt.Tooltip("target:N", title=labels["target"]),
                alt.Tooltip("day:T", title=labels["day"], format="%d/%m/%Y"),
                alt.Tooltip("probability:Q", title=labels["probability"], format=".0%"),
            ],
        )
    )
    thresholds = pd.DataFrame({"level": [labels["green_at"], labels["red_below"]]})
    rules = alt.Chart(thresholds).mark_rule(strokeDash=[4, 4], color="#9aa5b1").encode(y="level:Q")
    return localised(alt.layer(lines, rules).properties(height=300), lang)
