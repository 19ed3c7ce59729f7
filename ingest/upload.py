"""Reading an agency's filled template (CSV or XLSX) into rows, refusing what cannot be read.

The template has one header row of fixed keys (:data:`COLUMNS`); columns are found by their header,
so their order does not matter. A file is refused as a whole, with a message that says what to do,
when it is too large, an unpacking bomb, not UTF-8 (CSV), not a CSV or workbook, lacks a required
column, or has its period and value columns swapped; merged cells and formula cells are refused
per cell, so the rest of the file still reads. Values stay text (or the number a workbook cell
holds) here: the checks (``ingest.checks``) read them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from domain.errors import InputError
from ingest.gso_table import cell_name, fold, text_of
from ingest.workbook import MACRO_ENABLED, Cell, read_workbook_bytes

COLUMNS = (
    "indicator_code",
    "indicator_name",
    "unit",
    "geography",
    "period",
    "value",
    "status",
    "source",
    "last_period",
    "last_value",
)
"""The template's header keys, in the order the template writes them."""
REQUIRED = ("indicator_code", "period", "value")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 50_000
ACCEPTED = (".csv", ".xlsx", ".xls")
_HEADER_ALIASES = {
    "ma chi tieu": "indicator_code",
    "code": "indicator_code",
    "ten chi tieu": "indicator_name",
    "don vi tinh": "unit",
    "dia ban": "geography",
    "ky": "period",
    "ky bao cao": "period",
    "gia tri": "value",
    "so lieu": "value",
    "trang thai": "status",
    "nguon": "source",
}


@dataclass(frozen=True)
class RawRow:
    """One data row of the file: its number (as a spreadsheet shows it) and its cells by key."""

    number: int
    cells: dict[str, Cell]
    where: dict[str, str]
    """The cell reference of each key, ``"F7"``, for messages."""
    refused: tuple[tuple[str, dict[str, str]], ...] = ()
    """Problems found while reading the row (a formula or merged cell), as (key, params)."""


@dataclass
class UploadRead:
    """What a file gave: its data rows, and the columns it had that the template does not."""

    rows: list[RawRow] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    sheet: str = ""


def read_upload(data: bytes, name: str) -> UploadRead:
    """Read the filled template ``data`` sent under the file name ``name``."""
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputError(
            "error.upload_too_large",
            f"{name} is larger than {MAX_UPLOAD_BYTES // 2**20} MB",
            name=name,
            limit=str(MAX_UPLOAD_BYTES // 2**20),
        )
    if suffix == ".csv":
        return _rows_of(_csv_grid(data, name), "", {})
    if suffix not in ACCEPTED and suffix not in MACRO_ENABLED:
        raise InputError(
            "error.upload_format", f"{name} is not a CSV or Excel file (.xlsx, .xls)", name=name
        )
    book = read_workbook_bytes(data, name)
    sheet, grid = _data_sheet(book.sheets)
    refused = _refused_cells(data, sheet, list(book.sheets)) if suffix == ".xlsx" else {}
    return _rows_of(grid, sheet, refused)


def _csv_grid(data: bytes, name: str) -> list[list[Cell]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            "error.upload_encoding",
            f"{name} is not UTF-8 text (byte {error.start + 1}): save it as 'CSV UTF-8'",
            name=name,
            position=str(error.start + 1),
        ) from None
    if "\x00" in text:
        raise InputError(
            "error.upload_encoding",
            f"{name} holds NUL characters: save it as 'CSV UTF-8'",
            name=name,
            position=str(text.index("\x00") + 1),
        )
    first = text.splitlines()[0] if text else ""
    delimiter = max(",;\t", key=first.count)
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _data_sheet(sheets: dict[str, list[list[Cell]]]) -> tuple[str, list[list[Cell]]]:
    for name, grid in sheets.items():
        if _header_row(grid) is not None:
            return name, grid
    raise InputError(
        "error.upload_no_header",
        "no sheet has the template's header row (indicator_code, period, value, ...)",
        columns=", ".join(REQUIRED),
    )


def _key_of(cell: Cell) -> str | None:
    text = fold(text_of(cell)).replace(" ", "_")
    if text in COLUMNS:
        return text
    return _HEADER_ALIASES.get(text.replace("_", " "))


def _header_row(grid: list[list[Cell]]) -> int | None:
    for index, row in enumerate(grid[:20]):
        keys = {_key_of(cell) for cell in row}
        if set(REQUIRED) <= keys:
            return index
    return None


def _rows_of(
    grid: list[list[Cell]], sheet: str, refused: dict[str, tuple[str, dict[str, str]]]
) -> UploadRead:
    header = _header_row(grid)
    if header is None:
        found = [text_of(c) for row in grid[:1] for c in row if text_of(c)]
        missing = [key for key in REQUIRED if key not in {_key_of(c) for c in found}]
        raise InputError(
            "error.upload_missing_columns",
            f"the header row lacks the columns {', '.join(missing)}",
            columns=", ".join(missing),
        )
    columns: dict[str, int] = {}
    extra = []
    for index, cell in enumerate(grid[header]):
        key = _key_of(cell)
        if key is not None and key not in columns:
            columns[key] = index
        elif text_of(cell):
            extra.append(text_of(cell))
    body = grid[header + 1 :]
    if len(body) > MAX_ROWS:
        raise InputError(
            "error.upload_too_many_rows",
            f"the file has {len(body)} rows; at most {MAX_ROWS} are read at once",
            count=str(len(body)),
            limit=str(MAX_ROWS),
        )
    read = UploadRead(extra_columns=extra, sheet=sheet)
    for offset, row in enumerate(body):
        number = header + offset + 2
        cells = {key: row[i] if i < len(row) else None for key, i in columns.items()}
        if all(text_of(value) == "" for value in cells.values()):
            continue
        where = {key: cell_name(number - 1, i) for key, i in columns.items()}
        problems = tuple(refused[ref] for ref in where.values() if ref in refused)
        read.rows.append(RawRow(number, cells, where, problems))
    _refuse_swapped(read.rows)
    return read


_NUMBER = re.compile(r"^[+\-−]?[\d.,\s]+$")
_PERIOD = re.compile(r"^(\d{4}(-(\d{2}|Q\d))?|\d{1,2}/\d{4})$", re.IGNORECASE)


def _refuse_swapped(rows: list[RawRow]) -> None:
    """Refuse a file whose period column holds numbers and value column holds periods."""
    periods = [text_of(r.cells.get("period")) for r in rows if text_of(r.cells.get("period"))]
    values = [r.cells.get("value") for r in rows if text_of(r.cells.get("value"))]
    if not periods or not values:
        return
    period_numbers = sum(bool(_NUMBER.match(p)) and not _PERIOD.match(p) for p in periods)
    value_periods = sum(
        isinstance(v, str) and bool(_PERIOD.match(v.strip())) and not _NUMBER.match(v.strip())
        for v in values
    )
    if period_numbers * 2 > len(periods) and value_periods * 2 > len(values):
        raise InputError(
            "error.upload_columns_swapped",
            "the period column holds numbers and the value column holds periods: "
            "the two columns seem swapped",
        )


def _refused_cells(
    data: bytes, sheet: str, sheets: list[str]
) -> dict[str, tuple[str, dict[str, str]]]:
    """Cells of the data sheet that hold a formula or are part of a merged range, by reference.

    A workbook's cached formula result may be stale or computed from other sheets: the template
    asks for the figure itself. Merged cells hide which row a value belongs to.
    """
    index = sheets.index(sheet) + 1
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        path = f"xl/worksheets/sheet{index}.xml"
        if path not in names:
            return {}
        xml = archive.read(path).decode("utf-8", errors="replace")
    refused: dict[str, tuple[str, dict[str, str]]] = {}
    for found in re.finditer(r'<c r="([A-Z]+\d+)"[^>]*?(?:/>|>(.*?)</c>)', xml, re.DOTALL):
        if found.group(2) and "<f" in found.group(2):
            refused[found.group(1)] = ("error.row_formula_cell", {"cell": found.group(1)})
    for found in re.finditer(r'<mergeCell ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"', xml):
        first_col, first_row, last_col, last_row = found.groups()
        span = f"{first_col}{first_row}:{last_col}{last_row}"
        for row in range(int(first_row), int(last_row) + 1):
            for column in _columns_between(first_col, last_col):
                refused[f"{column}{row}"] = ("error.row_merged_cell", {"cells": span})
    return refused


def _columns_between(first: str, last: str) -> list[str]:
    def number(letters: str) -> int:
        value = 0
        for letter in letters:
            value = value * 26 + ord(letter) - 64
        return value

    return [cell_name(0, n - 1)[:-1] for n in range(number(first), number(last) + 1)]
