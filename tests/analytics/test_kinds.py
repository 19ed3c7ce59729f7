"""What makes sense for each kind of indicator: the table of analytics.kinds, checked entry by
entry against what the numbers mean."""

from __future__ import annotations

import pytest

from analytics.kinds import (
    AGGREGATION_REASONS,
    AGGREGATIONS_BY_KIND,
    aggregation_refusal,
    allowed_aggregations,
    allowed_transforms,
    rebase_refusal,
    transform_refusal,
)
from analytics.transforms import TRANSFORMS
from domain.vocabulary import IndicatorKind as K
from ui.view_state import AGGREGATIONS


@pytest.mark.parametrize(
    ("kind", "how", "key"),
    [
        (K.RATE, "sum", "error.kind.sum_of_rate"),  # the quarterly sum of a % rate
        (K.STOCK, "sum", "error.kind.sum_of_stock"),
        (K.INDEX, "sum", "error.kind.sum_of_level"),
        (K.LEVEL, "sum", "error.kind.sum_of_level"),
        (K.FLOW, "last", "error.kind.flow_last"),
        (K.YTD, "mean", "error.kind.ytd_not_last"),
        (K.YTD, "sum", "error.kind.ytd_not_last"),
    ],
)
def test_meaningless_aggregations_are_refused_with_their_reason(kind, how: str, key: str) -> None:  # type: ignore[no-untyped-def]
    refusal = aggregation_refusal("X.CODE", kind, how)
    assert refusal is not None and refusal.key == key and refusal.params["code"] == "X.CODE"


@pytest.mark.parametrize(
    ("kind", "how"),
    [(K.FLOW, "sum"), (K.FLOW, "mean"), (K.STOCK, "last"), (K.RATE, "mean"), (K.YTD, "last")],
)
def test_sensible_aggregations_pass(kind, how: str) -> None:  # type: ignore[no-untyped-def]
    assert aggregation_refusal("X", kind, how) is None


def test_the_preferred_order_lists_exactly_what_is_not_refused() -> None:
    for kind in K:
        permitted = {how for how in AGGREGATIONS if (kind, how) not in AGGREGATION_REASONS}
        assert set(AGGREGATIONS_BY_KIND[kind]) == permitted, kind


@pytest.mark.parametrize(
    ("kind", "transform", "key"),
    [
        (K.RATE, "pct_change", "error.kind.pct_of_rate"),
        (K.RATE, "yoy_pct", "error.kind.pct_of_rate"),
        (K.RATE, "rebase", "error.kind.rebase_rate"),
        (K.RATE, "log", "error.kind.log_of_rate"),
        (K.RATE, "ytd", "error.kind.no_cumulation"),
        (K.STOCK, "ytd", "error.kind.no_cumulation"),
        (K.INDEX, "ytd_yoy_pct", "error.kind.no_cumulation"),
        (K.YTD, "pct_change", "error.kind.ytd_straddles"),
        (K.YTD, "ytd", "error.kind.ytd_twice"),
    ],
)
def test_meaningless_transformations_are_refused(kind, transform: str, key: str) -> None:  # type: ignore[no-untyped-def]
    refusal = transform_refusal("X", kind, transform)
    assert refusal is not None and refusal.key == key


def test_what_each_kind_is_offered() -> None:
    every = list(TRANSFORMS)
    assert allowed_transforms([K.FLOW], every) == every
    assert allowed_transforms([K.RATE], every) == [
        "level",
        "change",
        "yoy_change",
        "moving_average",
    ]
    assert "yoy_pct" in allowed_transforms([K.YTD], every)
    assert allowed_transforms([K.FLOW, K.RATE], every) == allowed_transforms([K.RATE], every)
    assert allowed_transforms([None], every) == every, "an indicator without a kind is not limited"
    assert allowed_aggregations([K.STOCK], AGGREGATIONS) == ["last", "mean"]
    assert allowed_aggregations([K.FLOW, K.YTD], AGGREGATIONS) == []


@pytest.mark.parametrize(
    ("kind", "transform", "refused"),
    [
        (K.FLOW, "level", False),
        (K.INDEX, "moving_average", False),
        (K.FLOW, "yoy_pct", True),  # a growth rate has no level to set to 100
        (K.FLOW, "change", True),
        (K.RATE, "level", True),
    ],
)
def test_only_levels_are_rebased_to_compare(kind, transform: str, refused: bool) -> None:  # type: ignore[no-untyped-def]
    assert (rebase_refusal("X", kind, transform) is not None) is refused
