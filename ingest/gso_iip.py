"""GSO's monthly table of the index of industrial production by industry ("Chỉ số sản xuất công
nghiệp ... phân theo ngành") as observations in the catalogue's codes.

The table is found by its title; the by-province table is not this one. Its title does not always
name the month ("2. Chỉ số sản xuất công nghiệp phân theo ngành công nghiệp"), so the report month
is the latest "Tháng M năm Y" of its headers. Columns, read from the joined header text relative to
that month M:

- "Tháng M năm Y so với cùng kỳ" (or "… so với tháng M năm Y−1") → ``IIP_YOY`` of M, the month's
  estimate (``estimate``);
- "Tháng M−1 … so với cùng kỳ" → ``IIP_YOY`` of M−1 as restated in this report (``revised``), a
  later vintage of last month's estimate;
- "M tháng năm Y so với cùng kỳ" (December: "Năm Y so với năm Y−1") → ``IIP_YTD_YOY`` of M;
  "M−1 tháng …" → ``IIP_YTD_YOY`` of M−1 restated (``revised``);
- "… so với tháng trước" (on the previous month) is not in the catalogue and is reported.

Values are indices (same period last year = 100) and become the % change the catalogue holds
(index − 100). An industry is matched to its code by its name folded to the catalogue's slug
(``Khai khoáng`` → ``KHAI_KHOANG``; the catalogue cut long names at 60 characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.vocabulary import Status
from ingest.gso_ruled import item_code
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

TITLE = "chi so san xuat cong nghiep"
HEADLINE = "toan nganh cong nghiep"
Kind = tuple[str, tuple[int, int], Status]


def _first_value_row(rows: list[list[Cell]]) -> int | None:
    for index, row in enumerate(rows):
        label = text_of(row[0]) if row else ""
        if fold(label).startswith(HEADLINE):
            return index
    return None


def _headers(rows: list[list[Cell]], first: int) -> dict[int, str]:
    """Each value column's header, its rows joined, without the unit cell that may sit on top
    ("%", "Đơn vị tính: %") and with a word the line break doubled ("năm" + "năm 2011") once."""
    width = max(len(row) for row in rows[:first])
    headers = {}
    for column in range(1, width):
        text = fold(" ".join(text_of(row[column]) for row in rows[1:first] if column < len(row)))
        text = re.sub(r"^(don vi tinh: ?)?%\s*", "", text)
        headers[column] = re.sub(r"\bnam nam\b", "nam", text)
    return headers


def report_month_of(headers: Iterable[str]) -> tuple[int, int] | None:
    """The latest "tháng M năm Y" named in the headers."""
    found = [
        (int(year), int(month))
        for text in headers
        for month, year in re.findall(r"thang (\d{1,2}) nam (\d{4})", text)
        if 1 <= int(month) <= 12
    ]
    return max(found) if found else None


def column_kind(header: str, year: int, month: int) -> Kind | None:
    """What a column holds: (family, (year, month), status), or None if not kept."""
    before = previous_month(year, month)
    same = r"so voi (cung ky|thang 0?{m} nam {y0})"
    for (y, m), status in (((year, month), Status.ESTIMATE), (before, Status.REVISED)):
        if re.search(rf"^thang 0?{m} nam {y} " + same.format(m=m, y0=y - 1), header):
            return ("IIP_YOY", (y, m), status)
    for (y, m), status in (((year, month), Status.PRELIMINARY), (before, Status.REVISED)):
        ytd = rf"^0?{m} thang nam {y} so voi cung ky"
        whole_year = m == 12 and re.search(rf"^nam {y} so voi nam {y - 1}", header)
        if re.search(ytd, header) or whole_year:
            return ("IIP_YTD_YOY", (y, m), status)
    return None


def read_iip_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The IIP-by-industry table of ``book`` in ``known_codes`` (the catalogue's), or None."""
    codes = list(known_codes)
    for sheet in find_sheets(book, TITLE):
        rows = book.sheets[sheet]
        first = _first_value_row(rows)
        if first is None:
            continue
        headers = _headers(rows, first)
        month = report_month_of(headers.values())
        if month is None:
            continue
        return _read(sheet, rows, first, headers, month, codes)
    return None


def _read(
    sheet: str,
    rows: list[list[Cell]],
    first: int,
    headers: dict[int, str],
    month: tuple[int, int],
    codes: list[str],
) -> TableRead:
    kinds = {column: column_kind(text, *month) for column, text in headers.items() if text}
    table = TableRead("iip", sheet, *month)
    table.unrecognised_columns = [
        cell_name(first - 1, column) for column, kind in kinds.items() if kind is None
    ]
    for index in range(first, len(rows)):
        row = rows[index]
        item = text_of(row[0]) if row else ""
        values = {c: row[c] for c, kind in kinds.items() if kind and c < len(row)}
        numbers = {c: v for c, v in values.items() if isinstance(v, int | float)}
        if not item or not numbers:
            continue
        matched = False
        for column, value in numbers.items():
            family, (year, number), status = kinds[column]  # type: ignore[misc]
            code = item_code(item, family, codes)
            if code is None:
                continue
            matched = True
            table.observations.append(
                Observation(
                    code,
                    month_label(year, number),
                    round(float(value) - 100.0, 6),
                    sheet,
                    cell_name(index, column),
                    status=status,
                )
            )
        if not matched:
            table.unrecognised_rows.append(item)
    return table
