"""The odds of meeting a plan target, against analytic values and hand computations."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scipy.stats import norm

from analytics.target_odds import (
    GREEN_AT,
    RED_BELOW,
    light,
    outcome_range,
    probability,
    year_outcomes,
)
from analytics.targets import acceptance, assess, parse_target
from forecasting.simulation import simulate_paths


def test_the_odds_of_a_yearly_average_equal_the_analytic_value() -> None:
    # Two months known (3,0 and 3,2); the ten others independent N(3,5; 0,8²). The year's mean is
    # normal: mean (6,2 + 35)/12, standard deviation 0,8·√10/12.
    rng = np.random.default_rng(1)
    paths = rng.normal(3.5, 0.8, size=(40_000, 10))
    outcomes = year_outcomes("mean", np.array([3.0, 3.2]), paths, 12)
    rule = acceptance(parse_target("Dưới 3,5"), higher_is_better=False)
    analytic = norm.cdf((3.5 - 41.2 / 12) / (0.8 * math.sqrt(10) / 12))
    assert probability(outcomes, rule) == pytest.approx(analytic, abs=0.01)
    low, high = outcome_range(outcomes, 80)
    z = norm.ppf(0.9) * 0.8 * math.sqrt(10) / 12
    assert (low, high) == pytest.approx((41.2 / 12 - z, 41.2 / 12 + z), abs=0.01)


def test_annual_growth_from_quarterly_levels_by_hand() -> None:
    last_year = np.array([100.0, 110.0, 120.0, 130.0])  # 460
    outcomes = year_outcomes(
        "growth", np.array([106.0, 117.0]), np.array([[128.0, 140.0]]), 4, last_year
    )
    assert outcomes[0] == pytest.approx(100 * (491 / 460 - 1))  # +6,74 %
    assert year_outcomes("last", np.array([1.0]), np.array([[2.0, 3.0]]), 3)[0] == 3.0


def test_the_odds_and_the_verdict_follow_one_rule() -> None:
    target = parse_target("Khoảng 4")  # CPI: a ceiling at 4 + 0,5
    rule = acceptance(target, higher_is_better=False)
    values = np.array([3.9, 4.5, 4.6])
    assert rule.meets(values).tolist() == [True, True, False]
    assert [assess(v, target, False) for v in values] == ["met", "met", "not_met"]
    growth = acceptance(parse_target("Từ 10 trở lên"), higher_is_better=True)
    assert growth.meets(np.array([9.99, 10.0])).tolist() == [False, True]


def test_the_traffic_light_thresholds() -> None:
    assert [light(p) for p in (GREEN_AT, GREEN_AT - 0.01, RED_BELOW, RED_BELOW - 0.01)] == [
        "green",
        "amber",
        "amber",
        "red",
    ]
    assert light(math.nan) == "none"


def test_a_model_s_paths_give_the_odds_of_a_series_with_known_parameters() -> None:
    # A random walk with unit steps, 600 months. The mean of the next 12 months is the last
    # value plus the mean of 12 partial sums: normal, variance Σ(13−k)²/144 = 650/144. So the
    # chance the year's mean exceeds the last value by 1 is 1 − Φ(1/√(650/144)) ≈ 0,319. The
    # model estimates its parameters (it finds a smoothing weight near 1), held to within 0,04.
    rng = np.random.default_rng(7)
    walk = np.cumsum(rng.normal(0.0, 1.0, 600)) + 100.0
    y = pd.Series(walk, index=pd.period_range("1975-01", periods=600, freq="M"))
    paths = simulate_paths(y, 12, repetitions=4000)
    assert paths.shape == (4000, 12)
    outcomes = year_outcomes("mean", np.array([]), paths, 12)
    analytic = 1 - norm.cdf(1 / math.sqrt(650 / 144))
    rule = acceptance(parse_target(f"Trên {walk[-1] + 1:.4f}".replace(".", ",")), True)
    assert probability(outcomes, rule) == pytest.approx(analytic, abs=0.04)
    assert np.array_equal(paths, simulate_paths(y, 12, repetitions=4000)), "seeded"
