"""A model that cannot be computed on a series is a failed candidate; a bug in our code is not.

Numerical failures raised inside statsmodels, scipy or numpy become ``forecast.numerical_failure``
(a ``ForecastError``), which ``auto`` records as a candidate that failed. A ``TypeError``, a
``KeyError`` or a ``ValueError`` raised by this package's own code propagates out of ``forecast``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import minimize_scalar
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from forecasting import MODELS, ForecastError, ModelSpec, forecast
from forecasting.numerical import numerical_failures
from tests.forecasting.conftest import monthly, yearly


def _singular() -> np.ndarray:
    """A numerical failure raised inside numpy: inverting a singular matrix."""
    return np.linalg.inv(np.zeros((2, 2)))


def test_a_statsmodels_value_error_becomes_a_keyed_forecast_error() -> None:
    short = monthly(np.arange(1.0, 15.0), "SHORT")
    with pytest.raises(ForecastError) as caught, numerical_failures("ets", short.name):
        ETSModel(
            short,
            error="add",
            seasonal="add",
            seasonal_periods=12,
            initialization_method="heuristic",
        ).fit(disp=False)
    error = caught.value
    assert error.key == "forecast.numerical_failure"
    assert error.params["method"] == "ets" and error.params["series"] == "SHORT"
    assert "two full seasonal cycles" in error.params["reason"]
    assert isinstance(error.__cause__, ValueError)
    assert str(error).startswith("ets could not be computed on series 'SHORT'")


def test_a_linear_algebra_failure_becomes_a_forecast_error() -> None:
    with (
        pytest.raises(ForecastError, match=r"LinAlgError: Singular matrix"),
        numerical_failures("arima"),
    ):
        _singular()


def test_a_value_error_raised_by_our_own_code_passes_through() -> None:
    with pytest.raises(ValueError, match="our own mistake") as caught, numerical_failures("ets"):
        raise ValueError("our own mistake")
    assert not isinstance(caught.value, ForecastError)


def test_a_value_error_of_our_callback_inside_a_library_call_passes_through() -> None:
    def criterion(alpha: float) -> float:
        raise ValueError(f"criterion broke at {alpha}")

    with (
        pytest.raises(ValueError, match="criterion broke") as caught,
        numerical_failures("optimized_theta"),
    ):
        minimize_scalar(criterion, bounds=(0.1, 0.9), method="bounded")
    assert not isinstance(caught.value, ForecastError)


def test_other_exception_types_of_a_library_pass_through() -> None:
    with pytest.raises(KeyError), numerical_failures("ets"):
        pd.Series([1.0], index=["a"])["b"]


class _Fit:
    """A fitted model whose ``predict`` runs ``action`` (to raise what a test needs)."""

    label = "Stand-in"

    def __init__(self, y: pd.Series, action: Callable[[], object] | None = None) -> None:
        self.y, self.action = y, action
        self.params: dict[str, Any] = {}

    def predict(self, horizon: int, levels: tuple[int, ...], exog: object = None) -> Any:
        if self.action is not None:
            self.action()
        return MODELS["naive"].fit(self.y, 1).predict(horizon, levels)

    def update(self, y: pd.Series, exog: object = None) -> _Fit:
        return _Fit(y, self.action)


@pytest.fixture
def register(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Register a stand-in method for one test: ``register(name, fit=..., predict=...)``."""

    def _register(
        name: str,
        fit: Callable[[], object] | None = None,
        predict: Callable[[], object] | None = None,
    ) -> None:
        def fitted(y: pd.Series, season_length: int, exog: object = None, **params: Any) -> _Fit:
            if fit is not None:
                fit()
            return _Fit(y, predict)

        monkeypatch.setitem(MODELS, name, ModelSpec(name, "stand-in", fitted))

    return _register


@pytest.fixture
def series() -> pd.Series:
    rng = np.random.default_rng(14)
    return yearly(40 + np.cumsum(rng.normal(0.5, 1.0, 30)), "GDP")


def _type_error() -> None:
    raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")


def _own_value_error() -> None:
    raise ValueError("a value our own code computed wrongly")


def _key_error() -> None:
    raise KeyError("estimates")


BUGS = [(_type_error, TypeError), (_own_value_error, ValueError), (_key_error, KeyError)]


@pytest.mark.parametrize(("bug", "kind"), BUGS)
def test_a_bug_in_a_candidates_fit_propagates_out_of_auto(register, series, bug, kind) -> None:  # type: ignore[no-untyped-def]
    register("buggy", fit=bug)
    with pytest.raises(kind) as caught:
        forecast(series, 3, candidates=["naive", "buggy"], backtest_origins=2)
    assert type(caught.value) is kind, "a bug is not a failed candidate"


def test_a_bug_in_a_candidates_forecast_propagates_out_of_auto(register, series) -> None:  # type: ignore[no-untyped-def]
    register("buggy", predict=_own_value_error)
    with pytest.raises(ValueError, match="computed wrongly") as caught:
        forecast(series, 3, candidates=["naive", "drift", "buggy"], backtest_origins=2)
    assert not isinstance(caught.value, ForecastError)


def test_a_candidate_that_fails_numerically_is_skipped_and_recorded(register, series) -> None:  # type: ignore[no-untyped-def]
    def singular_fit() -> None:
        with numerical_failures("singular", series.name):
            _singular()

    register("singular", fit=singular_fit)
    result = forecast(series, 3, candidates=["naive", "singular"], backtest_origins=2)
    failed = result.backtest.set_index("model").loc["singular"]
    assert "LinAlgError: Singular matrix" in failed["error"]
    assert not failed["chosen"]
    assert result.model == "Naive"


def test_ets_forms_that_statsmodels_cannot_fit_are_skipped_by_auto(
    monkeypatch: pytest.MonkeyPatch, series: pd.Series
) -> None:
    """Every ETS form fails inside the library: ETS is a failed candidate, the others forecast."""

    def failing_likelihood(self: ETSModel, *args: object, **kwargs: object) -> None:
        _singular()

    monkeypatch.setattr(ETSModel, "_loglike_internal", failing_likelihood)
    result = forecast(series, 3, candidates=["naive", "drift", "ets"], backtest_origins=2)
    failed = result.backtest.set_index("model").loc["ets"]
    assert "no ETS form could be estimated" in failed["error"]
    assert "Singular matrix" in failed["error"]
    assert not failed["chosen"] and "ETS" not in result.model
    assert np.isfinite(result.point).all()


def test_the_same_numerical_failure_of_the_chosen_method_is_said_to_the_analyst(
    monkeypatch: pytest.MonkeyPatch, series: pd.Series
) -> None:
    def failing_likelihood(self: ETSModel, *args: object, **kwargs: object) -> None:
        _singular()

    monkeypatch.setattr(ETSModel, "_loglike_internal", failing_likelihood)
    with pytest.raises(ForecastError) as caught:
        forecast(series, 3, "ets", error="add", trend="add", backtest_origins=1)
    assert caught.value.key == "forecast.no_fit"
    assert "Singular matrix" in str(caught.value)
