"""Periods: the labels, calendar bounds and reporting windows of months, quarters and years.

A *period* is a ``pd.Period`` of frequency ``"M"`` (month), ``"Q"`` (calendar quarter) or ``"Y"``
(calendar year; ``"A"`` is accepted as an older spelling). Its canonical label is ``"2024-03"``,
``"2024-Q1"`` or ``"2024"``. :func:`parse_period` also reads ``"2024Q1"`` and ``"03/2024"``, and
every way the Cockpit writes a period for a reader (``analytics.formatting.format_period``), so a
label copied from a chart or a table can be typed back: Vietnamese "Tháng 3/2024", "Quý I/2024",
"Năm 2024" and English "Mar 2024", "Q1 2024". Case, Vietnamese diacritics and spaces do not
matter there ("thang 3/2024", "quy 1/2024", "MARCH 2024"), whatever the language of the screen:
the two languages' labels never read as different periods.

The same period has two date ranges, and they must never be joined silently:

- the *statistical* bounds are the calendar: ``"2026-03"`` is 1-31 March 2026. GSO's monthly,
  quarterly and annual statistics use these;
- the *reporting* bounds are the data cut-off windows of Decree 09/2019/ND-CP, Art. 12, which
  administrative reports use: a period runs from the 15th of the month before it starts to the 14th
  of its last month, so ``"2026-03"`` is 15 February - 14 March 2026 and ``"2026-Q1"`` is
  15 December 2025 - 14 March 2026. Half-year windows are in :func:`half_year_bounds`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

import pandas as pd
from babel import dates

from domain.errors import InputError
from domain.vocabulary import Frequency

PERIODS_PER_YEAR: dict[str, int] = {f.pandas: f.periods_per_year for f in Frequency}
"""Number of periods in a calendar year, by canonical frequency code."""

_PANDAS_FREQUENCIES = {"M": "M", "Q-DEC": "Q", "Y-DEC": "Y"}
_FREQUENCY_ERRORS = {
    "M": ("error.period_not_month", "period {period} is not a month (like Mar 2024 or 2024-03)"),
    "Q": ("error.period_not_quarter", "period {period} is not a quarter (like Q1 2024 or 2024-Q1)"),
    "Y": ("error.period_not_year", "period {period} is not a year (like 2024)"),
}

_YEAR = r"(?P<year>[1-9]\d{3})"
# Matched against the folded label (see ``_folded``): lower case, no diacritics, single spaces.
_SLASH_OR_NAM = r"(?: ?/ ?| nam )"
_LABEL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"{_YEAR}-(?P<month>\d{{2}})"), "M"),
    (re.compile(rf"(?P<month>\d{{1,2}})/{_YEAR}"), "M"),
    (re.compile(rf"{_YEAR}-?q(?P<quarter>\d)"), "Q"),
    (re.compile(_YEAR), "Y"),
    # Vietnamese, as the GSO writes it: "Tháng 3/2024" (or "tháng 3 năm 2024"), "Quý I/2024"
    # (Roman or Arabic numerals), "Năm 2024".
    (re.compile(rf"thang ?(?P<month>\d{{1,2}}){_SLASH_OR_NAM}{_YEAR}"), "M"),
    (re.compile(rf"quy ?(?:(?P<quarter>\d)|(?P<roman>[ivx]+)){_SLASH_OR_NAM}{_YEAR}"), "Q"),
    (re.compile(rf"nam {_YEAR}"), "Y"),
    # English, as CLDR's en_GB writes it: "Mar 2024" (or "March 2024", "Sept. 2024"), "Q1 2024".
    (re.compile(rf"(?P<month_name>[a-z]{{3,9}})\.? ?{_YEAR}"), "M"),
    (re.compile(rf"q(?P<quarter>\d)(?: ?[/-] ?| ){_YEAR}"), "Q"),
)
_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_ENGLISH_MONTHS: dict[str, int] = {
    name.casefold().rstrip("."): month
    for locale in ("en_GB", "en")
    for width in ("abbreviated", "wide")
    for month, name in dates.get_month_names(width, locale=locale).items()
}

FIRST_YEAR = 1900
LAST_YEAR = 2100
"""The years a period may fall in: the shipped data start in 1960 and plans look a few years ahead;
beyond these pandas' timestamps overflow (after 2262), and no Government figure lies there."""

_CUT_OFF_START_DAY = 15
_CUT_OFF_END_DAY = 14


def normalise_frequency(freq: str) -> str:
    """Return the canonical frequency code ``"M"``, ``"Q"`` or ``"Y"`` for ``freq``.

    ``"A"`` (annual) is read as ``"Y"``, and lower case is accepted.

    Raises
    ------
    InputError
        ``error.frequency_unknown`` if ``freq`` is not a month, quarter or year code.
    """
    return Frequency.parse(freq).pandas


def frequency_of(periods: pd.Period | pd.PeriodIndex) -> str:
    """Return the canonical frequency code of a period or a ``PeriodIndex``.

    Raises
    ------
    InputError
        ``error.frequency_unknown`` for any other frequency (days, weeks, fiscal quarters).
    """
    canonical = _PANDAS_FREQUENCIES.get(periods.freqstr)
    if canonical is None:
        raise InputError(
            "error.frequency_unknown",
            f"frequency {periods.freqstr} is not one of M (month), Q (quarter), Y (year)",
            freq=periods.freqstr,
        )
    return canonical


def _folded(text: str) -> str:
    """``text`` in lower case, without diacritics (``đ`` is ``d``), with single spaces."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def _match_label(text: str) -> tuple[re.Match[str], str] | None:
    """The match of the first label shape ``text`` has, and that shape's frequency."""
    folded = _folded(text)
    for pattern, label_freq in _LABEL_PATTERNS:
        match = pattern.fullmatch(folded)
        if match is not None:
            return match, label_freq
    return None


def _unrecognised(label: str) -> InputError:
    return InputError(
        "error.period_unrecognised",
        f"period {label} is not a month (Mar 2024, 2024-03), a quarter (Q1 2024, 2024-Q1) or "
        "a year (2024)",
        period=label,
    )


def parse_period(label: str, freq: str | None = None) -> pd.Period:
    """Read a period label.

    Parameters
    ----------
    label:
        ``"2024-03"`` or ``"03/2024"`` (month), ``"2024-Q1"`` or ``"2024Q1"`` (quarter),
        ``"2024"`` (year), or the period as the Cockpit writes it for a reader in either language:
        ``"Tháng 3/2024"``, ``"Quý I/2024"``, ``"Năm 2024"``, ``"Mar 2024"``, ``"Q1 2024"``.
        Case, diacritics and surrounding or doubled spaces are ignored.
    freq:
        If given (``"M"``, ``"Q"``, ``"Y"`` or ``"A"``), the label must be of this frequency.

    Returns
    -------
    pd.Period

    Raises
    ------
    InputError
        ``error.period_unrecognised`` if the label has none of the shapes above;
        ``error.period_invalid`` for a month outside 1-12 (``"2026-13"``, ``"Tháng 13/2026"``);
        ``error.period_invalid_quarter`` for a quarter outside 1-4 (``"Quý V/2026"``);
        ``error.period_not_month`` / ``_not_quarter`` / ``_not_year`` if it is not of ``freq``.
    """
    expected = None if freq is None else normalise_frequency(freq)
    matched = _match_label(str(label))
    if matched is None:
        raise _unrecognised(label)
    match, label_freq = matched
    groups = match.groupdict()
    month_name = groups.get("month_name")
    if month_name is not None and month_name not in _ENGLISH_MONTHS:
        raise _unrecognised(label)
    if expected is not None and expected != label_freq:
        key, template = _FREQUENCY_ERRORS[expected]
        raise InputError(key, template.format(period=label), period=label)
    year = int(match["year"])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InputError(
            "error.period_out_of_range",
            f"period {label} is outside the years {FIRST_YEAR} to {LAST_YEAR}",
            period=label,
            first=str(FIRST_YEAR),
            last=str(LAST_YEAR),
        )
    if label_freq == "M":
        month = _ENGLISH_MONTHS[month_name] if month_name else int(groups["month"])
        if not 1 <= month <= 12:
            raise InputError(
                "error.period_invalid", f"period {label} is not a valid month", period=label
            )
        return pd.Period(year=year, month=month, freq="M")
    if label_freq == "Q":
        roman = groups.get("roman")
        quarter = _ROMAN_QUARTERS.get(roman, 0) if roman else int(groups["quarter"])
        if not 1 <= quarter <= 4:
            raise InputError(
                "error.period_invalid_quarter",
                f"period {label} is not a valid quarter (Q1 to Q4)",
                period=label,
            )
        return pd.Period(year=year, quarter=quarter, freq="Q")
    return pd.Period(year=year, freq="Y")


def period_label(period: pd.Period) -> str:
    """Return the canonical label of a period: ``"2024-03"``, ``"2024-Q1"`` or ``"2024"``.

    It is the inverse of :func:`parse_period`.
    """
    freq = frequency_of(period)
    if freq == "M":
        return f"{period.year:04d}-{period.month:02d}"
    if freq == "Q":
        return f"{period.year:04d}-Q{period.quarter}"
    return f"{period.year:04d}"


def to_period_index(labels: Iterable[str], freq: str) -> pd.PeriodIndex:
    """Parse labels that must all be of frequency ``freq`` into a ``PeriodIndex``.

    Raises
    ------
    InputError
        As :func:`parse_period`, for the first label that does not parse.
    """
    canonical = normalise_frequency(freq)
    return pd.PeriodIndex([parse_period(label, canonical) for label in labels], freq=canonical)


def statistical_bounds(period: pd.Period) -> tuple[dt.date, dt.date]:
    """Return the first and last calendar day (inclusive) of ``period``."""
    return period.start_time.date(), period.end_time.date()


def _cut_off_window(first_month: pd.Period, last_month: pd.Period) -> tuple[dt.date, dt.date]:
    """Decree 09 window from the 15th of the month before ``first_month`` to the 14th of
    ``last_month``."""
    month_before = first_month - 1
    start = dt.date(month_before.year, month_before.month, _CUT_OFF_START_DAY)
    end = dt.date(last_month.year, last_month.month, _CUT_OFF_END_DAY)
    return start, end


def reporting_bounds(period: pd.Period, kind: str = "period") -> tuple[dt.date, dt.date]:
    """Return the Decree 09/2019 Art. 12 data cut-off window (inclusive) of ``period``.

    Parameters
    ----------
    period:
        A month, quarter or year.
    kind:
        ``"period"``: the window of the period alone. Monthly 2026-03 is 2026-02-15 to
        2026-03-14; Q1 2026 is 2025-12-15 to 2026-03-14; the year 2026 is 2025-12-15 to
        2026-12-14.
        ``"year_to_date"``: from the start of the reporting year (15 December of the previous
        year) to the end of the period's window, as in cumulative reports ("9 tháng": 15 Dec to
        14 Sep, the window provincial regimes use; "6 tháng đầu năm": 15 Dec to 14 Jun, as
        :func:`half_year_bounds` gives for H1).

    Raises
    ------
    InputError
        ``error.reporting_kind_unknown`` if ``kind`` is neither of the above.
    """
    months = period.asfreq("M", how="start"), period.asfreq("M", how="end")
    if kind == "period":
        return _cut_off_window(*months)
    if kind == "year_to_date":
        return _cut_off_window(pd.Period(year=period.year, month=1, freq="M"), months[1])
    raise InputError(
        "error.reporting_kind_unknown",
        f"reporting window {kind} is not one of period, year_to_date",
        kind=kind,
    )


def half_year_bounds(year: int, half: int) -> tuple[dt.date, dt.date]:
    """Return the Decree 09 cut-off window (inclusive) of a half-year report.

    H1 (``half=1``) runs from 15 December of the previous year to 14 June; H2 (``half=2``) from
    15 June to 14 December.

    Raises
    ------
    InputError
        ``error.half_year_invalid`` if ``half`` is not 1 or 2.
    """
    if half not in (1, 2):
        raise InputError("error.half_year_invalid", f"half year {half} is not 1 or 2", half=half)
    first_month = pd.Period(year=year, month=1 if half == 1 else 7, freq="M")
    return _cut_off_window(first_month, first_month + 5)
