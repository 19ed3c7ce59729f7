"""Reading plan targets from resolution text, and assessing outcomes against them."""

from pathlib import Path

import pandas as pd
import pytest

from analytics.targets import Target, assess, parse_number, parse_target
from domain.errors import InputError

KEY_INDICATORS = Path(__file__).resolve().parents[2] / "data/seed/domain/key_indicators.csv"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6,5", 6.5),
        ("3.900", 3900.0),
        ("5.026", 5026.0),
        ("27", 27.0),
        ("-6,02", -6.02),
        ("−6,02%", -6.02),
    ],
)
def test_parse_number_reads_vietnamese_separators(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["6.5", "abc", "", "1.23,4", "--5"])
def test_parse_number_refuses_other_writing(text):
    with pytest.raises(InputError) as raised:
        parse_number(text)
    assert str(raised.value) == f"{text} is not a number written like 6,5 or 3.900"
    assert raised.value.key == "error.number_unparseable"
    assert raised.value.params == {"text": text}


@pytest.mark.parametrize(
    ("text", "low", "high", "operator", "approximate"),
    [
        ("Khoảng 6,5", 6.5, 6.5, "eq", True),
        ("3.900", 3900.0, 3900.0, "eq", False),
        ("5.400-5.500", 5400.0, 5500.0, "range", False),
        ("1 - 1,5", 1.0, 1.5, "range", False),
        ("Khoảng 6–6,5%", 6.0, 6.5, "range", True),
        ("từ 6 đến 6,5", 6.0, 6.5, "range", False),
        ("Trên 90", 90.0, None, "gt", False),
        ("Dưới 4", None, 4.0, "lt", False),
        ("Phấn đấu từ 10 trở lên", 10.0, None, "ge", False),
        ("Ít nhất 80", 80.0, None, "ge", False),
        ("Từ 4 trở xuống", None, 4.0, "le", False),
        ("Không quá 3", None, 3.0, "le", False),
        ("Khoảng 6 (Chính phủ phấn đấu khoảng 6,5)", 6.0, 6.0, "eq", True),
        ("Khoảng 6,5-7,0 và phấn đấu khoảng 7,0-7,5", 6.5, 7.0, "range", True),
        ("Tăng 10% trở lên", 10.0, None, "ge", False),
        ("Phấn đấu tăng 8% trở lên", 8.0, None, "ge", False),
        ("Từ 10% trở lên", 10.0, None, "ge", False),
        ("Tăng khoảng 6,5%", 6.5, 6.5, "eq", True),
    ],
)
def test_parse_target_reads_the_resolution_wording(text, low, high, operator, approximate):
    assert parse_target(text) == Target(low, high, operator, approximate, text)


def test_every_target_in_key_indicators_parses():
    targets = pd.read_csv(KEY_INDICATORS)["target"].dropna()
    assert len(targets) > 50
    for text in targets:
        target = parse_target(text)
        assert target.operator in {"eq", "range", "gt", "ge", "lt", "le"}, text
        assert target.low is not None or target.high is not None, text


@pytest.mark.parametrize("text", ["abc", "7-6", "6.5", "Khoảng", "Tăng mạnh"])
def test_unparseable_target_says_how_to_write_one(text):
    with pytest.raises(InputError) as raised:
        parse_target(text)
    assert str(raised.value) == (
        f"plan target {text} is not understood; write it like 'Khoảng 6,5', '6-6,5', "
        "'Trên 90', 'Dưới 4' or 'Từ 10 trở lên'"
    )
    assert raised.value.key == "error.target_unparseable"
    assert raised.value.params == {"text": text}


def test_gdp_growth_2021_missed_its_target():
    # Target "Khoảng 6" (about 6 %), outcome 2.58 %: short by more than the 0.5 tolerance.
    assert assess(2.58, parse_target("Khoảng 6"), higher_is_better=True) == "not_met"


def test_gdp_growth_above_a_point_target_meets_it():
    assert assess(8.02, parse_target("Khoảng 6,5"), higher_is_better=True) == "met"


def test_approximate_point_target_is_met_within_half_a_point():
    target = parse_target("Khoảng 4")
    # CPI, lower is better: 4.4 <= 4 + 0.5 is met, 4.6 > 4.5 is not; 1.84 is well below.
    assert assess(4.4, target, higher_is_better=False) == "met"
    assert assess(4.6, target, higher_is_better=False) == "not_met"
    assert assess(1.84, target, higher_is_better=False) == "met"


def test_approximate_target_without_direction_needs_the_value_near_it():
    target = parse_target("Khoảng 42")
    assert assess(41.6, target, higher_is_better=None) == "met"
    assert assess(42.5, target, higher_is_better=None) == "met"
    assert assess(42.6, target, higher_is_better=None) == "not_met"


def test_exact_target_has_no_tolerance():
    assert assess(94.9, parse_target("95"), higher_is_better=True) == "not_met"
    assert assess(95.0, parse_target("95"), higher_is_better=True) == "met"


def test_tolerance_can_be_set_for_targets_in_other_units():
    target = parse_target("Khoảng 3.700")
    assert assess(3650, target, higher_is_better=True) == "not_met"
    assert assess(3650, target, higher_is_better=True, tolerance=100) == "met"


def test_range_target_with_direction_only_checks_the_side_that_matters():
    target = parse_target("6,0-6,5")
    assert assess(7.09, target, higher_is_better=True) == "met"
    assert assess(5.9, target, higher_is_better=True) == "not_met"
    assert assess(5.9, target, higher_is_better=False) == "met"
    assert assess(6.6, target, higher_is_better=False) == "not_met"


def test_range_target_without_direction_needs_the_value_inside():
    target = parse_target("25-26")
    assert assess(25.5, target, higher_is_better=None) == "met"
    assert assess(26.1, target, higher_is_better=None) == "not_met"


def test_strict_bounds_are_checked_as_written():
    assert assess(90.0, parse_target("Trên 90"), higher_is_better=True) == "not_met"
    assert assess(90.1, parse_target("Trên 90"), higher_is_better=True) == "met"
    assert assess(4.0, parse_target("Dưới 4"), higher_is_better=False) == "not_met"
    assert assess(3.9, parse_target("Dưới 4"), higher_is_better=False) == "met"


def test_inclusive_bounds_are_checked_as_written():
    assert assess(10.0, parse_target("Phấn đấu từ 10 trở lên"), higher_is_better=True) == "met"
    assert assess(9.9, parse_target("Phấn đấu từ 10 trở lên"), higher_is_better=True) == "not_met"
    assert assess(3.0, parse_target("Không quá 3"), higher_is_better=False) == "met"


def test_assessing_a_missing_value_is_refused():
    with pytest.raises(InputError) as raised:
        assess(float("nan"), parse_target("Khoảng 6"), higher_is_better=True)
    assert str(raised.value) == "there is no value to compare with the target Khoảng 6"
    assert raised.value.key == "error.target_value_missing"
    assert raised.value.params == {"target": "Khoảng 6"}


def test_every_outcome_in_key_indicators_parses_as_a_number():
    outcomes = pd.read_csv(KEY_INDICATORS, dtype={"actual": str})["actual"].dropna()
    assert len(outcomes) > 10
    assert all(parse_number(text) > 0 for text in outcomes)
