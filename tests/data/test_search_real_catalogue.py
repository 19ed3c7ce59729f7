"""Search on the real catalogue: what a person types finds the series they mean, headline series
first, and every one of the indicators can be reached."""

from __future__ import annotations

import pytest

from analytics.search import search_catalogue
from domain.headlines import HEADLINE_CODES


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("CPI", "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"),
        ("RETAIL", "RETAIL_M.TONG_SO"),
        ("xuat khau", "EXP_M.TOTAL"),
        ("tăng trưởng GDP", "GDP_Q_YOY.TONG_SO"),
        ("lam phat", "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"),
    ],
)
def test_the_headline_series_comes_first(real_catalogue, query: str, first: str) -> None:  # type: ignore[no-untyped-def]
    found = search_catalogue(real_catalogue, query, preferred=HEADLINE_CODES)
    assert found["code"].iloc[0] == first


def test_tang_truong_finds_growth_series(real_catalogue) -> None:  # type: ignore[no-untyped-def]
    found = search_catalogue(real_catalogue, "tang truong", preferred=HEADLINE_CODES)
    assert "GDP_Q_YOY.TONG_SO" in set(found["code"])
    assert len(found) > 50


def test_an_empty_query_reaches_every_indicator(real_catalogue) -> None:  # type: ignore[no-untyped-def]
    found = search_catalogue(real_catalogue, "", preferred=HEADLINE_CODES)
    assert len(found) == len(real_catalogue) > 900
    present = [code for code in real_catalogue["code"] if code in HEADLINE_CODES]
    assert list(found["code"].head(len(present))) == present
