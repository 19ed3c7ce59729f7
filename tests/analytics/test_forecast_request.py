"""What to forecast and with which settings: unbroken series, outliers, orders, arguments."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.forecast_request import (
    forecast_arguments,
    format_outliers,
    parse_order,
    parse_outliers,
    prepare_target,
    unbroken_tail,
)
from domain.errors import InputError


def monthly(values: list[float], start: str = "2020-01") -> pd.Series:
    return pd.Series(values, index=pd.period_range(start, periods=len(values), freq="M"), name="X")


def test_unbroken_tail_keeps_what_follows_the_last_gap() -> None:
    series = monthly([1.0, 2.0, np.nan, 4.0, 5.0, 6.0])
    assert unbroken_tail(series).tolist() == [4.0, 5.0, 6.0]
    with_missing_period = series.dropna().drop(pd.Period("2020-05", "M"))
    assert unbroken_tail(with_missing_period).tolist() == [6.0]
    assert unbroken_tail(monthly([1.0, 2.0])).tolist() == [1.0, 2.0]


def test_prepare_target_transforms_then_cuts() -> None:
    levels = monthly([100.0 + i for i in range(24)])
    target = prepare_target(levels, "yoy_pct", "X")
    assert len(target) == 12 and str(target.index[0]) == "2021-01"
    assert target.iloc[0] == pytest.approx(12.0)  # 112 on 100
    with pytest.raises(InputError) as raised:
        prepare_target(monthly([1.0] * 6), "yoy_pct", "X")
    assert raised.value.key == "error.transform_needs_year"


def test_outliers_are_read_as_periods_and_spans() -> None:
    assert parse_outliers("2020-02..2021-12, 2008-05") == [("2020-02", "2021-12"), "2008-05"]
    assert parse_outliers("2020-02 – 2020-04; 03/2021", "M") == [("2020-02", "2020-04"), "2021-03"]
    assert parse_outliers("  ") == []
    assert format_outliers([("2020-02", "2021-12"), "2008-05"]) == "2020-02..2021-12, 2008-05"
    assert format_outliers([["2020-02", "2021-12"]]) == "2020-02..2021-12"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("2021-12..2020-02", "lab.error.outlier_reversed"),
        ("2020-13", "error.period_invalid"),
        ("2020", "error.period_not_month"),
        ("2020-01..2020-02..2020-03", "lab.error.outlier_unreadable"),
    ],
)
def test_a_wrong_outlier_is_refused_with_a_key(text: str, key: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_outliers(text, "M")
    assert raised.value.key == key


def test_orders_are_three_whole_numbers_or_nothing() -> None:
    assert parse_order("1,1,0", "order") == [1, 1, 0]
    assert parse_order("(2 1 1)", "order") == [2, 1, 1]
    assert parse_order("", "order") is None
    for text in ("1,1", "1,-1,0", "a,b,c"):
        with pytest.raises(InputError) as raised:
            parse_order(text, "order")
        assert raised.value.key == "lab.error.order_unreadable"


def test_settings_become_forecast_arguments_with_outlier_dummies() -> None:
    index = pd.period_range("2019-01", "2021-06", freq="M")
    settings = {"trend": "add", "damped": None, "window": 24, "outliers": [["2020-02", "2020-04"]]}
    arguments = forecast_arguments(settings, index, horizon=3)
    assert set(arguments) == {"trend", "window", "exog"}
    exog = arguments["exog"]
    assert list(exog.columns) == ["outlier_2020-02_2020-04"]
    assert len(exog) == len(index) + 3
    assert exog.loc[pd.Period("2020-03", "M")].iloc[0] == 1.0
    assert exog.iloc[-1, 0] == 0.0
    assert forecast_arguments({"outliers": []}, index, 3) == {}
