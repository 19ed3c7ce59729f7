"""Which aggregations and transformations make sense for an indicator's kind, and why not.

A quarterly *sum* of a monthly % rate, then rebased to 100, gave −260.87 with no warning. FRED
avoids that by offering, for each series, only the operations its units allow; the Cockpit does
the same from the catalogue's kind (:class:`domain.vocabulary.IndicatorKind`):

- **flow** (a month's exports): aggregated by sum or mean; not by the last month, which is not
  the quarter's flow. Every transformation.
- **stock** (debt outstanding, population), **level** (an exchange rate) and **index** (CPI,
  2019 = 100): aggregated by mean or the last period, never summed; no year-to-date cumulation,
  nor its growth.
- **rate** (a % change, an interest rate, a share): aggregated by mean or the last period, never
  summed; no % change of it (a % change of a rate is not a growth rate: its change in points is
  offered), no cumulation, no rebasing and no logarithm.
- **ytd** (a year-to-date cumulative amount): aggregated by its last period only; no change on
  the previous period, moving average or rebasing (each straddles January), and no cumulating
  again. Its growth on a year earlier is the natural comparison.

Rebasing to compare several series (``compare=rebased``) is refused as :func:`rebase_refusal` says:
only a series whose shown values are levels (not rates, not changes) can be set to 100.

Every refusal is an :class:`~domain.errors.InputError` whose key names the reason, so the page
says it in the user's language with the indicator's code.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.errors import InputError
from domain.vocabulary import IndicatorKind

K = IndicatorKind

AGGREGATIONS_BY_KIND: dict[IndicatorKind, tuple[str, ...]] = {
    K.FLOW: ("sum", "mean"),
    K.STOCK: ("last", "mean"),
    K.LEVEL: ("mean", "last"),
    K.INDEX: ("mean", "last"),
    K.RATE: ("mean", "last"),
    K.YTD: ("last",),
}
"""The aggregations that make sense for each kind, the most natural first."""

AGGREGATION_REASONS: dict[tuple[IndicatorKind, str], str] = {
    (K.FLOW, "last"): "error.kind.flow_last",
    (K.STOCK, "sum"): "error.kind.sum_of_stock",
    (K.LEVEL, "sum"): "error.kind.sum_of_level",
    (K.INDEX, "sum"): "error.kind.sum_of_level",
    (K.RATE, "sum"): "error.kind.sum_of_rate",
    (K.YTD, "sum"): "error.kind.ytd_not_last",
    (K.YTD, "mean"): "error.kind.ytd_not_last",
}

TRANSFORM_REASONS: dict[tuple[IndicatorKind, str], str] = {
    **{(kind, "ytd"): "error.kind.no_cumulation" for kind in (K.STOCK, K.LEVEL, K.INDEX)},
    **{(kind, "ytd_yoy_pct"): "error.kind.no_cumulation" for kind in (K.STOCK, K.LEVEL, K.INDEX)},
    (K.RATE, "pct_change"): "error.kind.pct_of_rate",
    (K.RATE, "yoy_pct"): "error.kind.pct_of_rate",
    (K.RATE, "ytd"): "error.kind.no_cumulation",
    (K.RATE, "ytd_yoy_pct"): "error.kind.pct_of_rate",
    (K.RATE, "rebase"): "error.kind.rebase_rate",
    (K.RATE, "log"): "error.kind.log_of_rate",
    (K.YTD, "change"): "error.kind.ytd_straddles",
    (K.YTD, "pct_change"): "error.kind.ytd_straddles",
    (K.YTD, "ytd"): "error.kind.ytd_twice",
    (K.YTD, "ytd_yoy_pct"): "error.kind.ytd_twice",
    (K.YTD, "moving_average"): "error.kind.ytd_straddles",
    (K.YTD, "rebase"): "error.kind.ytd_straddles",
}

LEVEL_TRANSFORMS = frozenset({"level", "moving_average", "ytd", "rebase"})
"""Transformations whose result is still a level, which rebasing to 100 can compare."""


def kind_of_value(value: object) -> IndicatorKind | None:
    """The kind a catalogue cell holds, or None when the indicator has none recorded."""
    try:
        return IndicatorKind(str(value))
    except ValueError:
        return None


def aggregation_refusal(code: str, kind: IndicatorKind | None, how: str) -> InputError | None:
    """Why aggregating ``code`` by ``how`` makes no sense for its kind, or None if it does."""
    key = AGGREGATION_REASONS.get((kind, how)) if kind else None
    if key is None:
        return None
    return InputError(key, f"{code} ({kind}) cannot be aggregated by {how}", code=code, how=how)


def transform_refusal(code: str, kind: IndicatorKind | None, transform: str) -> InputError | None:
    """Why ``transform`` of ``code`` makes no sense for its kind, or None if it does."""
    key = TRANSFORM_REASONS.get((kind, transform)) if kind else None
    if key is None:
        return None
    return InputError(
        key, f"{transform} of {code} ({kind}) means nothing", code=code, transform=transform
    )


def rebase_refusal(code: str, kind: IndicatorKind | None, transform: str) -> InputError | None:
    """Why the values of ``code`` after ``transform`` cannot be rebased to 100 to compare them
    with other series (a rate, or a change, has no level to index), or None."""
    if kind is not K.RATE and transform in LEVEL_TRANSFORMS:
        return None
    return InputError(
        "error.kind.rebase_not_level",
        f"{code} after {transform} is not a level and cannot be rebased",
        code=code,
    )


def allowed_transforms(kinds: Iterable[IndicatorKind | None], transforms: Iterable[str]) -> list:
    """The ``transforms`` (in their order) that make sense for every kind in ``kinds``."""
    kinds = list(kinds)
    return [
        name
        for name in transforms
        if all(transform_refusal("", kind, name) is None for kind in kinds)
    ]


def allowed_aggregations(
    kinds: Iterable[IndicatorKind | None], aggregations: Iterable[str]
) -> list[str]:
    """The ``aggregations`` that make sense for every kind in ``kinds``, the most natural for the
    first kind first."""
    kinds = list(kinds)
    allowed = [
        how for how in aggregations if all(aggregation_refusal("", k, how) is None for k in kinds)
    ]
    preferred = AGGREGATIONS_BY_KIND.get(kinds[0], ()) if kinds and kinds[0] else ()
    return sorted(allowed, key=lambda how: preferred.index(how) if how in preferred else 99)
