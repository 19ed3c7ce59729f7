"""The lab's sentence under the fan chart says what the bands rest on: calibrated on the
backtest errors (and what the model's own bands held), or the model's own, with a caution when
the backtest shows them too narrow."""

from __future__ import annotations

import pandas as pd
import pytest

from ui.forecast_view import band_caption
from ui.translations import translate

SCORES = pd.DataFrame(
    {
        "model": ["ets", "naive"],
        "coverage_80": [0.5, 0.9],
        "coverage_95": [0.7, 1.0],
        "origins": [3, 3],
        "horizon": [6, 6],
        "chosen": [True, False],
    }
)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_calibrated_bands_say_so_and_what_the_models_own_held(lang: str) -> None:
    caption, supported = band_caption(SCORES, (80, 95), lang, (80, 95), 18)
    expected = translate(
        "forecast.band.conformal",
        lang,
        inner=80,
        outer=95,
        inner_coverage="50",
        outer_coverage="70",
        n=18,
    )
    assert supported and caption.endswith(expected)
    assert translate("forecast.band.too_narrow", lang) not in caption


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_band_left_uncalibrated_is_named_and_the_caution_kept(lang: str) -> None:
    caption, supported = band_caption(SCORES, (80, 95), lang, (80,), 18)
    assert not supported, "the model's own bands held 50 % and 70 %: too narrow"
    assert caption.startswith(translate("forecast.band.too_narrow", lang))
    assert caption.endswith(translate("forecast.band.partly_conformal", lang, level=95, n=18))
    plain, _ = band_caption(SCORES, (80, 95), lang)
    assert translate("forecast.band.partly_conformal", lang, level=95, n=18) not in plain


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_cross_series_factors_are_said_with_their_values(lang: str) -> None:
    caption, _ = band_caption(SCORES, (80, 95), lang, (80, 95), 18, {80: 1.25, 95: 0.9})
    decimal = "," if lang == "vi" else "."
    widened = translate(
        "forecast.band.widened",
        lang,
        inner=80,
        outer=95,
        inner_factor=f"1{decimal}25",
        outer_factor=f"0{decimal}90",
    )
    assert caption.endswith(widened)
    assert widened not in band_caption(SCORES, (80, 95), lang, (80, 95), 18)[0]
