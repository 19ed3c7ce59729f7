"""Numbers, changes, percentages, periods and dates as a reader sees them, and numbers read back."""

import datetime as dt

import pandas as pd
import pytest

from analytics.formatting import (
    format_change,
    format_date,
    format_number,
    format_percent,
    format_period,
    locale_of,
    parse_number_text,
)
from domain.errors import InputError


@pytest.mark.parametrize(
    ("x", "decimals", "vi", "en"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (-1234.56, 1, "-1.234,6", "-1,234.6"),
        (1234567.891, 2, "1.234.567,89", "1,234,567.89"),
        (1234.5, 0, "1.235", "1,235"),
        (2.25, 1, "2,3", "2.3"),
        (2.675, 2, "2,68", "2.68"),
        (0.0, 1, "0,0", "0.0"),
        (-0.04, 1, "0,0", "0.0"),
        (12, 1, "12,0", "12.0"),
    ],
)
def test_format_number_uses_the_separators_of_the_language(x, decimals, vi, en):
    assert format_number(x, "vi", decimals) == vi
    assert format_number(x, "en", decimals) == en


@pytest.mark.parametrize("x", [None, float("nan"), float("inf"), pd.NA])
def test_missing_number_is_an_en_dash(x):
    assert format_number(x, "vi") == "–"
    assert format_change(x, "en") == "–"


@pytest.mark.parametrize(
    ("x", "vi", "en"),
    [(1.2, "+1,2", "+1.2"), (-0.3, "-0,3", "-0.3"), (0.0, "0,0", "0.0"), (0.04, "0,0", "0.0")],
)
def test_format_change_gives_positive_changes_a_plus_sign(x, vi, en):
    assert format_change(x, "vi") == vi
    assert format_change(x, "en") == en


@pytest.mark.parametrize(
    ("x", "decimals", "vi", "en"),
    [
        (6.5, 1, "6,5%", "6.5%"),
        (6.25, 1, "6,3%", "6.3%"),
        (0.35, 1, "0,4%", "0.4%"),
        (80, 0, "80%", "80%"),
        (1234.5, 1, "1.234,5%", "1,234.5%"),
        (-2.25, 1, "-2,3%", "-2.3%"),
        (-0.04, 1, "0,0%", "0.0%"),
    ],
)
def test_format_percent_writes_percent_points_with_the_percent_sign(x, decimals, vi, en):
    assert format_percent(x, "vi", decimals) == vi
    assert format_percent(x, "en", decimals) == en


@pytest.mark.parametrize(
    ("x", "vi", "en"),
    [(6.5, "+6,5%", "+6.5%"), (-0.3, "-0,3%", "-0.3%"), (0.04, "0,0%", "0.0%"), (None, "–", "–")],
)
def test_a_signed_percentage_gets_a_plus_unless_it_rounds_to_zero(x, vi, en):
    assert format_percent(x, "vi", signed=True) == vi
    assert format_percent(x, "en", signed=True) == en


def test_the_languages_are_written_with_the_vietnamese_and_british_cldr_locales():
    assert str(locale_of("vi")) == "vi_VN"
    assert str(locale_of("en")) == "en_GB"


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (pd.Period("2026-11", freq="M"), "Tháng 11/2026", "Nov 2026"),
        (pd.Period("2026-03", freq="M"), "Tháng 3/2026", "Mar 2026"),
        (pd.Period("2026Q3", freq="Q"), "Quý III/2026", "Q3 2026"),
        (pd.Period("2026Q4", freq="Q"), "Quý IV/2026", "Q4 2026"),
        (pd.Period("2026", freq="Y"), "Năm 2026", "2026"),
    ],
)
def test_format_period_names_months_and_quarters_in_the_language(period, vi, en):
    assert format_period(period, "vi") == vi
    assert format_period(period, "en") == en


@pytest.mark.parametrize(
    ("day", "vi", "en"),
    [
        (dt.date(2026, 11, 25), "25/11/2026", "25 Nov 2026"),
        (dt.date(2026, 3, 5), "05/03/2026", "5 Mar 2026"),
        (pd.Timestamp("2026-03-05 10:30"), "05/03/2026", "5 Mar 2026"),
    ],
)
def test_format_date_writes_day_month_year(day, vi, en):
    assert format_date(day, "vi") == vi
    assert format_date(day, "en") == en


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_number(1.0, "fr"),
        lambda: format_change(1.0, "fr"),
        lambda: format_period(pd.Period("2026-01", freq="M"), "fr"),
        lambda: format_date(dt.date(2026, 1, 1), "fr"),
        lambda: format_percent(1.0, "fr"),
        lambda: parse_number_text("1", "fr"),
        lambda: locale_of("fr"),
    ],
)
def test_unknown_language_is_refused(call):
    with pytest.raises(InputError) as raised:
        call()
    assert str(raised.value) == "language fr is not one of vi, en"
    assert raised.value.key == "error.language_unknown"
    assert raised.value.params == {"lang": "fr"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.234,5", 1234.5),
        ("1234,5", 1234.5),
        ("1.234", 1234.0),
        ("1,2345", 1.2345),
        ("1,23", 1.23),
        ("0,950", 0.95),
        ("1.234.567,89", 1234567.89),
        ("6,5", 6.5),
        ("0,05", 0.05),
        ("3.900", 3900.0),
        ("42", 42.0),
        ("0", 0.0),
        ("-1.234,5", -1234.5),
        ("+1.234,5", 1234.5),
        ("\u22121.234,5", -1234.5),
        ("\u22120,3", -0.3),
        ("  4,5 ", 4.5),
        ("-0", 0.0),
    ],
)
def test_vietnamese_input_reads_dots_as_thousands_and_the_comma_as_decimal_mark(text, value):
    assert parse_number_text(text, "vi") == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234.5", 1234.5),
        ("1234.5", 1234.5),
        ("1,234", 1234.0),
        ("1.2345", 1.2345),
        ("1.23", 1.23),
        ("0.950", 0.95),
        ("1,234,567.89", 1234567.89),
        ("6.5", 6.5),
        ("0.05", 0.05),
        ("3,900", 3900.0),
        ("42", 42.0),
        ("-1,234.5", -1234.5),
        ("+1,234.5", 1234.5),
        ("\u22121,234.5", -1234.5),
        ("\u22120.3", -0.3),
        (" 4.5  ", 4.5),
    ],
)
def test_english_input_reads_commas_as_thousands_and_the_dot_as_decimal_mark(text, value):
    assert parse_number_text(text, "en") == value


@pytest.mark.parametrize(
    ("text", "lang", "decimal", "thousands"),
    [
        ("25.950", "en", "25.95", "25,950"),
        ("259.500", "en", "259.5", "259,500"),
        ("1.234", "en", "1.2340", "1,234"),
        ("-4.500", "en", "-4.5", "-4,500"),
        ("25,950", "vi", "25,95", "25.950"),
        ("1,234", "vi", "1,2340", "1.234"),
        (" +4,500 ", "vi", "4,5", "4.500"),
    ],
)
def test_a_number_the_other_language_reads_a_thousand_times_larger_is_refused_with_both_readings(
    text, lang, decimal, thousands
):
    with pytest.raises(InputError) as raised:
        parse_number_text(text, lang)
    assert raised.value.key == "error.number_ambiguous"
    assert raised.value.params == {"text": text.strip(), "decimal": decimal, "thousands": thousands}
    assert str(raised.value) == (
        f"{text.strip()} could be {decimal} or {thousands}; type the one you mean as it is "
        "written here"
    )


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("25,950", "en", 25950.0),
        ("25950", "en", 25950.0),
        ("25.95", "en", 25.95),
        ("25,950.0", "en", 25950.0),
        ("25.950", "vi", 25950.0),
        ("25950", "vi", 25950.0),
        ("25,95", "vi", 25.95),
        ("4,5", "vi", 4.5),
        ("1.234,5", "vi", 1234.5),
    ],
)
def test_each_of_the_two_readings_typed_as_shown_is_accepted(text, lang, value):
    assert parse_number_text(text, lang) == value


@pytest.mark.parametrize(
    ("text", "lang"), [("25.950", "en"), ("1.234", "en"), ("25,950", "vi"), ("1,234", "vi")]
)
def test_each_reading_the_refusal_offers_is_read_back_as_that_number(text, lang):
    with pytest.raises(InputError) as raised:
        parse_number_text(text, lang)
    decimal, thousands = raised.value.params["decimal"], raised.value.params["thousands"]
    assert parse_number_text(decimal, lang) * 1000 == pytest.approx(
        parse_number_text(thousands, lang)
    )


MALFORMED = [
    "",
    "   ",
    "abc",
    "bốn",
    "1.2.3",
    "1,2,3",
    "1..2",
    "²",
    "1²",
    "١٢٣",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "Infinity",
    "1e5",
    "1E5",
    "1_000",
    "0x10",
    "1 234",
    "+",
    "-",
    "--1",
    "+-1",
    "-+1",
    "1-",
    "1+",
    "(5)",
    "5%",
    "9" * 5000,
]


@pytest.mark.parametrize("text", MALFORMED)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_malformed_input_is_refused_in_both_languages(text, lang):
    with pytest.raises(InputError) as raised:
        parse_number_text(text, lang)
    assert raised.value.key == "error.number_unparseable"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("1,234.5", "vi"),
        ("1.234,5", "en"),
        ("12.34", "vi"),
        ("12,34", "en"),
        ("1.23,5", "vi"),
        ("1,23.5", "en"),
        ("1234.5", "vi"),
        ("1234,5", "en"),
        ("1.2345,6", "vi"),
        ("1,2345.6", "en"),
        (",5", "vi"),
        (".5", "en"),
        ("5,", "vi"),
        ("5.", "en"),
        ("123.456,", "vi"),
        ("-,5", "vi"),
    ],
)
def test_input_written_in_the_other_convention_or_with_stray_separators_is_refused(text, lang):
    with pytest.raises(InputError) as raised:
        parse_number_text(text, lang)
    assert raised.value.key == "error.number_unparseable"


def test_a_refused_number_is_named_and_the_examples_follow_the_language():
    with pytest.raises(InputError) as vi:
        parse_number_text(" bốn ", "vi")
    assert vi.value.params == {"text": "bốn"}
    assert str(vi.value) == "bốn is not a number written like 6,5 or 3.900"
    with pytest.raises(InputError) as en:
        parse_number_text("four", "en")
    assert str(en.value) == "four is not a number written like 6.5 or 3,900"


def test_a_very_long_refused_text_is_shortened_in_the_message():
    with pytest.raises(InputError) as raised:
        parse_number_text("9" * 5000, "vi")
    assert raised.value.params["text"] == "9" * 40 + "…"


@pytest.mark.parametrize("x", [1234.5, -0.75, 1234567.89, 0.05, 3900])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_formatted_number_reads_back_as_itself(x, lang):
    assert parse_number_text(format_number(x, lang, 2), lang) == x
