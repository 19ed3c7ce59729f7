"""Split-conformal bands and the MSIS, by hand and by simulation: the radius is the
⌈(n+1)·L⌉-th smallest error, too few errors give no finite band, the bands cover at least their
level on exchangeable errors whatever their distribution, and the MSIS matches M4's formula
worked out on paper."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from forecasting.conformal import conformal_bands, conformal_radii, conformal_radius, msis


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
