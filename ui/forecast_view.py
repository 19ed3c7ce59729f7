"""Turn forecasts into what the pages draw: chart frames, readable tables, the band caption.

The glue between ``forecasting``'s results, the stored forecasts of ``data.forecasts`` and the
charts of ``charts.builders``; it knows nothing of widgets, so the Forecast lab, Explore and the
Overview stay lists of widgets and draws.
"""

from __future__ import annotations

import math

import pandas as pd

from analytics.calibration import interval_calibration
from analytics.formatting import format_date, format_number, format_percent, format_period
from charts import fan_frames as fans
from data.forecasts import StoredForecast
from domain.periods import parse_period
from domain.vocabulary import Frequency
from forecasting.result import Choice, ForecastResult
from ui.i18n import translate
from ui.markdown import plain
from ui.model_names import model_text

HISTORY_SHOWN = {Frequency.MONTH.pandas: 96, Frequency.QUARTER.pandas: 32}
"""Periods of actuals the lab's fan chart shows before the forecast (all for annual series)."""


def result_frame(result: ForecastResult) -> pd.DataFrame:
    """A forecast result, wide: ``period, point, lower_<level>, upper_<level>``."""
    frame = pd.DataFrame({"period": result.point.index, "point": result.point.to_numpy()})
    for level in result.levels:
        frame[f"lower_{level}"] = result.lower[level].to_numpy()
        frame[f"upper_{level}"] = result.upper[level].to_numpy()
    return frame


def fan_frame(
    actuals: pd.Series,
    forecast: pd.DataFrame,
    compare: pd.DataFrame | None,
    labels: tuple[str, str, str],
    lang: str,
) -> pd.DataFrame:
    """The lab's fan chart frame (``charts.fan_frames.fan_frame``), with the history
    :data:`HISTORY_SHOWN` of the series' frequency."""
    history = HISTORY_SHOWN.get(actuals.index.freqstr[0])
    return fans.fan_frame(actuals, forecast, compare, labels, lang, history)


def explore_forecast_rows(
    stored: StoredForecast,
    shown: pd.DataFrame,
    last_actual: pd.Series,
    end: pd.Period | None,
    lang: str,
) -> pd.DataFrame:
    """A published forecast as rows of Explore's chart, in the series' colour and legend.

    ``shown`` is the series' part of Explore's frame (its ``label``, ``unit``, ``code``, ``name``);
    the fan starts at ``last_actual`` and stops at ``end``, the view's last period, if set.
    """
    values = stored.values
    if end is not None:
        values = values[[p.start_time <= end.end_time for p in values["period"]]]
    values = values[values["period"] > last_actual.index[-1]]
    if values.empty:
        return pd.DataFrame()
    first = shown.iloc[0]
    return fans.rows(fans.anchored(values, last_actual), "forecast", first["label"], lang).assign(
        code=first["code"], name=first["name"], unit=first["unit"]
    )


def published_caption(stored: StoredForecast, name: str, lang: str) -> str:
    """What a dashed line in Explore is: whose forecast, when, from which data and model."""
    return translate(
        "forecast.explore.caption",
        lang,
        name=plain(name),
        date=format_date(stored.created_at, lang),
        author=plain(stored.author_label),
        model=plain(model_text(stored.model, lang)),
        origin=origin_text(stored.origin_period, stored.frequency, lang),
        levels=" / ".join(f"{level}%" for level in stored.levels),
    )


def origin_text(origin_period: str, frequency: str, lang: str) -> str:
    """A run's last actual period (a label such as ``2025-02``) as a reader writes it."""
    return format_period(parse_period(origin_period, frequency), lang)


def tile_forecast(stored: StoredForecast, latest: pd.Period, lang: str) -> str | None:
    """The Overview tile's line: the forecast of the first period after ``latest``, or None."""
    ahead = stored.values[stored.values["period"] > latest]
    if ahead.empty:
        return None
    first = ahead.iloc[0]
    return translate(
        "forecast.overview.tile",
        lang,
        period=format_period(first["period"], lang),
        value=format_number(first["point"], lang),
        date=format_date(stored.created_at, lang),
        author=stored.author_label,
    )


def coverage_of(scores: pd.DataFrame, level: int) -> float:
    """The chosen model's backtest coverage of the ``level`` % interval (0-1), NaN if unknown."""
    chosen = scores[scores["chosen"].fillna(False).astype(bool)]
    column = f"coverage_{level}"
    if chosen.empty or column not in chosen:
        return math.nan
    return float(chosen[column].iloc[0])


def backtest_size(scores: pd.DataFrame) -> int:
    """How many outcomes the chosen model's backtest coverage counts (origins x horizon)."""
    chosen = scores[scores["chosen"].fillna(False).astype(bool)]
    if chosen.empty:
        return 0
    return int(chosen["origins"].iloc[0] * chosen["horizon"].iloc[0])


def band_caption(
    scores: pd.DataFrame,
    levels: tuple[int, ...],
    lang: str,
    conformal_levels: tuple[int, ...] = (),
    calibration_errors: int = 0,
    factors: dict[int, float] | None = None,
) -> tuple[str, bool]:
    """The Bank of England reading of the bands, as far as the backtest supports it.

    Returns the caption and whether the backtest supports the reading: when the bands were
    calibrated on the backtest errors (``conformal_levels``), it says so and what the model's
    own bands held; otherwise, when a band's backtest coverage is well below its level, the
    caption says so instead of promising "80 times in 100".
    """
    inner, outer = min(levels), max(levels)
    n = backtest_size(scores)
    coverages = {level: coverage_of(scores, level) for level in (inner, outer)}
    bands = {"inner": inner, "outer": outer}
    held = {
        "inner_coverage": format_number(100 * coverages[inner], lang, 0),
        "outer_coverage": format_number(100 * coverages[outer], lang, 0),
    }
    reading = translate("forecast.band.reading", lang, **bands)
    widened = ""
    if factors:
        shown = {
            f"{k}_factor": format_number(factors.get(v, 1.0), lang, 2) for k, v in bands.items()
        }
        widened = " " + translate("forecast.band.widened", lang, **bands, **shown)
    if {inner, outer} <= set(conformal_levels):
        calibrated = translate(
            "forecast.band.conformal", lang, **bands, **held, n=calibration_errors
        )
        return reading + " " + calibrated + widened, True
    partly = widened
    if conformal_levels:
        own = [level for level in (inner, outer) if level not in conformal_levels]
        partly = (
            " "
            + translate("forecast.band.partly_conformal", lang, level=own[-1], n=calibration_errors)
            + widened
        )
    verdicts = {level: interval_calibration(level, coverages[level], n) for level in coverages}
    measured = translate("forecast.band.measured", lang, **bands, **held, n=n)
    if "unknown" in verdicts.values():
        return translate("forecast.band.untested", lang, **bands), False
    if "too_narrow" in verdicts.values():
        return translate("forecast.band.too_narrow", lang) + " " + measured + partly, False
    if "too_wide" in verdicts.values():
        too_wide = translate("forecast.band.too_wide", lang)
        return reading + " " + measured + " " + too_wide + partly, True
    return reading + " " + measured + partly, True


METRIC_NAMES = {"mase": "MASE", "smape": "sMAPE", "rmse": "RMSE"}


def choice_text(choice: Choice, lang: str) -> str:
    """What ``auto`` did and why, in ``lang``: the rule that decided and the scores it compared.

    The scores are written as the backtest table writes them (RMSE with three decimals, the
    others with two), so the sentence can be checked against the table above it.
    """
    digits = 3 if choice.metric == "rmse" else 2
    values = {
        "chosen": model_text(choice.chosen, lang),
        "metric": METRIC_NAMES.get(choice.metric, choice.metric),
        "score": format_number(choice.score, lang, digits),
        "rival": model_text(choice.rival, lang) if choice.rival else "",
        "rival_score": format_number(choice.rival_score, lang, digits),
        "origins": choice.evidence_origins,
        "ratio": format_percent(100 * choice.evidence_ratio, lang, 0),
    }
    text = translate(f"lab.choice.{choice.rule}", lang, **values)
    if choice.rival is not None and choice.rule in ("pool", "lowest"):
        text += " " + translate(f"lab.choice.{choice.rule}.rival", lang, **values)
    return text


def backtest_table(scores: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The backtest scores for reading: numbers in the user's convention, headers translated."""
    levels = sorted(int(c.split("_")[1]) for c in scores.columns if c.startswith("coverage_"))
    table = pd.DataFrame(
        {
            translate("forecast.column.model", lang): [
                model_text(m, lang) for m in scores["model"]
            ],
            "sMAPE": [format_number(v, lang, 2) for v in scores["smape"]],
            "MASE": [format_number(v, lang, 2) for v in scores["mase"]],
            "RMSE": [format_number(v, lang, 3) for v in scores["rmse"]],
        }
    )
    for level in levels:
        table[translate("forecast.column.coverage", lang, level=level)] = [
            format_number(100 * v, lang, 0) for v in scores[f"coverage_{level}"]
        ]
    table[translate("forecast.column.chosen", lang)] = [
        "✓" if chosen else "" for chosen in scores["chosen"].fillna(False).astype(bool)
    ]
    return table


def values_table(
    columns: dict[str, pd.DataFrame], lang: str, period_title: str, decimals: int = 2
) -> pd.DataFrame:
    """Point forecasts side by side by period: one column per named wide forecast frame."""
    parts = [
        frame[["period", "point"]].rename(columns={"point": title}).set_index("period")
        for title, frame in columns.items()
    ]
    merged = pd.concat(parts, axis=1).sort_index().reset_index()
    table = merged.drop(columns="period").map(lambda v: format_number(v, lang, decimals))
    table.index = [format_period(p, lang) for p in merged["period"]]
    table.index.name = period_title
    return table
