"""Forecasting models named in the reader's language, numbers with the language's decimal sign."""

from __future__ import annotations

import pytest

from ui.model_names import model_text


@pytest.mark.parametrize(
    ("name", "lang", "said"),
    [
        ("ETS(A,Ad,N), Box-Cox λ=0.25", "vi", "ETS(A,Ad,N), Box-Cox λ = 0,25"),
        ("ETS(A,Ad,N), Box-Cox λ=0.25", "en", "ETS(A,Ad,N), Box-Cox λ = 0.25"),
        ("seasonal_naive", "vi", "Lặp lại cùng kỳ năm trước"),
        ("Seasonal naive", "en", "Seasonal naive"),
        (
            "median(optimized_theta + damped ets (deseasonalised))",
            "vi",
            "trung vị của (Theta tối ưu + ETS tắt dần (đã khử mùa vụ))",
        ),
        (
            "weighted(optimized_theta + naive)",
            "vi",
            "trung bình có trọng số theo kiểm định lùi của (Theta tối ưu + Giữ giá trị cuối)",
        ),
        (
            "Weighted mean of Optimised Theta DOTM, Naive",
            "en",
            "Backtest-weighted mean of Optimised Theta DOTM, Naive",
        ),
        ("ARIMA(1,1,0)", "vi", "ARIMA(1,1,0)"),
    ],
)
def test_a_model_is_named_for_the_reader(name: str, lang: str, said: str) -> None:
    assert model_text(name, lang) == said
