"""Reading a spreadsheet that an agency or GSO sends: its sheets as grids of cell values, safely.

One reader serves ``.xls`` and ``.xlsx`` (python-calamine, which reads the values the file stores
and never evaluates a formula). A file is refused before it is read when it is not one of those
formats, is macro-enabled, is larger than :data:`MAX_FILE_BYTES`, or (for the zipped ``.xlsx``)
would unpack to more than :data:`MAX_UNPACKED_BYTES` (a zip bomb). Each refusal is an
:class:`~domain.errors.InputError` that names the file and the limit.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineWorkbook

from domain.errors import InputError

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
READABLE = (".xls", ".xlsx")
MACRO_ENABLED = (".xlsm", ".xlsb", ".xltm")

Cell = str | float | int | bool | None


@dataclass(frozen=True)
class Workbook:
    """The sheets of a workbook by name, in file order, each a list of rows of cell values."""

    name: str
    sheets: dict[str, list[list[Cell]]]
    unreadable: tuple[str, ...] = ()
    """Sheets the reader could not open (a chart sheet, say), by name."""


def read_workbook(path: Path | str) -> Workbook:
    """Read the workbook at ``path``, or raise :class:`InputError` saying why it is refused."""
    path = Path(path)
    data = path.read_bytes()
    return read_workbook_bytes(data, path.name)


def read_workbook_bytes(data: bytes, name: str) -> Workbook:
    """Read a workbook sent as ``data`` under the file name ``name``."""
    suffix = Path(name).suffix.lower()
    if suffix in MACRO_ENABLED:
        raise InputError("error.workbook_macros", f"{name} may hold macros: refused", name=name)
    if suffix not in READABLE:
        raise InputError(
            "error.workbook_format", f"{name} is not an .xls or .xlsx workbook", name=name
        )
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            "error.workbook_too_large",
            f"{name} is larger than {MAX_FILE_BYTES // 2**20} MB",
            name=name,
            limit=str(MAX_FILE_BYTES // 2**20),
        )
    if suffix == ".xlsx":
        _check_zip(data, name)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # the reader's own errors name no common base class
        raise InputError(
            "error.workbook_unreadable", f"{name} cannot be read: {error}", name=name
        ) from error
    sheets: dict[str, list[list[Cell]]] = {}
    unreadable = []
    for sheet in book.sheet_names:
        try:
            sheets[sheet] = book.get_sheet_by_name(sheet).to_python()
        except Exception:  # a chart sheet or a damaged one: reported, the rest still read
            unreadable.append(sheet)
    return Workbook(name, sheets, tuple(unreadable))


def _check_zip(data: bytes, name: str) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise InputError(
            "error.workbook_unreadable", f"{name} is not a valid .xlsx file", name=name
        ) from error
    with archive:
        entries = archive.infolist()
    if any(entry.filename.lower().endswith("vbaproject.bin") for entry in entries):
        raise InputError("error.workbook_macros", f"{name} holds macros: refused", name=name)
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES:
        raise InputError(
            "error.workbook_bomb",
            f"{name} would unpack to more than {MAX_UNPACKED_BYTES // 2**20} MB",
            name=name,
            limit=str(MAX_UNPACKED_BYTES // 2**20),
        )


def saved_date(data: bytes, name: str) -> dt.date | None:
    """The day an ``.xlsx`` workbook was last saved, from its document properties; None for other
    formats or when the properties do not say. A later re-save moves it: a fallback only."""
    if Path(name).suffix.lower() != ".xlsx":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", errors="replace")
    except (KeyError, zipfile.BadZipFile):
        return None
    found = re.search(r"<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})", core)
    return dt.date.fromisoformat(found.group(1)) if found else None
