"""The checks every incoming row passes, whatever brought it (an agency's template, GSO's workbook,
later an agency's system): one implementation, pure, given what the catalogue and the stored series
say (:class:`CheckContext`, gathered by ``services.intake``).

Each row ends with one :class:`~domain.vocabulary.RowOutcome` and the reasons, as translation keys
with their parameters so that each reader sees them in its language:

- **error** (never written): unknown indicator or geography, another agency's indicator, a period
  that does not parse, is of the wrong frequency, lies in the future, or has not ended (unless the
  row is an estimate), a unit other than the indicator's, a value that is not a number (or that
  Vietnamese and English read as two different numbers), an unknown status, the same cell twice in
  one file, or a cell the file reader refused (formula, merged);
- **warning** (written only if a person confirms it): a value far from the series' recent ones
  (``analytics.plausibility``);
- **unchanged** (nothing to write): the value already known for that period;
- **empty**: a template row left blank;
- **valid**: everything else.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from analytics.formatting import format_number, parse_number_text
from analytics.plausibility import RECENT_COUNT, plausible_range
from domain.errors import InputError
from domain.periods import parse_period, period_label, statistical_bounds
from domain.vocabulary import NATIONAL_GEOGRAPHY, RowOutcome, Status
from ingest.gso_table import fold, text_of
from ingest.workbook import Cell

Message = tuple[str, dict[str, str]]
_STATUS_WORDS = {
    "uoc tinh": Status.ESTIMATE,
    "so bo": Status.PRELIMINARY,
    "chinh thuc": Status.OFFICIAL,
    "dieu chinh": Status.REVISED,
    "sua doi": Status.REVISED,
}


@dataclass(frozen=True)
class IndicatorFacts:
    """What the catalogue says of one indicator, as the checks need it."""

    code: str
    unit: str
    frequency: str
    agency_code: str | None


@dataclass
class CheckContext:
    """What the rows are checked against.

    ``agency_code`` is the submitting agency (``None`` for GSO's own workbook, which may carry any
    of the catalogue's series); ``vintage`` the day the values become known; ``lang`` the
    reader's language, whose number convention is tried first; ``history`` the stored latest
    values of each (indicator, geography), one row per period with ``period_start``,
    ``period_end`` and ``value``.
    """

    indicators: dict[str, IndicatorFacts]
    geographies: set[str]
    vintage: dt.date
    lang: str = "vi"
    agency_code: str | None = None
    history: dict[tuple[str, str], pd.DataFrame] = field(default_factory=dict)
    unit_names: dict[str, set[str]] = field(default_factory=dict)
    """Other names a unit may be written with (its translations), by catalogue unit."""
    owed: set[tuple[str, str]] | None = None
    """The (indicator, geography) pairs the submitting agency owes; when given, it decides what
    the agency may submit (a province owes its own series, not the country's)."""
    series_cache: dict = field(default_factory=dict, repr=False)
    """The stored series as arrays, built once per series while the rows are checked."""


@dataclass(frozen=True)
class Candidate:
    """A row as it came in, before any check: texts or the numbers a workbook cell held."""

    number: int
    indicator_code: Cell
    period: Cell
    value: Cell
    geography: Cell = None
    unit: Cell = None
    status: Cell = None
    source: Cell = None
    sheet: str = ""
    cell: str = ""
    refused: tuple[Message, ...] = ()


@dataclass
class CheckedRow:
    """A row after the checks: what will be written if it is confirmed, and why or why not."""

    number: int
    indicator_code: str
    geography_code: str
    period: str
    period_start: dt.date | None
    period_end: dt.date | None
    value: float | None
    unit: str
    status: str
    source: str
    sheet: str
    cell: str
    raw: str
    outcome: RowOutcome = RowOutcome.VALID
    messages: list[Message] = field(default_factory=list)


def read_number(cell: Cell, lang: str) -> float:
    """The number in ``cell``: a workbook's number as it is; text in the reader's convention,
    else in the other language's ("1.234,5" and "1,234.5" both read 1234.5). Text that the two
    conventions read as two different numbers ("25.950") is refused with both readings."""
    if isinstance(cell, bool):
        raise InputError("error.number_unparseable", f"{cell} is not a number", text=str(cell))
    if isinstance(cell, int | float):
        if pd.isna(cell) or cell in (float("inf"), float("-inf")):
            raise InputError("error.value_not_finite", f"{cell} is not a number", value=str(cell))
        return float(cell)
    return _number_of_text(text_of(cell), lang)


@lru_cache(maxsize=8192)
def _number_of_text(text: str, lang: str) -> float:
    two_ways = re.fullmatch(r"([+\-−]?)(\d{1,3})[.,](\d{3})", text.strip())
    if two_ways:
        sign = -1.0 if two_ways.group(1) in ("-", "−") else 1.0
        whole, part = two_ways.group(2), two_ways.group(3)
        decimal = format_number(sign * float(f"{whole}.{part}"), lang, 4)
        thousands = format_number(sign * float(whole + part), lang, 0)
        raise InputError(
            "error.number_ambiguous",
            f"{text} could be {decimal} or {thousands}; type the one you mean without ambiguity",
            text=text.strip(),
            decimal=decimal,
            thousands=thousands,
        )
    try:
        return parse_number_text(text, lang)
    except InputError as first:
        if first.key == "error.number_ambiguous":
            raise
        other = "en" if lang == "vi" else "vi"
        try:
            return parse_number_text(text, other)
        except InputError:
            raise first from None


def check_rows(candidates: Iterable[Candidate], context: CheckContext) -> list[CheckedRow]:
    """Check every row; a row's problems never stop the others from being checked."""
    rows = [_check(candidate, context) for candidate in candidates]
    _flag_duplicates(rows)
    for row in rows:
        if row.outcome in (RowOutcome.VALID, RowOutcome.WARNING):
            _compare_with_history(row, context)
    return rows


def _check(candidate: Candidate, context: CheckContext) -> CheckedRow:
    code = text_of(candidate.indicator_code).upper()
    geography = text_of(candidate.geography).upper() or NATIONAL_GEOGRAPHY
    row = CheckedRow(
        number=candidate.number,
        indicator_code=code,
        geography_code=geography,
        period=text_of(candidate.period),
        period_start=None,
        period_end=None,
        value=None,
        unit=text_of(candidate.unit),
        status=text_of(candidate.status),
        source=text_of(candidate.source),
        sheet=candidate.sheet,
        cell=candidate.cell,
        raw=json.dumps(
            [text_of(c) for c in (candidate.indicator_code, candidate.period, candidate.value)],
            ensure_ascii=False,
        ),
    )
    errors: list[Message] = list(candidate.refused)
    if text_of(candidate.value) == "" and not candidate.refused:
        row.outcome = RowOutcome.EMPTY
        return row
    facts = context.indicators.get(code)
    if facts is None:
        errors.append(("error.row_unknown_code", {"code": code or "–"}))
    elif context.owed is not None:
        if (code, geography) not in context.owed:
            errors.append(("error.row_not_owed", {"code": code, "geography": geography}))
    elif context.agency_code is not None and facts.agency_code != context.agency_code:
        errors.append(("error.row_not_own_indicator", {"code": code}))
    if geography not in context.geographies:
        errors.append(("error.row_unknown_geography", {"code": geography}))
    if facts is not None:
        errors += _check_period(row, facts, context.vintage)
        errors += _check_unit(row, facts, context)
        if not row.unit:
            row.unit = facts.unit
    errors += _check_value(row, candidate.value, context.lang)
    errors += _check_status(row, context.vintage)
    if errors:
        row.outcome = RowOutcome.ERROR
        row.messages = errors
    return row


@lru_cache(maxsize=4096)
def _period_of(text: str, frequency: str) -> tuple[str, dt.date, dt.date]:
    """A period's label and bounds; cached, since a file repeats a few periods many times."""
    period = parse_period(text, frequency)
    return (period_label(period), *statistical_bounds(period))


def _check_period(row: CheckedRow, facts: IndicatorFacts, vintage: dt.date) -> list[Message]:
    try:
        row.period, row.period_start, row.period_end = _period_of(row.period, facts.frequency)
    except InputError as error:
        return [(error.key, {k: str(v) for k, v in error.params.items()})]
    if row.period_start > vintage:
        return [("error.row_future_period", {"period": row.period, "day": vintage.isoformat()})]
    return []


def _check_unit(row: CheckedRow, facts: IndicatorFacts, context: CheckContext) -> list[Message]:
    if not row.unit:
        return []
    accepted = {fold(facts.unit)} | {fold(n) for n in context.unit_names.get(facts.unit, ())}
    if fold(row.unit) not in accepted:
        return [("error.row_unit_mismatch", {"unit": row.unit, "expected": facts.unit})]
    row.unit = facts.unit
    return []


def _check_value(row: CheckedRow, cell: Cell, lang: str) -> list[Message]:
    try:
        row.value = read_number(cell, lang)
    except InputError as error:
        return [(error.key, {k: str(v) for k, v in error.params.items()})]
    return []


def _check_status(row: CheckedRow, vintage: dt.date) -> list[Message]:
    text = fold(row.status)
    if not text:
        row.status = Status.PRELIMINARY.value
    elif text in {s.value for s in Status}:
        row.status = Status(text).value
    elif text in _STATUS_WORDS:
        row.status = _STATUS_WORDS[text].value
    else:
        return [("error.unknown_status", {"status": row.status})]
    if (
        row.period_end is not None
        and row.status != Status.ESTIMATE
        and row.period_start is not None
        and row.period_start <= vintage < row.period_end
    ):
        return [("error.row_period_not_ended", {"period": row.period})]
    return []


def _flag_duplicates(rows: list[CheckedRow]) -> None:
    keys = Counter(
        (r.indicator_code, r.geography_code, r.period, r.status)
        for r in rows
        if r.outcome != RowOutcome.EMPTY
    )
    first_number: dict[tuple[str, str, str, str], int] = {}
    for row in rows:
        key = (row.indicator_code, row.geography_code, row.period, row.status)
        if row.outcome == RowOutcome.EMPTY or keys[key] < 2:
            continue
        first = first_number.setdefault(key, row.number)
        row.outcome = RowOutcome.ERROR
        row.messages.append(
            (
                "error.row_duplicate",
                {"code": row.indicator_code, "period": row.period, "row": str(first)},
            )
        )


@dataclass(frozen=True)
class _Series:
    """A stored series as arrays, built once per file: period starts (days) and latest values."""

    starts: np.ndarray
    values: np.ndarray
    at: dict[int, float]


def _series(context: CheckContext, code: str, geography: str) -> _Series | None:
    cache = context.series_cache
    key = (code, geography)
    if key not in cache:
        history = context.history.get(key)
        if history is None or history.empty:
            cache[key] = None
        else:
            starts = pd.to_datetime(history["period_start"]).to_numpy("datetime64[D]")
            days = starts.astype("int64")
            values = history["value"].to_numpy(float)
            cache[key] = _Series(
                days, values, dict(zip(days.tolist(), values.tolist(), strict=True))
            )
    return cache[key]


def _nearest(series: _Series, day: int) -> np.ndarray:
    """The values of the :data:`~analytics.plausibility.RECENT_COUNT` periods nearest ``day``,
    the period itself left out, the earlier first of two equally near (as ``nearest_values``)."""
    others = series.starts != day
    starts, values = series.starts[others], series.values[others]
    order = np.lexsort((starts, np.abs(starts - day)))
    return values[order[:RECENT_COUNT]]


def _compare_with_history(row: CheckedRow, context: CheckContext) -> None:
    series = _series(context, row.indicator_code, row.geography_code)
    if series is None or row.value is None or row.period_start is None:
        return
    day = int(np.datetime64(row.period_start, "D").astype("int64"))
    known = series.at.get(day)
    if known is not None and abs(known - row.value) <= 1e-9 * max(1.0, abs(row.value)):
        row.outcome = RowOutcome.UNCHANGED
        row.messages.append(("intake.row_unchanged", {}))
        return
    bounds = plausible_range(_nearest(series, day))
    if bounds is not None and not bounds.contains(row.value):
        row.outcome = RowOutcome.WARNING
        row.messages.append(
            (
                "intake.row_unusual",
                {
                    "count": str(bounds.count),
                    "median": repr(bounds.median),
                    "low": repr(bounds.low),
                    "high": repr(bounds.high),
                },
            )
        )
