"""``auto`` forecasts with the recipe it is given, a weighted pool weighs its members by their
backtest alone, and a recipe that breaks a rule is refused in the analyst's terms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from forecasting import ForecastError, forecast
from forecasting.result import Member
from forecasting.selection import (
    DEFAULT_RECIPE,
    Candidate,
    Pool,
    Recipe,
    inverse_mase_weights,
)
from tests.forecasting.conftest import yearly

FAST = {"backtest_origins": 3}
NAIVE = Candidate("naive", "naive", {})
DRIFT = Candidate("drift", "drift", {})
THETA = Candidate("theta", "theta", {})


def walk() -> pd.Series:
    """Thirty years of a drifting random walk (seeded)."""
    return yearly(100 + np.cumsum(np.random.default_rng(3).normal(1, 2, 30)), "WALK")


def non_seasonal_recipe(*pools: Pool) -> Recipe:
    return Recipe(
        seasonal=DEFAULT_RECIPE.seasonal,
        seasonal_pools=DEFAULT_RECIPE.seasonal_pools,
        non_seasonal=(NAIVE, DRIFT, THETA),
        non_seasonal_pools=pools,
    )


def test_the_recipe_given_is_the_one_forecast_with() -> None:
    recipe = non_seasonal_recipe(Pool(("naive", "drift")), Pool(("naive", "theta"), "mean"))
    result = forecast(walk(), 4, "auto", recipe=recipe, **FAST)
    assert set(result.backtest["model"]) == {
        "naive",
        "drift",
        "theta",
        "median(naive + drift)",
        "mean(naive + theta)",
    }
    assert result.choice.chosen in {"median(naive + drift)", "mean(naive + theta)"}
    expected = {
        "median(naive + drift)": ((Member("naive"), Member("drift")), "median"),
        "mean(naive + theta)": ((Member("naive"), Member("theta")), "mean"),
    }
    assert (result.members, result.combiner) == expected[result.choice.chosen]


def test_without_a_recipe_auto_uses_the_default_one() -> None:
    result = forecast(walk(), 4, "auto", **FAST)
    default_names = {c.name for c in DEFAULT_RECIPE.non_seasonal}
    assert default_names <= set(result.backtest["model"])
    default_members = [c.member for c in DEFAULT_RECIPE.non_seasonal]
    assert all(member in default_members for member in result.members)


def test_inverse_mase_weights_by_hand() -> None:
    # 1/1 : 1/2 : 1/4 = 4 : 2 : 1, out of 7
    assert inverse_mase_weights([1.0, 2.0, 4.0]) == pytest.approx((4 / 7, 2 / 7, 1 / 7))
    assert sum(inverse_mase_weights([0.3, 1.7])) == pytest.approx(1)


def test_a_perfect_or_unscored_member_leaves_the_weights_equal() -> None:
    assert inverse_mase_weights([0.0, 2.0]) == (0.5, 0.5)
    assert inverse_mase_weights([np.nan, 1.0, 2.0]) == pytest.approx((1 / 3,) * 3)


def test_a_weighted_pool_weighs_its_members_by_their_backtest_mase() -> None:
    recipe = non_seasonal_recipe(Pool(("naive", "drift"), "weighted"))
    result = forecast(walk(), 4, "auto", recipe=recipe, intervals="model", **FAST)
    assert result.choice.chosen == "weighted(naive + drift)" and result.combiner == "weighted"
    mase = result.backtest.set_index("model")["mase"]
    by_hand = np.array([1 / mase["naive"], 1 / mase["drift"]])
    by_hand /= by_hand.sum()
    assert result.params["weights"] == pytest.approx(by_hand)
    table = result.backtest_forecasts.set_index(["model", "origin", "period"])["forecast"]
    combined = by_hand[0] * table["naive"] + by_hand[1] * table["drift"]
    assert table["weighted(naive + drift)"].to_numpy() == pytest.approx(combined.to_numpy())
    naive = forecast(walk(), 4, "naive", intervals="model", **FAST).point
    drift = forecast(walk(), 4, "drift", intervals="model", **FAST).point
    assert result.point.to_numpy() == pytest.approx(by_hand[0] * naive + by_hand[1] * drift)
    assert result.model.startswith("Weighted mean of ")


@pytest.mark.parametrize(
    ("build", "said"),
    [
        (lambda: "median", "must be a Recipe"),
        (lambda: non_seasonal_recipe(Pool(("naive", "ets")), Pool(("naive", "drift"))), "ets"),
        (lambda: non_seasonal_recipe(Pool(("naive",))), "at least two"),
        (lambda: non_seasonal_recipe(Pool(("naive", "drift"), "mode")), "'mode'"),
        (lambda: non_seasonal_recipe(), "no non-seasonal pool"),
    ],
)
def test_a_recipe_that_breaks_a_rule_is_refused(build, said: str) -> None:
    with pytest.raises(ForecastError, match=said) as raised:
        forecast(walk(), 4, "auto", recipe=build(), **FAST)
    assert raised.value.key == "forecast.bad_parameter"
    assert raised.value.params["parameter"] == "recipe"


def test_a_recipe_and_candidates_exclude_each_other() -> None:
    with pytest.raises(ForecastError, match="cannot be given with 'candidates'") as raised:
        forecast(walk(), 4, "auto", recipe=DEFAULT_RECIPE, candidates=["naive", "drift"])
    assert raised.value.key == "forecast.bad_parameter"
