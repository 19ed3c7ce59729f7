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
from collections.abc import Iterable

from ingest.gso_table import (
    NUMBER_WORDS,
    Observation,
    TableRead,
    cell_name,
    fold,
    match_code,
    month_label,
    previous_month,
    report_month,
    text_of,
)
from ingest.workbook import Cell, Workbook

FAMILIES = {"yoy": "CPI_YOY", "mom": "CPI_MOM", "ytd_yoy": "CPI_YTD_YOY"}
TITLE = "chi so gia tieu dung"
ALREADY_PERCENT = {"LAM_PHAT_CO_BAN"}
__all__ = ["NUMBER_WORDS", "Observation", "read_cpi_table", "report_month"]


def find_cpi_sheet(book: Workbook) -> str | None:
    """The name of the sheet whose title (its first rows) is the CPI table, or None."""
    for name, rows in book.sheets.items():
        head = " ".join(fold(c) for row in rows[:4] for c in row if isinstance(c, str))
        if TITLE in head:
            return name
    return None


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
    previous = previous_month(year, month)
    for column in range(width):
        header = fold(" ".join(text_of(row[column]) for row in rows[3:first] if column < len(row)))
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


def read_cpi_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The CPI table of ``book`` as observations in ``known_codes`` (the catalogue's), or None if
    the workbook has no such table."""
    sheet = find_cpi_sheet(book)
    if sheet is None:
        return None
    rows = book.sheets[sheet]
    year, month = report_month(rows)
    kinds = column_kinds(rows, year, month)
    table = TableRead("cpi", sheet, year, month)
    table.unrecognised_columns = [
        cell_name(3, column) for column, kind in kinds.items() if kind is None
    ]
    codes = list(known_codes)
    period = month_label(year, month)
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
                Observation(code, period, round(change, 6), sheet, cell_name(index, column))
            )
        if not matched:
            table.unrecognised_rows.append(item)
    return table
