"""A bounded fuzz of every page: generated URL parameters and typed values, none of which may end
in an exception. A wrong value must become a message; the page must go on drawing.

The values are drawn with a fixed seed from a corpus of what breaks parsers: out-of-range years,
digits of other scripts, huge numbers, NUL and control characters, Markdown and HTML, very long
text. Each page is opened once per chunk and re-run for every case, so a few hundred cases stay
cheap. The seed is fixed so a failure reproduces; the case is named in the assertion.
"""

from __future__ import annotations

import random

import pytest
from streamlit.testing.v1 import AppTest

from domain.vocabulary import PageKey
from ui.i18n import translate

NASTY = (
    "",
    " ",
    "3000",
    "9999-12",
    "1677-09",
    "2262-05",
    "0000",
    "2025-13",
    "2025-00",
    "Quý V/2020",
    "Tháng 13/2024",
    "²",
    "3²",
    "١٢",
    "１２",
    "5" * 5000,
    "1e309",
    "-1",
    "nan",
    "inf",
    "0x1F",
    "\x00",
    "abc\x00def",
    "\x1b[31m",
    "\r\n=1+1",
    '=HYPERLINK("http://x")',
    "**bold** [link](https://example.com) ![x](https://example.com/x.png)",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "{name}",
    "%s%s%s",
    "../../etc/passwd",
    "%00",
    "🙂" * 50,
    "\u202eRTL",
    "x" * 20000,
    "EXP_M.TOTAL,EXP_M.TOTAL,CPI.TOTAL",
    ",,,",
    "CPI_YOY.TONG_CHI_SO,'; DROP TABLE observations; --",
)
EXPLORE_KEYS = ("ind", "tf", "freq", "agg", "from", "to", "cmp", "ma", "base", "asof", "lang")
GOOD = {"ind": "EXP_M.TOTAL", "tf": "yoy_pct", "freq": "Q", "agg": "sum", "from": "2020-01"}
ADMIN_PAGES = (PageKey.ADMIN_USERS, PageKey.ADMIN_CATALOGUE, PageKey.ADMIN_AUDIT)
CASES_PER_CHUNK = 40
CHUNKS = 4


def _url_cases(chunk: int) -> list[dict[str, str]]:
    """``CASES_PER_CHUNK`` query strings: a good view with one to three parts replaced."""
    draw = random.Random(8000 + chunk)
    cases = []
    for _ in range(CASES_PER_CHUNK):
        params = dict(GOOD)
        for key in draw.sample(EXPLORE_KEYS, draw.randint(1, 3)):
            params[key] = draw.choice(NASTY)
        cases.append(params)
    return cases


def _assert_no_exception(at: AppTest, case: object) -> None:
    assert not at.exception, f"{case!r}: {at.exception[0].value if at.exception else ''}"


@pytest.mark.parametrize("chunk", range(CHUNKS))
def test_explore_survives_generated_urls(open_page, chunk: int) -> None:  # type: ignore[no-untyped-def]
    at = open_page(f"views/{PageKey.EXPLORE}.py")
    for params in _url_cases(chunk):
        for key in list(at.query_params):
            del at.query_params[key]
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        _assert_no_exception(at, params)
        assert at.title, f"{params!r}: the page stopped drawing"


@pytest.mark.parametrize(
    ("page", "role"),
    [
        (PageKey.OVERVIEW, "leader"),
        (PageKey.EXPLORE, "leader"),
        (PageKey.FORECAST_LAB, "analyst"),
        (PageKey.SUPPLY, "data_officer"),
        (PageKey.ADMIN_USERS, "admin"),
        (PageKey.ADMIN_CATALOGUE, "admin"),
        (PageKey.ADMIN_AUDIT, "admin"),
    ],
)
def test_every_text_field_survives_generated_values(open_page, page: PageKey, role: str) -> None:  # type: ignore[no-untyped-def]
    """Each text field of the page, typed with values of the corpus, then every button pressed."""
    draw = random.Random(f"{page}-{role}")
    sign_out_label = translate("auth.sign_out", "vi")
    at = open_page(f"views/{page}.py", role=role)
    _assert_no_exception(at, page)
    field_count = len(at.text_input) + len(at.text_area)
    assert field_count or page in (PageKey.OVERVIEW,), f"{page}: no text field found"
    for round_number in range(6):
        values = {}
        for position in range(len(at.text_input)):
            value = draw.choice(NASTY)
            values[f"text_input[{position}]"] = value
            at.text_input[position].input(value)
        for position in range(len(at.text_area)):
            value = draw.choice(NASTY)
            values[f"text_area[{position}]"] = value
            at.text_area[position].input(value)
        at.run()
        _assert_no_exception(at, (page, round_number, values))
        # Admin forms that took a value would change the accounts and catalogue the other page
        # tests share, and signing out ends the run: those buttons are left alone.
        buttons = [
            b
            for b in at.button
            if not b.disabled and page not in ADMIN_PAGES and b.label != sign_out_label
        ]
        if buttons:
            draw.choice(buttons).click()
            at.run()
            _assert_no_exception(at, (page, round_number, values, "button"))
