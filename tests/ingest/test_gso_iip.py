"""GSO's industrial-production table read from the real shipped workbooks, checked cell by cell
against the series a third party extracted from the same files (``data/seed/vn``): the month's
estimate against its ``_EST`` column, last month restated against ``_REV``."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from domain.vocabulary import Status
from ingest.gso_iip import column_kind, read_iip_table
from ingest.gso_ruled import slug
from ingest.gso_workbook import known_codes
from ingest.workbook import read_workbook_bytes

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = ROOT / "data" / "seed" / "gso_workbooks"
WITH_IIP = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] >= "2012")
CODES = known_codes()
HEADLINE = "IIP_YOY.TOAN_NGANH_CONG_NGHIEP"


def _published() -> dict[tuple[str, str, str], float]:
    """(source column family, item, period) → value; the family keeps _EST/_REV apart."""
    values = {}
    with gzip.open(ROOT / "data/seed/vn/gso_monthly_iip_by_industry.csv.gz", "rt") as handle:
        for row in csv.DictReader(handle):
            family, _, item = row["indicator_code"].partition(".")
            values[(family, item, row["period"])] = float(row["value"])
    return values


PUBLISHED = _published()
SOURCE_FAMILY = {
    ("IIP_YOY", Status.ESTIMATE): "IIP_YOY_EST",
    ("IIP_YOY", Status.REVISED): "IIP_YOY_REV",
    ("IIP_YTD_YOY", Status.PRELIMINARY): "IIP_YTD_YOY",
}


JANUARY_MISREAD = "2015-01-29-Bieu-01-2015-1.xls.gz"
"""In this workbook the third party took the column "Tháng 1 năm 2015 so với tháng 12 năm 2014"
(on the previous month: 97,23) for January's y/y estimate. GSO's header says the y/y is the next
column (117,50), which is also what they give as the year to date, and in January the year to
date is the month: so here a y/y estimate is checked against their year-to-date value."""


def _book(path: Path):  # type: ignore[no-untyped-def]
    return read_workbook_bytes(gzip.decompress(path.read_bytes()), path.name.removesuffix(".gz"))


@pytest.mark.parametrize("path", WITH_IIP, ids=[p.name[:10] for p in WITH_IIP])
def test_every_value_read_equals_the_published_series(path: Path) -> None:
    table = read_iip_table(_book(path), CODES)
    assert table is not None
    assert {o.indicator_code for o in table.observations} >= {HEADLINE}
    compared = 0
    for o in table.observations:
        family, _, item = o.indicator_code.partition(".")
        source = SOURCE_FAMILY.get((family, o.status))
        if path.name == JANUARY_MISREAD and source == "IIP_YOY_EST":
            source = "IIP_YTD_YOY"
        published = PUBLISHED.get((source, item, o.period)) if source else None
        if published is not None:
            assert o.value == pytest.approx(published, abs=1e-4), o
            compared += 1
    periods = {period for (_, _, period) in PUBLISHED}
    comparable = [
        o
        for o in table.observations
        if (o.indicator_code.split(".")[0], o.status) in SOURCE_FAMILY and o.period in periods
    ]
    assert compared >= 0.9 * len(comparable), (compared, len(comparable))


def test_december_2024_by_hand() -> None:
    table = read_iip_table(_book(WORKBOOKS / "2024-12-29-02.Bieu-T12.2024.xlsx.gz"), CODES)
    assert table is not None and (table.year, table.month) == (2024, 12)
    found = {(o.indicator_code, o.period, o.status): o for o in table.observations}
    # Sheet 10.IIPthang row 9: November restated 107,95; December 108,84; the year 108,35.
    assert found[(HEADLINE, "2024-11", Status.REVISED)].value == pytest.approx(7.95)
    assert found[(HEADLINE, "2024-12", Status.ESTIMATE)].value == pytest.approx(8.84)
    assert found[(HEADLINE, "2024-12", Status.ESTIMATE)].cell == "D9"
    ytd = found[("IIP_YTD_YOY.TOAN_NGANH_CONG_NGHIEP", "2024-12", Status.PRELIMINARY)]
    assert ytd.value == pytest.approx(8.35)


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("thang 02 nam 2025 so voi cung ky nam truoc", ("IIP_YOY", (2025, 2), Status.ESTIMATE)),
        ("thang 01 nam 2025 so voi cung ky nam truoc", ("IIP_YOY", (2025, 1), Status.REVISED)),
        ("thang 6 nam 2012 so voi thang 6 nam 2011", None),
        (
            "2 thang nam 2025 so voi cung ky nam truoc",
            ("IIP_YTD_YOY", (2025, 2), Status.PRELIMINARY),
        ),
        ("nam 2024 so voi nam 2023", None),
        ("thang 02 nam 2025 so voi thang truoc", None),
    ],
)
def test_each_header_is_read_relative_to_the_report_month(header: str, kind: object) -> None:
    assert column_kind(header, 2025, 2) == kind


def test_an_industry_name_folds_to_the_catalogue_slug() -> None:
    assert slug("Khai thác than cứng và than non") == "KHAI_THAC_THAN_CUNG_VA_THAN_NON"
    assert slug("Toàn ngành công nghiệp") == "TOAN_NGANH_CONG_NGHIEP"
