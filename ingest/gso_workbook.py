"""Import a GSO monthly workbook ("Biểu số liệu"): ``python -m ingest.gso_workbook FILE
[--release-date YYYY-MM-DD] --dry-run``.

With ``--dry-run`` it writes to standard output, as CSV with the header
``indicator_code,geography,period,value,unit,status,vintage,sheet,cell``, one row per observation
in the catalogue's own codes, and to standard error what it did not recognise. The release date
(the observations' vintage) is the option, else the posting date at the front of GSO's file name
("2025-02-28-Bieu-T2.2025-1.xlsx"), else the command asks for the option.

Text written in the TCVN3 font encoding (workbooks before 2013) is decoded first
(``ingest.tcvn3``). Each table has its reader (:data:`READERS`); a workbook's tables that none
of them finds, and the rows and columns a reader does not recognise, are reported.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import gzip
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pandas as pd

from analytics.province_names import province_codes
from domain.errors import InputError
from domain.periods import parse_period, statistical_bounds
from domain.vocabulary import Status
from ingest.checks import Candidate
from ingest.gso_cpi import read_cpi_table
from ingest.gso_fdi import read_fdi_table
from ingest.gso_gdp import read_gdp_table
from ingest.gso_iip import read_iip_table
from ingest.gso_investment import read_investment_table
from ingest.gso_retail import read_retail_table
from ingest.gso_table import Observation, TableRead
from ingest.gso_trade import read_exports_table, read_imports_table
from ingest.gso_visitors import read_visitors_table
from ingest.tcvn3 import decode_book
from ingest.workbook import Workbook, read_workbook_bytes

HEADER = [
    "indicator_code",
    "geography",
    "period",
    "value",
    "unit",
    "status",
    "vintage",
    "sheet",
    "cell",
]
CATALOGUE_FILES = (
    "gso_monthly_report_series.csv.gz",
    "gso_monthly_report_series_pre2014.csv.gz",
    "gso_monthly_iip_by_industry.csv.gz",
    "gso_monthly_visitors.csv.gz",
    "gso_quarterly_gdp_by_sector.csv.gz",
)
DEFAULT_CODES = Path(__file__).resolve().parent.parent / "data" / "seed" / "vn"
POSTED = re.compile(r"^(\d{4}-\d{2}-\d{2})")
FIRST_RELEASE = ("_EST",)
RESTATED = ("_REV", "_PREV")
Reader = Callable[[Workbook, Iterable[str]], TableRead | None]
READERS: tuple[Reader, ...] = (
    read_cpi_table,
    read_iip_table,
    read_retail_table,
    read_exports_table,
    read_imports_table,
    lambda book, codes: read_investment_table(book, codes, shipped_places),
    read_fdi_table,
    read_visitors_table,
    read_gdp_table,
)


PROVINCES = DEFAULT_CODES / "provinces"
MERGER = (2025, 7)


@functools.cache
def _province_names(scheme: str) -> dict[str, str]:
    name = "provinces_63_pre2025.csv.gz" if scheme == "P63" else "provinces_34_2025.csv.gz"
    with gzip.open(PROVINCES / name, "rt", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    frame = pd.DataFrame(rows)
    return province_codes(frame, scheme)


def shipped_places(month: tuple[int, int]) -> dict[str, str]:
    """Folded province name → geography code of the provinces of ``month``: the 63 before
    July 2025, the 34 from then (the lists shipped in ``data/seed/vn/provinces``)."""
    return _province_names("P34" if month >= MERGER else "P63")


def known_codes(folder: Path = DEFAULT_CODES) -> set[str]:
    """The catalogue's codes of GSO's monthly tables, as the seed loads them: a source's first
    release and restatement columns (``IIP_YOY_EST.X``, ``IIP_YOY_REV.X``) are one indicator
    (``IIP_YOY.X``)."""
    codes: set[str] = set()
    for name in CATALOGUE_FILES:
        with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
            codes.update(catalogue_code(row["indicator_code"]) for row in csv.DictReader(handle))
    return codes


@functools.cache
def known_units(folder: Path = DEFAULT_CODES) -> dict[str, str]:
    """Each catalogue code's unit, as the shipped seed files give it (persons of the visitor
    series are thousands in the catalogue)."""
    units: dict[str, str] = {}
    for name in CATALOGUE_FILES:
        with gzip.open(folder / name, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                unit = row["unit"].replace(" (unit not stated in sheet)", "")
                units[catalogue_code(row["indicator_code"])] = (
                    "thousand arrivals" if unit == "arrivals" else unit
                )
    return units


def catalogue_code(code: str) -> str:
    """The indicator a source column belongs to: ``IIP_YOY_EST.X`` and ``IIP_YOY_REV.X`` are
    ``IIP_YOY.X`` (the same rule as the seed's)."""
    measure, dot, item = code.partition(".")
    for suffix in FIRST_RELEASE + RESTATED:
        if measure.endswith(suffix):
            return measure[: -len(suffix)] + dot + item
    return code


def read_tables(book: Workbook, codes: Iterable[str]) -> list[TableRead]:
    """Every table of ``book`` that a reader recognises."""
    codes = list(codes)
    return [found for reader in READERS if (found := reader(book, codes)) is not None]


def release_date(name: str, given: str | None) -> dt.date:
    """The day the workbook was released: ``given``, else the date its file name starts with."""
    text = given or (found.group(1) if (found := POSTED.match(Path(name).name)) else None)
    if text is None:
        raise InputError(
            "error.release_date_needed",
            f"{name} does not say when it was released: give --release-date YYYY-MM-DD",
            name=name,
        )
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise InputError(
            "error.release_date_invalid", f"{text} is not a date (YYYY-MM-DD)", value=text
        ) from error


def rows_of(path: Path, codes: Iterable[str], vintage: dt.date) -> tuple[list[list], list[str]]:
    """The CSV rows of the workbook at ``path`` (``.gz`` allowed), and what was not recognised."""
    candidates, _, notes = gso_candidates(path.read_bytes(), path.name, codes, vintage)
    units = known_units()
    rows = [
        [
            *(c.indicator_code, c.geography, c.period, c.value),
            *(units.get(str(c.indicator_code), ""), c.status),
            *(vintage.isoformat(), c.sheet, c.cell),
        ]
        for c in candidates
    ]
    return rows, notes


def status_on(observation: Observation, released: dt.date | None) -> Status:
    """The status of a value released on ``released``: what the table says, except that a value
    of a period not yet ended on its release is an estimate, whatever the table calls it (GSO
    released each month's report on the 29th of that month until 2025)."""
    if released is not None and period_end(observation.period) > released:
        return Status.ESTIMATE
    return observation.status


def period_end(label: str) -> dt.date:
    """The last day of a period label (``2024-12``, ``2024-Q4``, ``2024``)."""
    return statistical_bounds(parse_period(label))[1]


def gso_candidates(
    data: bytes, name: str, codes: Iterable[str], released: dt.date | None = None
) -> tuple[list[Candidate], str | None, list[str]]:
    """The rows of a GSO workbook sent as ``data`` ready for the intake's checks (without a unit:
    the checks take the catalogue's), the report month (``2025-02``) read from its tables'
    titles, and what was not recognised. With ``released``, each row's status is
    :func:`status_on` that day."""
    if name.endswith(".gz"):
        data, name = gzip.decompress(data), name.removesuffix(".gz")
    book = decode_book(read_workbook_bytes(data, name))
    tables = read_tables(book, codes)
    candidates = [
        Candidate(
            number=number,
            indicator_code=o.indicator_code,
            period=o.period,
            value=o.value,
            geography=o.geography,
            unit=None,
            status=status_on(o, released).value,
            source=f"GSO, {name}#{o.sheet}!{o.cell}",
            sheet=o.sheet,
            cell=o.cell,
        )
        for number, o in enumerate((o for t in tables for o in t.observations), start=1)
    ]
    months = sorted({f"{t.year:04d}-{t.month:02d}" for t in tables})
    return candidates, (months[-1] if months else None), _notes(name, book, tables)


def _notes(name: str, book: Workbook, tables: list[TableRead]) -> list[str]:
    notes = [] if tables else [f"{name}: no table recognised"]
    for table in tables:
        where = f"{name}#{table.sheet}"
        notes += [f"{where}: row not recognised: {item}" for item in table.unrecognised_rows]
        notes += [f"{where}: column not kept: {c}" for c in table.unrecognised_columns]
    read = {table.sheet for table in tables}
    notes += [
        f"{name}: sheet not recognised: {sheet}" for sheet in book.sheets if sheet not in read
    ]
    notes += [f"{name}: sheet not readable: {sheet}" for sheet in book.unreadable]
    return notes


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; 0 on success, 2 with a message on standard error otherwise."""
    parser = argparse.ArgumentParser(prog="python -m ingest.gso_workbook", description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--release-date")
    parser.add_argument("--dry-run", action="store_true")
    arguments = parser.parse_args(argv)
    if not arguments.dry_run:
        print(
            "this reader is pure and writes nothing; to stage the workbook as a submission run "
            f"python -m jobs.gso_import {arguments.file} --user <analyst> (or make gso-import "
            f"FILE={arguments.file} ANALYST=<username>), or use the GSO import page",
            file=sys.stderr,
        )
        return 2
    try:
        vintage = release_date(arguments.file.name.removesuffix(".gz"), arguments.release_date)
        rows, notes = rows_of(arguments.file, known_codes(), vintage)
    except (InputError, OSError, ValueError) as error:
        print(f"{arguments.file}: {error}", file=sys.stderr)
        return 2
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    for note in notes:
        print(note, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
