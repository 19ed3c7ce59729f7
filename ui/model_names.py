"""Forecasting models named in the reader's language.

The forecasting library names a fitted model by its method and options, e.g.
``median(optimized_theta + ets (deseasonalised) + seasonal_naive)`` or
``ets, Box-Cox λ=0.25``; those names are its keys and stay so in storage. For a reader each part is
replaced by its text in ``ui.text_forecast`` (``model.part.*``), and numbers are written with the
language's decimal sign.
"""

from __future__ import annotations

import re

from analytics.formatting import format_number
from ui.i18n import translate

# Each part a name can hold, as the library writes it in a candidate's key ("seasonal_naive") or a
# fitted model's label ("Seasonal naive"), with its translation key. Longest first, so that
# "damped ets" is read before "ets" and "Seasonal naive" before "Naive"; case matters.
PARTS: tuple[tuple[str, str], ...] = (
    ("damped ets", "damped_ets"),
    ("optimized_theta", "optimized_theta"),
    ("Optimised Theta", "optimized_theta"),
    ("seasonal_naive", "seasonal_naive"),
    ("Seasonal naive", "seasonal_naive"),
    ("stl_arima", "stl_arima"),
    ("stl_ets", "stl_ets"),
    ("(deseasonalised)", "deseasonalised"),
    ("(additive error)", "additive_error"),
    ("Weighted mean of ", "weighted_mean_of"),
    ("Median of ", "median_of"),
    ("Mean of ", "mean_of"),
    ("weighted(", "weighted_mean_of_open"),
    ("median(", "median_of_open"),
    ("mean(", "mean_of_open"),
    ("arima", "arima"),
    ("theta", "theta"),
    ("naive", "naive"),
    ("Naive", "naive"),
    ("drift", "drift"),
    ("Drift", "drift"),
    ("ets", "ets"),
)
_KEYS = dict(PARTS)


def _pattern(part: str) -> str:
    escaped = re.escape(part)
    start = r"\b" if part[0].isalnum() else ""
    end = r"\b" if part[-1].isalnum() else ""
    return f"{start}{escaped}{end}"


_PART = re.compile("|".join(_pattern(part) for part, _ in PARTS))
_LAMBDA = re.compile(r"Box-Cox λ=(-?\d+(?:\.\d+)?)")


def model_text(name: object, lang: str) -> str:
    """``name`` of a forecasting model as a reader of ``lang`` says it."""
    text = str(name)

    text = _PART.sub(lambda m: translate(f"model.part.{_KEYS[m.group(0)]}", lang), text)
    return _LAMBDA.sub(lambda m: "Box-Cox λ = " + format_number(float(m.group(1)), lang, 2), text)
