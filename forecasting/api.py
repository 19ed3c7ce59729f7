"""The one entry point: ``forecast(y, horizon, method="auto", levels=(80, 95), **params)``.

It checks the series and the request, backtests (so every result says how the method would have
done on this series' own history), fits on the whole series and returns a
:class:`~forecasting.result.ForecastResult`.

Parameters every method takes, besides its own (see ``MODELS[name].parameters``):

* ``boxcox``: a Box-Cox lambda in [-1, 2] or "auto" (positive series only);
* ``window``: fit on the last N periods only;
* ``exog``: regressors on the series' periods and the horizon (methods that accept them);
* ``backtest_origins`` (default 3), ``backtest_step`` (1), ``backtest_horizon`` (the forecast
  horizon, at most half the series) and ``backtest_refit`` (False: parameters estimated at the
  first origin are carried through the later ones; True: everything is refitted at each origin).

Intervals are conformal by default (``intervals="conformal"``): the model's own bands calibrated
on the errors of its backtest, blended with the model's own (their geometric mean) and widened by
the cross-series factor of the season length and history length
(:data:`~forecasting.conformal.SERIES_FACTORS`); ``intervals="series_conformal"`` calibrates on
the series alone, and ``intervals="model"`` keeps the model's own bands.

``auto`` also takes ``candidates`` (methods to compare, names or ``(name, params)`` pairs),
``recipe`` (a :class:`~forecasting.selection.Recipe`: the candidates and pools used when no
``candidates`` are given; :data:`~forecasting.selection.DEFAULT_RECIPE` by default) and
``select_by`` ("mase", "smape" or "rmse").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from forecasting.backtest import BacktestSettings, backtest
from forecasting.conformal import blend, calibrate, series_factors, widen
from forecasting.errors import ForecastError
from forecasting.fitting import COMMON_PARAMETERS, check_request, fit_model
from forecasting.registry import get_spec
from forecasting.result import ForecastResult, Member
from forecasting.selection import (
    DEFAULT_RECIPE,
    check_recipe,
    default_candidates,
    default_pools,
    parse_candidates,
    select,
)
from forecasting.validation import (
    check_choice,
    check_horizon,
    check_length,
    check_levels,
    check_not_constant,
    check_parameters,
    check_series,
    check_whole,
    season_length,
)

INTERVAL_METHODS = ("conformal", "series_conformal", "model")
AUTO_PARAMETERS = frozenset({"candidates", "recipe", "select_by", "boxcox", "window"})


def _settings(method: str, params: dict[str, Any]) -> BacktestSettings:
    settings = BacktestSettings(
        origins=check_whole(method, "backtest_origins", params.pop("backtest_origins", 3), 1),
        step=check_whole(method, "backtest_step", params.pop("backtest_step", 1), 1),
        horizon=(
            check_whole(method, "backtest_horizon", params.pop("backtest_horizon"), 1)
            if params.get("backtest_horizon") is not None
            else params.pop("backtest_horizon", None)
        ),
        refit=params.pop("backtest_refit", False),
    )
    check_choice(method, "backtest_refit", settings.refit, (True, False))
    return settings


def forecast(
    y: pd.Series,
    horizon: int,
    method: str = "auto",
    levels: Iterable[int] = (80, 95),
    intervals: str = "conformal",
    **params: Any,
) -> ForecastResult:
    """Forecast ``y`` for ``horizon`` periods with ``method``, intervals at ``levels`` percent.

    Parameters
    ----------
    y:
        The series: a ``PeriodIndex`` (or a ``DatetimeIndex`` with a frequency), one value for
        every period, named (the name appears in every error message).
    horizon:
        Number of periods to forecast.
    method:
        "auto" or a name in :data:`~forecasting.registry.MODELS`.
    levels:
        Prediction interval levels in percent.
    intervals:
        ``"conformal"`` (the default): the model's bands calibrated on its own backtest errors
        (:func:`~forecasting.conformal.calibrate`), for a level with enough errors, blended with
        the model's own (:func:`~forecasting.conformal.blend`) and widened by the cross-series
        factor of the season length and history length; ``"series_conformal"``: calibrated
        only; ``"model"``: the model's own bands (for a combination, the combiner of its
        members' bands).
    **params:
        The method's parameters and the common ones listed in this module's docstring.

    Returns
    -------
    ForecastResult

    Raises
    ------
    ForecastError
        When the series, the method or a parameter breaks a rule; the message names the series
        and the rule.
    """
    y = check_series(y)
    horizon = check_horizon(horizon)
    levels = check_levels(levels)
    m = season_length(y.index)
    params = dict(params)
    settings = _settings(method, params)
    if method == "auto":
        check_parameters("auto", params, AUTO_PARAMETERS)
        check_length(y, 4, "auto")
        check_not_constant(y)
        if "candidates" in params and "recipe" in params:
            raise ForecastError(
                "forecast.bad_parameter",
                "parameter 'recipe' of method 'auto' sets the default candidates and pools; "
                "it cannot be given with 'candidates', which replace them",
                parameter="recipe",
                method="auto",
                value=repr(params["recipe"]),
            )
        if "candidates" in params:
            candidates, pools = parse_candidates(params.pop("candidates")), None
        else:
            recipe = check_recipe(params.pop("recipe", DEFAULT_RECIPE))
            candidates, pools = default_candidates(y, m, recipe), default_pools(m, recipe)
        select_by = params.pop("select_by", "mase")
        selection = select(y, horizon, m, levels, settings, candidates, select_by, params, pools)
        model, scores, forecasts = selection.model, selection.scores, selection.forecasts
        members, combiner, choice = selection.members, selection.combiner, selection.choice
    else:
        get_spec(method)
        checked = check_request(y, method, m, params, horizon)
        tested = backtest(y, method, m, checked, levels, horizon, settings)
        model = fit_model(y, method, m, checked)
        scores = tested.scores.assign(chosen=True)
        forecasts = tested.forecasts
        own = {name: value for name, value in checked.items() if name not in COMMON_PARAMETERS}
        members, combiner, choice = (Member(method, own),), None, None
    check_choice(method, "intervals", intervals, INTERVAL_METHODS)
    prediction = model.predict(horizon, levels)
    lower, upper = prediction.lower, prediction.upper
    conformal_levels, n_errors, factors = (), 0, {}
    if intervals in ("conformal", "series_conformal"):
        chosen = choice.chosen if choice is not None else method
        rows = forecasts[forecasts["model"] == chosen]
        calibrated = calibrate(prediction.mean, lower, upper, rows)
        lower, upper = calibrated.lower, calibrated.upper
        conformal_levels, n_errors = calibrated.conformal_levels, calibrated.n_errors
        if intervals == "conformal":
            own = (prediction.lower, prediction.upper)
            lower, upper = blend(prediction.mean, (lower, upper), own)
            fitted_on = min(len(y), int(params.get("window") or len(y)))
            factors = series_factors(m, fitted_on, levels)
            lower, upper = widen(prediction.mean, lower, upper, factors)
    index = pd.period_range(y.index[-1] + 1, periods=horizon, freq=y.index.freq)
    return ForecastResult(
        series=y.name,
        method=method,
        model=model.label,
        params=model.params,
        members=members,
        combiner=combiner,
        point=pd.Series(prediction.mean, index=index, name=y.name),
        lower={lv: pd.Series(lower[lv], index=index, name=y.name) for lv in levels},
        upper={lv: pd.Series(upper[lv], index=index, name=y.name) for lv in levels},
        backtest=scores,
        backtest_forecasts=forecasts,
        choice=choice,
        conformal_levels=conformal_levels,
        calibration_errors=n_errors,
        interval_factors=factors,
    )
