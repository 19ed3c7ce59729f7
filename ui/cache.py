"""Every Streamlit cache of the app. Each cached function is a pure function of its arguments.

The engine is shared by all sessions (``cache_resource``). Query results are cached per data
version (``repository.data_version``), which is read afresh on every run of a page (a few indexed
lookups), so whatever wrote, a page here, the API or a job, every page shows the new state on its
next run. The engine is passed as ``_engine`` so that it is not hashed. Published forecasts are
cached per forecasts version (``data.forecasts.version``), read the same way, and forecast fits per
digest of the series' values (:func:`series_key`) and every parameter, so an analyst's tuning is
computed once.

The forecasting library (and so statsmodels) is imported only inside the functions that fit, so a
page that draws stored forecasts starts without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from analytics.forecast_request import forecast_arguments
from analytics.search import prepare_catalogue
from data import forecasts, repository
from data.engine import make_engine
from forecasting.result import ForecastResult, Member
from services import forecasts as forecast_service


@st.cache_resource
def engine() -> Engine:
    """The database engine, shared by every session."""
    return make_engine()


@st.cache_data(show_spinner=False)
def agencies(_engine: Engine, version: str) -> pd.DataFrame:
    """Every agency, by code."""
    return repository.agencies(_engine)


@st.cache_data(show_spinner=False, max_entries=64)
def supply_status(_engine: Engine, agency_code: str | None, version: str) -> pd.DataFrame:
    """What each indicator of ``agency_code`` (every agency if None) last supplied, and by whom."""
    return repository.supply_status(_engine, agency_code)


@st.cache_data(show_spinner=False)
def catalogue(_engine: Engine, version: str) -> pd.DataFrame:
    """The indicator catalogue with search columns prepared."""
    return prepare_catalogue(repository.catalogue(_engine))


@st.cache_data(show_spinner=False, max_entries=256)
def observations(
    _engine: Engine, codes: tuple[str, ...], version: str, as_of: dt.date | None = None
) -> pd.DataFrame:
    """Latest-known observations of ``codes`` (on ``as_of`` if given)."""
    return repository.observations(_engine, list(codes), as_of=as_of)


@st.cache_data(show_spinner=False, max_entries=64)
def indicator_agency_history(_engine: Engine, code: str, version: str) -> pd.DataFrame:
    """Who was responsible for ``code`` and when."""
    return repository.indicator_agency_history(_engine, code)


@st.cache_data(show_spinner=False, max_entries=64)
def vintages(_engine: Engine, code: str, version: str) -> pd.DataFrame:
    """Every release ever recorded of ``code`` (each period's first value and its revisions)."""
    return repository.vintages(_engine, code)


@st.cache_data(show_spinner=False)
def plan_targets(_engine: Engine, version: str) -> pd.DataFrame:
    """All plan targets."""
    return repository.plan_targets(_engine)


def current_version() -> tuple[Engine, str]:
    """The shared engine and the data version every cache key in this run should use."""
    db = engine()
    return db, repository.data_version(db)


# --- forecasts ---------------------------------------------------------------------------------

DIAGNOSTIC_ORIGINS = 36
"""One-step-ahead forecasts behind the residual diagnostics (three years of months)."""


def series_key(series: pd.Series) -> str:
    """A digest of a series' name, periods and values: the part of a fit's cache key it decides."""
    digest = hashlib.sha256(str(series.name).encode())
    digest.update(pd.util.hash_pandas_object(series, index=True).to_numpy().tobytes())
    digest.update(str(series.index.freqstr).encode())
    return digest.hexdigest()


@st.cache_resource(show_spinner=False)
def forecast_models() -> dict[str, Any]:
    """The forecasting library's registry of models (name -> spec), loading the library once.

    The first call imports statsmodels and every model (a few seconds on a cold server), so a
    page calls it after it has drawn its title.
    """
    from forecasting import MODELS

    return dict(MODELS)


@st.cache_data(show_spinner=False, max_entries=128)
def fitted_forecast(
    key: str, _target: pd.Series, horizon: int, method: str, settings_json: str
) -> ForecastResult:
    """``forecasting.forecast`` of ``_target`` (whose digest is ``key``) with the lab's settings."""
    from forecasting import forecast

    arguments = forecast_arguments(json.loads(settings_json), _target.index, horizon)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return forecast(_target, horizon, method, **arguments)


@st.cache_data(show_spinner=False, max_entries=64)
def residuals(
    key: str,
    _target: pd.Series,
    settings_json: str,
    members: tuple[Member, ...],
    combiner: str | None,
    weights: tuple[float, ...] | None = None,
) -> pd.Series:
    """One-step-ahead forecast errors over the last periods of ``_target`` (digest ``key``).

    ``members`` and ``combiner`` are the diagnosed forecast's (``ForecastResult.members`` and
    ``.combiner``, and ``weights`` a weighted one's): each member method is backtested one
    period ahead from up to :data:`DIAGNOSTIC_ORIGINS` origins, with the lab's settings and its
    own parameters, and the members' forecasts are combined as the model combines them. For
    ``auto`` that is the model it chose, not every candidate.
    """
    from analytics.diagnostics import one_step_errors
    from forecasting import forecast

    settings = json.loads(settings_json)
    origins = max(1, min(DIAGNOSTIC_ORIGINS, len(_target) // 2))
    tables = []
    for index, member in enumerate(members):
        arguments = forecast_arguments({**settings, **member.params}, _target.index, 1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = forecast(
                _target, 1, member.method, backtest_origins=origins, backtest_horizon=1, **arguments
            )
        tables.append(result.backtest_forecasts.assign(member=index))
    return one_step_errors(pd.concat(tables, ignore_index=True), combiner or "mean", weights)


@st.cache_data(show_spinner=False, max_entries=256)
def latest_published(
    _engine: Engine, code: str, target_transform: str, version: str
) -> forecasts.StoredForecast | None:
    """The latest published forecast of ``code`` in ``target_transform``."""
    return forecasts.latest_published(_engine, code, target_transform)


@st.cache_data(show_spinner=False)
def published_runs(_engine: Engine, code: str, version: str) -> pd.DataFrame:
    """The published forecasts of ``code``, newest first."""
    return forecasts.published_runs(_engine, code)


@st.cache_data(show_spinner=False)
def track_record(_engine: Engine, code: str, version: str, data: str) -> pd.DataFrame:
    """Published forecasts of ``code`` against the outcomes known in data version ``data``."""
    return forecast_service.track_record(_engine, code)


@st.cache_data(show_spinner=False)
def forecast_config(_engine: Engine, code: str, target_transform: str, version: str) -> dict | None:
    """The saved configuration of ``code`` in ``target_transform``, if any."""
    return forecasts.config_for(_engine, code, target_transform)


def current_forecast_version() -> tuple[Engine, str]:
    """The shared engine and the forecasts' version token for this run's cache keys."""
    db = engine()
    return db, forecasts.version(db)


REALTIME_RECORD = Path(__file__).resolve().parent.parent / "bench" / "results" / "realtime.json"
"""The shipped real-time forecast record, written by ``python -m bench.realtime``."""


def realtime_record(path: Path = REALTIME_RECORD) -> dict[str, Any]:
    """The content of the real-time forecast record at ``path`` (empty when there is none), read
    again when the file changes."""
    if not path.is_file():
        return {}
    return _results_file(str(path), path.stat().st_mtime_ns)


@st.cache_data(show_spinner=False, max_entries=4)
def _results_file(path: str, modified_ns: int) -> dict[str, Any]:
    """The JSON content of the results file at ``path`` as modified at ``modified_ns``."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


@st.cache_data(show_spinner=False, max_entries=32)
def template(
    _engine: Engine,
    agency_code: str,
    period: str,
    kind: str,
    guide: tuple[str, ...],
    guide_title: str,
    version: str,
) -> bytes:
    """An agency's template for a period (``"xlsx"`` or ``"csv"``), rebuilt when data change."""
    from domain.periods import parse_period
    from services import intake

    return intake.template_file(
        _engine, agency_code, parse_period(period), kind, list(guide), guide_title
    )


@st.cache_data(show_spinner=False, max_entries=16)
def targets_outlook(_engine: Engine, year: int, version: str, forecast_version: str) -> list:
    """The targets outlook of ``year`` (simulations: computed once per data version; the year a
    published forecast implies changes with the forecasts' version)."""
    from services.outlook import targets_outlook as compute

    return compute(_engine, year)


@st.cache_data(show_spinner=False, max_entries=16)
def outlook_history(_engine: Engine, year: int, version: str, today: dt.date) -> pd.DataFrame:
    """How the targets' probabilities of ``year`` moved, as known at each month's end."""
    from services.outlook import meeting_days
    from services.outlook import outlook_history as compute

    return compute(_engine, year, meeting_days(year, today))


@st.cache_data(show_spinner=False, max_entries=8)
def briefing_deck(
    _engine: Engine, _user: Any, period: str, lang: str, as_of: dt.date, version: str, fv: str
) -> Any:
    """The briefing's slides for a month (``YYYY-MM``), per data and forecasts version."""
    from ui.briefing import briefing_deck as build

    return build(_engine, _user, pd.Period(period, "M"), lang, as_of)


@st.cache_data(show_spinner=False, max_entries=4)
def briefing_files(
    _engine: Engine, _user: Any, period: str, lang: str, as_of: dt.date, version: str, fv: str
) -> Any:
    """The briefing's PowerPoint and PDF files, made from the cached slides."""
    from reports.render import deck_files

    return deck_files(briefing_deck(_engine, _user, period, lang, as_of, version, fv))


@st.cache_data(show_spinner=False, max_entries=64)
def chart_file(spec_json: str, kind: str) -> bytes:
    """A chart's Vega-Lite specification (JSON) rendered as ``"png"`` or ``"svg"``."""
    from reports.chart_export import chart_png, chart_svg

    spec = json.loads(spec_json)
    return chart_png(spec) if kind == "png" else chart_svg(spec).encode("utf-8")


@st.cache_data(show_spinner=False, max_entries=4)
def outlook_calibration(_engine: Engine, version: str, before: int) -> pd.DataFrame:
    """The outlook's probabilities in past plan years and whether the targets were met."""
    from services.outlook import calibration

    return calibration(_engine, before)
