"""Triển vọng mục tiêu: for each main target of the plan year, where it stands and the probability
of meeting it, from simulated paths of the year's remaining months or quarters."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import streamlit as st

from analytics.formatting import format_number, format_period
from analytics.outlook import Outlook
from analytics.outlook_calibration import scores
from analytics.plan import direction
from analytics.target_odds import GREEN_AT, RED_BELOW, acceptance, rule_text
from analytics.targets import parse_target
from charts.outlook import probability_history_chart
from domain.errors import InputError
from ui import cache
from ui.chart_view import show_chart
from ui.i18n import current_language, t

# Cell colours of the probability column (light backgrounds, so the text stays readable).
CELL_COLOURS = {"green": "#d3f0dc", "amber": "#fdebc8", "red": "#f9d0d0"}

lang = current_language()
engine, version = cache.current_version()
_, forecast_version = cache.current_forecast_version()
targets = cache.plan_targets(engine, version)
years = sorted((int(y) for y in targets["plan_year"].unique()), reverse=True)
current = dt.date.today().year
st.title(t("outlook.title"))
year = st.selectbox(
    t("outlook.year"),
    years,
    index=years.index(current) if current in years else 0,
    key="outlook.year",
)
st.caption(
    t(
        "outlook.thresholds",
        green=format_number(100 * GREEN_AT, lang, 0),
        red=format_number(100 * RED_BELOW, lang, 0),
    )
)
with st.spinner(t("outlook.computing")):
    rows = cache.targets_outlook(engine, int(year), version, forecast_version)


def _range(pair: tuple[float, float]) -> str:
    low, high = pair
    if math.isnan(low):
        return "–"
    return f"{format_number(low, lang, 2)} – {format_number(high, lang, 2)}"


def _judged(row: pd.Series) -> str:
    """How the year's outcome is judged against the target's words, for this indicator."""
    try:
        target = parse_target(row["target_text"])
    except InputError:
        return "–"
    return rule_text(acceptance(target, direction(row["name_en"])), lang)


def _latest(found: Outlook | None) -> str:
    if found is None or found.last_known is None or math.isnan(found.latest):
        return "–"
    status = t(f"status.{found.latest_status}") if found.latest_status else ""
    period = format_period(found.last_known, lang)
    return f"{format_number(found.latest, lang, 2)} ({period}{', ' + status if status else ''})"


table = pd.DataFrame(
    {
        t("outlook.col.target_name"): [row[f"name_{lang}"] for row, _, _ in rows],
        t("outlook.col.target"): [row["target_text"] for row, _, _ in rows],
        t("outlook.col.probability"): [
            f"{format_number(100 * o.probability, lang, 0)} % ({t(f'outlook.light.{o.light}')})"
            if o is not None and not math.isnan(o.probability)
            else "–"
            for _, o, _ in rows
        ],
        t("outlook.col.median"): [
            format_number(o.median, lang, 2) if o is not None and not math.isnan(o.median) else "–"
            for _, o, _ in rows
        ],
        t("outlook.col.range80"): [_range(o.range80) if o else "–" for _, o, _ in rows],
        t("outlook.col.range95"): [_range(o.range95) if o else "–" for _, o, _ in rows],
        t("outlook.col.forecast"): [
            (
                format_number(o.forecast_outcome, lang, 2)
                + (f" ({t('outlook.batch')})" if o.forecast_kind == "batch" else "")
            )
            if o is not None and not math.isnan(o.forecast_outcome)
            else "–"
            for _, o, _ in rows
        ],
        t("outlook.col.judged"): [_judged(row) for row, _, _ in rows],
        t("outlook.col.latest"): [_latest(o) for _, o, _ in rows],
        t("outlook.col.ytd"): [
            format_number(o.year_to_date, lang, 2)
            if o is not None and not math.isnan(o.year_to_date)
            else "–"
            for _, o, _ in rows
        ],
        t("outlook.col.known"): [
            t("outlook.known", n=o.known, m=o.periods, period=format_period(o.last_known, lang))
            if o is not None and o.last_known is not None
            else "–"
            for _, o, _ in rows
        ],
        t("outlook.col.reason"): [t(reason) if reason else "" for _, _, reason in rows],
    }
)
lights = [o.light if o is not None else "none" for _, o, _ in rows]
probability_column = t("outlook.col.probability")
styled = table.style.apply(
    lambda column: [
        f"background-color: {CELL_COLOURS[light]}" if light in CELL_COLOURS else ""
        for light in lights
    ],
    subset=[probability_column],
)
st.dataframe(styled, hide_index=True, width="stretch")
st.subheader(t("outlook.history"))
st.caption(t("outlook.history_caption"))
history = cache.outlook_history(engine, int(year), version, dt.date.today())
if history.empty:
    st.info(t("outlook.history_none"))
else:
    show_chart(
        probability_history_chart(
            history,
            f"name_{lang}",
            {
                "day": t("outlook.history_day"),
                "probability": t("outlook.col.probability"),
                "target": t("outlook.col.target_name"),
                "green_at": GREEN_AT,
                "red_below": RED_BELOW,
            },
            lang,
        ),
        f"outlook-{year}",
        "outlook-history",
    )
with st.expander(t("outlook.how")):
    st.markdown(t("outlook.method"))
    st.markdown(t("outlook.judged_help"))
    if st.toggle(t("outlook.calibration_show"), key="outlook.calibration"):
        with st.spinner(t("outlook.computing")):
            checked = cache.outlook_calibration(engine, version, dt.date.today().year)
        if checked.empty:
            st.info(t("outlook.calibration_none"))
        else:
            found = scores(checked)
            st.markdown(
                t(
                    "outlook.calibration",
                    n=int(found["count"]),
                    targets=checked.groupby(["year", "name_en"]).ngroups,
                    outlook=format_number(found["outlook"], lang, 3),
                    coin=format_number(found["coin"], lang, 3),
                    latest=format_number(found["latest_meets"], lang, 3),
                )
            )
