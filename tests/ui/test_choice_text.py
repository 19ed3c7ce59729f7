"""The lab's sentence on what ``auto`` chose gives the rule and the scores it compared."""

from __future__ import annotations

import numpy as np
import pytest

from forecasting.result import Choice
from ui.forecast_view import choice_text
from ui.model_names import model_text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_sentence_gives_the_rule_and_both_scores(lang: str) -> None:
    decimal = "," if lang == "vi" else "."
    pool = choice_text(Choice("pool", "mase", "median(a + b)", 0.18, "b", 0.14, 6, 0.8), lang)
    assert f"0{decimal}18" in pool and f"0{decimal}14" in pool
    combination = model_text("median(a + b)", lang)
    assert combination in pool and " b " in pool and "6" in pool and "80" in pool
    single = Choice("strong_single", "rmse", "b", 1.0, "median(a + b)", 2.0, 6, 0.8)
    strong = choice_text(single, lang)
    assert f"1{decimal}000" in strong and combination in strong
    alone = choice_text(Choice("lowest", "smape", "a", np.float64(3.0), None, None, 6, 0.8), lang)
    assert "sMAPE" in alone and f"3{decimal}00" in alone
