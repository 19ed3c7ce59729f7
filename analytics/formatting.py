"""How numbers, changes, percentages, periods and dates are written for a reader, in Vietnamese or
English, and how a number a reader typed is read back.

Everything goes through Babel and the CLDR data it ships: the separators (Vietnamese ``1.234,5``,
English ``1,234.5``), the signs, the percent sign, the month names and the date order. The
Cockpit's two languages map to two CLDR locales (:data:`LOCALES`): ``vi`` to ``vi_VN`` and ``en``
to ``en_GB``. British English because its CLDR data write dates day first ("5 Mar 2026"), in the
same order as Vietnamese, so a leader who switches language reads dates the same way, and because
the Cockpit's English follows British usage.

Three conventions are the Cockpit's own, not CLDR's defaults:

- Halves round away from zero, as statistical tables do (Babel rounds half to even), and a value is
  rounded as it is written (its shortest decimal form), so 2.25 gives "2,3". A value that rounds to
  zero has no sign. A missing value is an en dash ``–``.
- Vietnamese dates are written as in administrative documents, ``05/03/2026``, where CLDR's short
  form is ``5/3/26``.
- Vietnamese periods are written as the General Statistics Office writes them: "Tháng 11/2026",
  "Quý III/2026" (quarters in Roman numerals), "Năm 2026". English periods use CLDR's patterns:
  "Nov 2026", "Q3 2026", "2026".

The minus sign of both locales is the ASCII hyphen-minus ``-``, so a figure copied into a
spreadsheet stays a number. A typed number is read with Babel's strict parser
(:func:`parse_number_text`), and one the other language would read as another number is refused.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pandas as pd
from babel import Locale, dates, numbers

from domain.errors import InputError
from domain.periods import frequency_of

LOCALES: dict[str, Locale] = {"vi": Locale.parse("vi_VN"), "en": Locale.parse("en_GB")}
LANGUAGES: tuple[str, ...] = tuple(LOCALES)
MISSING = "–"

# How a period is written, per language and frequency: an LDML date pattern for Vietnamese (the
# GSO's wording), a CLDR skeleton for English (CLDR picks the pattern). ``{quarter}`` is the
# quarter in Roman numerals, which CLDR does not have.
_PERIOD_PATTERNS = {"M": "'Tháng' M/y", "Q": "'Quý {quarter}'/y", "Y": "'Năm' y"}
_PERIOD_SKELETONS = {"M": "yMMM", "Q": "yQQQ", "Y": "y"}
_ROMAN_QUARTERS = ("I", "II", "III", "IV")
_VIETNAMESE_DATE = "dd/MM/y"

# A number typed by a reader: at most this many characters, and a sign only in front.
_MAX_INPUT_LENGTH = 40
_SIGNS = {"+": 1, "-": -1, "\u2212": -1}
# Digits, the decimal mark, three digits: "25.950" in English, "25,950" in Vietnamese. The other
# language reads that mark as its thousands separator, so the same keys mean a number a thousand
# times larger.
_AMBIGUOUS_SHAPE = r"[1-9]\d{{0,2}}{decimal}\d{{3}}"
_OTHER_LANGUAGE = {"vi": "en", "en": "vi"}


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise InputError(
            "error.language_unknown",
            f"language {lang} is not one of {', '.join(LANGUAGES)}",
            lang=lang,
        )


def locale_of(lang: str) -> Locale:
    """The CLDR locale of a Cockpit language: ``vi_VN`` for ``"vi"``, ``en_GB`` for ``"en"``.

    Raises
    ------
    InputError
        ``error.language_unknown`` if ``lang`` is not ``"vi"`` or ``"en"``.
    """
    _check_language(lang)
    return LOCALES[lang]


@cache
def _pattern(
    decimals: int, *, signed: bool = False, percent: bool = False
) -> numbers.NumberPattern:
    """The LDML pattern of a number with ``decimals`` decimals, grouped by thousands.

    With ``signed`` a positive number gets a ``+``; with ``percent`` the number is a ratio, written
    times 100 and followed by ``%``. Babel writes a pattern's affixes as they stand; ``+``, ``-``
    and ``%`` are the CLDR symbols of both locales.
    """
    body = "#,##0" + ("." + "0" * decimals if decimals > 0 else "") + ("%" if percent else "")
    return numbers.parse_pattern(f"+{body};-{body}" if signed else body)


def _rounded(x: float, decimals: int) -> Decimal:
    """``x`` rounded half away from zero as it is written, with no sign if it rounds to zero."""
    rounded = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return rounded.copy_abs() if rounded.is_zero() else rounded


def _is_missing(x: float | None) -> bool:
    return bool(pd.isna(x)) or math.isinf(x)


def format_number(x: float | None, lang: str, decimals: int = 1) -> str:
    """Write ``x`` with ``decimals`` decimals and the separators of ``lang``.

    ``format_number(-1234.56, "vi")`` is ``"-1.234,6"``; in ``"en"`` it is ``"-1,234.6"``.
    Halves round away from zero and the value is rounded as it is written: 2.25 gives "2,3" and
    2.675 with two decimals "2,68", although the nearest binary doubles lie a hair either side.
    None, NaN and infinities give ``"–"``. A value that rounds to zero has no sign.

    Raises
    ------
    InputError
        ``error.language_unknown`` if ``lang`` is not ``"vi"`` or ``"en"``.
    """
    locale = locale_of(lang)
    if _is_missing(x):
        return MISSING
    return numbers.format_decimal(_rounded(x, decimals), format=_pattern(decimals), locale=locale)


def format_change(x: float | None, lang: str, decimals: int = 1) -> str:
    """Write a change with an explicit sign: ``"+1,2"``, ``"-0,3"``, ``"0,0"`` (vi).

    As :func:`format_number`, plus ``+`` before a positive value that does not round to zero.
    """
    locale = locale_of(lang)
    if _is_missing(x):
        return MISSING
    rounded = _rounded(x, decimals)
    pattern = _pattern(decimals, signed=not rounded.is_zero())
    return numbers.format_decimal(rounded, format=pattern, locale=locale)


def format_percent(x: float | None, lang: str, decimals: int = 1, *, signed: bool = False) -> str:
    """Write ``x`` percent with the percent sign of ``lang``: ``format_percent(6.5, "vi")`` is
    ``"6,5%"``, in ``"en"`` ``"6.5%"``.

    ``x`` is in percent (6.5 for 6.5 %), as the Cockpit's indicators are published, not a ratio as
    Babel's ``format_percent`` takes; it is rounded as :func:`format_number` rounds. With
    ``signed`` a positive value that does not round to zero gets a ``+``, as in
    :func:`format_change`. None, NaN and infinities give ``"–"``.

    Raises
    ------
    InputError
        ``error.language_unknown`` if ``lang`` is not ``"vi"`` or ``"en"``.
    """
    locale = locale_of(lang)
    if _is_missing(x):
        return MISSING
    rounded = _rounded(x, decimals)
    pattern = _pattern(decimals, signed=signed and not rounded.is_zero(), percent=True)
    return numbers.format_percent(rounded.scaleb(-2), format=pattern, locale=locale)


def format_period(period: pd.Period, lang: str) -> str:
    """Write a period for a reader: vi "Tháng 11/2026", "Quý III/2026", "Năm 2026"; en "Nov 2026",
    "Q3 2026", "2026".

    Raises
    ------
    InputError
        ``error.language_unknown``; ``error.frequency_unknown`` for a period that is not a
        month, quarter or year.
    """
    locale = locale_of(lang)
    freq = frequency_of(period)
    start = period.start_time.date()
    if lang == "vi":
        pattern = _PERIOD_PATTERNS[freq].format(quarter=_ROMAN_QUARTERS[period.quarter - 1])
        return dates.format_date(start, pattern, locale=locale)
    return dates.format_skeleton(_PERIOD_SKELETONS[freq], start, locale=locale)


def format_date(d: dt.date, lang: str) -> str:
    """Write a date for a reader: vi "25/11/2026", en "25 Nov 2026" (CLDR's medium date of
    ``en_GB``).

    ``datetime`` and ``pd.Timestamp`` are accepted; the time of day is not written.

    Raises
    ------
    InputError
        ``error.language_unknown``.
    """
    locale = locale_of(lang)
    return dates.format_date(d, _VIETNAMESE_DATE if lang == "vi" else "medium", locale=locale)


def parse_number_text(text: str, lang: str) -> float:
    """Read a number a reader typed in the convention of ``lang``: "1.234,5" in vi, "1,234.5" in en.

    Babel's strict parser reads the digits and the locale's separators, so thousands must come in
    groups of three ("1.23,5" is refused in vi) and a separator that the other language would read
    differently is refused ("1,234.5" in vi). Around it, the Cockpit accepts one sign in front
    (``+``, ``-`` or the minus sign ``−``) and spaces at either end, and refuses what a person
    does not mean as a figure: other digits (``²``, ``١``), exponents (``1e5``), ``nan`` and
    ``inf``, a separator at either end (``,5``, ``5,``) and more than 40 characters.

    A number is also refused when the other language reads the same text as another number: one to
    three digits, the language's decimal mark, and exactly three digits. "25.950" is 25.95 in
    English but 25 950 written the Vietnamese way, and "25,950" the other way round; the two
    readings are a thousand times apart, the slip that turns an exchange rate of 25 950 into
    25,95. Any other shape reads the same in both languages or only in one: "25.95", "25,950.0"
    and "25950" in English, "25,95", "25.950" and "25950" in Vietnamese.

    Raises
    ------
    InputError
        ``error.number_unparseable`` if ``text`` is not a number in that convention;
        ``error.number_ambiguous`` if it is, but the other language reads it as another number.
        Its ``decimal`` and ``thousands`` are the two readings, written unambiguously in
        ``lang`` ("25.95" and "25,950" in English; a decimal reading of three decimals gets a
        fourth, "1.2340"), so the reader can type the one meant.
    """
    locale = locale_of(lang)
    cleaned = str(text).strip()
    sign = _SIGNS.get(cleaned[:1], 0)
    unsigned = cleaned[1:] if sign else cleaned
    value = _strict_decimal(unsigned, locale) if len(cleaned) <= _MAX_INPUT_LENGTH else None
    if value is None:
        shown = cleaned if len(cleaned) <= _MAX_INPUT_LENGTH else cleaned[:_MAX_INPUT_LENGTH] + "…"
        examples = f"{format_number(6.5, lang)} or {format_number(3900, lang, 0)}"
        raise InputError(
            "error.number_unparseable",
            f"{shown} is not a number written like {examples}",
            text=shown,
        )
    shape = _AMBIGUOUS_SHAPE.format(decimal=re.escape(numbers.get_decimal_symbol(locale)))
    if re.fullmatch(shape, unsigned):
        other_reading = _strict_decimal(unsigned, LOCALES[_OTHER_LANGUAGE[lang]]) or value
        sign_factor = sign or 1
        decimals = max(-value.normalize().as_tuple().exponent, 0)
        decimal = format_number(
            float(value) * sign_factor, lang, decimals + 1 if decimals == 3 else decimals
        )
        thousands = format_number(float(other_reading) * sign_factor, lang, 0)
        raise InputError(
            "error.number_ambiguous",
            f"{cleaned} could be {decimal} or {thousands}; type the one you mean as it is "
            "written here",
            text=cleaned,
            decimal=decimal,
            thousands=thousands,
        )
    return 0.0 if value.is_zero() else float(value) * (sign or 1)


def _strict_decimal(unsigned: str, locale: Locale) -> Decimal | None:
    """``unsigned`` read by Babel's strict parser in ``locale``, or None if it is not a number
    there (or has what :func:`parse_number_text` refuses around the digits)."""
    allowed = set("0123456789") | {
        numbers.get_group_symbol(locale),
        numbers.get_decimal_symbol(locale),
    }
    readable = unsigned[:1].isdigit() and unsigned[-1:].isdigit() and set(unsigned) <= allowed
    if not readable:
        return None
    try:
        return numbers.parse_decimal(unsigned, locale, strict=True)
    except numbers.NumberFormatError:
        return None


def format_moment(moment: dt.datetime, lang: str) -> str:
    """Write a moment (UTC, as the database keeps it) for a reader, to the second: vi
    "25/11/2026 14:03:07", en "25 Nov 2026, 14:03:07"; None or NaT gives ``"–"``.

    Raises
    ------
    InputError
        ``error.language_unknown``.
    """
    locale = locale_of(lang)
    if moment is None or pd.isna(moment):
        return "–"
    day = dates.format_date(moment, _VIETNAMESE_DATE if lang == "vi" else "medium", locale=locale)
    time = dates.format_time(moment, "HH:mm:ss", locale=locale)
    return f"{day} {time}" if lang == "vi" else f"{day}, {time}"
