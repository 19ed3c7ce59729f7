"""The template an agency fills for a period: one row per series it owes, with the unit, the
geography, the period asked and the last value it supplied, in XLSX and CSV.

The header row holds the fixed keys of ``ingest.upload.COLUMNS``, which is what the upload reads
back; the workbook has a second sheet with the instructions, in the reader's language (the caller
passes them already translated: this module is pure and knows no language).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from domain.vocabulary import Status
from ingest.upload import COLUMNS

DATA_SHEET = "data"


@dataclass(frozen=True)
class TemplateLine:
    """One series an agency owes for the period, and what it last supplied."""

    indicator_code: str
    indicator_name: str
    unit: str
    geography: str
    period: str
    last_period: str = ""
    last_value: float | None = None


def _cells(line: TemplateLine) -> list[object]:
    values = {
        "indicator_code": line.indicator_code,
        "indicator_name": line.indicator_name,
        "unit": line.unit,
        "geography": line.geography,
        "period": line.period,
        "value": None,
        "status": "",
        "source": "",
        "last_period": line.last_period,
        "last_value": line.last_value,
    }
    return [values[key] for key in COLUMNS]


def template_csv(lines: Sequence[TemplateLine]) -> bytes:
    """The template as CSV, UTF-8 with a byte-order mark so that Excel reads the Vietnamese."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for line in lines:
        writer.writerow(["" if c is None else c for c in _cells(line)])
    return out.getvalue().encode("utf-8-sig")


def template_xlsx(
    lines: Sequence[TemplateLine], instructions: Sequence[str], guide_title: str
) -> bytes:
    """The template as a workbook: the data sheet to fill and a sheet of ``instructions``."""
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    fill = PatternFill("solid", start_color="FFF2CC")
    for number, line in enumerate(lines, start=2):
        sheet.append(_cells(line))
        for key in ("value", "status", "source"):
            sheet.cell(number, COLUMNS.index(key) + 1).fill = fill
    statuses = DataValidation(type="list", formula1=f'"{",".join(s.value for s in Status)}"')
    column = chr(ord("A") + COLUMNS.index("status"))
    statuses.add(f"{column}2:{column}{max(2, len(lines) + 1)}")
    sheet.add_data_validation(statuses)
    for key, width in (("indicator_code", 38), ("indicator_name", 60), ("unit", 18)):
        sheet.column_dimensions[chr(ord("A") + COLUMNS.index(key))].width = width
    sheet.freeze_panes = "A2"
    guide = book.create_sheet(guide_title[:31])
    for text in instructions:
        guide.append([text])
    guide.column_dimensions["A"].width = 120
    book.properties.created = dt.datetime(2000, 1, 1)
    book.properties.modified = dt.datetime(2000, 1, 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
