"""Explore offers only the operations that make sense for the chosen indicators' kinds.

Given the indicators and the transformation, aggregation and comparison asked for (by the widgets
or a pasted URL), :func:`settle` returns the options to offer and the choices to apply: a choice
that makes no sense for one of the indicators (``analytics.kinds``) falls back to the first that
does, with the reason, so the page says why instead of drawing a meaningless number.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analytics.kinds import (
    aggregation_refusal,
    allowed_aggregations,
    allowed_transforms,
    kind_of_value,
    rebase_refusal,
    transform_refusal,
)
from analytics.transforms import TRANSFORMS
from domain.errors import InputError
from ui.view_state import AGGREGATIONS


@dataclass(frozen=True)
class Choices:
    """What Explore offers and applies for a set of indicators."""

    transforms: list[str]
    aggregations: list[str]
    transform: str
    freq: str
    how: str
    can_rebase: bool
    compare: str
    refusals: list[InputError] = field(default_factory=list)


def settle(
    codes: list[str],
    catalogue: pd.DataFrame,
    transform: str,
    freq: str,
    how: str,
    compare: str,
) -> Choices:
    """The options and the applied choices for ``codes``; each refused choice is replaced by the
    first permitted one and reported with the first indicator that refuses it. Indicators with
    no aggregation in common (a flow and a year-to-date amount) keep their own frequency."""
    kind_column = catalogue.set_index("code")["kind"] if "kind" in catalogue else pd.Series()
    kinds = {code: kind_of_value(kind_column.get(code)) for code in codes}
    transforms = allowed_transforms(kinds.values(), TRANSFORMS)
    aggregations = allowed_aggregations(kinds.values(), AGGREGATIONS)
    refusals: list[InputError] = []
    if transform not in transforms:
        refusals.append(_first(transform_refusal(c, k, transform) for c, k in kinds.items()))
        transform = transforms[0]
    if freq and not aggregations:
        refusals.append(
            InputError("error.kind.no_common_aggregation", "no aggregation suits all", freq=freq)
        )
        freq = ""
    elif freq and how not in aggregations:
        refusals.append(_first(aggregation_refusal(c, k, how) for c, k in kinds.items()))
        how = aggregations[0]
    elif how not in aggregations:
        how = aggregations[0] if aggregations else how
    rebase_errors = [rebase_refusal(c, k, transform) for c, k in kinds.items()]
    can_rebase = len(codes) > 1 and not any(rebase_errors)
    if compare == "rebased" and len(codes) > 1 and not can_rebase:
        refusals.append(_first(rebase_errors))
        compare = "own"
    return Choices(transforms, aggregations, transform, freq, how, can_rebase, compare, refusals)


def _first(errors) -> InputError:  # type: ignore[no-untyped-def]
    return next(error for error in errors if error is not None)
