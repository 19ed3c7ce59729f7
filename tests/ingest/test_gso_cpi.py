"""GSO's consumer-price table read from the real shipped workbooks, checked cell by cell against
the series a third party extracted from the same files (``data/seed/vn``), an independent check."""

from __future__ import annotations

import csv
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.gso_cpi import read_cpi_table, report_month
from ingest.gso_workbook import known_codes
from ingest.workbook import read_workbook_bytes

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = ROOT / "data" / "seed" / "gso_workbooks"
UNICODE_ERA = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] >= "2012")
CODES = known_codes()
HEADLINE_YTD = "CPI_YTD_YOY.CHI_SO_GIA_TIEU_DUNG"


def _published() -> dict[tuple[str, str], float]:
    values = {}
    for name in ("gso_monthly_report_series.csv.gz", "gso_monthly_report_series_pre2014.csv.gz"):
        with gzip.open(ROOT / "data" / "seed" / "vn" / name, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["indicator_code"].startswith("CPI_"):
                    values[(row["indicator_code"], row["period"])] = float(row["value"])
    return values


PUBLISHED = _published()


def _book(path: Path):  # type: ignore[no-untyped-def]
    return read_workbook_bytes(gzip.decompress(path.read_bytes()), path.name.removesuffix(".gz"))


@pytest.mark.parametrize("path", UNICODE_ERA, ids=[p.name[:10] for p in UNICODE_ERA])
def test_every_value_read_equals_the_published_series(path: Path) -> None:
    table = read_cpi_table(_book(path), CODES)
    assert table is not None
    period = f"{table.year:04d}-{table.month:02d}"
    assert path.name[:4] == str(table.year)
    codes = {o.indicator_code for o in table.observations}
    assert "CPI_YOY.CHI_SO_GIA_TIEU_DUNG" in codes and "CPI_MOM.CHI_SO_GIA_TIEU_DUNG" in codes
    compared = 0
    for observation in table.observations:
        assert observation.period == period
        published = PUBLISHED.get((observation.indicator_code, period))
        if published is not None:
            assert observation.value == pytest.approx(published, abs=1e-4), observation
            compared += 1
    assert compared >= 0.9 * len(table.observations), "most of the table is published there"
    assert table.unrecognised_rows == []


def test_december_gives_the_year_on_year_average_and_january_has_none() -> None:
    december = read_cpi_table(_book(WORKBOOKS / "2024-12-29-02.Bieu-T12.2024.xlsx.gz"), CODES)
    january = read_cpi_table(_book(WORKBOOKS / "2025-01-29-02-Bieu-T01.2025-2.xlsx.gz"), CODES)
    assert december is not None and january is not None
    ytd = [o for o in december.observations if o.indicator_code == HEADLINE_YTD]
    assert [round(o.value, 2) for o in ytd] == [3.63]  # 2024 average CPI: +3,63 % (GSO)
    assert not [o for o in january.observations if o.indicator_code.startswith("CPI_YTD_YOY")]


def test_a_tcvn3_workbook_reports_the_rows_it_cannot_read() -> None:
    table = read_cpi_table(_book(WORKBOOKS / "2011-08-29-Bieu-8.2011.xlsx.gz"), CODES)
    assert table is not None and (table.year, table.month) == (2011, 8)
    assert len(table.unrecognised_rows) >= 10
    assert any("¸" in item or "µ" in item for item in table.unrecognised_rows)


@pytest.mark.parametrize(
    ("title", "month"),
    [
        ("và đô la Mỹ tháng Tám năm 2011", (2011, 8)),
        ("lạm phát cơ bản tháng 02 năm 2025", (2025, 2)),
    ],
)
def test_the_report_month_is_read_from_the_title(title: str, month: tuple[int, int]) -> None:
    assert report_month([["Chỉ số giá tiêu dùng"], [title]]) == month


def test_the_command_writes_the_dry_run_csv_and_refuses_without_it() -> None:
    path = WORKBOOKS / "2025-02-28-Bieu-T2.2025-1.xlsx.gz"
    done = subprocess.run(
        [sys.executable, "-m", "ingest.gso_workbook", str(path), "--dry-run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "indicator_code,geography,period,value,unit,status,vintage,sheet,cell"
    headline = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG,VN,2025-02,2.913148,percent change,preliminary"
    assert f"{headline},2025-02-28,16. CPI,E9" in lines
    refused = subprocess.run(
        [sys.executable, "-m", "ingest.gso_workbook", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2 and "jobs.gso_import" in refused.stderr
