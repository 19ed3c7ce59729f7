"""Cung cấp số liệu: a data officer submits and corrects its agency's indicators; everyone with
access sees what each agency has supplied, when, and by whom.

A value far from the indicator's recent ones (``analytics.plausibility``) is not sent until the
officer ticks a confirmation that names that value and period; typing another value asks again.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.formatting import format_date, format_number, format_period, parse_number_text
from analytics.plausibility import PlausibleRange, nearest_values, plausible_range
from domain.errors import CockpitError
from domain.periods import parse_period, period_label, statistical_bounds
from domain.vocabulary import Action, Frequency, Role, Status
from services import intake
from services.observations import correct_observation, submit_observation, today
from services.permissions import can
from ui import cache
from ui.auth import current_user
from ui.data_age_view import show_age
from ui.i18n import current_language, error_text, t
from ui.intake_view import show_flash, show_history, show_submission

lang = current_language()
user = current_user()
engine, version = cache.current_version()
agencies = cache.agencies(engine, version)
agency_names = dict(
    zip(agencies["code"], agencies["name_vi" if lang == "vi" else "name_en"], strict=True)
)

st.title(t("supply.title"))
if user.role == Role.DATA_OFFICER:
    agency = user.agency_code
else:
    agency = st.selectbox(
        t("supply.agency_pick"), list(agency_names), format_func=lambda c: agency_names[c]
    )
status = cache.supply_status(engine, agency, version)
merged_into = agencies.set_index("code")["successor_code"].get(agency)
if isinstance(merged_into, str):
    evidence = agencies.set_index("code")["evidence"].get(agency)
    st.warning(
        t(
            "supply.agency_merged",
            agency=agency_names.get(agency, agency),
            successor=agency_names.get(merged_into, merged_into),
            evidence=t(f"agency.evidence.{evidence}") if isinstance(evidence, str) else "",
        ),
        icon=":material/merge:",
    )

owed = intake.owed_by(engine, agency, today())
if status.empty and not owed:
    st.info(t("supply.no_indicators", agency=agency_names.get(agency, agency)))
    st.stop()

names = {} if status.empty else dict(zip(status["code"], status[f"name_{lang}"], strict=True))
frequencies = {} if status.empty else dict(zip(status["code"], status["frequency"], strict=True))


def _unusual(code: str, period: pd.Period, value: float) -> PlausibleRange | None:
    """The plausible range of ``code`` near ``period`` if ``value`` lies outside it."""
    recent = cache.observations(engine, (code,), version)
    bounds = plausible_range(nearest_values(recent, statistical_bounds(period)[0]))
    return bounds if bounds is not None and not bounds.contains(value) else None


if not status.empty and can(user, Action.OBSERVATION_SUBMIT, agency_code=agency):
    st.caption(t("supply.intro", agency=agency_names.get(agency, agency)))
    with st.form("supply.form"):
        code = st.selectbox(
            t("supply.indicator"), list(names), format_func=lambda c: f"{names[c]} · {c}"
        )
        left, middle, right = st.columns(3)
        period_text = left.text_input(t("supply.period"), help=t("explore.period_help"))
        value_text = middle.text_input(t("supply.value"))
        kind = right.radio(
            t("supply.kind"),
            ("submit", "correct"),
            format_func=lambda k: t(f"supply.kind.{k}"),
            horizontal=True,
        )
        status_choice = left.selectbox(
            t("supply.status"), list(Status), format_func=lambda s: t(f"status.{s}")
        )
        source = middle.text_input(t("supply.source"))
        reason = right.text_input(t("supply.reason"))
        try:
            period = parse_period(period_text, frequencies[code])
            value = parse_number_text(value_text, lang)
        except CockpitError as error:
            typed_error, unusual = error, None
        else:
            typed_error, unusual = None, _unusual(code, period, value)
        # The label names the value, indicator and period, so a confirmation holds for them alone.
        confirmed = unusual is not None and st.checkbox(
            t(
                "supply.confirm_unusual",
                value=value_text.strip(),
                code=code,
                period=format_period(period, lang),
            )
        )
        sent = st.form_submit_button(t("supply.submit"), type="primary")
    if sent and typed_error is not None:
        st.error(error_text(typed_error), icon=":material/block:")
    elif sent and unusual is not None and not confirmed:
        decimals = 0 if abs(unusual.median) >= 100 else 2
        st.warning(
            t(
                "supply.unusual",
                value=value_text.strip(),
                count=unusual.count,
                median=format_number(unusual.median, lang, decimals),
                low=format_number(unusual.low, lang, decimals),
                high=format_number(unusual.high, lang, decimals),
            ),
            icon=":material/warning:",
        )
    elif sent:
        start, end = statistical_bounds(period)
        try:
            if kind == "submit":
                submit_observation(engine, user, code, start, end, value, status_choice, source)
            else:
                correct_observation(engine, user, code, start, end, value, source, reason)
        except CockpitError as error:
            st.error(error_text(error), icon=":material/block:")
        else:
            st.success(
                t("supply.submitted", code=code, period=format_period(period, lang)),
                icon=":material/check_circle:",
            )
            status = cache.supply_status(engine, agency, cache.current_version()[1])

if can(user, Action.INTAKE_UPLOAD, agency_code=agency):
    st.subheader(t("intake.template_title"))
    agency_name = agency_names.get(agency, agency)
    st.caption(t("intake.template_intro", agency=agency_name))
    show_flash()
    asked = st.text_input(
        t("intake.template_period"), value=period_label(pd.Period(today(), "M") - 1)
    )
    try:
        template_period = parse_period(asked)
    except CockpitError as error:
        st.error(error_text(error), icon=":material/block:")
    else:
        shown_period = format_period(template_period, lang)
        guide = [
            t(f"intake.guide.{n}", agency=agency_name, period=shown_period) for n in (1, 2, 3, 4)
        ]
        left, right = st.columns(2)
        stem = f"{agency}-{period_label(template_period)}"
        left.download_button(
            t("intake.template_xlsx"),
            cache.template(
                engine,
                agency,
                period_label(template_period),
                "xlsx",
                tuple(guide),
                t("intake.template_guide"),
                version,
            ),
            file_name=f"{stem}.xlsx",
            icon=":material/download:",
        )
        right.download_button(
            t("intake.template_csv"),
            cache.template(engine, agency, period_label(template_period), "csv", (), "", version),
            file_name=f"{stem}.csv",
            mime="text/csv",
            icon=":material/download:",
        )
    sent_file = st.file_uploader(t("intake.upload"), type=["csv", "xlsx", "xls"])
    if sent_file is not None and st.button(t("intake.check"), key="intake.check"):
        try:
            staged = intake.stage_upload(
                engine, user, agency, sent_file.name, sent_file.getvalue(), lang
            )
        except CockpitError as error:
            st.error(error_text(error), icon=":material/block:")
        else:
            st.session_state["intake.submission"] = staged.submission_id
            key = "intake.already" if staged.already else "intake.staged"
            st.info(t(key, id=staged.submission_id, file=sent_file.name))
    chosen = st.session_state.get("intake.submission")
    if chosen is not None:
        show_submission(engine, chosen, lang, st.rerun)
    show_history(engine, agency, lang)

if status.empty:
    st.subheader(t("supply.owed_title"))
    st.caption(t("supply.owed", agency=agency_names.get(agency, agency), n=len(owed)))
    st.dataframe(
        {
            t("intake.col.indicator"): [code for code, _ in sorted(owed)],
            t("intake.col.geography"): [place for _, place in sorted(owed)],
        },
        hide_index=True,
        width="stretch",
    )
else:
    st.subheader(t("supply.status_title"))
    st.dataframe(
        {
            t("supply.indicator"): [f"{names[c]} · {c}" for c in status["code"]],
            t("supply.last_period"): [
                format_period(pd.Period(d, Frequency.parse(f).pandas), lang) if pd.notna(d) else "–"
                for d, f in zip(status["last_period"], status["frequency"], strict=True)
            ],
            t("supply.last_vintage"): [
                format_date(d, lang) if pd.notna(d) else "–" for d in status["last_vintage"]
            ],
            t("supply.recorded_by"): status["last_recorded_by"].fillna("–"),
        },
        hide_index=True,
        width="stretch",
    )
    show_age(
        [
            pd.Period(d, Frequency.parse(f).pandas)
            for d, f in zip(status["last_period"], status["frequency"], strict=True)
            if pd.notna(d)
        ],
        lang,
    )
