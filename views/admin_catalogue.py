"""Danh mục và mục tiêu: an administrator corrects indicator descriptions and plan targets."""

from __future__ import annotations

import streamlit as st

from domain.errors import CockpitError
from services.catalogue import set_target, update_indicator
from ui import cache
from ui.auth import current_user
from ui.i18n import current_language, error_text, t

lang = current_language()
admin = current_user()
engine, version = cache.current_version()
catalogue = cache.catalogue(engine, version)
names = dict(
    zip(catalogue["code"], catalogue["name_vi" if lang == "vi" else "name_en"], strict=True)
)


def _saved(action, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
    try:
        action(engine, admin, *args, **kwargs)
    except CockpitError as error:
        st.error(error_text(error), icon=":material/block:")
    else:
        st.success(t("catalogue.saved"), icon=":material/check_circle:")


st.title(t("catalogue.title"))
code = st.selectbox(
    t("catalogue.indicator"), list(names), format_func=lambda c: f"{names[c]} · {c}"
)
row = catalogue.set_index("code").loc[code]
with st.form("catalogue.indicator"):
    name_vi = st.text_input(t("catalogue.name_vi"), value=row["name_vi"])
    name_en = st.text_input(t("catalogue.name_en"), value=row["name_en"])
    unit = st.text_input(t("explore.column.unit"), value=row["unit"])
    if st.form_submit_button(t("catalogue.save"), type="primary"):
        _saved(update_indicator, code, name_vi=name_vi, name_en=name_en, unit=unit)

st.subheader(t("catalogue.targets"))
targets = cache.plan_targets(engine, version)
year = st.selectbox(t("catalogue.plan_year"), sorted(targets["plan_year"].unique(), reverse=True))
of_year = targets[targets["plan_year"] == year].set_index("name_vi")
name = st.selectbox(t("catalogue.target_row"), list(of_year.index))
target = of_year.loc[name]
with st.form("catalogue.target"):
    text = st.text_input(t("catalogue.target_text"), value=target["target_text"] or "")
    resolution = st.text_input(t("catalogue.resolution"), value=target["resolution"] or "")
    confirmed = st.checkbox(
        t("catalogue.resolution_confirmed"), value=bool(target["resolution_confirmed"])
    )
    if st.form_submit_button(t("catalogue.save"), type="primary"):
        _saved(
            set_target,
            int(year),
            name,
            text,
            resolution=resolution,
            resolution_confirmed=confirmed,
        )
