"""ARIMA and seasonal ARIMA (SARIMAX), with an automatic order search after Hyndman & Khandakar.

The search (Hyndman & Khandakar 2008, *Automatic time series forecasting: the forecast package for
R*) picks the differencing orders by tests and the rest by a stepwise walk on AICc:

* ``D`` (seasonal differences, 0 or 1): 1 when the STL seasonal strength exceeds 0.64, the
  threshold of ``forecast::nsdiffs``;
* ``d`` (0 to 2): difference while the KPSS test rejects level stationarity at 5 %;
* start from the best of (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1), then move
  to any neighbour (p, q, P, Q one up or down, p and q together, the constant on or off) that
  lowers AICc, until none does.

A constant (a drift once differenced) is allowed when d + D <= 1. Exogenous regressors (calendar or
outlier dummies) enter as a regression with SARIMA errors; their future values must be supplied.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.tsa.seasonal import STL
from statsmodels.tsa.statespace.sarimax import SARIMAX
from statsmodels.tsa.stattools import kpss

from forecasting.errors import ForecastError, series_label
from forecasting.intervals import interval_prediction
from forecasting.numerical import numerical_failures
from forecasting.registry import ModelSpec, Prediction, register
from forecasting.validation import check_choice, check_length, check_not_constant

#: Bounds of the search: ``forecast::auto.arima``'s, except seasonal P and Q at most 1 (a
#: seasonal order 2 at lag 12 makes a fit take seconds); an analyst can still ask for 2.
MAX_P, MAX_Q, MAX_D, MAX_ORDER = 5, 5, 2, 5
MAX_P_SEASONAL = MAX_Q_SEASONAL = 2
SEARCH_MAX_SEASONAL = 1
#: Optimiser iterations for a model the search only compares (the chosen one is refitted fully).
SEARCH_MAXITER = 50
SEASONAL_STRENGTH_THRESHOLD = 0.64
KPSS_ALPHA = 0.05


@dataclass(frozen=True)
class ArimaOrder:
    """A SARIMA specification: (p, d, q), (P, D, Q, m) and whether it carries a constant."""

    order: tuple[int, int, int]
    seasonal_order: tuple[int, int, int, int]
    constant: bool

    @property
    def label(self) -> str:
        p, d, q = self.order
        P, D, Q, m = self.seasonal_order
        seasonal = f"({P},{D},{Q})[{m}]" if m > 1 else ""
        drift = " with drift" if self.constant and d + D == 1 else ""
        mean = " with mean" if self.constant and d + D == 0 else ""
        return f"ARIMA({p},{d},{q}){seasonal}{drift}{mean}"

    def model(
        self, y: pd.Series, exog: pd.DataFrame | None, simple_differencing: bool = False
    ) -> SARIMAX:
        """The statsmodels SARIMAX model of this order for ``y``.

        ``simple_differencing`` fits the differenced series (a much smaller state vector): the
        search compares orders that way, the chosen one is refitted on levels to forecast.
        """
        return SARIMAX(
            y,
            exog=exog,
            order=self.order,
            seasonal_order=self.seasonal_order if self.seasonal_order[3] > 1 else (0, 0, 0, 0),
            trend="c" if self.constant else None,
            simple_differencing=simple_differencing,
        )


@dataclass(frozen=True)
class ArimaFit:
    """An estimated SARIMA order and the statsmodels results behind it."""

    spec: ArimaOrder
    results: Any

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def params(self) -> dict[str, Any]:
        estimates = {
            k: float(v) for k, v in zip(self.results.param_names, self.results.params, strict=True)
        }
        return {
            "order": list(self.spec.order),
            "seasonal_order": list(self.spec.seasonal_order),
            "constant": self.spec.constant,
            "aicc": float(self.results.aicc),
            "estimates": estimates,
        }

    def predict(
        self, horizon: int, levels: tuple[int, ...], exog: pd.DataFrame | None = None
    ) -> Prediction:
        """Point forecast and Gaussian intervals from the state space model."""
        with numerical_failures("arima"):
            forecast = self.results.get_forecast(horizon, exog=exog)
            return interval_prediction(forecast.predicted_mean, forecast.conf_int, levels)

    def update(self, y: pd.Series, exog: pd.DataFrame | None = None) -> ArimaFit:
        """Filter ``y`` with the same parameters, without re-estimating them."""
        with numerical_failures("arima", y.name):
            return ArimaFit(self.spec, self.results.apply(y, exog=exog))


def _estimate(
    y: pd.Series, spec: ArimaOrder, exog: pd.DataFrame | None, searching: bool = False
) -> Any:
    options = {"maxiter": SEARCH_MAXITER} if searching else {}
    with warnings.catch_warnings(), numerical_failures("arima", y.name):
        warnings.simplefilter("ignore")
        return spec.model(y, exog, simple_differencing=searching).fit(disp=False, **options)


def seasonal_differences(y: pd.Series, season_length: int) -> int:
    """1 if the STL seasonal strength of ``y`` exceeds 0.64, else 0 (needs two full cycles)."""
    if season_length < 2 or len(y) < 2 * season_length + 1:
        return 0
    with numerical_failures("arima", y.name):
        decomposition = STL(y.to_numpy(), period=season_length, robust=True).fit()
    remainder = decomposition.resid
    detrended = decomposition.seasonal + remainder
    if np.var(detrended) == 0:
        return 0
    strength = max(0.0, 1 - np.var(remainder) / np.var(detrended))
    return int(strength > SEASONAL_STRENGTH_THRESHOLD)


def differences(values: np.ndarray, max_d: int = MAX_D) -> int:
    """Number of first differences that KPSS needs to stop rejecting stationarity (at most 2)."""
    d = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        while d < max_d and len(values) > 4 and np.ptp(values) > 0:
            with numerical_failures("arima"):
                p_value = kpss(values, regression="c", nlags="auto")[1]
            if p_value >= KPSS_ALPHA:
                break
            values = np.diff(values)
            d += 1
    return d


def _difference(values: np.ndarray, season_length: int, seasonal: int) -> np.ndarray:
    for _ in range(seasonal):
        values = values[season_length:] - values[:-season_length]
    return values


def search(
    y: pd.Series,
    season_length: int,
    exog: pd.DataFrame | None = None,
    order: tuple[int, int, int] | None = None,
    seasonal_order: tuple[int, ...] | None = None,
    constant: bool | None = None,
) -> ArimaFit:
    """Pick d and D by tests, then walk stepwise on AICc over p, q, P, Q and the constant.

    Whatever the analyst fixes (``order``, ``seasonal_order``, ``constant``) is kept as given.
    """
    m = season_length
    if seasonal_order is not None:
        big_p, big_d, big_q = seasonal_order[:3]
        fixed_seasonal: tuple[int, int, int] | None = (big_p, big_d, big_q)
    else:
        big_d = seasonal_differences(y, m) if m > 1 else 0
        fixed_seasonal = None
    if order is not None:
        d = order[1]
    else:
        d = differences(_difference(y.to_numpy(dtype=float), m, big_d))
    constant_options = [constant] if constant is not None else [True, False]
    if d + big_d > 1:
        constant_options = [c for c in constant_options if not c] or [False]

    n_effective = len(y) - d - m * big_d
    fits: dict[ArimaOrder, float] = {}

    def consider(p: int, q: int, sp: int, sq: int, c: bool) -> None:
        if order is not None:
            p, q = order[0], order[2]
        if fixed_seasonal is not None:
            sp, sq = fixed_seasonal[0], fixed_seasonal[2]
        if m == 1:  # no seasonal cycle (or the analyst's seasonal=False): no seasonal terms
            sp = sq = 0
        if min(p, q, sp, sq) < 0 or p > MAX_P or q > MAX_Q:
            return
        if sp > SEARCH_MAX_SEASONAL and fixed_seasonal is None:
            return
        if sq > SEARCH_MAX_SEASONAL and fixed_seasonal is None:
            return
        if p + q + sp + sq > MAX_ORDER and (order is None or fixed_seasonal is None):
            return
        spec = ArimaOrder((p, d, q), (sp, big_d, sq, m if m > 1 else 0), c)
        if spec in fits:
            return
        k = p + q + sp + sq + int(c) + 1 + (0 if exog is None else exog.shape[1])
        if n_effective - k - 1 <= 0 or n_effective < p + m * sp + 1:
            fits[spec] = np.inf
            return
        try:
            value = float(_estimate(y, spec, exog, searching=True).aicc)
        except ForecastError:  # this order cannot be estimated on y: the search moves on
            value = np.inf
        fits[spec] = value if np.isfinite(value) else np.inf

    default_constant = constant_options[0]
    starts = [(2, 2, 1, 1), (0, 0, 0, 0), (1, 0, 1, 0), (0, 1, 0, 1)]
    if order is not None and fixed_seasonal is not None:
        starts = starts[:1]
    for p, q, sp, sq in starts:
        consider(p, q, sp, sq, default_constant)
    if len(constant_options) > 1:
        consider(0, 0, 0, 0, constant_options[1])

    def best_spec() -> ArimaOrder | None:
        finite = {s: v for s, v in fits.items() if np.isfinite(v)}
        return min(finite, key=finite.get) if finite else None

    current = best_spec()
    moves = [(1, 0, 0, 0), (-1, 0, 0, 0), (0, 1, 0, 0), (0, -1, 0, 0), (1, 1, 0, 0)]
    moves += [(-1, -1, 0, 0), (0, 0, 1, 0), (0, 0, -1, 0), (0, 0, 0, 1), (0, 0, 0, -1)]
    moves += [(0, 0, 1, 1), (0, 0, -1, -1)]
    while current is not None:
        p, _, q = current.order
        sp, _, sq, _ = current.seasonal_order
        for dp, dq, dsp, dsq in moves:
            consider(p + dp, q + dq, sp + dsp, sq + dsq, current.constant)
        for c in constant_options:
            consider(p, q, sp, sq, c)
        best = best_spec()
        if best == current:
            break
        current = best
    if current is None:
        raise ForecastError(
            "forecast.no_fit",
            f"no ARIMA order could be estimated on {series_label(y.name)} ({len(y)} observations)",
            series=y.name,
            method="arima",
        )
    return ArimaFit(current, _estimate(y, current, exog))


def fit(
    y: pd.Series, season_length: int, exog: pd.DataFrame | None = None, **params: Any
) -> ArimaFit:
    """Fit the ARIMA chosen by :func:`search` (or the analyst's fixed order) on ``y``.

    Parameters
    ----------
    y:
        The series.
    season_length:
        Periods per seasonal cycle; 1 means no seasonal part.
    exog:
        Regressors aligned with ``y`` (e.g. outlier or Tết dummies).
    **params:
        ``order`` (p, d, q), ``seasonal_order`` (P, D, Q), ``constant`` (bool), ``seasonal``
        (False to search non-seasonal models only).
    """
    m = season_length if params.get("seasonal", True) else 1
    order = params.get("order")
    seasonal_order = params.get("seasonal_order")
    return search(
        y,
        m,
        exog,
        order=tuple(order) if order is not None else None,
        seasonal_order=tuple(seasonal_order) if seasonal_order is not None else None,
        constant=params.get("constant"),
    )


def _check_order(name: str, value: Any, length: int, bounds: tuple[int, ...]) -> None:
    valid = (
        isinstance(value, tuple | list)
        and len(value) == length
        and all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value)
        and all(v <= b for v, b in zip(value, bounds, strict=True))
    )
    if not valid:
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter '{name}' of method 'arima' must be {length} non-negative whole numbers "
            f"at most {bounds}, got {value!r}",
            parameter=name,
            method="arima",
            value=repr(value),
        )


def check(y: pd.Series, season_length: int, params: Mapping[str, Any]) -> None:
    """Rules of ARIMA: well-formed orders, a seasonal order only for seasonal data, enough data."""
    if params.get("order") is not None:
        _check_order("order", params["order"], 3, (MAX_P, MAX_D, MAX_Q))
    if params.get("seasonal_order") is not None:
        _check_order(
            "seasonal_order", params["seasonal_order"], 3, (MAX_P_SEASONAL, 1, MAX_Q_SEASONAL)
        )
        if season_length == 1:
            raise ForecastError(
                "forecast.no_season",
                f"{series_label(y.name)} has no seasonal cycle at its frequency "
                f"({y.index.freqstr}); a seasonal order needs monthly or quarterly data",
                series=y.name,
                frequency=y.index.freqstr,
            )
    for name in ("constant", "seasonal"):
        if params.get(name) is not None:
            check_choice("arima", name, params[name], (True, False))
    check_length(y, 6, "arima")
    check_not_constant(y)


register(
    ModelSpec(
        name="arima",
        description="Seasonal ARIMA with regressors, order chosen by tests and stepwise AICc",
        fit=fit,
        parameters=frozenset({"order", "seasonal_order", "constant", "seasonal"}),
        check=check,
        accepts_exog=True,
    )
)
