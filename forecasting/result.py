"""The answer to a forecast request: point forecast, interval bounds, chosen model, backtest.

``to_frame()`` gives the long format the Cockpit stores (one row per period and quantity), in the
spirit of a single data contract: ``series, period, quantity, level, value`` where ``quantity`` is
``point``, ``lower`` or ``upper`` and ``level`` is the interval level (empty for the point).
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
        How the members' forecasts are combined ("mean" or "median"); None for one member.
    point:
        Point forecast, indexed by the forecast periods.
    lower, upper:
        Interval bounds per level (e.g. ``lower[95]``).
    backtest:
        Scores per candidate model (sMAPE, MASE, RMSE, coverage per level, origins, horizon,
        and ``chosen`` for the one used).
    backtest_forecasts:
        The long table of backtest forecasts behind those scores.
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

    @property
    def levels(self) -> tuple[int, ...]:
        """The interval levels, smallest first."""
        return tuple(sorted(self.lower))

    def to_frame(self) -> pd.DataFrame:
        """Long table ``series, period, quantity, level, value, model`` for storage."""
        parts = [self._part(self.point, "point", None)]
        for level in self.levels:
            parts.append(self._part(self.lower[level], "lower", level))
            parts.append(self._part(self.upper[level], "upper", level))
        return pd.concat(parts, ignore_index=True)

    def _part(self, values: pd.Series, quantity: str, level: int | None) -> pd.DataFrame:
        return pd.DataFrame(
            {
                "series": self.series,
                "period": values.index,
                "quantity": quantity,
                "level": pd.array([level] * len(values), dtype="Int64"),
                "value": values.to_numpy(),
                "model": self.model,
            }
        )
