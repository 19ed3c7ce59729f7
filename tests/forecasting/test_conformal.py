"""Split-conformal bands and the MSIS, by hand and by simulation: the radius is the
⌈(n+1)·L⌉-th smallest error, too few errors give no finite band, the bands cover at least their
level on exchangeable errors whatever their distribution, and the MSIS matches M4's formula
worked out on paper."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from forecasting import ForecastError, forecast
from forecasting.conformal import (
    SERIES_FACTORS,
    blend,
    calibrate,
    conformal_bands,
    conformal_radii,
    conformal_radius,
    msis,
    normalized_errors,
)


def test_the_radius_is_the_conformal_rank_of_the_errors() -> None:
    errors = np.array([0.5, -3.0, 1.0, 2.0, np.nan, -4.0, 0.1, 0.2, 0.3, 0.4])
    # nine errors, |e| sorted: 0.1 0.2 0.3 0.4 0.5 1 2 3 4; 80 %: ⌈10·0.8⌉ = 8th = 3.0
    assert conformal_radius(errors, 80) == 3.0
    # 90 %: ⌈10·0.9⌉ = 9th = 4.0; 95 %: ⌈9.5⌉ = 10th of 9: no finite band
    assert conformal_radius(errors, 90) == 4.0
    assert math.isinf(conformal_radius(errors, 95))
    assert math.isinf(conformal_radius(np.array([]), 80))


def test_radii_per_step_from_a_backtest_table() -> None:
    table = pd.DataFrame(
        {
            "step": [1, 2, 1, 2, 1, 2, 1, 2],
            "actual": [10.0, 11.0, 12.0, 13.0, 9.0, 8.0, 10.0, 10.0],
            "forecast": [9.0, 9.0, 12.5, 10.0, 9.0, 10.0, 12.0, 10.0],
        }
    )
    radii = conformal_radii(table, [50], 2)
    # step 1 errors 1, .5, 0, 2 -> sorted 0 .5 1 2, 50 %: ⌈5·0.5⌉ = 3rd = 1.0
    # step 2 errors 2, 3, 2, 0 -> sorted 0 2 2 3, 3rd = 2.0
    assert list(radii[50]) == [1.0, 2.0]
    lower, upper = conformal_bands(np.array([100.0, 100.0]), radii)[50]
    assert list(lower) == [99.0, 98.0] and list(upper) == [101.0, 102.0]


@pytest.mark.parametrize("level", [80, 95])
def test_bands_cover_at_least_their_level_on_exchangeable_errors(level: int) -> None:
    rng = np.random.default_rng(7)
    hits, trials, n = 0, 4000, 30
    for _ in range(trials):
        errors = rng.standard_t(3, size=n + 1)  # heavy tails: no normal band would do
        radius = conformal_radius(errors[:n], level)
        hits += abs(errors[n]) <= radius
    # exact coverage is ⌈31·L⌉/31: 25/31 = 0.806 and 30/31 = 0.968; binomial s.e. under 0.007
    expected = math.ceil((n + 1) * level / 100) / (n + 1)
    assert hits / trials == pytest.approx(expected, abs=0.025)
    assert hits / trials >= level / 100 - 0.02


def test_msis_by_hand() -> None:
    insample = np.array([1.0, 2.0, 4.0, 7.0])  # non-seasonal scale: mean(1, 2, 3) = 2
    actual = np.array([8.0, 12.0])
    lower, upper = np.array([7.0, 9.0]), np.array([9.0, 11.0])
    # widths 2 and 2; the second misses above by 1: penalty 2/0.2 · 1 = 10
    # (2 + 12) / 2 = 7, scaled by 2 -> 3.5
    assert msis(actual, lower, upper, insample, 1, 80) == pytest.approx(3.5)
    assert math.isnan(msis(actual, lower, upper, np.array([5.0, 5.0, 5.0]), 1, 80))


Z80 = (
    1.2815515655446004  # the normal quantile of 0.9, so an 80 % half-width of Z80 is a spread of 1
)


def test_calibration_by_hand_scales_the_models_own_spread_on_each_side() -> None:
    # Four backtest rows, each with an 80 % band of spread 1 below and 2 above the forecast.
    rows = pd.DataFrame(
        {
            "forecast": [10.0, 10.0, 10.0, 10.0],
            "actual": [11.0, 7.0, 14.0, 10.5],
            "lower_80": [10 - Z80] * 4,
            "upper_80": [10 + 2 * Z80] * 4,
            "lower_95": [0.0] * 4,
            "upper_95": [20.0] * 4,
        }
    )
    # ratios: above 1/2 = 0.5; below 3/1 = 3; above 4/2 = 2; above 0.5/2 = 0.25
    np.testing.assert_allclose(normalized_errors(rows, 80), [0.5, 3.0, 2.0, 0.25])
    point = np.array([100.0, 100.0])
    lower = {80: np.array([100 - Z80, 100 - 2 * Z80]), 95: np.array([90.0, 90.0])}
    upper = {80: np.array([100 + Z80, 100 + 3 * Z80]), 95: np.array([110.0, 110.0])}
    calibrated = calibrate(point, lower, upper, rows)
    # 50 % would be the 3rd of 4; 80 %: ⌈5·0.8⌉ = 4th smallest ratio = 3.0
    np.testing.assert_allclose(calibrated.lower[80], [97.0, 94.0])
    np.testing.assert_allclose(calibrated.upper[80], [103.0, 109.0])
    # 95 %: ⌈4.75⌉ = 5th of 4 errors: no guarantee, so the model's own band stays, except where
    # it is narrower than the 80 % band scaled by 1.96 / 1.28: above the second step, 9 · 1.53
    np.testing.assert_array_equal(calibrated.lower[95], lower[95])
    scale = 1.959963984540054 / Z80
    np.testing.assert_allclose(calibrated.upper[95], [110.0, 100 + 9 * scale])
    assert calibrated.conformal_levels == (80,)
    assert calibrated.n_errors == 4


def test_calibrated_bands_cover_their_level_when_the_models_bands_are_too_narrow() -> None:
    # The model believes its error has spread 1 at step h as sqrt(h); it is really twice that.
    rng = np.random.default_rng(7)
    steps = np.tile(np.arange(1, 7), 20)  # 20 origins of a 6-step backtest: 120 errors
    spread = np.sqrt(steps)
    covered = {80: [], 95: []}
    native_covered = []
    for _ in range(400):
        rows = pd.DataFrame(
            {
                "forecast": np.zeros(len(steps)),
                "actual": rng.normal(0, 2 * spread),
                "lower_80": -Z80 * spread,
                "upper_80": Z80 * spread,
            }
        )
        future_spread = np.sqrt(np.arange(1, 7))
        band = {80: -Z80 * future_spread}
        calibrated = calibrate(
            np.zeros(6),
            {80: band[80], 95: 1.96 * band[80] / Z80},
            {80: -band[80], 95: -1.96 * band[80] / Z80},
            rows,
        )
        outcome = rng.normal(0, 2 * future_spread)
        for level in (80, 95):
            inside = (calibrated.lower[level] <= outcome) & (outcome <= calibrated.upper[level])
            covered[level].append(inside.mean())
        native_covered.append((np.abs(outcome) <= Z80 * future_spread).mean())
    assert np.mean(native_covered) < 0.6  # the model's own 80 % band covers about half
    assert 0.78 <= np.mean(covered[80]) <= 0.86
    assert 0.93 <= np.mean(covered[95]) <= 0.99


def walk(start: str, periods: int, seed: int, freq: str) -> pd.Series:
    """A random walk from 50 with unit steps, on ``periods`` periods from ``start``."""
    steps = np.random.default_rng(seed).normal(0, 1, periods)
    index = pd.period_range(start, periods=periods, freq=freq)
    return pd.Series(50 + np.cumsum(steps), index=index, name="walk")


def test_forecast_bands_are_calibrated_on_the_backtest_or_the_models_own_on_request() -> None:
    y = walk("2015-01", 60, 3, "M")
    own = forecast(y, 6, "naive", intervals="model", backtest_origins=12)
    calibrated = forecast(y, 6, "naive", intervals="series_conformal", backtest_origins=12)
    assert own.conformal_levels == () and calibrated.conformal_levels == (80, 95)
    assert calibrated.calibration_errors == 12 * 6
    pd.testing.assert_series_equal(own.point, calibrated.point)
    rows = calibrated.backtest_forecasts
    expected = calibrate(
        own.point.to_numpy(),
        {lv: own.lower[lv].to_numpy() for lv in (80, 95)},
        {lv: own.upper[lv].to_numpy() for lv in (80, 95)},
        rows[rows["model"] == "naive"],
    )
    np.testing.assert_allclose(calibrated.lower[95], expected.lower[95])
    with pytest.raises(ForecastError, match="intervals"):
        forecast(y, 6, "naive", intervals="bootstrap")


def test_the_cross_series_factors_are_those_the_design_half_gave() -> None:
    record = json.loads(
        (Path(__file__).resolve().parents[2] / "bench/results/interval_design.json").read_text()
    )
    assert record["decision"] == "h"
    learned, unclassed = record["factors"]["h"], record["factors"]["f"]

    def factors(by_level: dict) -> dict[int, float]:
        return {int(level): sides["above"][0] for level, sides in by_level.items()}

    for m, by_class in SERIES_FACTORS.items():
        for length, by_level in by_class.items():
            if (m, length) == (12, "short"):  # too few points: the study left them unwidened
                assert set(factors(learned["12 short"]).values()) == {1.0}
                assert by_level == factors(unclassed["12"])
            else:
                assert by_level == factors(learned[f"{m} {length}"])
    assert set(SERIES_FACTORS) == {1, 4, 12}


def test_the_blend_is_the_geometric_mean_of_the_half_widths_on_each_side() -> None:
    point = np.array([10.0, 10.0])
    calibrated = ({80: np.array([6.0, 6.0])}, {80: np.array([11.0, 11.0])})
    own = ({80: np.array([9.0, np.nan])}, {80: np.array([14.0, 14.0])})
    lower, upper = blend(point, calibrated, own)
    # below sqrt(4 * 1) = 2 (the model's own is unknown at the second step: 4 is kept); above
    # sqrt(1 * 4) = 2
    np.testing.assert_allclose(lower[80], [8.0, 6.0])
    np.testing.assert_allclose(upper[80], [12.0, 12.0])


@pytest.mark.parametrize(("quarters", "length"), [(48, "short"), (60, "long")])
def test_the_default_bands_blend_the_series_and_the_models_own_and_widen_by_length(
    quarters: int, length: str
) -> None:
    y = walk("2010Q1", quarters, 5, "Q")
    alone = forecast(y, 4, "naive", intervals="series_conformal", backtest_origins=8)
    own = forecast(y, 4, "naive", intervals="model", backtest_origins=8)
    widened = forecast(y, 4, "naive", backtest_origins=8)
    assert widened.interval_factors == SERIES_FACTORS[4][length] and alone.interval_factors == {}
    for level in (80, 95):
        factor = SERIES_FACTORS[4][length][level]
        above = np.sqrt((alone.upper[level] - alone.point) * (own.upper[level] - own.point))
        below = np.sqrt((alone.point - alone.lower[level]) * (own.point - own.lower[level]))
        np.testing.assert_allclose(widened.upper[level] - widened.point, factor * above)
        np.testing.assert_allclose(widened.point - widened.lower[level], factor * below)


def test_a_window_makes_the_history_as_long_as_the_window() -> None:
    y = walk("2005Q1", 80, 5, "Q")
    assert forecast(y, 4, "naive").interval_factors == SERIES_FACTORS[4]["long"]
    assert forecast(y, 4, "naive", window=40).interval_factors == SERIES_FACTORS[4]["short"]
