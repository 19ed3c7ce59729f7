"""How numbers, changes, periods and dates are written for a reader, in Vietnamese or English.

Vietnamese writes ``1.234,5`` (``.`` groups thousands, ``,`` is the decimal mark) and English
``1,234.5``. A missing value is an en dash ``–``. Negative numbers use the ASCII hyphen-minus ``-``,
so a figure copied into a spreadsheet stays a number; :func:`format_change` adds ``+`` to
positive changes and uses the same ``-`` for negative ones.

Names of months and quarters are fixed here, not taken from the machine's locale: vi "Tháng
11/2026", "Quý III/2026", "Năm 2026"; en "Nov 2026", "Q3 2026", "2026".
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from domain.errors import InputError
from domain.periods import frequency_of

LANGUAGES: tuple[str, ...] = ("vi", "en")
MISSING = "–"

_THOUSANDS_AND_DECIMAL = {"vi": (".", ","), "en": (",", ".")}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_QUARTERS_VI = ("I", "II", "III", "IV")


def _has_nonzero_digit(text: str) -> bool:
    return any(char in "123456789" for char in text)


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise InputError(
            "error.language_unknown",
            f"language {lang} is not one of {', '.join(LANGUAGES)}",
            lang=lang,
        )


def format_number(x: float | None, lang: str, decimals: int = 1) -> str:
    """Write ``x`` with ``decimals`` decimals and the separators of ``lang``.

    ``format_number(-1234.56, "vi")`` is ``"-1.234,6"``; in ``"en"`` it is ``"-1,234.6"``.
    Halves round away from zero, as statistical tables do, and the value is rounded as it is
    written (its shortest decimal form): 2.25 gives "2,3" and 2.675 with two decimals "2,68",
    although the nearest binary doubles lie a hair either side. None, NaN and infinities give
    ``"–"``. A value that rounds to zero has no sign.

    Raises
    ------
    InputError
        ``error.language_unknown`` if ``lang`` is not ``"vi"`` or ``"en"``.
    """
    _check_language(lang)
    if pd.isna(x) or math.isinf(x):
        return MISSING
    thousands, decimal = _THOUSANDS_AND_DECIMAL[lang]
    rounded = Decimal(repr(abs(float(x)))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    digits = f"{rounded:,.{decimals}f}"
    localised = digits.translate(str.maketrans({",": thousands, ".": decimal}))
    return f"-{localised}" if x < 0 and _has_nonzero_digit(digits) else localised


def format_change(x: float | None, lang: str, decimals: int = 1) -> str:
    """Write a change with an explicit sign: ``"+1,2"``, ``"-0,3"``, ``"0,0"`` (vi).

    As :func:`format_number`, plus ``+`` before a positive value that does not round to zero.
    """
    formatted = format_number(x, lang, decimals)
    positive = not pd.isna(x) and x > 0 and _has_nonzero_digit(formatted)
    return f"+{formatted}" if positive else formatted


def format_period(period: pd.Period, lang: str) -> str:
    """Write a period for a reader: vi "Tháng 11/2026", "Quý III/2026", "Năm 2026"; en "Nov 2026",
    "Q3 2026", "2026".

    Raises
    ------
    InputError
        ``error.language_unknown``; ``error.frequency_unknown`` for a period that is not a
        month, quarter or year.
    """
    _check_language(lang)
    freq = frequency_of(period)
    if freq == "M":
        if lang == "vi":
            return f"Tháng {period.month}/{period.year}"
        return f"{_MONTHS_EN[period.month - 1]} {period.year}"
    if freq == "Q":
        if lang == "vi":
            return f"Quý {_QUARTERS_VI[period.quarter - 1]}/{period.year}"
        return f"Q{period.quarter} {period.year}"
    return f"Năm {period.year}" if lang == "vi" else f"{period.year}"


def format_date(d: dt.date, lang: str) -> str:
    """Write a date for a reader: vi "25/11/2026", en "25 Nov 2026".

    ``datetime`` and ``pd.Timestamp`` are accepted; the time of day is not written.

    Raises
    ------
    InputError
        ``error.language_unknown``.
    """
    _check_language(lang)
    if lang == "vi":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def parse_number_text(text: str, lang: str) -> float:
    """Read a number a user typed in the convention of ``lang`` ("1.234,5" in vi, "1,234.5" in en).

    Raises
    ------
    InputError
        ``error.number_unparseable`` if ``text`` is not a number in that convention.
    """
    _check_language(lang)
    thousands, decimal = _THOUSANDS_AND_DECIMAL[lang]
    cleaned = text.strip().replace(" ", "").replace("\u2212", "-")
    pattern = rf"[+-]?\d{{1,3}}(\{thousands}\d{{3}})*(\{decimal}\d+)?|[+-]?\d+(\{decimal}\d+)?"
    if not re.fullmatch(pattern, cleaned):
        raise InputError(
            "error.number_unparseable",
            f"{text} is not a number written like 6,5 or 3.900",
            text=text,
        )
    return float(cleaned.replace(thousands, "").replace(decimal, "."))
