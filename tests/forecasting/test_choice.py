"""``auto`` records why it chose its model, and the record agrees with its backtest table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from forecasting import forecast
from tests.forecasting.conftest import monthly

FAST = {"backtest_origins": 6}


def seasonal() -> pd.Series:
    """Eight years of a trending monthly series with a yearly cycle and noise (seeded)."""
    rng = np.random.default_rng(7)
    t = np.arange(96)
    return monthly(100 + 0.4 * t + 6 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 1.5, 96))


def _singles(scores: pd.DataFrame) -> pd.DataFrame:
    return scores[~scores["model"].str.contains(r"^(?:mean|median)\(", regex=True)]


def test_the_default_pools_keep_the_combination_and_name_the_best_single_member() -> None:
    result = forecast(seasonal(), 12, "auto", **FAST)
    scores = result.backtest.dropna(subset=["mase"])
    choice = result.choice
    assert choice is not None and choice.metric == "mase"
    chosen = scores[scores["chosen"].astype(bool)].iloc[0]
    assert choice.chosen == chosen["model"] and choice.score == pytest.approx(chosen["mase"])
    if choice.rule == "pool":
        best = _singles(scores).sort_values("mase").iloc[0]
        assert choice.rival == best["model"]
        assert choice.rival_score == pytest.approx(best["mase"])
    else:
        assert choice.rule == "strong_single"
        assert choice.score <= choice.evidence_ratio * choice.rival_score


def test_candidates_asked_for_are_chosen_by_the_lowest_score_with_the_runner_up() -> None:
    result = forecast(seasonal(), 12, "auto", candidates=["naive", "drift", "theta"], **FAST)
    scores = result.backtest.dropna(subset=["mase"]).sort_values("mase")
    assert result.choice.rule == "lowest"
    assert result.choice.chosen == scores.iloc[0]["model"]
    assert result.choice.rival == scores.iloc[1]["model"]


def test_a_method_asked_for_by_name_has_no_choice() -> None:
    assert forecast(seasonal(), 12, "naive", **FAST).choice is None
