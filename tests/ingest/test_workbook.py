"""A workbook is refused before it is read when it could hold macros, is too large, would unpack
to too much, or is not a workbook; each refusal says which file and why."""

from __future__ import annotations

import io
import zipfile

import pytest

from domain.errors import InputError
from ingest import workbook
from ingest.workbook import read_workbook_bytes


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "key"),
    [
        ("report.xlsm", b"anything", "error.workbook_macros"),
        ("report.xlsx", _zip({"xl/vbaProject.bin": b"code"}), "error.workbook_macros"),
        ("report.csv", b"a,b\n1,2\n", "error.workbook_format"),
        ("report.xlsx", b"not a zip at all", "error.workbook_unreadable"),
        ("report.xls", b"not an xls either", "error.workbook_unreadable"),
    ],
    # Fixed ids: a zip made at import time holds its time, and the workers must agree on names.
    ids=["xlsm", "vba-project", "csv", "broken-xlsx", "broken-xls"],
)
def test_a_dangerous_or_broken_file_is_refused_with_its_reason(
    name: str, data: bytes, key: str
) -> None:
    with pytest.raises(InputError) as caught:
        read_workbook_bytes(data, name)
    assert caught.value.key == key and caught.value.params["name"] == name


def test_a_zip_bomb_and_a_huge_file_are_refused(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(workbook, "MAX_UNPACKED_BYTES", 1_000_000)
    bomb = _zip({"xl/worksheets/sheet1.xml": b"0" * 2_000_000})
    assert len(bomb) < 20_000
    with pytest.raises(InputError) as caught:
        read_workbook_bytes(bomb, "bomb.xlsx")
    assert caught.value.key == "error.workbook_bomb"
    monkeypatch.setattr(workbook, "MAX_FILE_BYTES", 10)
    with pytest.raises(InputError) as caught:
        read_workbook_bytes(b"x" * 11, "big.xls")
    assert caught.value.key == "error.workbook_too_large"
