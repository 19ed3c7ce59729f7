"""Phòng dự báo (Forecast lab): an analyst picks an indicator and what to forecast, compares every
model's backtest, tunes one, reads its fan chart and residual diagnostics beside the last published
forecast, and publishes it; the track record shows how past publications did."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import streamlit as st

from analytics.diagnostics import autocorrelations, ljung_box, ljung_box_lags
from analytics.forecast_request import (
    DEFAULT_HORIZONS,
    TARGET_TRANSFORMS,
    format_outliers,
    parse_order,
    parse_outliers,
    prepare_target,
    unbroken_tail,
)
from analytics.forecast_tracking import errors_by_horizon
from analytics.formatting import format_date, format_number, format_percent, format_period
from analytics.observations import series
from analytics.realtime_record import series_record
from analytics.search import search_catalogue
from charts.builders import acf_chart, fan_chart
from charts.realtime import realtime_record_chart
from domain.errors import CockpitError, InputError, PermissionDenied
from domain.periods import PERIODS_PER_YEAR, normalise_frequency, parse_period
from domain.vocabulary import Action, Frequency, PageKey
from services import forecasts as forecast_service
from services.permissions import can, require_page
from ui import cache, state
from ui.auth import current_user
from ui.chart_view import show_chart
from ui.data_age_view import show_age
from ui.explore_data import shown_unit
from ui.forecast_view import (
    backtest_table,
    band_caption,
    choice_text,
    coverage_of,
    fan_frame,
    origin_text,
    result_frame,
    values_table,
)
from ui.i18n import TEXT, current_language, error_text, t, unit_text
from ui.markdown import plain
from ui.model_names import model_text

DEFAULT_CODE = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
# Model parameters the lab tunes with a choice; SEARCH lets the method search over it. (None is
# not an option: a select box shows None as "nothing chosen".)
SEARCH = "search"
CHOICES: dict[str, tuple[Any, ...]] = {
    "error": (SEARCH, "add", "mul"),
    "trend": (SEARCH, "none", "add", "mul"),
    "damped": (SEARCH, True, False),
    "seasonal": (SEARCH, "none", "add", "mul"),
    "constant": (SEARCH, True, False),
}
ORDERS = ("order", "seasonal_order")
NO_BOXCOX = "none"
BOXCOX: tuple[Any, ...] = (NO_BOXCOX, "auto", 0.0, 0.5)
MAX_HORIZON = 36
LJUNG_BOX_ALPHA = 0.05

lang = current_language()
user = current_user()
try:
    require_page(user, PageKey.FORECAST_LAB)  # app.py checks it too; never rely on that alone
except PermissionDenied as error:
    st.error(error_text(error), icon=":material/block:")
    st.stop()
st.title(t("lab.title"))
with st.spinner(t("lab.loading")):
    models = cache.forecast_models()
METHODS = ["auto", *(name for name in models if name != "combination")]

engine, version = cache.current_version()
_, forecast_version = cache.current_forecast_version()
catalogue = cache.catalogue(engine, version)
with_data = catalogue[catalogue["n_observations"].fillna(0) > 0]
names = dict(zip(catalogue["code"], catalogue[f"name_{lang}"], strict=True))
meta = catalogue.set_index("code")

# Keep the lab's choices when the analyst visits another page and comes back.
for key in [k for k in st.session_state if str(k).startswith("lab.")]:
    st.session_state[key] = st.session_state[key]
st.session_state.setdefault(state.LAB_CODE, DEFAULT_CODE if DEFAULT_CODE in names else None)
st.session_state.setdefault(state.LAB_TRANSFORM, "level")
st.session_state.setdefault(state.LAB_METHOD, "auto")
st.session_state.setdefault(state.LAB_WINDOW, 0)


def _label(key: str, fallback: str) -> str:
    """The translation of ``key``, or ``fallback`` when the table has none (a new model)."""
    return t(key) if key in TEXT["vi"] else fallback


def _method_label(name: str) -> str:
    return _label(f"lab.method.{name}", models[name].description if name in models else name)


def _choice_label(value: Any) -> str:
    return t(f"lab.choice.{str(value).lower()}")


def _boxcox_label(value: Any) -> str:
    if value in (NO_BOXCOX, "auto"):
        return t(f"lab.boxcox.{value}")
    return t("lab.boxcox.lambda", value=format_number(value, lang, 1))


def _reset_horizon() -> None:
    code = st.session_state.get(state.LAB_CODE)
    if code in meta.index:
        st.session_state[state.LAB_HORIZON] = DEFAULT_HORIZONS[
            Frequency.parse(meta.loc[code, "frequency"])
        ]


def _load_config(config: dict[str, Any]) -> None:
    settings = config["settings"]
    st.session_state[state.LAB_METHOD] = config["method"]
    for name in CHOICES:
        chosen = settings.get(name)
        st.session_state[state.LAB_PARAMETER + name] = SEARCH if chosen is None else chosen
    for name in ORDERS:
        order = settings.get(name)
        st.session_state[state.LAB_PARAMETER + name] = ",".join(map(str, order)) if order else ""
    boxcox = settings.get("boxcox")
    st.session_state[state.LAB_BOXCOX] = NO_BOXCOX if boxcox is None else boxcox
    st.session_state[state.LAB_WINDOW] = settings.get("window") or 0
    st.session_state[state.LAB_OUTLIERS] = format_outliers(settings.get("outliers") or [])


notice = st.session_state.pop(state.LAB_NOTICE, None)
if notice:
    st.success(t(notice[0], **notice[1]), icon=":material/check_circle:")
st.caption(t("lab.caption"))

# --- what to forecast ----------------------------------------------------------------------------
search_column, code_column = st.columns([2, 3])
query = search_column.text_input(
    t("lab.search"), key=state.LAB_SEARCH, placeholder=t("explore.search_placeholder")
)
matches = search_catalogue(with_data, query)
current = st.session_state.get(state.LAB_CODE)
options = list(
    dict.fromkeys([*([current] if current in names else []), *matches["code"].head(300)])
)
code = code_column.selectbox(
    t("lab.indicator"),
    options,
    key=state.LAB_CODE,
    format_func=lambda c: f"{names[c]} · {c}",
    on_change=_reset_horizon,
    placeholder=t("lab.pick_prompt"),
)
if code is None:
    st.info(t("lab.pick_prompt"), icon=":material/touch_app:")
    st.stop()
info = meta.loc[code]
frequency = info["frequency"]
st.session_state.setdefault(state.LAB_HORIZON, DEFAULT_HORIZONS[Frequency.parse(frequency)])

choices = st.columns([3, 2])
transform = choices[0].selectbox(
    t("lab.transform"),
    TARGET_TRANSFORMS,
    key=state.LAB_TRANSFORM,
    format_func=lambda name: t(f"transform.{name}"),
)
horizon = int(
    choices[1].number_input(
        t("lab.horizon"),
        min_value=1,
        max_value=MAX_HORIZON,
        step=1,
        key=state.LAB_HORIZON,
        help=t("lab.horizon_help", frequency=t(f"frequency.{frequency}")),
    )
)

observations = cache.observations(engine, (code,), version)
vintage = observations["vintage"].max()
unit = unit_text(shown_unit(info["unit"], transform, False), lang)
raw = series(observations, code, frequency)
try:
    target = prepare_target(raw, transform, code)
except InputError as error:
    st.error(error_text(error), icon=":material/block:")
    st.stop()
st.caption(
    t(
        "lab.data",
        n=len(target),
        start=format_period(target.index[0], lang),
        end=format_period(target.index[-1], lang),
        vintage=format_date(vintage, lang),
    )
    + (
        " " + t("lab.data_cut", start=format_period(target.index[0], lang))
        if unbroken_tail(raw).index[0] > raw.dropna().index[0]
        else ""
    )
)
show_age([raw.dropna().index[-1]], lang)
key = cache.series_key(target)

# --- every model's backtest ----------------------------------------------------------------------
st.subheader(t("lab.compare.title"))
try:
    with st.spinner(t("lab.fitting")):
        automatic = cache.fitted_forecast(key, target, horizon, "auto", "{}")
    st.dataframe(backtest_table(automatic.backtest, lang), hide_index=True, width="stretch")
    first = automatic.backtest.dropna(subset=["origins"]).iloc[0]
    st.caption(
        t("lab.compare.caption", origins=int(first["origins"]), horizon=int(first["horizon"]))
    )
    st.markdown(plain(choice_text(automatic.choice, lang)))
except InputError as error:
    st.warning(error_text(error), icon=":material/warning:")

# --- choose and tune -----------------------------------------------------------------------------
st.subheader(t("lab.tune.title"))
method = st.selectbox(t("lab.method"), METHODS, key=state.LAB_METHOD, format_func=_method_label)
config = cache.forecast_config(engine, code, transform, forecast_version)
if config is not None:
    saved = st.columns([5, 2])
    saved[0].caption(
        t(
            "lab.config.saved",
            method=_method_label(config["method"]),
            author=config["saved_by"],
            date=format_date(config["saved_at"], lang),
        )
    )
    saved[1].button(t("lab.config.load"), on_click=_load_config, args=(config,))

spec = models.get(method)
accepted = spec.parameters if spec is not None else frozenset()
tunable = [name for name in (*CHOICES, *ORDERS) if name in accepted]
settings: dict[str, Any] = {}
problems: list[InputError] = []
if tunable:
    for column, name in zip(st.columns(len(tunable)), tunable, strict=True):
        widget_key = state.LAB_PARAMETER + name
        if name in CHOICES:
            chosen = column.selectbox(
                t(f"lab.param.{name}"), CHOICES[name], key=widget_key, format_func=_choice_label
            )
            settings[name] = None if chosen == SEARCH else chosen
            continue
        typed = column.text_input(
            t(f"lab.param.{name}"), key=widget_key, placeholder="1,1,0", help=t("lab.order_help")
        )
        try:
            settings[name] = parse_order(typed, t(f"lab.param.{name}"))
        except InputError as error:
            problems.append(error)
common = st.columns(3)
boxcox = common[0].selectbox(
    t("lab.boxcox"), BOXCOX, key=state.LAB_BOXCOX, format_func=_boxcox_label
)
settings["boxcox"] = None if boxcox == NO_BOXCOX else boxcox
window = int(
    common[1].number_input(
        t("lab.window"), min_value=0, step=1, key=state.LAB_WINDOW, help=t("lab.window_help")
    )
)
settings["window"] = window or None
if spec is not None and spec.accepts_exog:
    typed = common[2].text_input(
        t("lab.outliers"),
        key=state.LAB_OUTLIERS,
        placeholder="2020-02..2021-12",
        help=t("lab.outliers_help"),
    )
    try:
        settings["outliers"] = parse_outliers(typed, normalise_frequency(frequency))
    except InputError as error:
        problems.append(error)
settings = {name: value for name, value in settings.items() if value is not None and value != []}
settings_json = json.dumps(settings, sort_keys=True)

result = None
for problem in problems:
    st.error(error_text(problem), icon=":material/block:")
if not problems:
    try:
        with st.spinner(t("lab.fitting")):
            result = cache.fitted_forecast(key, target, horizon, method, settings_json)
    except InputError as error:
        st.error(error_text(error), icon=":material/block:")

published = cache.latest_published(engine, code, transform, forecast_version)

if result is not None:
    st.markdown(
        t(
            "lab.model_line",
            model=plain(model_text(result.model, lang)),
            method=_method_label(method),
        )
    )
    if method != "auto":
        st.dataframe(backtest_table(result.backtest, lang), hide_index=True, width="stretch")

    # --- the fan chart ---------------------------------------------------------------------------
    st.subheader(t("lab.fan.title"))
    name = names[code]
    labels = (
        f"{name} ({unit})",
        t("lab.legend.new", model=model_text(result.model, lang)),
        t("lab.legend.published", date=format_date(published.created_at, lang))
        if published is not None
        else "",
    )
    forecast_values = result_frame(result)
    chart_frame = fan_frame(
        target,
        forecast_values,
        published.values if published is not None else None,
        labels,
        lang,
    )
    show_chart(
        fan_chart(chart_frame, lang=lang, value_title=unit), f"forecast-{code}", "lab-forecast"
    )
    caption, supported = band_caption(
        result.backtest,
        result.levels,
        lang,
        result.conformal_levels,
        result.calibration_errors,
        result.interval_factors,
    )
    coverage_columns = st.columns([4, 1, 1])
    (coverage_columns[0].caption if supported else coverage_columns[0].warning)(caption)
    for column, level in zip(coverage_columns[1:], result.levels, strict=False):
        column.metric(
            t("lab.coverage.own" if result.conformal_levels else "lab.coverage", level=level),
            format_percent(100 * coverage_of(result.backtest, level), lang, 0),
        )

    # --- residual diagnostics --------------------------------------------------------------------
    st.subheader(t("lab.diagnostics.title"))
    try:
        with st.spinner(t("lab.fitting")):
            errors = cache.residuals(
                key,
                target,
                settings_json,
                result.members,
                result.combiner,
                tuple(result.params.get("weights") or ()) or None,
            )
    except InputError as error:
        st.info(error_text(error), icon=":material/info:")
    else:
        season = PERIODS_PER_YEAR[normalise_frequency(frequency)]
        lags = ljung_box_lags(len(errors), season)
        test = ljung_box(errors, lags)
        diagnostics = st.columns([3, 1])
        with diagnostics[0]:
            show_chart(
                acf_chart(
                    autocorrelations(errors, max(lags, min(2 * season, len(errors) - 1))),
                    lang=lang,
                    lag_title=t("lab.diagnostics.lag"),
                    acf_title=t("lab.diagnostics.acf"),
                ),
                f"residual-acf-{code}",
                "lab-acf",
            )
        diagnostics[1].metric(t("lab.diagnostics.p_value"), format_number(test.p_value, lang, 3))
        diagnostics[1].caption(
            t(
                "lab.diagnostics.pattern"
                if test.p_value < LJUNG_BOX_ALPHA
                else "lab.diagnostics.noise",
                lags=test.lags,
            )
        )
        st.caption(
            t("lab.diagnostics.caption", n=test.n, model=plain(model_text(result.model, lang)))
        )

    # --- beside the last published forecast, and publishing --------------------------------------
    st.subheader(t("lab.publish.title"))
    columns = {t("lab.column.new", model=model_text(result.model, lang)): forecast_values}
    if published is not None:
        st.caption(
            t(
                "lab.publish.last",
                date=format_date(published.created_at, lang),
                author=published.author_label,
                model=model_text(published.model, lang),
                origin=origin_text(published.origin_period, published.frequency, lang),
            )
        )
        columns[t("lab.column.published", date=format_date(published.created_at, lang))] = (
            published.values
        )
    else:
        st.caption(t("lab.publish.none"))
    st.dataframe(
        values_table(columns, lang, t("explore.column.period")), width="stretch", height=250
    )
    may_publish = can(user, Action.FORECAST_PUBLISH)
    actions = st.columns([2, 3, 3])
    if actions[0].button(
        t("lab.publish"),
        type="primary",
        icon=":material/campaign:",
        disabled=not may_publish,
        help=None if may_publish else t("lab.publish_analysts_only"),
    ):
        try:
            run_id = forecast_service.publish(
                engine,
                user,
                code,
                result,
                transform,
                frequency,
                version,
                vintage,
                settings={"method": method, **settings},
            )
        except CockpitError as error:
            st.error(error_text(error), icon=":material/block:")
        else:
            st.session_state[state.LAB_NOTICE] = ("lab.published", {"id": run_id})
            st.rerun()
    if actions[1].button(
        t("lab.config.save"),
        icon=":material/save:",
        disabled=not may_publish,
        help=t("lab.config.save_help"),
    ):
        try:
            forecast_service.save_config(engine, user, code, transform, method, settings)
        except CockpitError as error:
            st.error(error_text(error), icon=":material/block:")
        else:
            st.session_state[state.LAB_NOTICE] = ("lab.config.saved_notice", {})
            st.rerun()

# --- the real-time record of the shipped benchmark ---------------------------------------------
shipped = series_record(cache.realtime_record(), code)
if shipped is not None:
    st.subheader(t("lab.track.realtime.title"))
    level_unit = unit_text(shown_unit(info["unit"], "level", False), lang)
    record_labels = {
        "horizon": t("lab.track.horizon"),
        "method": t("lab.method"),
        "mase": t("lab.track.realtime.mase"),
        "n": t("lab.track.n"),
    }
    methods = [_label(f"lab.track.realtime.method.{m}", m) for m in shipped.scores["method"]]
    show_chart(
        realtime_record_chart(
            shipped.scores.assign(method=methods),
            record_labels,
            lang,
            t("lab.track.realtime.mae", unit=level_unit),
        ),
        f"realtime-record-{code}",
        "lab-realtime",
    )
    st.caption(
        t(
            shipped.caption_key,
            start=format_period(parse_period(shipped.first_origin), lang),
            end=format_period(parse_period(shipped.last_origin), lang),
            origins=shipped.origins,
            candidates=shipped.candidates,
        )
    )
    if set(shipped.coverage) == {80, 95}:
        st.caption(
            t(
                "lab.track.realtime.coverage",
                p80=format_percent(100 * shipped.coverage[80], lang, 0),
                p95=format_percent(100 * shipped.coverage[95], lang, 0),
            )
        )

# --- track record --------------------------------------------------------------------------------
st.subheader(t("lab.track.title"))
runs = cache.published_runs(engine, code, forecast_version)
if runs.empty:
    st.info(t("lab.track.none"), icon=":material/info:")
    st.stop()
st.dataframe(
    pd.DataFrame(
        {
            t("lab.track.published_at"): [format_date(d, lang) for d in runs["created_at"]],
            t("lab.track.author"): runs["author_label"],
            t("lab.transform"): [t(f"transform.{tf}") for tf in runs["target_transform"]],
            t("forecast.column.model"): [model_text(m, lang) for m in runs["model"]],
            t("lab.track.origin"): [
                origin_text(origin, frequency, lang)
                for origin, frequency in zip(runs["origin_period"], runs["frequency"], strict=True)
            ],
            t("lab.horizon"): runs["horizon"],
            t("lab.track.vintage"): [
                format_date(d, lang) if pd.notna(d) else "" for d in runs["data_vintage"]
            ],
        }
    ),
    hide_index=True,
    width="stretch",
)
detail = cache.track_record(engine, code, forecast_version, version)
detail = detail[detail["target_transform"] == transform]
if detail.empty:
    st.caption(t("lab.track.no_outcomes"))
    st.stop()
by_horizon = errors_by_horizon(detail)
table = pd.DataFrame(
    {
        t("lab.track.horizon"): by_horizon["horizon"],
        t("lab.track.n"): by_horizon["n"],
        t("lab.track.bias"): [format_number(v, lang, 2) for v in by_horizon["mean_error"]],
        "MAE": [format_number(v, lang, 2) for v in by_horizon["mae"]],
        "RMSE": [format_number(v, lang, 2) for v in by_horizon["rmse"]],
    }
)
for column in [c for c in by_horizon.columns if c.startswith("coverage_")]:
    level = int(column.split("_")[1])
    table[t("forecast.column.coverage", level=level)] = [
        format_number(100 * v, lang, 0) for v in by_horizon[column]
    ]
st.dataframe(table, hide_index=True, width="stretch")
st.caption(t("lab.track.caption"))
