"""TCVN3 text decoded: known strings by hand, Unicode left alone, half-converted labels mended, and
the pre-2013 workbooks' consumer-price tables then read and equal to the published series."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from ingest.gso_cpi import read_cpi_table
from ingest.gso_workbook import known_codes
from ingest.tcvn3 import decode_book, decode_tcvn3, looks_tcvn3
from ingest.workbook import read_workbook_bytes
from tests.ingest.test_gso_tables import PUBLISHED

WORKBOOKS = Path(__file__).resolve().parents[2] / "data" / "seed" / "gso_workbooks"
PRE_2013 = sorted(p for p in WORKBOOKS.glob("*.gz") if p.name[:4] < "2013")


@pytest.mark.parametrize(
    ("tcvn3", "unicode"),
    [
        ("Tæng møc b¸n lÎ hµng ho¸", "Tổng mức bán lẻ hàng hoá"),
        ("ChØ sè gi¸ tiªu dïng", "Chỉ số giá tiêu dùng"),
        ("hµng ho¸ xuÊt khÈu", "hàng hoá xuất khẩu"),
        ("§iÖn tho¹i", "Điện thoại"),
        ("®Çu t­ trùc tiÕp", "đầu tư trực tiếp"),  # lower-case đ is "®"
        ("§ång b»ng s«ng Cöu Long", "Đồng bằng sông Cửu Long"),
        ("B×nh D­¬ng", "Bình Dương"),
        ("B×nh Dương", "Bình Dương"),  # converted by half: the strong letter is mended
        ("TP. Hồ ChÝ Minh", "TP. Hồ Chí Minh"),
        ("BÕn Tre", "Bến Tre"),
    ],
)
def test_known_strings_decode(tcvn3: str, unicode: str) -> None:
    assert decode_tcvn3(tcvn3) == unicode


@pytest.mark.parametrize(
    "text", ["Tổng mức bán lẻ", "TỔNG SỐ", "Ông", "Khách quốc tế", "Đà Nẵng", "Dầu thô", "é"]
)
def test_unicode_vietnamese_is_left_as_it_is(text: str) -> None:
    assert decode_tcvn3(text) == text
    assert not looks_tcvn3(text)


def _book(path: Path):  # type: ignore[no-untyped-def]
    return read_workbook_bytes(gzip.decompress(path.read_bytes()), path.name.removesuffix(".gz"))


@pytest.mark.parametrize("path", PRE_2013, ids=[p.name[:10] for p in PRE_2013])
def test_decoded_titles_read_as_vietnamese(path: Path) -> None:
    book = decode_book(_book(path))
    titles = " ".join(str(rows[0][0]) for rows in book.sheets.values() if rows and rows[0])
    assert "Chỉ số giá" in titles or "CHỈ SỐ GIÁ" in titles.upper()


@pytest.mark.parametrize("path", PRE_2013, ids=[p.name[:10] for p in PRE_2013])
def test_pre_2013_consumer_prices_equal_the_published_series(path: Path) -> None:
    table = read_cpi_table(decode_book(_book(path)), known_codes())
    assert table is not None
    assert "CPI_YOY.CHI_SO_GIA_TIEU_DUNG" in {o.indicator_code for o in table.observations}
    compared = 0
    for o in table.observations:
        family, _, item = o.indicator_code.partition(".")
        published = PUBLISHED.get((family, item, o.period))
        if published is not None:
            assert o.value == pytest.approx(published, abs=1e-4), (path.name, o)
            compared += 1
    assert compared >= 10, compared
