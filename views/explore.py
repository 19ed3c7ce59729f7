"""Khám phá: search the catalogue, chart up to six indicators with FRED-style transformations,
see the table and download exactly what is shown. The whole view lives in the URL."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from analytics.export import metadata_frame, to_csv_bytes, to_xlsx_bytes
from analytics.formatting import format_date, format_number
from analytics.search import search_catalogue
from charts.builders import series_chart
from domain.errors import InputError
from domain.headlines import HEADLINE_CODES
from domain.periods import parse_period
from ui import cache, state
from ui.agencies_view import agency_name
from ui.chart_view import show_chart
from ui.data_age_view import show_age
from ui.definitions_view import definition_line
from ui.explore_choices import settle
from ui.explore_data import build, forecast_rows, forecastable_codes, rate_codes
from ui.explore_export import export_rows, metadata_items
from ui.forecast_view import published_caption
from ui.i18n import current_language, error_text, t, unit_text
from ui.markdown import plain
from ui.revisions_view import show_revisions
from ui.steps import describe_steps
from ui.view_state import (
    AGGREGATIONS,
    COMPARE_MODES,
    EARLIEST_ASOF,
    FREQUENCIES,
    MAX_INDICATORS,
    ExploreView,
    parse_view,
    view_params,
)

lang = current_language()
engine, version = cache.current_version()
catalogue = cache.catalogue(engine, version)
names = dict(
    zip(catalogue["code"], catalogue["name_vi" if lang == "vi" else "name_en"], strict=True)
)

st.title(t("explore.title"))

url = st.query_params.to_dict()
url_key = repr(sorted((k, v) for k, v in url.items() if k != "lang"))
# Apply the link when it is new, or when the widgets' state was dropped because another page ran
# in between (Streamlit forgets the state of widgets a run did not draw).
widgets_forgotten = state.EXPLORE_CODES not in st.session_state
if st.session_state.get(state.EXPLORE_APPLIED_URL) != url_key or widgets_forgotten:
    view = parse_view(url, set(names))
    for error in view.errors:
        st.warning(error_text(error), icon=":material/warning:")
    st.session_state[state.EXPLORE_CODES] = list(view.codes)
    st.session_state[state.EXPLORE_TRANSFORM] = view.transform
    st.session_state[state.EXPLORE_FREQ] = view.freq
    st.session_state[state.EXPLORE_HOW] = view.how
    st.session_state[state.EXPLORE_START] = view.start
    st.session_state[state.EXPLORE_END] = view.end
    st.session_state[state.EXPLORE_COMPARE] = view.compare
    st.session_state[state.EXPLORE_WINDOW] = view.window
    st.session_state[state.EXPLORE_BASE] = view.base
    st.session_state[state.EXPLORE_ASOF] = dt.date.fromisoformat(view.asof) if view.asof else None

search_column, field_column = st.columns([3, 2])
query = search_column.text_input(
    t("explore.search"), key=state.EXPLORE_SEARCH, placeholder=t("explore.search_placeholder")
)
field_names = dict(
    zip(catalogue["field_code"], catalogue["field_vi" if lang == "vi" else "field_en"], strict=True)
)
field = field_column.selectbox(
    t("explore.field"),
    [0, *sorted(field_names)],
    key=state.EXPLORE_FIELD,
    format_func=lambda code: t("explore.field_all")
    if code == 0
    else f"{code}. {field_names[code]}",
    help=t("explore.field_note"),
)
candidates = catalogue if not field else catalogue[catalogue["field_code"] == field]
matches = search_catalogue(candidates, query, preferred=HEADLINE_CODES)
search_column.caption(t("explore.results", n=len(matches)))

chosen = [c for c in st.session_state.get(state.EXPLORE_CODES, []) if c in names]
options = list(dict.fromkeys([*chosen, *matches["code"]]))
codes = st.multiselect(
    t("explore.indicators"),
    options,
    key=state.EXPLORE_CODES,
    max_selections=MAX_INDICATORS,
    format_func=lambda code: f"{names[code]} · {code}",
    placeholder=t("explore.indicators_placeholder"),
)

# Only what makes sense for these indicators' kinds is offered; a refused choice says why.
choices = settle(
    codes,
    catalogue,
    st.session_state.get(state.EXPLORE_TRANSFORM, "level"),
    st.session_state.get(state.EXPLORE_FREQ, ""),
    st.session_state.get(state.EXPLORE_HOW, "mean"),
    st.session_state.get(state.EXPLORE_COMPARE, "own"),
)
for refusal in choices.refusals:
    st.warning(error_text(refusal), icon=":material/block:")
st.session_state[state.EXPLORE_TRANSFORM] = choices.transform
st.session_state[state.EXPLORE_FREQ] = choices.freq
st.session_state[state.EXPLORE_HOW] = choices.how
st.session_state[state.EXPLORE_COMPARE] = choices.compare

controls = st.columns([3, 2, 2, 2, 2])
transform = controls[0].selectbox(
    t("explore.transform"),
    choices.transforms,
    key=state.EXPLORE_TRANSFORM,
    format_func=lambda name: t(f"transform.{name}"),
)
freq = controls[1].selectbox(
    t("explore.frequency"),
    FREQUENCIES,
    key=state.EXPLORE_FREQ,
    format_func=lambda f: t("explore.frequency.native") if not f else t(f"frequency.{f}"),
)
how = controls[2].selectbox(
    t("explore.aggregation"),
    choices.aggregations or AGGREGATIONS,
    key=state.EXPLORE_HOW,
    format_func=lambda h: t(f"aggregation.{h}"),
    disabled=not freq or not choices.aggregations,
)
start = controls[3].text_input(
    t("explore.start"), key=state.EXPLORE_START, help=t("explore.period_help")
)
end = controls[4].text_input(t("explore.end"), key=state.EXPLORE_END, help=t("explore.period_help"))

extra = st.columns([3, 2, 2, 4])
compare = extra[0].radio(
    t("explore.compare"),
    COMPARE_MODES,
    key=state.EXPLORE_COMPARE,
    format_func=lambda mode: t(f"explore.compare.{mode}"),
    horizontal=True,
    disabled=not choices.can_rebase,
)
window = st.session_state.get(state.EXPLORE_WINDOW, 3)
if transform == "moving_average":
    window = extra[1].number_input(
        t("explore.window"), min_value=2, max_value=36, step=1, key=state.EXPLORE_WINDOW
    )
as_of = extra[3].date_input(
    t("explore.asof"),
    key=state.EXPLORE_ASOF,
    min_value=EARLIEST_ASOF,
    max_value=dt.date.today(),
    format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD",
    help=t("explore.asof_help"),
)
base = st.session_state.get(state.EXPLORE_BASE, "")
if transform == "rebase":
    base = extra[2].text_input(
        t("explore.base_period"), key=state.EXPLORE_BASE, help=t("explore.period_help")
    )


def _checked_period(value: str) -> str:
    """A typed period if it is valid; otherwise the error is shown and no bound is applied."""
    if not value.strip():
        return ""
    try:
        parse_period(value.strip())
    except InputError as error:
        st.error(error_text(error), icon=":material/block:")
        return ""
    return value.strip()


view = ExploreView(
    codes=tuple(codes),
    transform=transform,
    freq=freq,
    how=how,
    start=_checked_period(start),
    end=_checked_period(end),
    compare=compare,
    window=int(window),
    base=_checked_period(base),
    asof=as_of.isoformat() if as_of else "",
)
params = view_params(view)
if lang != "vi":
    params["lang"] = lang
if params != st.query_params.to_dict():
    st.query_params.from_dict(params)
st.session_state[state.EXPLORE_APPLIED_URL] = repr(
    sorted((k, v) for k, v in params.items() if k != "lang")
)

if not view.codes:
    st.info(t("explore.pick_prompt"), icon=":material/touch_app:")
    st.stop()

rates = rate_codes(view, catalogue)
observations = cache.observations(
    engine, tuple(dict.fromkeys([*view.codes, *rates.values()])), version, as_of
)
if as_of:
    st.info(t("explore.asof_shown", date=format_date(as_of, lang)), icon=":material/history:")
    if observations.empty:
        st.warning(t("explore.asof_nothing", date=format_date(as_of, lang)), icon=":material/info:")
result = build(view, observations, catalogue, lang)
for error in result.errors:
    st.warning(error_text(error), icon=":material/warning:")

if not result.frame.empty:
    units = result.frame["unit"].unique()
    separate = view.compare == "own" and len(view.codes) > 1
    _, forecast_version = cache.current_forecast_version()
    published = {
        code: stored
        for code in forecastable_codes(view, list(result.steps), catalogue)
        if (stored := cache.latest_published(engine, code, view.transform, forecast_version))
    }
    forecasts = forecast_rows(result.frame, published, view, lang)
    show_chart(
        series_chart(
            result.frame,
            lang=lang,
            separate_axes=separate,
            value_title=units[0] if len(units) == 1 else "",
            forecasts=forecasts,
        ),
        "-".join(view.codes),
        "explore",
    )
    st.caption(t("explore.applied", steps=describe_steps(result.steps, view, lang)))
    show_age([parse_period(label) for label in result.frame["period_label"]], lang)
    for code, (rate_code, published_count, computed_count) in result.rates.items():
        st.caption(
            t(
                "explore.rate_published",
                name=plain(names[code]),
                rate=plain(rate_code),
                n=published_count,
            )
            + (" " + t("explore.rate_computed", n=computed_count) if computed_count else ""),
            help=t("explore.rate_help"),
        )
    for code in dict.fromkeys(forecasts.get("code", [])):
        st.caption(published_caption(published[code], names[code], lang))

    meta = catalogue.set_index("code")
    for code in dict.fromkeys(result.frame["code"]):
        info = meta.loc[code]
        shown = result.frame[result.frame["code"] == code]
        latest_status = observations[observations["indicator_code"] == code]["status"].iloc[-1]
        st.markdown(f"**{plain(names[code])}** · {plain(code)}")
        st.caption(
            " · ".join(
                [
                    f"{t('explore.meta.unit')}: {unit_text(info['unit'], lang)}",
                    f"{t('explore.meta.source')}: {plain(info['source'])}",
                    f"{t('explore.meta.agency')}: "
                    f"{plain(agency_name(info[f'agency_{lang}'], info['agency_evidence']))}",
                    f"{t('explore.meta.updated')}: {format_date(info['last_vintage'], lang)}",
                    f"{t('explore.meta.status')}: {t(f'status.{latest_status}')}",
                    f"{t('explore.meta.coverage')}: {shown['period'].iloc[0]} – "
                    f"{shown['period'].iloc[-1]}",
                ]
            )
        )
        st.caption(definition_line(info, lang))

    st.subheader(t("explore.table"))
    table = result.frame.pivot_table(
        index=["date", "period"], columns="label", values="value", sort=False
    ).sort_index()
    table = table.map(lambda v: format_number(v, lang, 2))
    table.index = table.index.get_level_values("period")
    table.index.name = t("explore.column.period")
    st.dataframe(table, width="stretch")

    show_revisions(engine, version, list(dict.fromkeys(result.frame["code"])), catalogue, lang)

    include_forecasts = not forecasts.empty and st.checkbox(
        t("export.include_forecasts"), key=state.EXPLORE_EXPORT_FORECASTS
    )
    export = export_rows(result, view, forecasts if include_forecasts else None, lang, published)
    metadata = metadata_items(
        result,
        view,
        catalogue,
        observations,
        as_of,
        st.context.url or "/kham-pha",
        dt.datetime.now(dt.UTC).replace(tzinfo=None),
        lang,
    )
    meta_columns = (t("export.meta.field"), t("export.meta.value"))
    # The files are made on every run (a few milliseconds each): made only when the button was
    # pressed, a browser test on a loaded machine once left the button spinning for good.
    downloads = st.columns([1, 1, 6])
    downloads[0].download_button(
        t("explore.download_csv"),
        to_csv_bytes(export, metadata),
        file_name="cockpit.csv",
        mime="text/csv",
        icon=":material/download:",
    )
    downloads[1].download_button(
        t("explore.download_xlsx"),
        to_xlsx_bytes(
            {
                t("export.sheet.data"): export,
                t("export.sheet.metadata"): metadata_frame(metadata, meta_columns),
            }
        ),
        file_name="cockpit.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )
