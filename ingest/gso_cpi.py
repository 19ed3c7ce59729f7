"""GSO's monthly table of consumer prices ("Chỉ số giá tiêu dùng, chỉ số giá vàng, chỉ số giá đô
la Mỹ và lạm phát cơ bản tháng M năm Y") as observations in the catalogue's codes.

The table is found by its title, not its sheet name, which shifts from month to month ("CPI",
"16. CPI", "33.CPI"). The report month comes from the title (digits or Vietnamese number words:
"tháng Tám năm 2011"). Header cells over 3–5 rows are joined top to bottom per column, and each
column is read from that text relative to the report month:

- "Tháng M năm Y−1" → ``CPI_YOY`` (on the same month last year);
- "Tháng M−1 năm Y" (December of Y−1 in January) → ``CPI_MOM`` (on the previous month);
- "Bình quân M tháng …" / "Chỉ số giá M tháng …" / in December "Năm Y so với năm Y−1" →
  ``CPI_YTD_YOY`` (the year-to-date average on the same period last year);
- the base period ("Kỳ gốc"), December of the previous year and quarterly averages are not kept.

A row's item is the last text before its numbers ("Trong đó:" is a prefix, not an item), matched to
a code of the family by its words in any order ("May mặc, giày dép và mũ nón" is
``MAY_MAC_MU_NON_VA_GIAY_DEP``). Published indices (comparison period = 100) become the % change
the catalogue holds (index − 100); core inflation is published as a % already. Items or columns
that are not recognised are reported, never dropped silently.

Workbooks before 2013 often write Vietnamese in the TCVN3 font encoding; their items are not
recognised here yet and are reported as such.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.workbook import Cell, Workbook

FAMILIES = {"yoy": "CPI_YOY", "mom": "CPI_MOM", "ytd_yoy": "CPI_YTD_YOY"}
TITLE = "chi so gia tieu dung"
ALREADY_PERCENT = {"LAM_PHAT_CO_BAN"}
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
    """One value of the table in the catalogue's terms, and where it stands in the workbook."""

    indicator_code: str
    period: str
    value: float
    sheet: str
    cell: str


@dataclass
class CpiTable:
    """What the table gave: its month, the observations, and what was not recognised."""

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


def _text(cell: Cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell).strip()


def find_cpi_sheet(book: Workbook) -> str | None:
    """The name of the sheet whose title (its first rows) is the CPI table, or None."""
    for name, rows in book.sheets.items():
        head = " ".join(fold(c) for row in rows[:4] for c in row if isinstance(c, str))
        if TITLE in head:
            return name
    return None


def report_month(rows: list[list[Cell]]) -> tuple[int, int]:
    """(year, month) of the report, from the title rows ("tháng 02 năm 2025", "tháng Tám")."""
    head = " ".join(fold(c) for row in rows[:4] for c in row if isinstance(c, str))
    words = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    found = re.search(rf"thang (\d{{1,2}}|{words}) nam (\d{{4}})", head)
    if found is None:
        raise ValueError(f"no 'tháng M năm Y' in the title: {head[:120]!r}")
    month = found.group(1)
    return int(found.group(2)), int(month) if month.isdigit() else NUMBER_WORDS[month]


def _first_value_row(rows: list[list[Cell]]) -> int:
    for index, row in enumerate(rows):
        if any(isinstance(c, float) for c in row[2:]) and any(
            isinstance(c, str) and c.strip() for c in row[:3]
        ):
            return index
    raise ValueError("the table has no row of values")


def column_kinds(rows: list[list[Cell]], year: int, month: int) -> dict[int, str | None]:
    """Each value column's meaning ("yoy", "mom", "ytd_yoy"), or None for one not kept."""
    first = _first_value_row(rows)
    width = max(len(row) for row in rows[:first]) if first else 0
    kinds: dict[int, str | None] = {}
    previous = (year, month - 1) if month > 1 else (year - 1, 12)
    for column in range(width):
        header = fold(" ".join(_text(row[column]) for row in rows[3:first] if column < len(row)))
        has_value = column < len(rows[first]) and isinstance(rows[first][column], float)
        if not header or not has_value:
            continue
        if re.search(rf"thang 0?{month} nam {year - 1}\b", header):
            kinds[column] = "yoy"
        elif re.search(rf"thang 0?{previous[1]} nam {previous[0]}\b", header):
            kinds[column] = "mom"
        elif re.search(rf"(binh quan|chi so gia) 0?{month} thang", header) or (
            month == 12 and re.search(rf"\bnam {year} so voi nam {year - 1}\b", header)
        ):
            kinds[column] = "ytd_yoy"
        else:
            kinds[column] = None
    return kinds


def _item(row: list[Cell]) -> str:
    labels = [c.strip() for c in row[:3] if isinstance(c, str) and c.strip()]
    labels = [label for label in labels if fold(label) not in ("trong do:", "trong do")]
    return labels[-1] if labels else ""


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"[a-z0-9]+", fold(text)))


def match_code(item: str, family: str, known_codes: Iterable[str]) -> str | None:
    """The code of ``family`` whose item words are those of ``item`` in any order, or None."""
    wanted = _words(item)
    for code in known_codes:
        prefix, _, suffix = code.partition(".")
        if prefix == family and Counter(suffix.lower().split("_")) == wanted:
            return code
    return None


def _cell_name(row: int, column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row + 1}"


def read_cpi_table(book: Workbook, known_codes: Iterable[str]) -> CpiTable | None:
    """The CPI table of ``book`` as observations in ``known_codes`` (the catalogue's), or None if
    the workbook has no such table."""
    sheet = find_cpi_sheet(book)
    if sheet is None:
        return None
    rows = book.sheets[sheet]
    year, month = report_month(rows)
    kinds = column_kinds(rows, year, month)
    table = CpiTable(sheet, year, month)
    table.unrecognised_columns = [
        _cell_name(3, column) for column, kind in kinds.items() if kind is None
    ]
    codes = list(known_codes)
    period = f"{year:04d}-{month:02d}"
    for index in range(_first_value_row(rows), len(rows)):
        row = rows[index]
        item = _item(row)
        values = {c: row[c] for c, kind in kinds.items() if kind and c < len(row)}
        if not item or not any(isinstance(v, float) for v in values.values()):
            continue
        matched = False
        for column, value in values.items():
            if not isinstance(value, float):
                continue
            code = match_code(item, FAMILIES[kinds[column]], codes)  # type: ignore[index]
            if code is None:
                continue
            matched = True
            change = value if code.partition(".")[2] in ALREADY_PERCENT else value - 100.0
            table.observations.append(
                Observation(code, period, round(change, 6), sheet, _cell_name(index, column))
            )
        if not matched:
            table.unrecognised_rows.append(item)
    return table
