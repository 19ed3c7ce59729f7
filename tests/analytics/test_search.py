"""Folding Vietnamese text and searching the indicator catalogue."""

import time

import pandas as pd
import pytest

from analytics.search import fold, prepare_catalogue, search_catalogue


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Chỉ số giá", "chi so gia"),
        ("Chỉ số giá tiêu dùng", "chi so gia tieu dung"),
        ("ĐẦU TƯ trực tiếp", "dau tu truc tiep"),
        ("đường  bộ\t và\nsắt ", "duong bo va sat"),
        ("Tỷ lệ thất nghiệp ở khu vực thành thị", "ty le that nghiep o khu vuc thanh thi"),
        ("Ưu đãi ỹ ữ ờ ạ", "uu dai y u o a"),
        ("GDP_Q_REAL.TONG_SO", "gdp_q_real.tong_so"),
    ],
)
def test_fold_lowers_strips_diacritics_and_collapses_spaces(text, folded):
    assert fold(text) == folded


CATALOGUE = pd.DataFrame(
    {
        "code": ["CPI_YOY", "GDP", "CPI", "IIP", "EXP"],
        "name_vi": [
            "Chỉ số giá tiêu dùng so với cùng kỳ",
            "Tổng sản phẩm trong nước",
            "Chỉ số giá tiêu dùng",
            "Chỉ số sản xuất công nghiệp",
            None,
        ],
        "name_en": [
            "Consumer price index, year on year",
            "Gross domestic product",
            "Consumer price index",
            "Index of industrial production",
            "Exports of goods",
        ],
        "unit": ["%", "billion VND", "index", "%", "million USD"],
    },
    index=[10, 11, 12, 13, 14],
)


def test_query_without_diacritics_finds_the_vietnamese_name():
    found = search_catalogue(CATALOGUE, "chi so gia")
    assert list(found["code"]) == ["CPI_YOY", "CPI"]


def test_query_with_diacritics_and_capitals_finds_the_same_rows():
    assert list(search_catalogue(CATALOGUE, "CHỈ SỐ Giá")["code"]) == ["CPI_YOY", "CPI"]


def test_english_query_finds_the_english_name():
    assert list(search_catalogue(CATALOGUE, "industrial production")["code"]) == ["IIP"]


def test_every_query_word_must_match_but_in_any_column_and_order():
    assert list(search_catalogue(CATALOGUE, "gia cpi")["code"]) == ["CPI_YOY", "CPI"]
    assert search_catalogue(CATALOGUE, "gia exports").empty


def test_exact_code_match_ranks_first():
    # CPI_YOY comes first in the catalogue and contains "cpi", but CPI is the code asked for.
    assert list(search_catalogue(CATALOGUE, "cpi")["code"]) == ["CPI", "CPI_YOY"]


def test_name_starting_with_the_query_ranks_before_other_matches():
    catalogue = pd.DataFrame(
        {
            "code": ["A", "B", "C"],
            "name_vi": ["Giá trị sản xuất", "Chỉ số sản xuất", "Sản xuất công nghiệp"],
            "name_en": ["Output value", "Production index", "Industrial production"],
        }
    )
    # Only C's name starts with "san xuat"; A and B keep catalogue order after it.
    assert list(search_catalogue(catalogue, "san xuat")["code"]) == ["C", "A", "B"]


def test_empty_query_returns_every_row_in_catalogue_order():
    assert list(search_catalogue(CATALOGUE, "   ")["code"]) == list(CATALOGUE["code"])


def test_result_keeps_the_catalogue_columns_and_index():
    found = search_catalogue(CATALOGUE, "exports")
    assert list(found.columns) == list(CATALOGUE.columns)
    assert list(found.index) == [14]


def test_prepared_catalogue_gives_the_same_results():
    prepared = prepare_catalogue(CATALOGUE)
    for query in ("cpi", "chi so", "production", ""):
        pd.testing.assert_frame_equal(
            search_catalogue(prepared, query), search_catalogue(CATALOGUE, query)
        )


def test_search_of_a_thousand_rows_is_fast():
    catalogue = pd.concat([CATALOGUE] * 200, ignore_index=True)
    prepared = prepare_catalogue(catalogue)
    started = time.perf_counter()
    found = search_catalogue(prepared, "chi so gia")
    elapsed = time.perf_counter() - started
    assert len(found) == 400
    assert elapsed < 0.2
