"""What every reader of a GSO monthly table shares: folded text, cell names, the report month from
a title, matching an item's words to a catalogue code, and the shape of what a reader returns.

A reader of one table (``ingest.gso_cpi`` and its siblings) takes a workbook and the catalogue's
codes and returns a :class:`TableRead`, or ``None`` when the workbook has no
such table. Observations carry the catalogue's code, period label (``2025-02``, ``2024-Q4``),
value in the catalogue's representation and unit, status (``estimate`` for GSO's "Ước tính" of the
report month, ``revised`` for the previous month restated as "Sơ bộ"/"Thực hiện", ``preliminary``
for the rest, as the seed stores them) and the sheet and cell it came from.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from domain.vocabulary import NATIONAL_GEOGRAPHY, Status
from ingest.workbook import Cell, Workbook

NUMBER_WORDS = {
    "mot": 1,
    "hai": 2,
    "ba": 3,
    "bon": 4,
    "tu": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
    "muoi mot": 11,
    "muoi hai": 12,
}


@dataclass(frozen=True)
class Observation:
    """One value of a table in the catalogue's terms, and where it stands in the workbook."""

    indicator_code: str
    period: str
    value: float
    sheet: str
    cell: str
    unit: str = "percent change"
    status: Status = Status.PRELIMINARY
    geography: str = NATIONAL_GEOGRAPHY


@dataclass
class TableRead:
    """What one reader found: the table's sheet and month, its observations, and what it did not
    recognise (reported to the user, never dropped silently)."""

    table: str
    sheet: str
    year: int
    month: int
    observations: list[Observation] = field(default_factory=list)
    unrecognised_rows: list[str] = field(default_factory=list)
    unrecognised_columns: list[str] = field(default_factory=list)


def fold(text: object) -> str:
    """Lower case, without diacritics (đ as d), single spaces: how titles and headers are read."""
    decomposed = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()
    return re.sub(r"\s+", " ", bare).strip()


def text_of(cell: Cell) -> str:
    """A cell as text: a whole float without its ".0", nothing as ""."""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell).strip()


def title_text(rows: list[list[Cell]], lines: int = 4) -> str:
    """The folded text of a sheet's first ``lines`` rows: where its title stands."""
    return " ".join(
        fold(c) for row in rows[:lines] for c in row if isinstance(c, str) and c.strip()
    )


def find_sheets(book: Workbook, title: str, lines: int = 4) -> list[str]:
    """The sheets whose first rows contain the folded ``title``, in file order."""
    return [name for name, rows in book.sheets.items() if title in title_text(rows, lines)]


def report_month(rows: list[list[Cell]], lines: int = 4) -> tuple[int, int]:
    """(year, month) of the report, from the title rows ("tháng 02 năm 2025", "tháng Tám")."""
    head = title_text(rows, lines)
    words = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    found = re.search(rf"thang (\d{{1,2}}|{words}) nam (\d{{4}})", head)
    if found is None:
        raise ValueError(f"no 'tháng M năm Y' in the title: {head[:120]!r}")
    month = found.group(1)
    return int(found.group(2)), int(month) if month.isdigit() else NUMBER_WORDS[month]


def words_of(text: str) -> Counter[str]:
    """The words of ``text`` folded, as a multiset: how an item is compared with a code."""
    return Counter(re.findall(r"[a-z0-9]+", fold(text)))


def match_code(item: str, family: str, known_codes: Iterable[str]) -> str | None:
    """The code of ``family`` whose item words are those of ``item`` in any order, or None."""
    wanted = words_of(item)
    for code in known_codes:
        prefix, _, suffix = code.partition(".")
        if prefix == family and Counter(suffix.lower().split("_")) == wanted:
            return code
    return None


def cell_name(row: int, column: int) -> str:
    """The spreadsheet name of a zero-based (row, column): (8, 4) is "E9"."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row + 1}"


def month_label(year: int, month: int) -> str:
    """The catalogue's label of a month: ``2025-02``."""
    return f"{year:04d}-{month:02d}"


def previous_month(year: int, month: int) -> tuple[int, int]:
    """The month before (year, month)."""
    return (year, month - 1) if month > 1 else (year - 1, 12)
