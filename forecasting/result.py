"""The answer to a forecast request: point forecast, interval bounds, chosen model, backtest.

Light on purpose (pandas only): pages that draw stored forecasts import it without statsmodels.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Member:
    """One method of a forecast's model, with the parameters it was asked with.

    ``params`` are the method's own parameters as requested (``{"deseasonalize": "auto"}``), not
    its estimates (those are in :attr:`ForecastResult.params`) nor the parameters every method
    takes (``boxcox``, ``window``, ``exog``), which the request applied to each member alike.
    """

    method: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """Why ``auto`` forecast with the model it did: the rule that decided and what it compared.

    Attributes
    ----------
    rule:
        ``"pool"``: the combination of the default pool whose backtest was better, kept because
        no single member met the strong-evidence rule; ``"strong_single"``: a single member that
        met it, replacing that combination; ``"lowest"``: the lowest score among the candidates
        asked for and their combinations.
    metric:
        The selection metric (``"mase"``, ``"smape"`` or ``"rmse"``).
    chosen, score:
        The chosen model's name in the backtest table, and its score.
    rival, rival_score:
        What it was weighed against: for ``"pool"`` the best single member, for
        ``"strong_single"`` the combination it replaced, for ``"lowest"`` the runner-up; None
        when there was none.
    evidence_origins, evidence_ratio:
        The strong-evidence rule of the default pools: a single member replaces the combination
        only if it beat it at every one of at least ``evidence_origins`` origins and its overall
        score is at most ``evidence_ratio`` of the combination's.
    """

    rule: str
    metric: str
    chosen: str
    score: float
    rival: str | None
    rival_score: float | None
    evidence_origins: int
    evidence_ratio: float


@dataclass(frozen=True)
class ForecastResult:
    """A forecast and what it rests on.

    Attributes
    ----------
    series:
        Name of the forecast series (``y.name``).
    method:
        The method asked for ("auto", "ets" ...).
    model:
        Readable label of the fitted model, e.g. ``"ETS(M,Ad,M)"`` or a combination.
    params:
        The chosen specification and its estimates.
    members:
        The model's structure: the method (one member) or the methods it combines, each with
        the parameters it was asked with; what ``auto`` chose, for instance.
    combiner:
        How the members' forecasts are combined ("mean", "median", or "weighted": the mean
        weighted by the members' backtest, its weights in ``params["weights"]``); None for one
        member.
    point:
        Point forecast, indexed by the forecast periods.
    lower, upper:
        Interval bounds per level (e.g. ``lower[95]``).
    backtest:
        Scores per candidate model (sMAPE, MASE, RMSE, coverage per level, origins, horizon,
        and ``chosen`` for the one used).
    backtest_forecasts:
        The long table of backtest forecasts behind those scores.
    choice:
        For ``auto``, why it chose the model it did (:class:`Choice`); None for a method asked
        for by name.
    """

    series: str | None
    method: str
    model: str
    params: dict[str, Any]
    members: tuple[Member, ...]
    combiner: str | None
    point: pd.Series
    lower: dict[int, pd.Series]
    upper: dict[int, pd.Series]
    backtest: pd.DataFrame
    backtest_forecasts: pd.DataFrame = field(repr=False)
    choice: Choice | None = None
    conformal_levels: tuple[int, ...] = ()
    calibration_errors: int = 0
    interval_factors: dict[int, float] = field(default_factory=dict)

    @property
    def levels(self) -> tuple[int, ...]:
        """The interval levels, smallest first."""
        return tuple(sorted(self.lower))
