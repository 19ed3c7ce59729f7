"""Nhập biểu GSO: an analyst or an admin imports GSO's monthly workbook; its tables are read,
checked and staged, shown, then confirmed as new vintages dated by GSO's release."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from domain.errors import CockpitError
from domain.vocabulary import Frequency
from services import intake
from ui import cache
from ui.auth import current_user
from ui.data_age_view import show_age
from ui.i18n import current_language, error_text, t
from ui.intake_view import show_flash, show_history, show_submission

lang = current_language()
user = current_user()
engine, version = cache.current_version()

st.title(t("gso.title"))
st.caption(t("gso.intro"))
held = cache.supply_status(engine, intake.GSO_AGENCY, version)
show_age(
    [
        pd.Period(d, Frequency.parse(f).pandas)
        for d, f in zip(held["last_period"], held["frequency"], strict=True)
        if pd.notna(d)
    ],
    lang,
)
show_flash()
workbook = st.file_uploader(t("gso.file"), type=["xlsx", "xls"])
suggested = intake.suggested_release_date(workbook.name if workbook is not None else "")
released = st.date_input(
    t("gso.release_date"),
    value=suggested,
    help=t("gso.release_help"),
    format="DD/MM/YYYY",
    key=f"gso.released.{workbook.name if workbook is not None else ''}",
)
if workbook is not None and st.button(t("intake.check"), key="gso.check"):
    try:
        staged = intake.stage_gso_workbook(
            engine, user, workbook.name, workbook.getvalue(), released, lang
        )
    except CockpitError as error:
        st.error(error_text(error), icon=":material/block:")
    else:
        st.session_state["gso.submission"] = staged.submission_id
        key = "intake.already" if staged.already else "intake.staged"
        st.info(t(key, id=staged.submission_id, file=workbook.name))
chosen = st.session_state.get("gso.submission")
if chosen is not None:
    show_submission(engine, chosen, lang, st.rerun)
show_history(engine, intake.GSO_AGENCY, lang)
