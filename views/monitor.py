"""Tình hình cung cấp: who has supplied what for each recent period, on time or late, the live
count for the latest period, the overdue list for the next meeting, and each agency's timeliness.
The rules behind each deadline, and how sure we are of them, are on the page."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.export import to_csv_bytes
from analytics.formatting import format_date, format_number, format_period
from analytics.reporting_calendar import RULES
from analytics.supply_monitor import (
    overdue,
    supplied_count,
    timeliness,
    timeliness_by_period,
)
from services import monitor
from services.observations import today
from ui import cache
from ui.auth import current_user
from ui.data_age_view import show_age
from ui.i18n import current_language, t

lang = current_language()
user = current_user()
engine, version = cache.current_version()
agencies = cache.agencies(engine, version)
agency_name = dict(zip(agencies["code"], agencies[f"name_{lang}"], strict=True))
day = today()

st.title(t("monitor.title"))
cells = monitor.cells(engine, user, day)
if cells.empty:
    st.info(t("monitor.none"))
    st.stop()
name = f"name_{lang}"
monthly = cells[cells["frequency"] == "M"]
latest = pd.Period(day, "M") - 1  # the month last ended: what the next meeting asks about
have, owed = supplied_count(monthly, latest)
st.metric(
    t("monitor.count_label"), t("monitor.count", n=have, m=owed, period=format_period(latest, lang))
)
show_age([p for p in cells[cells["state"].isin(["on_time", "late", "revised"])]["period"]], lang)

state_text = {s: t(f"monitor.state.{s}") for s in cells["state"].unique()}
st.subheader(t("monitor.overdue"))
late = overdue(cells)
if late.empty:
    st.success(t("monitor.no_overdue"))
else:
    table = pd.DataFrame(
        {
            t("monitor.col.agency"): late["agency_code"].map(agency_name),
            t("monitor.col.indicator"): late[name] + " · " + late["indicator_code"],
            t("monitor.col.period"): [format_period(p, lang) for p in late["period"]],
            t("monitor.col.due"): [format_date(d, lang) for d in late["due"]],
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")
    st.download_button(
        t("monitor.download"),
        to_csv_bytes(table),
        file_name=f"overdue-{day.isoformat()}.csv",
        mime="text/csv",
        icon=":material/download:",
    )

st.subheader(t("monitor.timeliness"))
shares = timeliness(cells)
st.dataframe(
    pd.DataFrame(
        {
            t("monitor.col.agency"): shares["agency_code"].map(agency_name),
            **{
                t(f"monitor.state.{s}"): shares[s]
                for s in ("on_time", "revised", "late", "missing")
            },
            t("monitor.col.share"): [
                format_number(100 * v, lang, 0) + " %" if pd.notna(v) else "–"
                for v in shares["share_on_time"]
            ],
        }
    ),
    hide_index=True,
    width="stretch",
)

over_time = timeliness_by_period(cells)
if not over_time.empty:
    st.caption(t("monitor.over_time"))
    st.dataframe(
        pd.DataFrame(
            {
                format_period(pd.Period(label), lang): [
                    format_number(100 * v, lang, 0) + " %" if pd.notna(v) else "–"
                    for v in over_time[label]
                ]
                for label in over_time.columns
            },
            index=[agency_name.get(a, a) for a in over_time.index],
        ),
        width="stretch",
    )

st.subheader(t("monitor.grid"))
chosen = st.selectbox(
    t("monitor.col.agency"), sorted(cells["agency_code"].unique()), format_func=agency_name.get
)
mine = cells[cells["agency_code"] == chosen]
grid = mine.assign(
    label=mine[name] + " · " + mine["indicator_code"],
    column=[format_period(p, lang) for p in mine["period"]],
    shown=mine["state"].map(state_text),
).pivot_table(index="label", columns="column", values="shown", aggfunc="first", sort=False)
st.dataframe(grid, width="stretch")

with st.expander(t("monitor.rules")):
    for key, evidence in RULES:
        st.markdown(f"- {t(key)} ({t(f'agency.evidence.{evidence}')})")
