"""Aggregation and units transformations, with hand-computed values."""

import math

import pandas as pd
import pytest

from analytics.transforms import (
    TRANSFORMS,
    Step,
    aggregate,
    apply_transform,
    describe_transform,
    transform_pipeline,
)
from domain.errors import InputError


def monthly(start: str, values: list[float], name: str = "CPI") -> pd.Series:
    index = pd.period_range(start, periods=len(values), freq="M")
    return pd.Series(values, index=index, name=name, dtype=float)


def quarterly(start: str, values: list[float], name: str = "GDP") -> pd.Series:
    index = pd.period_range(start, periods=len(values), freq="Q")
    return pd.Series(values, index=index, name=name, dtype=float)


def values_of(series: pd.Series) -> dict[str, float]:
    return {str(period): value for period, value in series.items()}


def assert_values(series: pd.Series, expected: dict[str, float]) -> None:
    actual = values_of(series)
    assert list(actual) == list(expected)
    for period, value in expected.items():
        if math.isnan(value):
            assert math.isnan(actual[period]), period
        else:
            assert actual[period] == pytest.approx(value), period


NAN = float("nan")


# Aggregation -------------------------------------------------------------------------------


def test_monthly_mean_to_quarterly_averages_the_three_months():
    series = monthly("2024-01", [1, 2, 6, 4, 5, 9])
    # Q1: (1 + 2 + 6) / 3 = 3; Q2: (4 + 5 + 9) / 3 = 6
    assert_values(aggregate(series, "Q", "mean"), {"2024Q1": 3.0, "2024Q2": 6.0})


def test_monthly_sum_to_quarterly_adds_the_three_months():
    series = monthly("2024-01", [1, 2, 6, 4, 5, 9])
    # Q1: 1 + 2 + 6 = 9; Q2: 4 + 5 + 9 = 18
    assert_values(aggregate(series, "Q", "sum"), {"2024Q1": 9.0, "2024Q2": 18.0})


def test_last_aggregation_takes_the_end_of_period_value():
    series = monthly("2024-01", [1, 2, 6, 4, 5, 9])
    assert_values(aggregate(series, "Q", "last"), {"2024Q1": 6.0, "2024Q2": 9.0})


def test_quarterly_sum_to_annual_adds_four_quarters():
    series = quarterly("2023Q1", [10, 20, 30, 40, 1, 2, 3, 4])
    # 2023: 10 + 20 + 30 + 40 = 100; 2024: 1 + 2 + 3 + 4 = 10
    assert_values(aggregate(series, "A", "sum"), {"2023": 100.0, "2024": 10.0})


def test_monthly_mean_to_annual_needs_all_twelve_months():
    series = monthly("2023-01", [float(month) for month in range(1, 13)] + [5.0])
    # 2023: (1 + ... + 12) / 12 = 78 / 12 = 6.5; 2024 has only January, so no value.
    assert_values(aggregate(series, "Y", "mean"), {"2023": 6.5})


def test_quarter_with_a_missing_month_gives_no_aggregate():
    series = monthly("2024-01", [1, 2, 6, 4, 5, 9]).drop(pd.Period("2024-05", freq="M"))
    assert_values(aggregate(series, "Q", "sum"), {"2024Q1": 9.0})


def test_quarter_with_a_nan_month_gives_no_aggregate():
    series = monthly("2024-01", [1, 2, 6, 4, NAN, 9])
    assert_values(aggregate(series, "Q", "mean"), {"2024Q1": 3.0})


def test_aggregating_to_the_same_frequency_leaves_the_series_unchanged():
    series = monthly("2024-01", [1, 2, 3])
    pd.testing.assert_series_equal(aggregate(series, "M", "sum"), series)


def test_aggregation_keeps_the_series_name_and_gives_a_period_index():
    result = aggregate(monthly("2024-01", [1, 2, 3], name="EXP"), "Q", "sum")
    assert result.name == "EXP"
    assert result.index.freqstr == "Q-DEC"


def test_aggregating_to_a_higher_frequency_is_refused():
    with pytest.raises(InputError) as raised:
        aggregate(quarterly("2024Q1", [1, 2]), "M", "mean")
    assert str(raised.value) == (
        "cannot aggregate from frequency Q to the higher frequency M; "
        "aggregation only goes to a lower frequency"
    )
    assert raised.value.key == "error.aggregate_up"
    assert raised.value.params == {"from_freq": "Q", "to_freq": "M"}


def test_unknown_aggregation_method_is_refused():
    with pytest.raises(InputError) as e:
        aggregate(monthly("2024-01", [1, 2, 3]), "Q", "median")
    assert str(e.value) == "aggregation median is not one of mean, sum, last"
    assert e.value.key == "error.aggregation_unknown"
    assert e.value.params == {"how": "median", "known": "mean, sum, last"}


# Transformations ---------------------------------------------------------------------------


def test_level_returns_the_values_as_published():
    series = monthly("2024-01", [1, 2, 3])
    pd.testing.assert_series_equal(apply_transform(series, "level"), series)


def test_change_is_the_difference_on_the_previous_period():
    series = monthly("2024-01", [100, 110, 99])
    # 110 - 100 = 10; 99 - 110 = -11
    assert_values(
        apply_transform(series, "change"), {"2024-01": NAN, "2024-02": 10.0, "2024-03": -11.0}
    )


def test_pct_change_is_the_percent_change_on_the_previous_period():
    series = monthly("2024-01", [100, 110, 99])
    # (110 / 100 - 1) * 100 = 10; (99 / 110 - 1) * 100 = -10
    assert_values(
        apply_transform(series, "pct_change"),
        {"2024-01": NAN, "2024-02": 10.0, "2024-03": -10.0},
    )


def test_change_after_a_gap_is_nan_not_a_change_on_an_older_period():
    series = monthly("2024-01", [100, 110, 99, 120]).drop(pd.Period("2024-03", freq="M"))
    # 2024-04 has no 2024-03 before it, so no change (not 120 - 110).
    assert_values(
        apply_transform(series, "change"), {"2024-01": NAN, "2024-02": 10.0, "2024-04": NAN}
    )


def test_pct_change_from_zero_is_nan_not_infinity():
    series = monthly("2024-01", [0, 5])
    assert math.isnan(apply_transform(series, "pct_change").iloc[1])


def test_yoy_pct_compares_with_the_same_quarter_a_year_earlier():
    series = quarterly("2023Q1", [200, 210, 220, 250, 210, 218.4, 231, 250])
    # 2024Q1: (210 / 200 - 1) * 100 = 5; Q2: 218.4 / 210 = 1.04 -> 4;
    # Q3: 231 / 220 = 1.05 -> 5; Q4: 250 / 250 -> 0
    result = apply_transform(series, "yoy_pct")
    assert_values(
        result.loc["2024Q1":], {"2024Q1": 5.0, "2024Q2": 4.0, "2024Q3": 5.0, "2024Q4": 0.0}
    )
    assert result.loc[:"2023Q4"].isna().all()


def test_yoy_pct_finds_the_year_earlier_period_by_label_across_a_gap():
    # 2023-06 is missing. With shift(12) 2024-06 would be compared with 2023-07; by label it is
    # NaN, and 2024-07 is still compared with 2023-07.
    values = [100.0 + month for month in range(12)] + [110.0 + month for month in range(12)]
    series = monthly("2023-01", values).drop(pd.Period("2023-06", freq="M"))
    result = apply_transform(series, "yoy_pct")
    assert math.isnan(result[pd.Period("2024-06", freq="M")])
    # 2024-07 = 116, 2023-07 = 106: (116 / 106 - 1) * 100 = 9.4339...
    assert result[pd.Period("2024-07", freq="M")] == pytest.approx((116 / 106 - 1) * 100)


def test_yoy_change_is_the_difference_on_the_same_period_a_year_earlier():
    series = quarterly("2023Q1", [4.0, 4.5, 3.0, 3.5, 3.5, 4.0, 3.25, 3.5])
    # 3.5 - 4.0 = -0.5; 4.0 - 4.5 = -0.5; 3.25 - 3.0 = 0.25; 3.5 - 3.5 = 0
    assert_values(
        apply_transform(series, "yoy_change").loc["2024Q1":],
        {"2024Q1": -0.5, "2024Q2": -0.5, "2024Q3": 0.25, "2024Q4": 0.0},
    )


def test_yoy_pct_on_annual_data_compares_with_the_previous_year():
    series = pd.Series([100.0, 108.0], index=pd.period_range("2023", periods=2, freq="Y"))
    assert apply_transform(series, "yoy_pct").iloc[1] == pytest.approx(8.0)


def test_ytd_cumulative_resets_each_january():
    series = monthly("2023-11", [5, 6, 1, 2, 3])
    # 2023-11 is the first month we hold, so 2023's year to date is unknown (January-October
    # are missing); 2024: 1, 1 + 2 = 3, 3 + 3 = 6.
    assert_values(
        apply_transform(series, "ytd"),
        {"2023-11": NAN, "2023-12": NAN, "2024-01": 1.0, "2024-02": 3.0, "2024-03": 6.0},
    )


def test_ytd_is_nan_for_the_rest_of_a_year_after_a_missing_month():
    series = monthly("2024-01", [1, 2, 3, 4, 5]).drop(pd.Period("2024-03", freq="M"))
    # 2024-01: 1; 2024-02: 1 + 2 = 3; 2024-03 missing, so 2024-04 and 2024-05 are unknown.
    assert_values(
        apply_transform(series, "ytd"),
        {"2024-01": 1.0, "2024-02": 3.0, "2024-04": NAN, "2024-05": NAN},
    )


def test_ytd_of_quarters_adds_from_the_first_quarter():
    series = quarterly("2024Q1", [10, 20, 30, 40, 5])
    # 10, 10 + 20 = 30, 30 + 30 = 60, 60 + 40 = 100; 2025Q1: 5
    assert_values(
        apply_transform(series, "ytd"),
        {"2024Q1": 10.0, "2024Q2": 30.0, "2024Q3": 60.0, "2024Q4": 100.0, "2025Q1": 5.0},
    )


def test_ytd_yoy_pct_compares_year_to_date_sums():
    series = quarterly("2023Q1", [100, 100, 100, 100, 110, 120, 90, 100])
    # YTD 2023: 100, 200, 300, 400. YTD 2024: 110, 230, 320, 420.
    # 110 / 100 -> 10 %; 230 / 200 -> 15 %; 320 / 300 -> 6.666...%; 420 / 400 -> 5 %
    assert_values(
        apply_transform(series, "ytd_yoy_pct").loc["2024Q1":],
        {"2024Q1": 10.0, "2024Q2": 15.0, "2024Q3": 20 / 3, "2024Q4": 5.0},
    )


def test_moving_average_is_the_trailing_mean_of_three_periods_by_default():
    series = monthly("2024-01", [3, 6, 9, 12])
    # (3 + 6 + 9) / 3 = 6; (6 + 9 + 12) / 3 = 9
    assert_values(
        apply_transform(series, "moving_average"),
        {"2024-01": NAN, "2024-02": NAN, "2024-03": 6.0, "2024-04": 9.0},
    )


def test_moving_average_needs_every_period_of_its_window():
    series = monthly("2024-01", [2, 4, 6, 8, 10]).drop(pd.Period("2024-03", freq="M"))
    # Window 2: (2 + 4) / 2 = 3; 2024-04 and 2024-03 -> missing; (8 + 10) / 2 = 9
    assert_values(
        apply_transform(series, "moving_average", window=2),
        {"2024-01": NAN, "2024-02": 3.0, "2024-04": NAN, "2024-05": 9.0},
    )


@pytest.mark.parametrize("window", [0, -1, 2.5, "3", True])
def test_moving_average_window_must_be_a_whole_number_of_at_least_one(window):
    with pytest.raises(InputError) as raised:
        apply_transform(monthly("2024-01", [1, 2, 3]), "moving_average", window=window)
    assert str(raised.value) == (
        f"moving-average window {window} is not a whole number of periods of at least 1"
    )
    assert raised.value.key == "error.window_invalid"
    assert raised.value.params == {"window": window}


def test_rebase_sets_the_first_period_to_100_by_default():
    series = monthly("2024-01", [80, 100, 120])
    # 80 / 80 * 100 = 100; 100 / 80 * 100 = 125; 120 / 80 * 100 = 150
    assert_values(
        apply_transform(series, "rebase"), {"2024-01": 100.0, "2024-02": 125.0, "2024-03": 150.0}
    )


def test_rebase_at_a_chosen_period_label_sets_it_to_100():
    series = monthly("2024-01", [80, 100, 120])
    # 80 / 100 * 100 = 80; 120 / 100 * 100 = 120
    assert_values(
        apply_transform(series, "rebase", base_period="2024-02"),
        {"2024-01": 80.0, "2024-02": 100.0, "2024-03": 120.0},
    )


def test_rebase_default_base_skips_leading_missing_values():
    series = monthly("2024-01", [NAN, 50, 75])
    assert apply_transform(series, "rebase").iloc[2] == pytest.approx(150.0)


def test_rebase_on_a_period_without_data_is_refused():
    series = monthly("2024-01", [80, 100, 120], name="IIP")
    with pytest.raises(InputError) as raised:
        apply_transform(series, "rebase", base_period=pd.Period("2023-12", freq="M"))
    assert str(raised.value) == (
        "IIP has no value at the base period 2023-12; choose a period that has data"
    )
    assert raised.value.key == "error.rebase_base_missing"
    assert raised.value.params == {"code": "IIP", "period": "2023-12"}


def test_rebase_on_a_zero_value_is_refused():
    series = monthly("2024-01", [0, 100], name="TB_USD")
    with pytest.raises(InputError) as raised:
        apply_transform(series, "rebase")
    assert (
        str(raised.value) == "TB_USD is 0 at the base period 2024-01, so it cannot be an index base"
    )
    assert raised.value.key == "error.rebase_base_zero"
    assert raised.value.params == {"code": "TB_USD", "period": "2024-01"}


def test_rebase_on_a_base_period_of_another_frequency_is_refused():
    with pytest.raises(InputError) as raised:
        apply_transform(monthly("2024-01", [1, 2]), "rebase", base_period="2024")
    assert str(raised.value) == "period 2024 is not a month (like Mar 2024 or 2024-03)"
    assert raised.value.key == "error.period_not_month"


def test_rebase_of_a_series_without_observations_is_refused():
    with pytest.raises(InputError) as raised:
        apply_transform(monthly("2024-01", [NAN, NAN]), "rebase")
    assert str(raised.value) == "CPI has no observations"
    assert raised.value.key == "error.series_empty"
    assert raised.value.params == {"code": "CPI"}


def test_log_is_the_natural_logarithm():
    series = monthly("2024-01", [1.0, math.e, math.e**2])
    assert_values(apply_transform(series, "log"), {"2024-01": 0.0, "2024-02": 1.0, "2024-03": 2.0})


def test_log_of_a_non_positive_value_names_the_value_and_period():
    series = monthly("2024-01", [5, -2.5, 0], name="TB_USD")
    with pytest.raises(InputError) as raised:
        apply_transform(series, "log")
    assert str(raised.value) == (
        "the logarithm of TB_USD needs values above 0, but it is -2.5 at 2024-02"
    )
    assert raised.value.key == "error.log_nonpositive"
    assert raised.value.params == {"code": "TB_USD", "value": -2.5, "period": "2024-02"}


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_every_transform_keeps_the_index_and_name(name):
    series = monthly("2023-01", [float(value) for value in range(1, 16)], name="X")
    result = apply_transform(series, name)
    assert result.index.equals(series.index)
    assert result.name == "X"


def test_unknown_transform_is_refused_with_the_known_ones():
    with pytest.raises(InputError) as e:
        apply_transform(monthly("2024-01", [1, 2]), "pc1")
    assert str(e.value) == (
        "transformation pc1 is not one of level, change, pct_change, yoy_pct, yoy_change, ytd, "
        "ytd_yoy_pct, moving_average, rebase, log"
    )
    assert e.value.key == "error.transform_unknown"
    assert e.value.params["transform"] == "pc1"
    assert e.value.params["known"].startswith("level, change, pct_change")


def test_unknown_transform_parameter_is_refused():
    with pytest.raises(InputError) as e:
        apply_transform(monthly("2024-01", [1, 2]), "level", window=3)
    assert str(e.value) == "transformation level has no parameter window"
    assert e.value.key == "error.transform_parameter_unknown"
    assert e.value.params == {"transform": "level", "parameter": "window"}


@pytest.mark.parametrize("name", ["yoy_pct", "yoy_change", "ytd_yoy_pct"])
def test_year_on_year_needs_more_than_a_year_of_data(name):
    series = monthly("2024-01", [float(month) for month in range(1, 13)])
    with pytest.raises(InputError) as raised:
        apply_transform(series, name, series_name="CPI_YOY")
    assert str(raised.value) == (
        "a change on the same period last year needs more than a year of data; "
        "CPI_YOY has 12 periods"
    )
    assert raised.value.key == "error.transform_needs_year"
    assert raised.value.params == {"code": "CPI_YOY", "n": 12}


def test_year_on_year_error_names_the_series_itself_without_series_name():
    with pytest.raises(InputError) as raised:
        apply_transform(quarterly("2024Q1", [1, 2, 3, 4]), "yoy_pct")
    assert raised.value.params == {"code": "GDP", "n": 4}


def test_year_on_year_with_a_year_and_one_period_is_accepted():
    series = quarterly("2024Q1", [100, 1, 1, 1, 103])
    # (103 / 100 - 1) * 100 = 3
    assert apply_transform(series, "yoy_pct").iloc[-1] == pytest.approx(3.0)


# Descriptions and the pipeline -----------------------------------------------------------


def test_describe_transform_gives_a_translation_key_and_parameters():
    assert describe_transform("moving_average", window=6) == Step(
        "transform.moving_average", {"window": 6}
    )
    assert describe_transform("rebase", base_period=pd.Period("2020Q1", freq="Q")) == Step(
        "transform.rebase", {"base_period": "2020-Q1"}
    )


def test_describe_unknown_transform_is_refused():
    with pytest.raises(InputError) as raised:
        describe_transform("pch")
    assert raised.value.key == "error.transform_unknown"


def test_pipeline_aggregates_before_it_transforms():
    series = monthly("2023-01", [10.0] * 12 + [11.0] * 3 + [12.0] * 3)
    result, steps = transform_pipeline(series, freq="Q", how="sum", transform="yoy_pct")
    # Quarterly sums: 2023 30 each; 2024Q1 33, 2024Q2 36. 33 / 30 -> 10 %; 36 / 30 -> 20 %.
    assert_values(result.loc["2024Q1":], {"2024Q1": 10.0, "2024Q2": 20.0})
    assert steps == [
        Step("aggregate.sum", {"from_freq": "M", "to_freq": "Q"}),
        Step("transform.yoy_pct", {}),
    ]


def test_pipeline_states_the_resolved_default_parameters():
    series = monthly("2024-01", [NAN, 50, 75, 100])
    result, steps = transform_pipeline(series, transform="rebase")
    assert result.iloc[3] == pytest.approx(200.0)
    assert steps == [Step("transform.rebase", {"base_period": "2024-02"})]


def test_pipeline_with_nothing_to_do_states_no_step():
    series = monthly("2024-01", [1, 2, 3])
    result, steps = transform_pipeline(series, freq="M")
    pd.testing.assert_series_equal(result, series)
    assert steps == []


def test_pipeline_checks_the_year_of_data_after_aggregation():
    # 15 months make 5 complete quarters (more than a year of quarters: accepted) but only one
    # complete year (2024 has 3 of its 12 months: refused).
    series = monthly("2023-01", [1.0] * 15)
    assert transform_pipeline(series, freq="Q", how="sum", transform="yoy_pct")[0].size == 5
    with pytest.raises(InputError) as raised:
        transform_pipeline(series, freq="Y", how="sum", transform="yoy_pct")
    assert raised.value.key == "error.transform_needs_year"
    assert raised.value.params == {"code": "CPI", "n": 1}


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_transforms_do_not_change_their_input(name):
    series = monthly("2023-01", [float(value) for value in range(1, 16)])
    original = series.copy()
    apply_transform(series, name)
    aggregate(series, "Q", "sum")
    pd.testing.assert_series_equal(series, original)


@pytest.mark.parametrize("name", ["level", "change", "pct_change", "ytd", "moving_average", "log"])
def test_an_empty_series_transforms_to_an_empty_series(name):
    empty = pd.Series([], index=pd.PeriodIndex([], freq="M"), dtype=float, name="X")
    assert apply_transform(empty, name).empty


def test_an_empty_series_aggregates_to_an_empty_series():
    empty = pd.Series([], index=pd.PeriodIndex([], freq="M"), dtype=float, name="X")
    assert aggregate(empty, "Q", "sum").empty
