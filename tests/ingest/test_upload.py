"""Reading a filled template: the malformed-file corpus each gets its own clear refusal, and the
good parts of a file still read. Files are made here with openpyxl, zipfile and plain bytes."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import Workbook

from domain.errors import InputError
from ingest.template import TemplateLine, template_csv, template_xlsx
from ingest.upload import COLUMNS, MAX_UPLOAD_BYTES, read_upload

LINE = TemplateLine("CPI_TEST", "Chỉ số giá", "%", "VN", "2025-02", "2025-01", 3.1)


def _xlsx(rows: list[list[object]], merge: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_template_reads_back_in_both_formats() -> None:
    csv_read = read_upload(template_csv([LINE]), "t.csv")
    xlsx_read = read_upload(template_xlsx([LINE], ["Điền cột value"], "Hướng dẫn"), "t.xlsx")
    for read in (csv_read, xlsx_read):
        assert len(read.rows) == 1
        cells = read.rows[0].cells
        assert cells["indicator_code"] == "CPI_TEST" and cells["period"] == "2025-02"
        assert cells["value"] in ("", None) and read.rows[0].number == 2
    assert xlsx_read.sheet == "data" and xlsx_read.rows[0].where["value"] == "F2"


def test_columns_are_found_by_their_header_in_any_order() -> None:
    data = b"value;period;indicator_code\n1,5;2025-01;CPI_TEST\n"
    read = read_upload(data, "semicolons.csv")
    assert read.rows[0].cells == {"value": "1,5", "period": "2025-01", "indicator_code": "CPI_TEST"}


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"x" * (MAX_UPLOAD_BYTES + 1), "big.csv", "error.upload_too_large"),
        (
            "indicator_code,period,value\nCPI,2025-01,Tăng\n".encode("cp1258"),
            "a.csv",
            "error.upload_encoding",
        ),
        (b"indicator_code,period,value\nCPI,2025-01,1\x00\n", "nul.csv", "error.upload_encoding"),
        (b"code_x,period\nCPI,2025-01\n", "missing.csv", "error.upload_missing_columns"),
        (b"%PDF-1.4", "report.pdf", "error.upload_format"),
        (b"not a zip", "broken.xlsx", "error.workbook_unreadable"),
        (b"PK", "macro.xlsm", "error.workbook_macros"),
        (
            b"indicator_code,period,value\nCPI_TEST,3.5,2025-01\nCPI_TEST,4.25,2025-02\n",
            "swapped.csv",
            "error.upload_columns_swapped",
        ),
    ],
    ids=["too-large", "cp1258", "nul", "missing-column", "pdf", "broken-zip", "macro", "swapped"],
)
def test_a_file_that_cannot_be_read_is_refused_with_its_reason(
    data: bytes, name: str, key: str
) -> None:
    with pytest.raises(InputError) as refused:
        read_upload(data, name)
    assert refused.value.key == key


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (210 * 2**20))
    assert len(out.getvalue()) < MAX_UPLOAD_BYTES
    with pytest.raises(InputError) as refused:
        read_upload(out.getvalue(), "bomb.xlsx")
    assert refused.value.key == "error.workbook_bomb"


def test_formula_and_merged_cells_are_refused_per_cell_and_the_rest_reads() -> None:
    rows = [list(COLUMNS[:6]), ["CPI_TEST", "", "%", "VN", "2025-01", "=1+2"]]
    rows += [["CPI_TEST", "", "%", "VN", "2025-02", 3.5], ["CPI_TEST", "", "%", "VN", "2025-03", 4]]
    read = read_upload(_xlsx(rows, merge="F4:G4"), "f.xlsx")
    problems = {row.number: [key for key, _ in row.refused] for row in read.rows}
    assert problems == {2: ["error.row_formula_cell"], 3: [], 4: ["error.row_merged_cell"]}
    assert read.rows[1].cells["value"] == 3.5
