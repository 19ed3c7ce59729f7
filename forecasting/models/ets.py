"""Exponential smoothing state space models (ETS), chosen among the admissible forms by AICc.

A form is (error, trend, damped, seasonal), each component additive or multiplicative, estimated
with statsmodels' ``ETSModel`` by maximum likelihood. Left unset, a component is searched over:
error {add, mul}, trend {none, add}, damped {no, yes}, seasonal {none, add, mul};
``seasonal="auto"`` searches the seasonal forms only when the seasonality test finds a cycle
(:func:`forecasting.seasonality.is_seasonal`, the one test of the library). As in Hyndman et
al. (2008) the search skips forms that are numerically unstable (additive error with a
multiplicative trend or season), multiplicative forms for series with a value <= 0, seasonal forms
for series without a seasonal cycle or shorter than two cycles, and a multiplicative trend unless
asked for. An analyst who sets a component gets exactly that; a form the series cannot support is
then an error rather than a silent substitute.

Initial states: estimated with the other parameters for non-seasonal forms (cheap), set by the
textbook heuristic for seasonal ones (twelve fewer parameters to optimise, and on a 15-year monthly
series about ten times faster for a likelihood that is as good or better); ``initialization``
overrides either.
"""

from __future__ import annotations

import threading
import warnings
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import product
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.tsa.exponential_smoothing.ets import ETSModel, ETSResults, ETSResultsWrapper

from forecasting.errors import ForecastError, series_label
from forecasting.intervals import interval_prediction
from forecasting.models.ets_estimation import estimate
from forecasting.numerical import numerical_failures
from forecasting.registry import ModelSpec, Prediction, register
from forecasting.seasonality import (
    DESEASONALIZE,
    AdjustedFit,
    adjusted,
    is_seasonal,
    seasonal_adjustment,
)
from forecasting.validation import (
    check_choice,
    check_length,
    check_not_constant,
    check_positive,
)

COMPONENTS = ("none", "add", "mul")
#: ``seasonal`` also takes "auto": additive and multiplicative state-space seasons are searched
#: when the seasonality test of :mod:`forecasting.seasonality` finds a cycle, none otherwise.
SEASONALS = (*COMPONENTS, "auto")
INITIALIZATIONS = ("auto", "estimated", "heuristic")
#: Simulated paths behind the intervals of forms that have no closed-form variance.
SIMULATIONS = 500
#: How many estimates :func:`fit_form` keeps for reuse (see there).
MEMO_SIZE = 32


class _Results(ETSResults):
    """statsmodels' ETS results without the standard errors of the estimates.

    statsmodels computes them eagerly, by a complex-step Hessian, for every fit and every smoothing
    run: about a tenth of the time of ``auto``. Nothing here reads them (forecasts, intervals and
    AICc do not depend on them), so they are left out: ``bse`` and ``cov_params()`` are NaN.
    """

    @property
    def cov_params_approx(self) -> np.ndarray:  # type: ignore[override]
        return np.full((self.k_params, self.k_params), np.nan)


class _Model(ETSModel):
    """statsmodels' ``ETSModel``, returning :class:`_Results`; estimation is unchanged."""

    @property
    def _res_classes(self) -> dict[str, tuple[type, type]]:
        return {"fit": (_Results, ETSResultsWrapper)}


@dataclass(frozen=True)
class EtsForm:
    """One ETS form; ``label`` writes it the textbook way, e.g. ``ETS(M,Ad,M)``."""

    error: str
    trend: str
    damped: bool
    seasonal: str

    @property
    def label(self) -> str:
        letter = {"none": "N", "add": "A", "mul": "M"}
        trend = letter[self.trend] + ("d" if self.damped else "")
        return f"ETS({letter[self.error]},{trend},{letter[self.seasonal]})"

    @property
    def multiplicative(self) -> bool:
        return "mul" in (self.error, self.trend, self.seasonal)

    def arguments(self, season_length: int, initialization: str) -> dict[str, Any]:
        """The keyword arguments of statsmodels' ``ETSModel`` for this form."""
        seasonal = None if self.seasonal == "none" else self.seasonal
        return {
            "error": self.error,
            "trend": None if self.trend == "none" else self.trend,
            "damped_trend": self.damped,
            "seasonal": seasonal,
            "seasonal_periods": season_length if seasonal else None,
            "initialization_method": initialization,
        }

    def model(self, y: pd.Series, season_length: int, initialization: str) -> ETSModel:
        """The statsmodels model of this form for ``y``."""
        return _Model(y, **self.arguments(season_length, initialization))


@dataclass(frozen=True)
class EtsFit:
    """An estimated ETS form and the statsmodels results behind it."""

    form: EtsForm
    season_length: int
    initialization: str
    results: Any

    @property
    def label(self) -> str:
        return self.form.label

    @property
    def params(self) -> dict[str, Any]:
        estimates = {
            k: float(v) for k, v in zip(self.results.param_names, self.results.params, strict=True)
        }
        return {
            "error": self.form.error,
            "trend": self.form.trend,
            "damped": self.form.damped,
            "seasonal": self.form.seasonal,
            "initialization": self.initialization,
            "aicc": float(self.results.aicc),
            "estimates": estimates,
        }

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Point forecast and intervals: exact for linear forms, simulated (seeded) otherwise."""
        n = self.results.nobs
        with numerical_failures("ets"):
            prediction = self.results.get_prediction(
                start=n,
                end=n + horizon - 1,
                simulate_repetitions=SIMULATIONS,
                rng=np.random.default_rng(0),
            )
            return interval_prediction(prediction.predicted_mean, prediction.pred_int, levels)

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> EtsFit:
        """Run the same form with the same parameters over ``y``, without re-estimating.

        A multiplicative form cannot run over a value <= 0 that the window it was estimated on
        did not have: that is ``forecast.not_positive``, as for a fit.
        """
        if self.form.multiplicative:
            check_positive(y, f"the multiplicative form {self.form.label}")
        model = self.form.model(y, self.season_length, self.initialization)
        with warnings.catch_warnings(), numerical_failures("ets", y.name):
            warnings.simplefilter("ignore")
            results = model.smooth(self.results.params)
        return EtsFit(self.form, self.season_length, self.initialization, results)


def candidate_forms(y: pd.Series, season_length: int, params: Mapping[str, Any]) -> list[EtsForm]:
    """The forms to compare: the analyst's choices where given, the admissible rest otherwise."""
    positive = bool((y > 0).all())
    seasonal_ok = season_length > 1 and len(y) >= 2 * season_length + 2

    def choices(name: str, searched: list[Any]) -> list[Any]:
        return [params[name]] if params.get(name) is not None else searched

    errors = choices("error", ["add", "mul"] if positive else ["add"])
    trends = choices("trend", ["none", "add"])
    searched_seasons = ["add", "mul"] if positive else ["add"]
    if params.get("seasonal") == "auto":  # the library's one seasonality test decides
        tested = seasonal_ok and is_seasonal(y.to_numpy(dtype=float), season_length)
        seasonals = searched_seasons if tested else ["none"]
    else:
        seasonals = choices("seasonal", ["none", *searched_seasons] if seasonal_ok else [])
    seasonals = seasonals or ["none"]
    damped_options = choices("damped", [False, True])
    forms = []
    for error, trend, seasonal, damped in product(errors, trends, seasonals, damped_options):
        if damped and trend == "none":
            continue
        form = EtsForm(error, trend, bool(damped), seasonal)
        searched_mul = [
            name
            for name, value in [("trend", trend), ("seasonal", seasonal)]
            if value == "mul" and params.get(name) in (None, "auto")
        ]
        if error == "add" and searched_mul and params.get("error") is None:
            continue
        if form.multiplicative and not positive:
            continue
        forms.append(form)
    return forms


def _initialization(form: EtsForm, requested: str) -> str:
    if requested != "auto":
        return requested
    return "estimated" if form.seasonal == "none" else "heuristic"


def _estimate(y: pd.Series, season_length: int, form: EtsForm, initialization: str) -> Any:
    with warnings.catch_warnings(), numerical_failures("ets", y.name):
        warnings.simplefilter("ignore")
        return estimate(form.model(y, season_length, initialization))


_memo: OrderedDict[tuple[Any, ...], tuple[pd.Index, EtsFit]] = OrderedDict()
_memo_lock = threading.Lock()


def forget_estimates() -> None:
    """Drop the estimates :func:`fit_form` keeps, so that the next fits estimate afresh (a
    benchmark timing a refit, or a test that makes statsmodels fail on purpose)."""
    with _memo_lock:
        _memo.clear()


def fit_form(
    y: pd.Series, season_length: int, form: EtsForm, initialization: str = "auto"
) -> EtsFit:
    """Estimate one form by maximum likelihood (the heuristic start falls back to estimation).

    The last :data:`MEMO_SIZE` estimates are kept and given again for the same form, series (its
    values, index and name) and settings: ``auto`` fits some forms twice on one window, since its
    ETS and damped ETS candidates share the damped forms, at the first backtest origin and again
    on the whole series. Estimation is deterministic, so a kept estimate is what a new fit would
    return; failures are not kept.
    """
    values = y.to_numpy(dtype=float)
    key = (form, season_length, initialization, y.name, len(y), values.tobytes())
    with _memo_lock:
        kept = _memo.get(key)
        if kept is not None and kept[0].equals(y.index):
            _memo.move_to_end(key)
            return kept[1]
    fitted = _fit_form(y, season_length, form, initialization)
    with _memo_lock:
        _memo[key] = (y.index, fitted)
        while len(_memo) > MEMO_SIZE:
            _memo.popitem(last=False)
    return fitted


def _fit_form(y: pd.Series, season_length: int, form: EtsForm, initialization: str) -> EtsFit:
    method = _initialization(form, initialization)
    try:
        results = _estimate(y, season_length, form, method)
    except ForecastError:
        if initialization != "auto" or method == "estimated":
            raise
        method = "estimated"
        results = _estimate(y, season_length, form, method)
    return EtsFit(form, season_length, method, results)


def fit(
    y: pd.Series, season_length: int, exog: pd.DataFrame | None = None, **params: Any
) -> EtsFit | AdjustedFit:
    """Fit every candidate form and keep the one with the smallest AICc.

    Parameters
    ----------
    y:
        The series (checked by :func:`check`).
    season_length:
        Periods per seasonal cycle (12 monthly, 4 quarterly, 1 yearly).
    **params:
        ``error``, ``trend``, ``seasonal`` ("none", "add", "mul"), ``damped`` (bool) fix a
        component; ``initialization`` ("auto", "estimated", "heuristic"); ``deseasonalize``
        (False, the default; True, or "auto" which tests for seasonality) fits non-seasonal forms
        to the classically seasonally adjusted series (see :mod:`forecasting.seasonality`).
    """
    deseasonalize = params.pop("deseasonalize", False)
    if deseasonalize is not False and season_length > 1:
        adjustment = seasonal_adjustment(y.to_numpy(dtype=float), season_length, deseasonalize)
        inner = fit(adjusted(y, adjustment), 1, **params)
        return AdjustedFit(inner, adjustment, len(y))
    initialization = params.get("initialization", "auto")
    best: EtsFit | None = None
    failures = []
    for form in candidate_forms(y, season_length, params):
        try:
            fitted = fit_form(y, season_length, form, initialization)
        except ForecastError as error:
            failures.append(f"{form.label}: {error}")
            continue
        aicc = fitted.results.aicc
        if not np.isfinite(aicc):
            continue
        if best is None or aicc < best.results.aicc:
            best = fitted
    if best is None:
        raise ForecastError(
            "forecast.no_fit",
            f"no ETS form could be estimated on {series_label(y.name)} "
            f"({len(y)} observations){': ' + failures[0] if failures else ''}",
            series=y.name,
            method="ets",
        )
    return best


def check(y: pd.Series, season_length: int, params: Mapping[str, Any]) -> None:
    """Rules of ETS: known component names, a series long enough, positive for 'mul' parts."""
    for name in ("error", "trend", "seasonal"):
        if params.get(name) is not None:
            choices = {"error": ("add", "mul"), "trend": COMPONENTS}.get(name, SEASONALS)
            check_choice("ets", name, params[name], choices)
    if params.get("damped") is not None:
        check_choice("ets", "damped", params["damped"], (True, False))
        if params["damped"] and params.get("trend") == "none":
            raise ForecastError(
                "forecast.bad_parameter",
                "parameter 'damped' of method 'ets' needs a trend; trend is 'none'",
                parameter="damped",
                method="ets",
                value="True",
            )
    check_choice("ets", "initialization", params.get("initialization", "auto"), INITIALIZATIONS)
    check_choice("ets", "deseasonalize", params.get("deseasonalize", False), DESEASONALIZE)
    if params.get("deseasonalize", False) is not False and params.get("seasonal") in SEASONALS[1:]:
        raise ForecastError(
            "forecast.bad_parameter",
            "parameter 'deseasonalize' of method 'ets' removes the season before fitting; "
            f"it cannot be combined with seasonal={params['seasonal']!r}",
            parameter="deseasonalize",
            method="ets",
            value=repr(params["deseasonalize"]),
        )
    check_length(y, 4, "ets")
    check_not_constant(y)
    if params.get("seasonal") in ("add", "mul"):
        if season_length == 1:
            raise ForecastError(
                "forecast.no_season",
                f"{series_label(y.name)} has no seasonal cycle at its frequency "
                f"({y.index.freqstr}); a seasonal model needs monthly or quarterly data",
                series=y.name,
                frequency=y.index.freqstr,
            )
        check_length(y, 2 * season_length + 2, "ets", "two seasonal cycles and two more")
    for name in ("error", "trend", "seasonal"):
        if params.get(name) == "mul":
            check_positive(y, f"a multiplicative ETS {name}")


register(
    ModelSpec(
        name="ets",
        description="Exponential smoothing (ETS), form chosen by AICc",
        fit=fit,
        parameters=frozenset(
            {"error", "trend", "damped", "seasonal", "initialization", "deseasonalize"}
        ),
        check=check,
    )
)
