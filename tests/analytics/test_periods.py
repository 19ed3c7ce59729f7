"""Period labels, calendar bounds and Decree 09 reporting windows."""

import datetime as dt

import pandas as pd
import pytest

from analytics.formatting import LANGUAGES, format_period
from domain.errors import InputError
from domain.periods import (
    frequency_of,
    half_year_bounds,
    normalise_frequency,
    parse_period,
    period_label,
    reporting_bounds,
    statistical_bounds,
    to_period_index,
)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("2024-03", pd.Period("2024-03", freq="M")),
        ("03/2024", pd.Period("2024-03", freq="M")),
        ("3/2024", pd.Period("2024-03", freq="M")),
        ("2024-Q1", pd.Period("2024Q1", freq="Q")),
        ("2024Q1", pd.Period("2024Q1", freq="Q")),
        ("2024-q4", pd.Period("2024Q4", freq="Q")),
        ("2024", pd.Period("2024", freq="Y")),
        ("  2024-12 ", pd.Period("2024-12", freq="M")),
    ],
)
def test_parse_period_reads_every_accepted_label_shape(label, expected):
    assert parse_period(label) == expected


def _every_period(first_year: int, last_year: int) -> list[pd.Period]:
    years = range(first_year, last_year + 1)
    return [
        *(pd.Period(year=y, month=m, freq="M") for y in years for m in range(1, 13)),
        *(pd.Period(year=y, quarter=q, freq="Q") for y in years for q in range(1, 5)),
        *(pd.Period(year=y, freq="Y") for y in years),
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_period_reads_back_from_the_way_the_cockpit_writes_it(lang):
    periods = _every_period(1990, 2035)
    assert [parse_period(format_period(p, lang)) for p in periods] == periods
    assert [parse_period(format_period(p, lang), frequency_of(p)) for p in periods] == periods


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Tháng 9/2025", pd.Period("2025-09", freq="M")),
        ("thang 9/2025", pd.Period("2025-09", freq="M")),
        ("THÁNG 09 / 2025", pd.Period("2025-09", freq="M")),
        ("tháng 9 năm 2025", pd.Period("2025-09", freq="M")),
        ("Quý I/2020", pd.Period("2020Q1", freq="Q")),
        ("quy 1/2020", pd.Period("2020Q1", freq="Q")),
        ("quý iv/2020", pd.Period("2020Q4", freq="Q")),
        ("Quý II năm 2020", pd.Period("2020Q2", freq="Q")),
        ("Năm 2026", pd.Period("2026", freq="Y")),
        ("nam 2026", pd.Period("2026", freq="Y")),
        ("Sept 2026", pd.Period("2026-09", freq="M")),
        ("sep 2026", pd.Period("2026-09", freq="M")),
        ("September 2026", pd.Period("2026-09", freq="M")),
        ("MAY 2026", pd.Period("2026-05", freq="M")),
        ("Q3 2026", pd.Period("2026Q3", freq="Q")),
        ("q3/2026", pd.Period("2026Q3", freq="Q")),
        ("2025-09", pd.Period("2025-09", freq="M")),
        ("2020-Q1", pd.Period("2020Q1", freq="Q")),
        ("2020", pd.Period("2020", freq="Y")),
    ],
)
def test_parse_period_reads_the_labels_of_both_languages_in_any_case_and_without_diacritics(
    label, expected
):
    assert parse_period(label) == expected


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Tháng 13/2025", "error.period_invalid"),
        ("Tháng 0/2025", "error.period_invalid"),
        ("Quý V/2020", "error.period_invalid_quarter"),
        ("Quý IIII/2020", "error.period_invalid_quarter"),
        ("quy 5/2020", "error.period_invalid_quarter"),
        ("Q0 2026", "error.period_invalid_quarter"),
        ("Smarch 2026", "error.period_unrecognised"),
        ("Tháng 9", "error.period_unrecognised"),
        ("Quý/2020", "error.period_unrecognised"),
        ("Năm", "error.period_unrecognised"),
        ("Sept 26", "error.period_unrecognised"),
        ("Tháng 9/2025/1", "error.period_unrecognised"),
    ],
)
def test_a_malformed_label_of_either_language_is_refused_with_its_reason(label, key):
    with pytest.raises(InputError) as raised:
        parse_period(label)
    assert raised.value.key == key
    assert raised.value.params == {"period": label}


def test_a_label_of_either_language_must_be_of_the_requested_frequency():
    with pytest.raises(InputError) as raised:
        parse_period("Quý III/2026", "M")
    assert raised.value.key == "error.period_not_month"
    with pytest.raises(InputError) as raised:
        parse_period("Sept 2026", "Q")
    assert raised.value.key == "error.period_not_quarter"


@pytest.mark.parametrize("label", ["2024-03", "2024-Q1", "2024", "1999-12", "2026-Q4"])
def test_period_label_is_the_inverse_of_parse_period(label):
    assert period_label(parse_period(label)) == label


@pytest.mark.parametrize(
    ("label", "canonical"), [("03/2024", "2024-03"), ("2024Q2", "2024-Q2"), ("2024q3", "2024-Q3")]
)
def test_period_label_gives_the_canonical_spelling(label, canonical):
    assert period_label(parse_period(label)) == canonical


def test_parse_period_accepts_a_label_of_the_requested_frequency():
    assert parse_period("2024-03", "M") == pd.Period("2024-03", freq="M")
    assert parse_period("2024", "A") == pd.Period("2024", freq="Y")


def test_month_thirteen_is_not_a_valid_month():
    with pytest.raises(InputError) as raised:
        parse_period("2026-13")
    assert str(raised.value) == "period 2026-13 is not a valid month"
    assert raised.value.key == "error.period_invalid"
    assert raised.value.params == {"period": "2026-13"}


def test_month_zero_written_with_a_slash_is_not_a_valid_month():
    with pytest.raises(InputError) as raised:
        parse_period("00/2026")
    assert str(raised.value) == "period 00/2026 is not a valid month"


def test_quarter_five_is_not_a_valid_quarter():
    with pytest.raises(InputError) as raised:
        parse_period("2026-Q5")
    assert str(raised.value) == "period 2026-Q5 is not a valid quarter (Q1 to Q4)"
    assert raised.value.key == "error.period_invalid_quarter"
    assert raised.value.params == {"period": "2026-Q5"}


@pytest.mark.parametrize("label", ["Marc 2024", "2024-3-1", "24-03", "0024", "", "2024-Q"])
def test_unrecognised_label_names_the_accepted_shapes(label):
    with pytest.raises(InputError) as raised:
        parse_period(label)
    assert str(raised.value) == (
        f"period {label} is not a month (Mar 2024, 2024-03), a quarter (Q1 2024, 2024-Q1) or "
        "a year (2024)"
    )
    assert raised.value.key == "error.period_unrecognised"
    assert raised.value.params == {"period": label}


@pytest.mark.parametrize(
    ("label", "freq", "key", "message"),
    [
        (
            "2024",
            "M",
            "error.period_not_month",
            "period 2024 is not a month (like Mar 2024 or 2024-03)",
        ),
        (
            "2024-03",
            "Q",
            "error.period_not_quarter",
            "period 2024-03 is not a quarter (like Q1 2024 or 2024-Q1)",
        ),
        ("2024-Q1", "Y", "error.period_not_year", "period 2024-Q1 is not a year (like 2024)"),
    ],
)
def test_label_of_another_frequency_is_refused(label, freq, key, message):
    with pytest.raises(InputError) as raised:
        parse_period(label, freq)
    assert str(raised.value) == message
    assert raised.value.key == key
    assert raised.value.params == {"period": label}


def test_unknown_frequency_is_refused_with_the_known_ones():
    with pytest.raises(InputError) as raised:
        parse_period("2024-03", "W")
    assert str(raised.value) == "frequency W is not one of M (month), Q (quarter), Y (year)"
    assert raised.value.key == "error.frequency_unknown"
    assert raised.value.params == {"freq": "W"}


def test_annual_frequency_may_be_spelled_a_or_y_in_either_case():
    assert [normalise_frequency(freq) for freq in ("A", "a", "Y", "y", "q", "M")] == [
        "Y",
        "Y",
        "Y",
        "Y",
        "Q",
        "M",
    ]


def test_frequency_of_refuses_a_daily_index():
    with pytest.raises(InputError) as raised:
        frequency_of(pd.period_range("2024-01-01", periods=3, freq="D"))
    assert str(raised.value) == "frequency D is not one of M (month), Q (quarter), Y (year)"
    assert raised.value.key == "error.frequency_unknown"


def test_to_period_index_parses_every_label_at_one_frequency():
    index = to_period_index(["2024-01", "02/2024", "2024-05"], "M")
    assert list(index) == list(pd.PeriodIndex(["2024-01", "2024-02", "2024-05"], freq="M"))
    assert index.freqstr == "M"


def test_to_period_index_refuses_a_label_of_another_frequency():
    with pytest.raises(InputError) as raised:
        to_period_index(["2024-01", "2024-Q1"], "M")
    assert raised.value.params == {"period": "2024-Q1"}


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2026-Q3", dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
        ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
    ],
)
def test_statistical_bounds_are_the_calendar(label, start, end):
    assert statistical_bounds(parse_period(label)) == (start, end)


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        # Monthly: 15th of the previous month to the 14th of the month.
        ("2026-03", dt.date(2026, 2, 15), dt.date(2026, 3, 14)),
        ("2026-01", dt.date(2025, 12, 15), dt.date(2026, 1, 14)),
        # Quarterly: 15th of the month before the quarter to the 14th of its last month.
        ("2026-Q1", dt.date(2025, 12, 15), dt.date(2026, 3, 14)),
        ("2026-Q3", dt.date(2026, 6, 15), dt.date(2026, 9, 14)),
        # Annual: 15 December of the previous year to 14 December.
        ("2026", dt.date(2025, 12, 15), dt.date(2026, 12, 14)),
    ],
)
def test_reporting_bounds_follow_the_decree_09_cut_off(label, start, end):
    assert reporting_bounds(parse_period(label)) == (start, end)


def test_year_to_date_reporting_window_of_september_runs_from_15_december():
    assert reporting_bounds(parse_period("2026-09"), "year_to_date") == (
        dt.date(2025, 12, 15),
        dt.date(2026, 9, 14),
    )


def test_year_to_date_window_of_the_second_quarter_is_the_first_half_year():
    assert reporting_bounds(parse_period("2026-Q2"), "year_to_date") == half_year_bounds(2026, 1)


def test_unknown_reporting_window_kind_is_refused():
    with pytest.raises(InputError) as raised:
        reporting_bounds(parse_period("2026-03"), "fiscal")
    assert str(raised.value) == "reporting window fiscal is not one of period, year_to_date"
    assert raised.value.key == "error.reporting_kind_unknown"
    assert raised.value.params == {"kind": "fiscal"}


def test_half_year_windows_follow_the_decree_09_cut_off():
    assert half_year_bounds(2026, 1) == (dt.date(2025, 12, 15), dt.date(2026, 6, 14))
    assert half_year_bounds(2026, 2) == (dt.date(2026, 6, 15), dt.date(2026, 12, 14))


def test_third_half_year_is_refused():
    with pytest.raises(InputError) as raised:
        half_year_bounds(2026, 3)
    assert str(raised.value) == "half year 3 is not 1 or 2"
    assert raised.value.key == "error.half_year_invalid"
    assert raised.value.params == {"half": 3}


@pytest.mark.parametrize("label", ["3000", "2262-05", "1677-Q3", "Tháng 1/9999", "1000", "2101"])
def test_a_period_outside_the_supported_years_is_refused(label: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_period(label)
    assert caught.value.key == "error.period_out_of_range"
    assert caught.value.params["period"] == label


@pytest.mark.parametrize("label", ["1900", "2100-12", "1960", "2100-Q4"])
def test_the_supported_years_end_at_1900_and_2100(label: str) -> None:
    assert parse_period(label).year in (1900, 1960, 2100)
