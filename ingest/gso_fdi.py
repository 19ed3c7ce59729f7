"""GSO's monthly table of foreign direct investment licensed since 1 January ("Đầu tư (trực tiếp)
(của) nước ngoài (vào Việt Nam) được cấp phép từ 01/01 – DD/MM/YYYY").

The report month is the month of the last day in the title (the figures run to about the 20th,
and the catalogue files them under that month, as GSO's report does). From the total row:

- "Số dự án" → ``FDI_PROJECTS_NEW_YTD`` (newly licensed projects);
- "Vốn đăng ký cấp mới" → ``FDI_REG_NEW_YTD`` and "Vốn đăng ký điều chỉnh" → ``FDI_REG_ADD_YTD``
  (million USD);
- in the older layout, "Số vốn đăng ký" alone → ``FDI_REG_TOTAL_YTD`` (published in thousand USD
  until about 2008, which becomes million USD).

The total registered capital is not computed where it is not published. The rows by province and
by partner are not in the catalogue and are reported as such.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ingest.gso_ruled import first_value_row, joined_headers, row_label
from ingest.gso_table import Observation, TableRead, cell_name, fold, month_label
from ingest.workbook import Workbook

TITLE = re.compile(r"(dau tu truc tiep|dau tu nuoc ngoai).*(cap phep|tu|\s) ?0?1/0?1")
LAST_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def column_code(header: str) -> str | None:
    """The catalogue code a column of the total row holds, from its folded header."""
    if "so du an" in header:
        return "FDI_PROJECTS_NEW_YTD"
    if "cap moi" in header:
        return "FDI_REG_NEW_YTD"
    if "dieu chinh" in header or "tang them" in header:
        return "FDI_REG_ADD_YTD"
    if "von dang ky" in header:
        return "FDI_REG_TOTAL_YTD"
    return None


def read_fdi_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The FDI table of ``book`` in the catalogue's codes, or None."""
    codes = set(known_codes)
    for sheet, rows in book.sheets.items():
        title = fold(" ".join(str(c) for c in rows[0] if isinstance(c, str))) if rows else ""
        if not TITLE.search(title):
            continue
        dates = LAST_DAY.findall(title)
        first = first_value_row(rows, ("tong so",))
        if not dates or first is None:
            continue
        _, month, year = (int(part) for part in dates[-1])
        width = len(rows[first])
        headers = joined_headers(rows, first, range(1, width))
        table = TableRead("fdi", sheet, year, month)
        for column, header in headers.items():
            code = column_code(header)
            value = rows[first][column]
            if code is None or code not in codes:
                if header:
                    table.unrecognised_columns.append(cell_name(first - 1, column))
                continue
            if isinstance(value, int | float) and not isinstance(value, bool):
                unit = "projects" if code == "FDI_PROJECTS_NEW_YTD" else "million USD"
                if "nghin usd" in header:
                    value = value / 1000.0
                table.observations.append(
                    Observation(
                        code,
                        month_label(year, month),
                        round(float(value), 6),
                        sheet,
                        cell_name(first, column),
                        unit=unit,
                    )
                )
        table.unrecognised_rows = [
            label
            for row in rows[first + 1 :]
            if (label := row_label(row, 2)) and any(isinstance(c, float) for c in row)
        ]
        return table
    return None
