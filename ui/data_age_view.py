"""The line every page shows under what it draws: the newest period on the page, and its age.

"Số liệu mới nhất trên trang: Tháng 2/2025 — 21 tháng trước". The page passes the periods it shows
(not the date of the last write to the database: a test submission of an old month would make
the page look fresh); the age runs to the server's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd
import streamlit as st

from analytics.data_age import format_age, newest_shown
from analytics.formatting import format_period
from ui.i18n import t


def age_text(periods: Iterable[pd.Period | None], lang: str, today: dt.date) -> str | None:
    """The line for ``periods`` in ``lang`` on ``today``; None when the page shows no period."""
    age = newest_shown(periods, today)
    if age is None:
        return None
    newest = format_period(age.period, lang)
    if age.in_progress:
        return t("data_age.in_progress", period=newest)
    return t("data_age.line", period=newest, age=format_age(age, lang))


def show_age(periods: Iterable[pd.Period | None], lang: str) -> None:
    """Draw the age line of ``periods`` as a caption, if the page shows any period."""
    if line := age_text(periods, lang, dt.date.today()):
        st.caption(line, help=t("data_age.help"))
