"""GSO's monthly tables read from the real shipped workbooks, each value checked against the series
a third party extracted from the same files (``data/seed/vn``): an estimate against the source's
``_EST`` column of its month, a restatement against ``_REV``/``_PREV``, the rest against the
plain code. Where the third party's extraction is known to be wrong, the test says why."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from domain.vocabulary import Status
from ingest.gso_fdi import read_fdi_table
from ingest.gso_gdp import read_gdp_table
from ingest.gso_iip import read_iip_table
from ingest.gso_investment import read_investment_table
from ingest.gso_retail import read_retail_table
from ingest.gso_trade import read_exports_table, read_imports_table
from ingest.gso_visitors import read_visitors_table
from ingest.gso_workbook import known_codes, shipped_places
from ingest.workbook import read_workbook_bytes

ROOT = Path(__file__).resolve().parents[2]
WORKBOOKS = ROOT / "data" / "seed" / "gso_workbooks"
CODES = known_codes()
SEED = (
    "gso_monthly_report_series.csv.gz",
    "gso_monthly_report_series_pre2014.csv.gz",
    "gso_monthly_visitors.csv.gz",
    "gso_quarterly_gdp_by_sector.csv.gz",
)


def _published() -> dict[tuple[str, str, str], float]:
    """(source family, item, period) → value, the source family keeping _EST/_REV/_PREV apart."""
    values: dict[tuple[str, str, str], float] = {}
    for name in SEED:
        with gzip.open(ROOT / "data" / "seed" / "vn" / name, "rt", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                family, _, item = row["indicator_code"].partition(".")
                value = float(row["value"])
                if row["unit"] == "arrivals":  # persons; the catalogue holds thousands
                    value /= 1000.0
                values.setdefault((family, item, row["period"]), value)
    return values


PUBLISHED = _published()
COVERED = {(family, period) for (family, _, period) in PUBLISHED}
"""The (source family, month) pairs the third party extracted at all."""


def _source_family(family: str, status: Status) -> list[str]:
    if status == Status.ESTIMATE:
        return [f"{family}_EST", family]
    if status == Status.REVISED:
        return [f"{family}_REV", f"{family}_PREV"]
    return [family]


def _book(path: Path):  # type: ignore[no-untyped-def]
    return read_workbook_bytes(gzip.decompress(path.read_bytes()), path.name.removesuffix(".gz"))


def _check(path: Path, reader: Callable, headline: str, least: int = 5) -> int:  # type: ignore[type-arg]
    table = reader(_book(path), CODES)
    assert table is not None, path.name
    assert headline in {o.indicator_code for o in table.observations}
    compared = comparable = 0
    for o in table.observations:
        family, _, item = o.indicator_code.partition(".")
        sources = _source_family(family, o.status)
        published = next(
            (PUBLISHED[(s, item, o.period)] for s in sources if (s, item, o.period) in PUBLISHED),
            None,
        )
        comparable += any((s, o.period) in COVERED for s in sources)
        if published is not None:
            assert o.value == pytest.approx(published, rel=1e-6, abs=1e-4), (path.name, o)
            compared += 1
    # The third party did not extract every section of every table (2012's retail by activity,
    # for one): most of what both read is compared, and every value compared is equal.
    assert compared >= max(least, 0.5 * comparable), (path.name, compared, comparable)
    return compared


RETAIL = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] >= "2012")


@pytest.mark.parametrize("path", RETAIL, ids=[p.name[:10] for p in RETAIL])
def test_retail_equals_the_published_series(path: Path) -> None:
    _check(path, read_retail_table, "RETAIL_M.TONG_SO")


def test_retail_of_december_2024_by_hand() -> None:
    table = read_retail_table(_book(WORKBOOKS / "2024-12-29-02.Bieu-T12.2024.xlsx.gz"), CODES)
    assert table is not None
    found = {(o.indicator_code, o.period, o.status): o.value for o in table.observations}
    # Sheet 26.Tongmuc row 10: November restated 559 992,6; December 570 734; the year 6 391 002,5;
    # December on a year earlier 109,35 and the year 108,96 (indices, kept as published).
    assert found[("RETAIL_M.TONG_SO", "2024-11", Status.REVISED)] == pytest.approx(559992.587688)
    assert found[("RETAIL_M.TONG_SO", "2024-12", Status.ESTIMATE)] == 570734.0
    assert found[("RETAIL_YTD.TONG_SO", "2024-12", Status.PRELIMINARY)] == pytest.approx(
        6391002.549637
    )
    assert found[("RETAIL_M_YOY_IDX.TONG_SO", "2024-12", Status.PRELIMINARY)] == pytest.approx(
        109.34617
    )
    assert found[("RETAIL_YTD_YOY_IDX.TONG_SO", "2024-12", Status.PRELIMINARY)] == pytest.approx(
        108.959452
    )


TRADE = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] >= "2013")


@pytest.mark.parametrize("path", TRADE, ids=[p.name[:10] for p in TRADE])
@pytest.mark.parametrize(
    ("reader", "headline"),
    [(read_exports_table, "EXP_M.TOTAL"), (read_imports_table, "IMP_M.TOTAL")],
    ids=["exports", "imports"],
)
def test_trade_equals_the_published_series(path: Path, reader, headline: str) -> None:  # type: ignore[no-untyped-def]
    _check(path, reader, headline)


def test_exports_of_february_2025_by_hand() -> None:
    table = read_exports_table(_book(WORKBOOKS / "2025-02-28-Bieu-T2.2025-1.xlsx.gz"), CODES)
    assert table is not None
    found = {(o.indicator_code, o.period): o for o in table.observations}
    # Sheet 14.XK row 9: February 31 109,3 million USD (D9), two months 64 268,2 (G9); on a year
    # earlier 125,67 (J9) and 108,35 (M9), held as % changes.
    assert found[("EXP_M.TOTAL", "2025-02")].value == pytest.approx(31109.320468)
    assert found[("EXP_M.TOTAL", "2025-02")].cell == "D9"
    assert found[("EXP_YTD.TOTAL", "2025-02")].value == pytest.approx(64268.238065)
    assert found[("EXP_M_YOY.TOTAL", "2025-02")].value == pytest.approx(25.66732, abs=1e-5)
    assert found[("EXP_YTD_YOY.FDI_SECTOR", "2025-02")].value == pytest.approx(6.734495, abs=1e-5)


INVESTMENT = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] >= "2013")


def _investment(book, codes):  # type: ignore[no-untyped-def]
    return read_investment_table(book, codes, shipped_places)


def _national(book, codes):  # type: ignore[no-untyped-def]
    table = _investment(book, codes)
    if table is not None:
        table.observations = [o for o in table.observations if o.geography == "VN"]
    return table


@pytest.mark.parametrize("path", INVESTMENT, ids=[p.name[:10] for p in INVESTMENT])
def test_state_budget_investment_equals_the_published_series(path: Path) -> None:
    _check(path, _national, "SBI_M.TOTAL")


def _province_values() -> dict[tuple[str, str, str], float]:
    """(source code, geography, period) → value of the by-province series."""
    import pandas as pd

    from data.province_series import province_rows

    raw = pd.read_csv(ROOT / "data/seed/vn/gso_monthly_by_province.csv.gz", dtype={"period": str})
    provinces = pd.read_csv(ROOT / "data/seed/vn/provinces/provinces_63_pre2025.csv.gz", dtype=str)
    rows = province_rows(raw, provinces)
    return {(r.indicator_code, r.geography_code, r.period): r.value for r in rows.itertuples()}


PROVINCE_VALUES = _province_values()


@pytest.mark.parametrize("path", INVESTMENT, ids=[p.name[:10] for p in INVESTMENT])
def test_each_province_row_is_that_province_s_own_series(path: Path) -> None:
    table = _investment(_book(path), CODES)
    assert table is not None
    provinces = [o for o in table.observations if o.geography != "VN"]
    assert len({o.geography for o in provinces}) >= 10
    compared = 0
    for o in provinces:
        family, _, item = o.indicator_code.partition(".")
        sources = {Status.ESTIMATE: "_EST", Status.REVISED: "_PREV"}.get(o.status, "")
        key = (f"{family}{sources}.{item}", o.geography, o.period)
        if key in PROVINCE_VALUES:
            assert o.value == pytest.approx(PROVINCE_VALUES[key], rel=1e-6, abs=1e-4), o
            compared += 1
    assert compared >= 0.5 * len(provinces), (compared, len(provinces))


def test_hanoi_in_december_2024_by_hand() -> None:
    table = _investment(_book(WORKBOOKS / "2024-12-29-02.Bieu-T12.2024.xlsx.gz"), CODES)
    assert table is not None
    hanoi = {
        o.indicator_code: o.value
        for o in table.observations
        if o.geography == "P63-01" and o.period == "2024-12"
    }
    # Sheet 23. VĐT NSNN: Hà Nội 72 289,153 bn in 2024, 87,27 % of its plan.
    assert hanoi["SBI_YTD.TOTAL"] == pytest.approx(72289.153)
    assert hanoi["SBI_YTD_PCT_PLAN.TOTAL"] == pytest.approx(87.270755, abs=1e-5)


FDI = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] >= "2016")  # the series from 2016


@pytest.mark.parametrize("path", FDI, ids=[p.name[:10] for p in FDI])
def test_fdi_equals_the_published_series(path: Path) -> None:
    assert _check(path, read_fdi_table, "FDI_PROJECTS_NEW_YTD", least=2) >= 2


def test_fdi_of_february_2025_by_hand() -> None:
    table = read_fdi_table(_book(WORKBOOKS / "2025-02-28-Bieu-T2.2025-1.xlsx.gz"), CODES)
    assert table is not None and (table.year, table.month) == (2025, 2)  # "từ 01/01- 28/02/2025"
    found = {o.indicator_code: o.value for o in table.observations}
    # Sheet 12. FDI row 7: 516 projects, 2 191,03 newly registered, 4 184,11 added (million USD).
    assert found == {
        "FDI_PROJECTS_NEW_YTD": 516.0,
        "FDI_REG_NEW_YTD": pytest.approx(2191.034814),
        "FDI_REG_ADD_YTD": pytest.approx(4184.109901),
    }


def test_fdi_in_thousand_usd_becomes_million() -> None:
    table = read_fdi_table(_book(WORKBOOKS / "2008-06-30-Bieu0608-1.xls.gz"), CODES)
    assert table is not None
    found = {o.indicator_code: o.value for o in table.observations}
    # Sheet of June 2008: "Số vốn đăng ký (Nghìn USD)" 30 946 906,884 → 30 946,9 million USD.
    assert found["FDI_REG_TOTAL_YTD"] == pytest.approx(30946.906884)


VISITORS = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] >= "2013")


@pytest.mark.parametrize("path", VISITORS, ids=[p.name[:10] for p in VISITORS])
def test_arrivals_equal_the_published_series(path: Path) -> None:
    _check(path, read_visitors_table, "VIS_M.TOTAL")


def test_arrivals_of_february_2025_by_hand() -> None:
    table = read_visitors_table(_book(WORKBOOKS / "2025-02-28-Bieu-T2.2025-1.xlsx.gz"), CODES)
    assert table is not None
    found = {(o.indicator_code, o.period, o.status): o.value for o in table.observations}
    # Sheet 19. KQT (in persons): January 2 070 466 restated, February 1 893 932,9, two months
    # 3 964 398,9, held in thousands; February on a year earlier 123,67 and China 2 months.
    assert found[("VIS_M.TOTAL", "2025-01", Status.REVISED)] == pytest.approx(2070.466)
    assert found[("VIS_M.TOTAL", "2025-02", Status.ESTIMATE)] == pytest.approx(1893.9329)
    assert found[("VIS_YTD.TOTAL", "2025-02", Status.PRELIMINARY)] == pytest.approx(3964.3989)
    assert found[("VIS_M_YOY_IDX.TOTAL", "2025-02", Status.PRELIMINARY)] == pytest.approx(
        123.672411
    )
    assert ("VIS_M.CHINA", "2025-02", Status.ESTIMATE) in found


GDP = sorted(
    p
    for p in WORKBOOKS.glob("*.gz")
    if p.name[:4] >= "2018" and p.name[5:7] in ("03", "06", "09", "12") and "2018-06" not in p.name
)


@pytest.mark.parametrize("path", GDP, ids=[p.name[:10] for p in GDP])
def test_quarterly_gdp_equals_the_published_series(path: Path) -> None:
    _check(path, read_gdp_table, "GDP_Q_REAL.TONG_SO")


def test_gdp_of_the_fourth_quarter_of_2024_by_hand() -> None:
    table = read_gdp_table(_book(WORKBOOKS / "2024-12-29-02.Bieu-T12.2024.xlsx.gz"), CODES)
    assert table is not None
    found = {(o.indicator_code, o.period, o.status): o.value for o in table.observations}
    # Sheet "2. GDP SS" row 9: Q4 1 773 651,8 bn at 2010 prices (D9), +7,55 % (G9); Q3 restated
    # 1 567 922,6 (C9), +7,43 % (F9).
    assert found[("GDP_Q_REAL.TONG_SO", "2024-Q4", Status.ESTIMATE)] == pytest.approx(
        1773651.821234
    )
    assert found[("GDP_Q_YOY.TONG_SO", "2024-Q4", Status.ESTIMATE)] == pytest.approx(7.550167)
    assert found[("GDP_Q_REAL.TONG_SO", "2024-Q3", Status.REVISED)] == pytest.approx(1567922.617931)
    assert len({k[0] for k in found}) >= 40  # the total and every sector, both measures


def test_a_half_year_layout_is_not_taken_for_a_quarter() -> None:
    table = read_gdp_table(_book(WORKBOOKS / "2018-06-29-03-Bieu-6.2018-1.xlsx.gz"), CODES)
    assert table is None or not table.observations


def _decoded(reader):  # type: ignore[no-untyped-def]
    """``reader`` on the workbook with its TCVN3 text decoded, as the import reads it."""
    from ingest.tcvn3 import decode_book

    return lambda book, codes: reader(decode_book(book), codes)


@pytest.mark.parametrize(
    ("name", "reader", "headline"),
    [
        ("2008-06-30-Bieu0608-1.xls.gz", read_retail_table, "RETAIL_YTD.TONG_SO"),
        ("2011-08-29-Bieu-8.2011.xlsx.gz", read_exports_table, "EXP_M.TOTAL"),
        ("2012-06-29-Bieu-0612.xls.gz", read_imports_table, "IMP_M.TOTAL"),
    ],
    ids=["retail-2008", "exports-2011", "imports-2012"],
)
def test_older_layouts_in_tcvn3_equal_the_published_series(
    name: str, reader, headline: str
) -> None:  # type: ignore[no-untyped-def]
    _check(WORKBOOKS / name, _decoded(reader), headline, least=1)


def test_older_layouts_without_a_published_series_by_hand() -> None:
    """Where the third party extracted nothing (national investment before 2014, IIP before
    2014), the cells are checked by hand."""
    june_2008 = _decoded(_investment)(_book(WORKBOOKS / "2008-06-30-Bieu0608-1.xls.gz"), CODES)
    assert june_2008 is not None and (june_2008.year, june_2008.month) == (2008, 6)
    found = {(o.indicator_code, o.geography): o.value for o in june_2008.observations}
    # Sheet 05Dtu row 7: "Tháng 6/2008" 8 626,9 bn, "6 tháng đầu năm 2008" 39 086,7 bn, 39,83 %.
    assert found[("SBI_M.TOTAL", "VN")] == pytest.approx(8626.9)
    assert found[("SBI_YTD.TOTAL", "VN")] == pytest.approx(39086.7)
    assert found[("SBI_YTD_PCT_PLAN.TOTAL", "VN")] == pytest.approx(39.83155, abs=1e-5)
    june_2012 = _decoded(read_iip_table)(_book(WORKBOOKS / "2012-06-29-Bieu-0612.xls.gz"), CODES)
    assert june_2012 is not None
    iip = {o.indicator_code: o.value for o in june_2012.observations if o.period == "2012-06"}
    # Sheet 02IIP row 9: June 2012 on June 2011 108,02; six months 104,51.
    assert iip["IIP_YOY.TOAN_NGANH_CONG_NGHIEP"] == pytest.approx(8.019576)
    assert iip["IIP_YTD_YOY.TOAN_NGANH_CONG_NGHIEP"] == pytest.approx(4.514417)
