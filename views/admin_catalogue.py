"""Danh mục và mục tiêu: an administrator adds and corrects indicators, reassigns the agency
responsible for one, and sets plan targets, for a year already planned or a new one."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from analytics.formatting import format_date
from domain.errors import CockpitError
from domain.vocabulary import NATIONAL_GEOGRAPHY, Frequency, IndicatorKind, Regime
from services import catalogue as catalogue_service
from services import obligations as obligations_service
from ui import cache, state
from ui.agencies_view import agencies_table, agency_name, responsibility_lines
from ui.auth import current_user
from ui.i18n import current_language, error_text, t
from ui.markdown import plain

lang = current_language()
name_column = "name_vi" if lang == "vi" else "name_en"
admin = current_user()
engine, version = cache.current_version()
catalogue = cache.catalogue(engine, version)
names = dict(zip(catalogue["code"], catalogue[name_column], strict=True))
agencies = cache.agencies(engine, version)
agency_names = dict(zip(agencies["code"], agencies[name_column], strict=True))
fields = catalogue_service.fields(engine)
field_names = dict(zip(fields["code"], fields[name_column], strict=True))
saved_round = st.session_state.get(state.ADMIN_ROUND, 0)


agency_evidence = dict(zip(agencies["code"], agencies["evidence"], strict=True))


def _agency_label(code: str | None) -> str:
    if code is None:
        return t("catalogue.no_agency")
    return f"{agency_name(agency_names[code], agency_evidence.get(code))} · {code}"


def _key(name: str) -> str:
    """A widget's key in this round of the page's forms (a saved form comes back empty)."""
    return f"catalogue.{name}.{saved_round}"


def _saved(action, *args, notice: tuple[str, dict], **kwargs) -> None:  # type: ignore[no-untyped-def]
    """Run ``action`` as the admin; on success, start the page again with the notice shown."""
    try:
        action(engine, admin, *args, **kwargs)
    except CockpitError as error:
        st.error(error_text(error), icon=":material/block:")
    else:
        st.session_state[state.ADMIN_NOTICE] = notice
        st.session_state[state.ADMIN_ROUND] = saved_round + 1
        st.rerun()


st.title(t("catalogue.title"))
notice = st.session_state.pop(state.ADMIN_NOTICE, None)
if notice:
    st.success(t(notice[0], **notice[1]), icon=":material/check_circle:")

code = st.selectbox(
    t("catalogue.indicator"),
    list(names),
    format_func=lambda c: f"{names[c]} · {c}",
    key="catalogue.code_pick",
)
row = catalogue.set_index("code").loc[code]
agency_options = [None, *agency_names]
current_agency = row["agency_code"] if row["agency_code"] in agency_names else None
with st.form(f"catalogue.indicator.{code}"):
    name_vi = st.text_input(
        t("catalogue.name_vi"), value=row["name_vi"], key=_key(f"name_vi.{code}")
    )
    name_en = st.text_input(
        t("catalogue.name_en"), value=row["name_en"], key=_key(f"name_en.{code}")
    )
    unit = st.text_input(t("catalogue.unit"), value=row["unit"], key=_key(f"unit.{code}"))
    kinds = list(IndicatorKind)
    kind = st.selectbox(
        t("catalogue.kind"),
        kinds,
        index=kinds.index(row["kind"]) if row["kind"] in kinds else None,
        format_func=lambda k: t(f"kind.{k}"),
        placeholder=t("catalogue.kind_placeholder"),
        help=t("catalogue.kind_help"),
        key=_key(f"kind.{code}"),
    )
    agency = st.selectbox(
        t("catalogue.agency"),
        agency_options,
        index=agency_options.index(current_agency),
        format_func=_agency_label,
        key=_key(f"agency.{code}"),
    )
    if st.form_submit_button(t("catalogue.save"), type="primary"):
        _saved(
            catalogue_service.update_indicator,
            code,
            name_vi=name_vi,
            name_en=name_en,
            unit=unit,
            **({"kind": kind} if kind else {}),
            agency_code=agency,
            notice=("catalogue.saved", {}),
        )

history = cache.indicator_agency_history(engine, code, version)
if not history.empty:
    st.caption(t("agency.history_title"))
    for line in responsibility_lines(history, agencies, lang):
        st.caption(f"- {plain(line)}")

with st.expander(t("agency.title")):
    st.dataframe(agencies_table(agencies, lang), hide_index=True, width="stretch")

with st.expander(t("catalogue.add_indicator")), st.form(_key("add")):
    new_code = st.text_input(t("catalogue.code"), key=_key("new.code"))
    new_vi = st.text_input(t("catalogue.name_vi"), key=_key("new.name_vi"))
    new_en = st.text_input(t("catalogue.name_en"), key=_key("new.name_en"))
    new_unit = st.text_input(t("catalogue.unit"), key=_key("new.unit"))
    new_frequency = st.selectbox(
        t("catalogue.frequency"),
        list(Frequency),
        format_func=lambda f: t(f"frequency.{f}"),
        key=_key("new.frequency"),
    )
    new_field = st.selectbox(
        t("catalogue.field"),
        list(field_names),
        format_func=lambda f: f"{f}. {field_names[f]}",
        key=_key("new.field"),
    )
    new_agency = st.selectbox(
        t("catalogue.agency"), agency_options, format_func=_agency_label, key=_key("new.agency")
    )
    new_kind = st.selectbox(
        t("catalogue.kind"),
        list(IndicatorKind),
        index=None,
        format_func=lambda k: t(f"kind.{k}"),
        placeholder=t("catalogue.kind_placeholder"),
        help=t("catalogue.kind_help"),
        key=_key("new.kind"),
    )
    new_source = st.text_input(t("catalogue.source"), key=_key("new.source"))
    if st.form_submit_button(t("catalogue.add_indicator"), type="primary"):
        _saved(
            catalogue_service.add_indicator,
            new_code,
            name_vi=new_vi,
            name_en=new_en,
            unit=new_unit,
            frequency=new_frequency,
            field_code=new_field,
            agency_code=new_agency,
            source=new_source,
            kind=new_kind,
            notice=("catalogue.added", {"code": new_code.strip().upper()}),
        )

st.subheader(t("catalogue.targets"))
targets = cache.plan_targets(engine, version)
years = sorted(targets["plan_year"].unique(), reverse=True)
if not years:
    st.info(t("catalogue.no_targets"), icon=":material/info:")
else:
    year = st.selectbox(t("catalogue.plan_year"), years, key="catalogue.year_pick")
    of_year = targets[targets["plan_year"] == year].set_index("name_vi")
    name = st.selectbox(t("catalogue.target_row"), list(of_year.index), key="catalogue.row_pick")
    target = of_year.loc[name]
    with st.form(f"catalogue.target.{year}.{name}"):
        text = st.text_input(
            t("catalogue.target_text"),
            value=target["target_text"] or "",
            key=_key(f"target_text.{year}.{name}"),
        )
        resolution = st.text_input(
            t("catalogue.resolution"),
            value=target["resolution"] or "",
            key=_key(f"resolution.{year}.{name}"),
        )
        confirmed = st.checkbox(
            t("catalogue.resolution_confirmed"),
            value=bool(target["resolution_confirmed"]),
            key=_key(f"resolution_confirmed.{year}.{name}"),
        )
        if st.form_submit_button(t("catalogue.save"), type="primary"):
            _saved(
                catalogue_service.set_target,
                int(year),
                name,
                text,
                resolution=resolution,
                resolution_confirmed=confirmed,
                notice=("catalogue.saved", {}),
            )

with st.expander(t("catalogue.add_target")), st.form(_key("add_target")):
    next_year = int(max(years)) + 1 if years else dt.date.today().year
    plan_year = st.number_input(
        t("catalogue.plan_year"),
        min_value=2000,
        max_value=2100,
        value=next_year,
        step=1,
        key=_key("new_target.year"),
    )
    target_vi = st.text_input(t("catalogue.target_name_vi"), key=_key("new_target.name_vi"))
    target_en = st.text_input(t("catalogue.target_name_en"), key=_key("new_target.name_en"))
    target_unit = st.text_input(t("catalogue.unit"), key=_key("new_target.unit"))
    target_text = st.text_input(t("catalogue.target_text"), key=_key("new_target.text"))
    target_resolution = st.text_input(t("catalogue.resolution"), key=_key("new_target.resolution"))
    target_source = st.text_input(t("catalogue.source"), key=_key("new_target.source"))
    if st.form_submit_button(t("catalogue.add_target"), type="primary"):
        _saved(
            catalogue_service.set_target,
            int(plan_year),
            target_vi.strip(),
            target_text,
            name_en=target_en.strip() or None,
            unit=target_unit.strip() or None,
            resolution=target_resolution.strip() or None,
            source=target_source.strip() or None,
            notice=("catalogue.target_added", {"year": int(plan_year), "name": target_vi.strip()}),
        )

st.subheader(t("obligation.title"))
st.caption(t("obligation.intro"))
owner = st.selectbox(
    t("obligation.agency"),
    list(agency_names),
    format_func=_agency_label,
    key="catalogue.obligation.agency",
)
owed = obligations_service.of_agency(engine, owner)
if not owed.empty:
    st.dataframe(
        {
            "#": owed["id"],
            t("obligation.indicator"): [f"{names.get(c, c)} · {c}" for c in owed["indicator_code"]],
            t("obligation.geography"): owed["geography_code"],
            t("obligation.regime"): [t(f"regime.{r}") for r in owed["regime"]],
            t("obligation.valid_from"): [
                format_date(d, lang) if pd.notna(d) else "–" for d in owed["valid_from"]
            ],
            t("obligation.valid_to"): [
                format_date(d, lang) if pd.notna(d) else "–" for d in owed["valid_to"]
            ],
        },
        hide_index=True,
        width="stretch",
    )
with st.expander(t("obligation.add")), st.form(_key("obligation.add")):
    code = st.selectbox(
        t("obligation.indicator"),
        list(names),
        format_func=lambda c: f"{names[c]} · {c}",
        key=_key("obligation.indicator"),
    )
    place = st.text_input(
        t("obligation.geography"), value=NATIONAL_GEOGRAPHY, key=_key("obligation.place")
    )
    regime = st.selectbox(
        t("obligation.regime"),
        list(Regime),
        format_func=lambda r: t(f"regime.{r}"),
        key=_key("obligation.regime"),
    )
    since = st.date_input(
        t("obligation.valid_from"), value=None, format="DD/MM/YYYY", key=_key("obligation.since")
    )
    if st.form_submit_button(t("obligation.add"), type="primary"):
        _saved(
            obligations_service.assign,
            owner,
            code,
            place.strip().upper(),
            regime,
            since,
            notice=(
                "obligation.added",
                {"agency": agency_names.get(owner, owner), "code": code, "geography": place},
            ),
        )
in_force = owed[owed["valid_to"].isna()] if not owed.empty else owed
if not in_force.empty:
    with st.expander(t("obligation.end")), st.form(_key("obligation.end")):
        chosen = st.selectbox(
            t("obligation.end_pick"),
            list(in_force["id"]),
            format_func=lambda i: " · ".join(
                str(v)
                for v in in_force.set_index("id").loc[i, ["indicator_code", "geography_code"]]
            ),
            key=_key("obligation.pick"),
        )
        last = st.date_input(
            t("obligation.end_day"),
            value=dt.date.today(),
            format="DD/MM/YYYY",
            key=_key("obligation.last"),
        )
        if st.form_submit_button(t("obligation.end")):
            _saved(
                obligations_service.end,
                int(chosen),
                last,
                notice=("obligation.ended", {"day": format_date(last, lang)}),
            )
