"""GSO's quarterly GDP by sector at constant 2010 prices ("Tổng sản phẩm trong nước theo giá so sánh
2010"), in the workbooks of a quarter's last month.

The report quarter is the latest "quý Q năm Y" of the headers. Columns:

- "Ước tính quý Q" → ``GDP_Q_REAL`` of Q (billion VND), the quarter's estimate; "Sơ bộ / Thực hiện
  quý Q−1" → ``GDP_Q_REAL`` of Q−1 restated, a later vintage;
- under "So với cùng kỳ năm trước (%)", "Quý Q" → ``GDP_Q_YOY`` of Q (and Q−1 restated), published
  as an index and held as a % change;
- cumulative columns ("Cộng dồn", "6 tháng", "Cả năm") are not quarters and are not kept; nor is a
  layout that gives only the half-year (2018), which the catalogue's quarterly series must not
  mistake for a quarter.

Sectors are matched to the catalogue's items by their slug (cut at 60 characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.vocabulary import Status
from ingest.gso_ruled import first_value_row, item_code, joined_headers, row_label
from ingest.gso_table import Observation, TableRead, cell_name, find_sheets, fold
from ingest.workbook import Cell, Workbook

TITLE = "tong san pham trong nuoc theo gia so sanh"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
QUARTER = re.compile(r"quy (iv|iii|ii|i) nam (\d{4})")


def _quarters(headers: Iterable[str]) -> list[tuple[int, int]]:
    return [(int(y), ROMAN[q]) for text in headers for q, y in QUARTER.findall(text)]


def column_kind(header: str, year: int, quarter: int) -> tuple[str, tuple[int, int], Status] | None:
    """(family, (year, quarter), status) of a column, relative to the report quarter."""
    found = QUARTER.search(header)
    if found is None or re.search(r"cong don|thang|ca nam|co cau", header):
        return None
    when = (int(found.group(2)), ROMAN[found.group(1)])
    before = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    if when == (year, quarter):
        status = Status.ESTIMATE
    elif when == before:
        status = Status.REVISED
    else:
        return None
    family = "GDP_Q_YOY" if "so voi cung ky" in header else "GDP_Q_REAL"
    return family, when, status


FIRST_QUARTER = re.compile(r"tong san pham trong nuoc (uoc tinh )?quy (iv|iii|ii|i) nam (\d{4})")


def single_quarter_kind(
    header: str, year: int, quarter: int
) -> tuple[str, tuple[int, int], Status] | None:
    """A column of the one-quarter layout (the first quarter's report: current and constant
    prices side by side, the growth published as a % already or as an index)."""
    when = (year, quarter)
    if "theo gia so sanh" in header and "tong so" in header:
        return "GDP_Q_REAL", when, Status.ESTIMATE
    if "toc do tang" in header or "toc do phat trien" in header:
        return "GDP_Q_YOY", when, Status.ESTIMATE
    return None


def read_gdp_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The quarterly GDP table at constant prices of ``book``, or None."""
    codes = list(known_codes)
    for sheet, rows in book.sheets.items():
        title = fold(" ".join(str(c) for c in rows[0] if isinstance(c, str))) if rows else ""
        found = FIRST_QUARTER.search(title)
        first = first_value_row(rows, ("tong so",)) if found else None
        if found is None or first is None:
            continue
        year, quarter = int(found.group(3)), ROMAN[found.group(2)]
        headers = joined_headers(rows, first, range(1, len(rows[first])), fill_right=True)
        kinds = {c: single_quarter_kind(h, year, quarter) for c, h in headers.items() if h}
        growth_is_index = any("toc do phat trien" in h for h in headers.values())
        return _read(sheet, rows, first, kinds, year, quarter, codes, growth_is_index)
    for sheet in find_sheets(book, TITLE):
        rows = book.sheets[sheet]
        first = first_value_row(rows, ("tong so",))
        if first is None:
            continue
        headers = joined_headers(rows, first, range(1, len(rows[first])), fill_right=True)
        quarters = _quarters(headers.values())
        if not quarters:
            continue
        year, quarter = max(quarters)
        kinds = {c: column_kind(h, year, quarter) for c, h in headers.items() if h}
        return _read(sheet, rows, first, kinds, year, quarter, codes, True)
    return None


def _read(
    sheet: str,
    rows: list[list[Cell]],
    first: int,
    kinds: dict[int, tuple[str, tuple[int, int], Status] | None],
    year: int,
    quarter: int,
    codes: list[str],
    growth_is_index: bool,
) -> TableRead:
    """The observations of a GDP table whose columns are ``kinds``."""
    table = TableRead("gdp", sheet, year, quarter * 3)
    leftmost = min((c for c, kind in kinds.items() if kind), default=1)
    table.unrecognised_columns = [
        cell_name(first - 1, c) for c, kind in kinds.items() if kind is None
    ]
    for index in range(first, len(rows)):
        row = rows[index]
        item = row_label(row, leftmost)
        numbers = {
            c: row[c]
            for c, kind in kinds.items()
            if kind and c < len(row) and isinstance(row[c], int | float)
        }
        if not item or not numbers:
            continue
        matched = False
        for column, value in numbers.items():
            family, (y, q), status = kinds[column]  # type: ignore[misc]
            code = item_code(item, family, codes, {"tong so": "TONG_SO"})
            if code is None:
                continue
            matched = True
            as_index = family == "GDP_Q_YOY" and growth_is_index
            number = float(value) - 100.0 if as_index else float(value)
            unit = "percent change" if family == "GDP_Q_YOY" else "billion VND"
            table.observations.append(
                Observation(
                    code,
                    f"{y:04d}-Q{q}",
                    round(number, 6),
                    sheet,
                    cell_name(index, column),
                    unit=unit,
                    status=status,
                )
            )
        if not matched:
            table.unrecognised_rows.append(item)
    return table
