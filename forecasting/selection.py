"""``auto``: choose the method, or the combination of methods, that forecast the history best.

Every candidate is backtested at the same origins; then the mean (and the median) of the best two
and best three candidates are scored from the same backtest forecasts, at no extra cost. The
winner on the selection metric (MASE by default) is refitted on the whole series. In-sample fit
never decides between families; it only picks the form within a family (AICc).

Default candidates: for seasonal data, STL + ETS (on logs when the series is positive, i.e.
multiplicative seasonality), Theta and the seasonal naive; otherwise ETS, Theta, naive and drift.
ARIMA is left out of the default because its order search costs 5 to 10 times more than all the
others together (too slow for the batch of thousands of series); ``candidates`` replaces the
defaults, e.g. ``candidates=["ets", "arima", "theta"]``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from forecasting.backtest import BacktestSettings, rolling_forecasts, score, too_short
from forecasting.errors import ForecastError, series_label
from forecasting.fitting import check_request, fit_model
from forecasting.models.combination import COMBINERS, CombinationFit, combine_predictions
from forecasting.registry import Prediction
from forecasting.validation import check_choice

SELECTION_METRICS = ("mase", "smape", "rmse")
COMBINATION_SIZES = (2, 3)


@dataclass(frozen=True)
class Candidate:
    """A method and its parameters, under the name the backtest table shows."""

    name: str
    method: str
    params: dict[str, Any]


def default_candidates(y: pd.Series, season_length: int) -> list[Candidate]:
    """The candidate methods ``auto`` compares on ``y`` when none are given."""
    if season_length > 1 and len(y) >= 3 * season_length:
        log = {"boxcox": 0} if bool((y > 0).all()) else {}
        return [
            Candidate("stl_ets", "stl_ets", log),
            Candidate("theta", "theta", {}),
            Candidate("seasonal_naive", "seasonal_naive", {}),
        ]
    return [
        Candidate("ets", "ets", {}),
        Candidate("theta", "theta", {}),
        Candidate("naive", "naive", {}),
        Candidate("drift", "drift", {}),
    ]


def parse_candidates(value: object) -> list[Candidate]:
    """Candidates from a list of names or of ``(name, params)`` pairs."""
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ForecastError(
            "forecast.bad_parameter",
            f"parameter 'candidates' of method 'auto' must be a non-empty list of methods, "
            f"got {value!r}",
            parameter="candidates",
            method="auto",
            value=repr(value),
        )
    candidates = []
    for item in value:
        method, params = (item, {}) if isinstance(item, str) else (item[0], dict(item[1]))
        shown = ", ".join(f"{k}={v}" for k, v in params.items())
        candidates.append(Candidate(f"{method}({shown})" if shown else method, method, params))
    return candidates


@dataclass(frozen=True)
class Selection:
    """What ``auto`` chose, the fitted model, and the backtest that decided."""

    chosen: str
    model: Any
    scores: pd.DataFrame
    forecasts: pd.DataFrame


def _combinations(forecasts: pd.DataFrame, ranked: list[str], levels: Sequence[int]):
    value_columns = ["forecast", *[f"{s}_{lv}" for lv in levels for s in ("lower", "upper")]]
    keys = ["origin", "period"]
    for size in COMBINATION_SIZES:
        if len(ranked) < size:
            continue
        members = ranked[:size]
        subset = forecasts[forecasts["model"].isin(members)]
        for how in COMBINERS if size > 2 else ("mean",):
            name = f"{how}({' + '.join(members)})"
            combined = subset.groupby(keys, sort=False)[value_columns].agg(how)
            firsts = subset.groupby(keys, sort=False)[["step", "actual", "scale"]].first()
            yield name, members, how, combined.join(firsts).reset_index().assign(model=name)


def select(
    y: pd.Series,
    horizon: int,
    season_length: int,
    levels: tuple[int, ...],
    settings: BacktestSettings,
    candidates: list[Candidate],
    select_by: str,
    common: Mapping[str, Any],
) -> Selection:
    """Backtest every candidate, score the combinations of the best, refit the winner on ``y``."""
    check_choice("auto", "select_by", select_by, SELECTION_METRICS)
    backtest_horizon = settings.horizon_for(len(y), horizon)
    positions = settings.positions(len(y), backtest_horizon)
    if not positions:
        raise too_short(y, "auto", backtest_horizon, settings)
    tables, failures, checked = [], {}, {}
    for candidate in candidates:
        params = {**common, **candidate.params}
        try:
            checked[candidate.name] = check_request(
                y, candidate.method, season_length, params, horizon
            )
            tables.append(
                rolling_forecasts(
                    y,
                    candidate.method,
                    season_length,
                    checked[candidate.name],
                    levels,
                    positions,
                    backtest_horizon,
                    settings.refit,
                    name=candidate.name,
                )
            )
        except (ValueError, np.linalg.LinAlgError) as error:
            failures[candidate.name] = str(error)
    if not tables:
        raise ForecastError(
            "forecast.no_candidate",
            f"no candidate method could be backtested on {series_label(y.name)}: "
            + "; ".join(f"{k}: {v}" for k, v in failures.items()),
            series=y.name,
        )
    forecasts = pd.concat(tables, ignore_index=True)
    scores = score(forecasts, levels)
    ranked = list(scores.sort_values(select_by, kind="stable")["model"])
    members_of: dict[str, tuple[list[str], str]] = {}
    for name, members, how, table in _combinations(forecasts, ranked, levels):
        members_of[name] = (members, how)
        forecasts = pd.concat([forecasts, table[forecasts.columns]], ignore_index=True)
        scores = pd.concat([scores, score(table, levels)], ignore_index=True)
    scores = scores.assign(error=scores["model"].map(lambda _: None))
    if failures:
        failed = pd.DataFrame({"model": list(failures), "error": list(failures.values())})
        scores = pd.concat([scores, failed], ignore_index=True)
    usable = scores.dropna(subset=[select_by])
    chosen = str(usable.sort_values(select_by, kind="stable").iloc[0]["model"])
    scores["chosen"] = scores["model"] == chosen
    by_name = {c.name: c for c in candidates}

    def refit(name: str):
        return fit_model(y, by_name[name].method, season_length, checked[name])

    if chosen in members_of:
        members, how = members_of[chosen]
        fits = [refit(name) for name in members]
        model = _CombinedPrepared(fits, how)
    else:
        model = refit(chosen)
    return Selection(chosen, model, scores, forecasts)


@dataclass(frozen=True)
class _CombinedPrepared:
    """Members fitted with their own windows and transforms, combined like a CombinationFit."""

    members: list[Any]
    how: str

    @property
    def label(self) -> str:
        return CombinationFit(tuple(m.model for m in self.members), self.how).label

    @property
    def params(self) -> dict[str, Any]:
        return {"combine": self.how, "members": [{m.label: m.params} for m in self.members]}

    def predict(self, end: pd.Period, horizon: int, levels: tuple[int, ...]) -> Prediction:
        return combine_predictions(
            [m.predict(end, horizon, levels) for m in self.members], self.how
        )
