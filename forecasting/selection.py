"""``auto``: forecast with a combination of methods, and say how it and its members backtested.

The lesson of the M3 and M4 competitions is that combinations beat selection: a single winner
picked on a short backtest is often the wrong one, while the median of a few sound methods is
rarely bad. So by default ``auto`` backtests a small pool of members and forecasts with their
median (mean of the middle two when they are four):

* seasonal data: optimised Theta (DOTM), ETS and damped ETS on the classically seasonally adjusted
  series (M3's 90 % seasonality test, multiplicative indices), and the seasonal naive;
* non-seasonal data: two pools, {DOTM, ETS with additive error, naive, drift} (trend-following)
  and {DOTM, ETS with additive error, damped ETS, naive} (level-following); the one with the
  better backtest is used.

Tried on M3's design half only and kept out by the rule written before the runs
(``bench/results/design.md``): ETS with its own state-space season (``seasonal="auto"``) in place
of, or beside, ETS on the deseasonalised series, and 6 backtest origins instead of 3; then the
pools' median replaced by the backtest-weighted mean (seasonal and non-seasonal), damped ETS added
to the trend-following pool, and the M4 benchmark Comb (mean of SES, Holt and damped ETS) as a
third non-seasonal pool; then ETS choosing its error by AICc (as AutoETS does) in place of ETS
with additive error, one pool of all five non-seasonal members in place of the choice between
two, and both together. None gained the 0.5 % of MASE the rule asks (damped ETS in the
trend-following pool: +0.3 % on yearly, +0.8 % on other; the five-member pool with ETS of either
error: +0.9 % on yearly, -0.1 % on other).

A single member replaces the combination only on strong evidence: it beat the combination at
every one of at least 6 origins, and by 20 % overall (with 3 origins, measured on M3 yearly, a
looser rule picked single methods on a quarter of the series and cost 0.3 points of sMAPE). ARIMA
is not a member because its order search costs 5 to 10 times more than all the others together.

The candidates and pools are a :class:`Recipe`; :data:`DEFAULT_RECIPE` is the one above, and
``forecast(..., "auto", recipe=...)`` uses another (``bench.design`` compares recipes so). A pool
combines by the median, the mean, or the mean weighted by the members' inverse backtest MASE
(:func:`inverse_mase_weights`; the weights come from the backtest origins only, so the weighted
pool's own backtest score is a little flattering).

``candidates`` replaces the defaults, e.g. ``candidates=["ets", "arima", "theta"]``; then the
winner on the selection metric among the candidates and the mean/median of the best two and three
is refitted, as before. In-sample fit never decides between families; it only picks the form
within a family (AICc).

A candidate that breaks a rule of its method, or that the numerical libraries cannot compute on
the series (both are ``ForecastError``, see :mod:`forecasting.numerical`), is recorded in the
scores with its error and left out; any other exception is a bug and propagates.
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
from forecasting.models.combination import COMBINERS, CombinationFit
from forecasting.registry import FittedModel
from forecasting.result import Choice, Member
from forecasting.validation import check_choice

SELECTION_METRICS = ("mase", "smape", "rmse")
#: How a pool combines its members' forecasts (and bounds), period by period.
POOL_COMBINERS = ("median", "mean", "weighted")
COMBINATION_SIZES = (2, 3)
#: A single candidate replaces the default combination only when it beat it at every one of at
#: least this many origins, and by this ratio or better overall.
STRONG_EVIDENCE_ORIGINS = 6
STRONG_EVIDENCE_RATIO = 0.8


@dataclass(frozen=True)
class Candidate:
    """A method and its parameters, under the name the backtest table shows."""

    name: str
    method: str
    params: dict[str, Any]

    @property
    def member(self) -> Member:
        """The candidate as a member of a forecast's model."""
        return Member(self.method, self.params)


@dataclass(frozen=True)
class Pool:
    """A default combination of the named candidates' forecasts: their ``how``, one of
    :data:`POOL_COMBINERS` ("weighted": the mean weighted by :func:`inverse_mase_weights`)."""

    members: tuple[str, ...]
    how: str = "median"

    @property
    def name(self) -> str:
        return f"{self.how}({' + '.join(self.members)})"


def _bad_recipe(problem: str, value: object) -> ForecastError:
    return ForecastError(
        "forecast.bad_parameter",
        f"parameter 'recipe' of method 'auto' must be a Recipe whose pools combine its own "
        f"candidates: {problem}",
        parameter="recipe",
        method="auto",
        value=repr(value),
    )


@dataclass(frozen=True)
class Recipe:
    """What ``auto`` backtests and combines when no ``candidates`` are given: the candidates and
    pools for seasonal series (season length above 1) and for the others.

    Each pool names at least two candidates of its own kind; the candidates' names are distinct.
    Breaking either rule raises ``forecast.bad_parameter`` (parameter ``recipe``).
    """

    seasonal: tuple[Candidate, ...]
    seasonal_pools: tuple[Pool, ...]
    non_seasonal: tuple[Candidate, ...]
    non_seasonal_pools: tuple[Pool, ...]

    def __post_init__(self) -> None:
        for part in ("seasonal", "seasonal_pools", "non_seasonal", "non_seasonal_pools"):
            object.__setattr__(self, part, tuple(getattr(self, part)))
        for kind, candidates, pools in (
            ("seasonal", self.seasonal, self.seasonal_pools),
            ("non-seasonal", self.non_seasonal, self.non_seasonal_pools),
        ):
            names = [c.name for c in candidates]
            if not names or len(set(names)) < len(names):
                raise _bad_recipe(f"the {kind} candidates must have distinct names", names)
            if not pools:
                raise _bad_recipe(f"it has no {kind} pool", pools)
            for pool in pools:
                if pool.how not in POOL_COMBINERS:
                    raise _bad_recipe(
                        f"pool {pool.name} combines by {pool.how!r}, not one of "
                        + ", ".join(repr(h) for h in POOL_COMBINERS),
                        pool,
                    )
                unknown = [m for m in pool.members if m not in names]
                if unknown or len(pool.members) < 2:
                    raise _bad_recipe(
                        f"pool {pool.name} must name at least two of the {kind} candidates "
                        f"({', '.join(names)})",
                        pool,
                    )

    def candidates(self, season_length: int) -> list[Candidate]:
        """The candidates for a series of this season length."""
        return list(self.seasonal if season_length > 1 else self.non_seasonal)

    def pools(self, season_length: int) -> list[Pool]:
        """The pools for a series of this season length."""
        return list(self.seasonal_pools if season_length > 1 else self.non_seasonal_pools)


_THETA = Candidate("optimized_theta", "optimized_theta", {})
_SEASONAL = (
    _THETA,
    Candidate("ets (deseasonalised)", "ets", {"deseasonalize": "auto"}),
    Candidate(
        "damped ets (deseasonalised)",
        "ets",
        {"deseasonalize": "auto", "trend": "add", "damped": True},
    ),
    Candidate("seasonal_naive", "seasonal_naive", {}),
)
_NON_SEASONAL = (
    _THETA,
    Candidate("ets (additive error)", "ets", {"error": "add"}),
    Candidate("damped ets", "ets", {"trend": "add", "damped": True}),
    Candidate("naive", "naive", {}),
    Candidate("drift", "drift", {}),
)
#: The recipe ``auto`` uses unless given another (see the module docstring).
DEFAULT_RECIPE = Recipe(
    seasonal=_SEASONAL,
    seasonal_pools=(Pool(tuple(c.name for c in _SEASONAL)),),
    non_seasonal=_NON_SEASONAL,
    non_seasonal_pools=(
        Pool(("optimized_theta", "ets (additive error)", "naive", "drift")),
        Pool(("optimized_theta", "ets (additive error)", "damped ets", "naive")),
    ),
)


def default_candidates(
    y: pd.Series, season_length: int, recipe: Recipe = DEFAULT_RECIPE
) -> list[Candidate]:
    """The candidate methods ``auto`` backtests on ``y`` when none are given."""
    return recipe.candidates(season_length)


def default_pools(season_length: int, recipe: Recipe = DEFAULT_RECIPE) -> list[Pool]:
    """The combinations ``auto`` chooses between by default (see the module docstring)."""
    return recipe.pools(season_length)


def check_recipe(value: object) -> Recipe:
    """``value`` if it is a :class:`Recipe`; ``forecast.bad_parameter`` otherwise."""
    if not isinstance(value, Recipe):
        raise _bad_recipe(f"got a {type(value).__name__}", value)
    return value


def inverse_mase_weights(mase: Sequence[float]) -> tuple[float, ...]:
    """Weights of a "weighted" pool: each member's backtest MASE inverted, normalised to sum 1.

    Only the backtest decides them (the members' scores over its origins). When a member's MASE
    is not a positive finite number (a perfect backtest, or one without a scale), there is no
    ratio to weigh by, and the weights are equal.
    """
    values = np.asarray(mase, dtype=float)
    if not (np.isfinite(values).all() and (values > 0).all()):
        return tuple(np.full(len(values), 1 / len(values)).tolist())
    inverse = 1 / values
    return tuple((inverse / inverse.sum()).tolist())


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
    """What ``auto`` chose: the fitted model, its members and their combiner, and the backtest
    that decided (the ``chosen`` column of ``scores`` marks it)."""

    model: FittedModel
    members: tuple[Member, ...]
    combiner: str | None
    scores: pd.DataFrame
    forecasts: pd.DataFrame
    choice: Choice


def _combine(
    forecasts: pd.DataFrame,
    members: list[str],
    how: str,
    name: str,
    levels: Sequence[int],
    weights: Sequence[float] | None = None,
) -> pd.DataFrame:
    value_columns = ["forecast", *[f"{s}_{lv}" for lv in levels for s in ("lower", "upper")]]
    keys = ["origin", "period"]
    subset = forecasts[forecasts["model"].isin(members)]
    if how == "weighted":
        weight = subset["model"].map(dict(zip(members, weights or (), strict=True)))
        weighted = subset[value_columns].mul(weight, axis=0).assign(**subset[keys])
        combined = weighted.groupby(keys, sort=False)[value_columns].sum(min_count=len(members))
    else:
        combined = subset.groupby(keys, sort=False)[value_columns].agg(how)
    firsts = subset.groupby(keys, sort=False)[["step", "actual", "scale"]].first()
    return combined.join(firsts).reset_index().assign(model=name)


def _combinations(forecasts: pd.DataFrame, ranked: list[str], levels: Sequence[int]):
    for size in COMBINATION_SIZES:
        if len(ranked) < size:
            continue
        members = ranked[:size]
        for how in COMBINERS if size > 2 else ("mean",):
            name = f"{how}({' + '.join(members)})"
            yield name, members, how, None, _combine(forecasts, members, how, name, levels)


def _pooled(forecasts: pd.DataFrame, pools: list[Pool], scores: pd.DataFrame, levels):
    mase = scores.set_index("model")["mase"]
    for pool in pools:
        members = [m for m in pool.members if m in mase.index]
        if len(members) < 2:
            continue
        name = Pool(tuple(members), pool.how).name
        weights = inverse_mase_weights(mase[members]) if pool.how == "weighted" else None
        table = _combine(forecasts, members, pool.how, name, levels, weights)
        yield name, members, pool.how, weights, table


def _per_origin(forecasts: pd.DataFrame, model: str, select_by: str) -> pd.Series:
    rows = forecasts[forecasts["model"] == model]
    return pd.Series(
        {origin: score(group, [])[select_by].item() for origin, group in rows.groupby("origin")}
    )


def _strong_single(
    forecasts: pd.DataFrame, scores: pd.DataFrame, pooled: str, singles: list[str], select_by: str
) -> str | None:
    """A single candidate that beat the pooled combination at every one of at least 3 origins."""
    if forecasts["origin"].nunique() < STRONG_EVIDENCE_ORIGINS:
        return None
    by_model = scores.set_index("model")[select_by]
    pooled_origins = _per_origin(forecasts, pooled, select_by)
    winners = [
        name
        for name in singles
        if np.isfinite(by_model.get(name, np.nan))
        and by_model[name] < STRONG_EVIDENCE_RATIO * by_model[pooled]
        and (_per_origin(forecasts, name, select_by) < pooled_origins).all()
    ]
    return min(winners, key=by_model.get) if winners else None


def select(
    y: pd.Series,
    horizon: int,
    season_length: int,
    levels: tuple[int, ...],
    settings: BacktestSettings,
    candidates: list[Candidate],
    select_by: str,
    common: Mapping[str, Any],
    pools: list[Pool] | None = None,
) -> Selection:
    """Backtest every candidate, score the combinations, refit the winner on ``y``.

    With ``pools`` (the default candidates), the better pool on the backtest is chosen, and a
    single candidate only on strong evidence (see the module docstring); without, the best of the
    candidates and of the mean/median of the best two and three.
    """
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
        except ForecastError as error:  # a rule of the method, or a numerical failure
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
    singles = list(scores["model"])
    members_of: dict[str, tuple[list[str], str, tuple[float, ...] | None]] = {}
    combined = (
        _pooled(forecasts, pools, scores, levels)
        if pools
        else _combinations(forecasts, ranked, levels)
    )
    for name, members, how, weights, table in combined:
        members_of[name] = (members, how, weights)
        forecasts = pd.concat([forecasts, table[forecasts.columns]], ignore_index=True)
        scores = pd.concat([scores, score(table, levels)], ignore_index=True)
    scores = scores.assign(error=scores["model"].map(lambda _: None))
    if failures:
        failed = pd.DataFrame({"model": list(failures), "error": list(failures.values())})
        scores = pd.concat([scores, failed], ignore_index=True)
    usable = scores.dropna(subset=[select_by])
    by_score = usable.set_index("model")[select_by]
    if pools and members_of:
        pooled = usable[usable["model"].isin(members_of)]
        pooled = pooled if len(pooled) else scores[scores["model"].isin(members_of)]
        combination = str(pooled.sort_values(select_by, kind="stable").iloc[0]["model"])
        single = _strong_single(forecasts, usable, combination, singles, select_by)
        if single is not None:
            chosen, rule, rival = single, "strong_single", combination
        else:
            members_scored = by_score[by_score.index.isin(singles)].sort_values(kind="stable")
            chosen, rule = combination, "pool"
            rival = str(members_scored.index[0]) if len(members_scored) else None
    else:
        ranked_usable = list(by_score.sort_values(kind="stable").index)
        chosen, rule = str(ranked_usable[0]), "lowest"
        rival = str(ranked_usable[1]) if len(ranked_usable) > 1 else None
    choice = Choice(
        rule=rule,
        metric=select_by,
        chosen=chosen,
        score=float(by_score.get(chosen, np.nan)),
        rival=rival,
        rival_score=None if rival is None else float(by_score[rival]),
        evidence_origins=STRONG_EVIDENCE_ORIGINS,
        evidence_ratio=STRONG_EVIDENCE_RATIO,
    )
    scores["chosen"] = scores["model"] == chosen
    by_name = {c.name: c for c in candidates}

    def refit(name: str) -> FittedModel:
        return fit_model(y, by_name[name].method, season_length, checked[name])

    names, combiner, weights = members_of.get(chosen, ([chosen], None, None))
    fits = tuple(refit(name) for name in names)
    model = CombinationFit(fits, combiner, weights) if combiner else fits[0]
    members = tuple(by_name[name].member for name in names)
    return Selection(model, members, combiner, scores, forecasts, choice)
