"""The row checks on their own: number conventions, periods, units, statuses, duplicates and the
comparison with the stored series, each case worked out by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from domain.errors import InputError
from domain.vocabulary import RowOutcome
from ingest.checks import Candidate, CheckContext, IndicatorFacts, check_rows, read_number

FACTS = {
    "CPI": IndicatorFacts("CPI", "%", "M", "GSO"),
    "GDP": IndicatorFacts("GDP", "billion VND", "Q", "GSO"),
    "DEBT": IndicatorFacts("DEBT", "%", "A", "MOF"),
}
DAY = dt.date(2025, 3, 20)


def _context(**changes: object) -> CheckContext:
    history = pd.DataFrame(
        {
            "period_start": [dt.date(2024, m, 1) for m in range(1, 13)],
            "period_end": [dt.date(2024, m, 28) for m in range(1, 13)],
            "value": [3.0, 3.1, 2.9, 3.0, 3.2, 2.8, 3.0, 3.1, 2.9, 3.0, 3.2, 2.9],
        }
    )
    context = CheckContext(FACTS, {"VN", "01"}, DAY, "vi", "GSO", {("CPI", "VN"): history})
    for key, value in changes.items():
        setattr(context, key, value)
    return context


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("1.234,5", "vi", 1234.5),
        ("1,234.5", "vi", 1234.5),
        ("1,234.5", "en", 1234.5),
        ("1.234,5", "en", 1234.5),
        ("3,4", "vi", 3.4),
        ("3.4", "vi", 3.4),
        ("−0,5", "vi", -0.5),
        (12.0, "vi", 12.0),
    ],
)
def test_numbers_read_in_either_convention(text: object, lang: str, value: float) -> None:
    assert read_number(text, lang) == pytest.approx(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["25.950", "25,950", "abc", "1e5", "", True])
def test_a_number_that_is_not_one_or_reads_two_ways_is_refused(text: object) -> None:
    with pytest.raises(InputError):
        read_number(text, "vi")  # type: ignore[arg-type]


def _one(context: CheckContext, **cells: object) -> tuple[RowOutcome, list[str]]:
    base: dict[str, object] = {"indicator_code": "CPI", "period": "2025-01", "value": "3,1"}
    row = check_rows([Candidate(number=2, **{**base, **cells})], context)[0]  # type: ignore[arg-type]
    return row.outcome, [key for key, _ in row.messages]


@pytest.mark.parametrize(
    ("cells", "outcome", "keys"),
    [
        ({}, RowOutcome.VALID, []),
        ({"indicator_code": "cpi", "unit": "%"}, RowOutcome.VALID, []),
        ({"unit": "billion VND"}, RowOutcome.ERROR, ["error.row_unit_mismatch"]),
        ({"period": "2025-Q1"}, RowOutcome.ERROR, ["error.period_not_month"]),
        ({"period": "2025-13"}, RowOutcome.ERROR, ["error.period_invalid"]),
        ({"period": "2025-04"}, RowOutcome.ERROR, ["error.row_future_period"]),
        ({"period": "2025-03"}, RowOutcome.ERROR, ["error.row_period_not_ended"]),
        ({"period": "2025-03", "status": "ước tính"}, RowOutcome.VALID, []),
        ({"status": "final"}, RowOutcome.ERROR, ["error.unknown_status"]),
        ({"geography": "99"}, RowOutcome.ERROR, ["error.row_unknown_geography"]),
        ({"geography": "01"}, RowOutcome.VALID, []),
        (
            {"indicator_code": "DEBT", "period": "2024"},
            RowOutcome.ERROR,
            ["error.row_not_own_indicator"],
        ),
        ({"value": "31"}, RowOutcome.WARNING, ["intake.row_unusual"]),
        ({"period": "2024-12", "value": "2,9"}, RowOutcome.UNCHANGED, ["intake.row_unchanged"]),
        ({"value": ""}, RowOutcome.EMPTY, []),
        ({"value": "25.950"}, RowOutcome.ERROR, ["error.number_ambiguous"]),
    ],
)
def test_each_row_gets_its_outcome_and_reasons(
    cells: dict[str, object], outcome: RowOutcome, keys: list[str]
) -> None:
    assert _one(_context(), **cells) == (outcome, keys)


def test_gso_rows_may_carry_any_agency_indicator() -> None:
    outcome, _ = _one(_context(agency_code=None), indicator_code="DEBT", period="2024")
    assert outcome == RowOutcome.VALID


def test_the_same_cell_twice_in_one_file_is_an_error_on_both_rows() -> None:
    rows = check_rows(
        [
            Candidate(2, "CPI", "2025-01", "3,1"),
            Candidate(3, "CPI", "2025-02", "3,0"),
            Candidate(4, "CPI", "01/2025", "3,2"),
        ],
        _context(),
    )
    assert [r.outcome for r in rows] == [RowOutcome.ERROR, RowOutcome.VALID, RowOutcome.ERROR]
    assert rows[2].messages == [
        ("error.row_duplicate", {"code": "CPI", "period": "2025-01", "row": "2"})
    ]


def test_the_fast_neighbours_are_those_of_the_plausibility_rule() -> None:
    import numpy as np

    from analytics.plausibility import nearest_values
    from ingest.checks import _nearest, _series

    rng = np.random.default_rng(7)
    starts = sorted(
        {dt.date(2000, 1, 1) + dt.timedelta(days=int(d)) for d in rng.integers(0, 9000, 80)}
    )
    history = pd.DataFrame(
        {"period_start": starts, "period_end": starts, "value": rng.normal(size=len(starts))}
    )
    context = _context(history={("CPI", "VN"): history})
    series = _series(context, "CPI", "VN")
    assert series is not None
    for at in [starts[0], starts[40], starts[-1], dt.date(2010, 6, 15), dt.date(1990, 1, 1)]:
        day = int(np.datetime64(at, "D").astype("int64"))
        assert _nearest(series, day).tolist() == nearest_values(history, at)
