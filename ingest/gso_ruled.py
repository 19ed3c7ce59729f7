"""A reader for GSO's monthly tables whose columns are told apart by their header text: rows of
items (a label, then numbers), value columns under headers of 2–6 rows. Each table module gives
its title and a list of :class:`Rule`: a pattern on the folded, joined header, relative to the
report month, and what a matching column holds (the catalogue family, the month it is about,
its status and how a published number becomes the catalogue's).

The report month is the latest "tháng M năm Y" (or "M tháng năm Y") of the headers, since titles
often do not name it. A row's item is the last label left of the value columns ("Trong đó:" is a
prefix, not an item) and is matched to the family's codes by its slug, or through the table's
aliases (English item codes such as ``TOTAL``). Columns and rows not recognised are reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from analytics.province_names import fold_name
from domain.vocabulary import NATIONAL_GEOGRAPHY, Status
from ingest.gso_table import (
    Observation,
    TableRead,
    cell_name,
    find_sheets,
    fold,
    month_label,
    previous_month,
    text_of,
)
from ingest.workbook import Cell, Workbook

DECEMBER = frozenset({12})
MARCH = frozenset({3})
JANUARY = frozenset({1})
SLUG_LENGTH = 60
UNITS = "%|ty dong|trieu usd|nghin usd|nghin tan|nghin luot nguoi|luot nguoi"
UNIT_PREFIX = rf"^(don vi tinh: ?)?(({UNITS})[,;]? ?)+"
"""A unit cell that sits on top of a header column ("Đơn vị tính: Nghìn tấn, triệu USD")."""


@dataclass(frozen=True)
class Rule:
    """A column whose header matches ``pattern`` (formatted with ``m``, ``y`` of the report month,
    ``pm``, ``py`` of the month before and ``y0`` = y − 1) holds ``family`` of the report month
    (``previous`` False) or of the month before, with ``status``; ``convert`` turns the published
    number into the catalogue's. A rule with ``months`` applies only in reports of those months
    (December's "năm Y" is the year to date, March's "quý I" too)."""

    pattern: str
    family: str
    previous: bool = False
    status: Status = Status.PRELIMINARY
    convert: Callable[[float], float] = float
    months: frozenset[int] | None = None


@dataclass(frozen=True)
class _Places:
    names: Mapping[str, str]
    families: frozenset[str]
    item: str


def slug(text: str) -> str:
    """The catalogue's item slug of a name: folded words joined by "_", in upper case."""
    return "_".join(re.findall(r"[a-z0-9]+", fold(text))).upper()


def item_code(
    item: str, family: str, codes: Iterable[str], aliases: Mapping[str, str] | None = None
) -> str | None:
    """The code of ``family`` for ``item``: through ``aliases`` (folded label → item code) first,
    else the code whose item is the label's slug (or its first 60 characters)."""
    wanted = (aliases or {}).get(fold(item).rstrip(" :"), slug(item))
    for code in codes:
        prefix, _, suffix = code.partition(".")
        if prefix != family or not suffix:
            continue
        if suffix == wanted or (
            len(suffix) >= SLUG_LENGTH - 10 and wanted[: len(suffix)] == suffix
        ):
            return code
    return None


def joined_headers(
    rows: list[list[Cell]], first: int, columns: Iterable[int], fill_right: bool = False
) -> dict[int, str]:
    """Each column's header, its rows above ``first`` joined and folded, without a lone unit cell
    on top ("%", "Tỷ đồng", "Đơn vị tính: %"), with a word a line break doubled written once.

    With ``fill_right``, an empty header cell takes the text of its left neighbour: a heading
    merged over two columns ("Sơ bộ tháng 02" over "Lượng" and "Trị giá") is stored in the left
    cell only."""

    def cell(row: list[Cell], column: int) -> str:
        text = text_of(row[column]) if column < len(row) else ""
        if not text and fill_right and 0 < column <= len(row):
            text = text_of(row[column - 1])
        return text

    headers = {}
    for column in columns:
        text = fold(" ".join(cell(row, column) for row in rows[1:first]))
        headers[column] = normalise_header(re.sub(UNIT_PREFIX, "", text))
    return headers


def normalise_header(text: str) -> str:
    """One wording for the ways the years wrote a period: "tháng 6/2008" and "tháng 12/2004" as
    "tháng 6 năm 2008", "6 tháng đầu năm 2008" and "11 tháng 2004" as "6 tháng năm 2008", words a
    line break or a merged heading doubled ("năm 2024 năm 2024") once, and the unit in brackets
    ("(Tỷ đồng)") left out."""
    text = re.sub(r"(?<!\S)((?:\S+ ){0,2}\S+)( \1)+(?!\S)", r"\1", text)
    text = re.sub(r"\((ty dong|trieu usd)\)\s*", "", text)
    text = re.sub(r"\bthang (\d{1,2}) ?/ ?(\d{4})", r"thang \1 nam \2", text)
    text = re.sub(r"\b(\d{1,2}) thang dau nam", r"\1 thang nam", text)
    text = re.sub(r"\b(\d{1,2}) thang (\d{4})", r"\1 thang nam \2", text)
    return re.sub(r"\s+", " ", text).strip()


def report_month_of(headers: Iterable[str]) -> tuple[int, int] | None:
    """The latest month a header names ("tháng 02 năm 2025", "2 tháng năm 2025"); a table that
    names only a year ("Thực hiện năm 2004") is December's, the year's report."""
    found = [
        (int(year), int(month))
        for text in headers
        for pattern in (r"thang (\d{1,2}) nam (\d{4})", r"(\d{1,2}) thang nam (\d{4})")
        for month, year in re.findall(pattern, text)
        if 1 <= int(month) <= 12
    ]
    if found:
        return max(found)
    years = [int(y) for text in headers for y in re.findall(r"\bnam (\d{4})\b", text)]
    return (max(years), 12) if years else None


def _is_number(cell: Cell) -> bool:
    return isinstance(cell, int | float) and not isinstance(cell, bool)


def first_value_row(rows: list[list[Cell]], labels: Iterable[str]) -> int | None:
    """The first row whose label (folded) starts with one of ``labels`` and that holds a number."""
    wanted = tuple(labels)
    for index, row in enumerate(rows):
        text = " ".join(fold(text_of(c)) for c in row[:3] if isinstance(c, str) and c.strip())
        if text.startswith(wanted) and any(_is_number(c) for c in row):
            return index
    return None


def row_label(row: list[Cell], before: int) -> str:
    """The last label left of column ``before`` ("Trong đó:" is a prefix, not an item)."""
    labels = [text_of(c) for c in row[:before] if isinstance(c, str) and text_of(c)]
    labels = [label for label in labels if fold(label).rstrip(":") not in ("trong do", "")]
    return labels[-1] if labels else ""


def column_rule(header: str, rules: Iterable[Rule], year: int, month: int) -> Rule | None:
    """The first rule whose pattern matches ``header`` for the report month (year, month)."""
    py, pm = previous_month(year, month)
    for rule in rules:
        if rule.months is not None and month not in rule.months:
            continue
        pattern = rule.pattern.format(m=month, y=year, pm=pm, py=py, y0=year - 1)
        if re.search(pattern, header):
            return rule
    return None


def read_ruled_table(
    book: Workbook,
    known_codes: Iterable[str],
    *,
    table: str,
    titles: Iterable[str],
    first_labels: Iterable[str],
    rules: list[Rule] | Callable[[list[list[Cell]]], list[Rule]],
    aliases: Mapping[str, str] | None = None,
    refuse_titles: Iterable[str] = (),
    unit: str = "",
    fill_right: bool = False,
    places: Callable[[tuple[int, int]], Mapping[str, str]] | None = None,
    place_families: Iterable[str] = (),
    place_item: str = "TOTAL",
) -> TableRead | None:
    """Read the first sheet whose title holds one of ``titles`` (and its first row none of
    ``refuse_titles``)
    and whose rows start at a label of ``first_labels``; None if there is none.

    ``rules`` may be a function of the sheet's rows (a table whose unit changes over the years).
    With ``places`` (the report month → folded province name → geography code), a row labelled
    with a province gives that province's own series: ``<family>.<place_item>`` of the
    ``place_families`` at that geography."""
    codes = list(known_codes)
    for title in titles:
        for sheet in find_sheets(book, title):
            rows = book.sheets[sheet]
            head = " ".join(fold(c) for row in rows[:1] for c in row if isinstance(c, str))
            if any(word in head for word in refuse_titles):
                continue
            first = first_value_row(rows, first_labels)
            if first is None:
                continue
            label_at = next(
                c for c, cell in enumerate(rows[first]) if isinstance(cell, str) and cell.strip()
            )
            numeric = [c for c, cell in enumerate(rows[first]) if _is_number(cell) and c > label_at]
            columns = range(min(numeric), max(numeric) + 1)
            headers = joined_headers(rows, first, columns, fill_right)
            month = report_month_of(headers.values())
            if month is None:
                continue
            where = (
                _Places(places(month), frozenset(place_families), place_item) if places else None
            )
            ruled = rules(rows) if callable(rules) else rules
            return _read(
                table, sheet, rows, first, headers, month, ruled, codes, aliases, unit, where
            )
    return None


def _read(
    table: str,
    sheet: str,
    rows: list[list[Cell]],
    first: int,
    headers: dict[int, str],
    month: tuple[int, int],
    rules: list[Rule],
    codes: list[str],
    aliases: Mapping[str, str] | None,
    unit: str,
    places: _Places | None = None,
) -> TableRead:
    year, number = month
    kinds = {c: column_rule(text, rules, year, number) for c, text in headers.items() if text}
    found = TableRead(table, sheet, year, number)
    found.unrecognised_columns = [
        cell_name(first - 1, c) for c, rule in kinds.items() if rule is None
    ]
    leftmost = min(headers)
    known = set(codes)
    for index in range(first, len(rows)):
        row = rows[index]
        item = row_label(row, leftmost)
        numbers = {
            c: row[c] for c, rule in kinds.items() if rule and c < len(row) and _is_number(row[c])
        }
        if not item or not numbers:
            continue
        matched = False
        for column, value in numbers.items():
            rule = kinds[column]
            if rule is None:
                continue
            code = item_code(item, rule.family, codes, aliases)
            geography = NATIONAL_GEOGRAPHY
            if code is None and places is not None and rule.family in places.families:
                geography = places.names.get(fold_name(item), "")
                code = f"{rule.family}.{places.item}" if geography else None
            if code is None or code not in known:
                continue
            matched = True
            when = previous_month(year, number) if rule.previous else (year, number)
            found.observations.append(
                Observation(
                    code,
                    month_label(*when),
                    round(rule.convert(float(value)), 6),
                    sheet,
                    cell_name(index, column),
                    unit=unit,
                    status=rule.status,
                    geography=geography,
                )
            )
        if not matched:
            found.unrecognised_rows.append(item)
    return found
