"""GSO's monthly tables of merchandise exports and imports ("Hàng hóa xuất khẩu", "Hàng hóa nhập
khẩu"), read with ``ingest.gso_ruled``. Each heading spans a quantity and a value column ("Lượng",
"Trị giá"); only values are kept, for the total and the two sectors the catalogue holds (domestic
and foreign-invested); commodity rows are reported as not in the catalogue.

- "(Sơ bộ | Ước tính | Thực hiện) tháng M" → ``EXP_M`` of M (million USD), the month's estimate;
- the same of tháng M−1 → ``EXP_M`` of M−1 restated, a later vintage;
- "… M tháng" (December: "… năm Y"; March: "… quý I") → ``EXP_YTD`` of M, and in January "… năm
  Y−1" → ``EXP_YTD`` of December restated;
- "Tháng M … so với cùng kỳ" → ``EXP_M_YOY`` and "M tháng … so với cùng kỳ" (December: "Năm Y so
  với năm trước") → ``EXP_YTD_YOY``, published as indices and held as % changes (index − 100).
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.vocabulary import Status
from ingest.gso_ruled import DECEMBER, JANUARY, MARCH, Rule, read_ruled_table
from ingest.gso_table import TableRead
from ingest.workbook import Workbook

ALIASES = {
    "tong tri gia": "TOTAL",
    "khu vuc kinh te trong nuoc": "DOMESTIC",
    "khu vuc co von dau tu nn": "FDI_SECTOR",
    "khu vuc co von dau tu nuoc ngoai": "FDI_SECTOR",
    "khu vuc co von dau tu nuoc ngoai (ke ca dau tho)": "FDI_SECTOR",
}
RELEASE = r"(so bo|uoc tinh|thuc hien|uoc thuc hien)"


def _percent(index: float) -> float:
    return index - 100.0


def rules(flow: str) -> list[Rule]:
    """The column rules of the exports (``EXP``) or imports (``IMP``) table."""
    value = r".*\btri gia\b"
    return [
        Rule(rf"^{RELEASE} thang 0?{{m}} nam {{y}}{value}", f"{flow}_M", status=Status.ESTIMATE),
        Rule(rf"^{RELEASE} thang 0?{{pm}} nam {{py}}{value}", f"{flow}_M", True, Status.REVISED),
        Rule(rf"^{RELEASE} 0?{{m}} thang nam {{y}}{value}", f"{flow}_YTD"),
        Rule(rf"^{RELEASE} 0?{{pm}} thang nam {{py}}{value}", f"{flow}_YTD", True, Status.REVISED),
        Rule(rf"^({RELEASE}|cong don)( ca)? nam {{y}}{value}", f"{flow}_YTD", months=DECEMBER),
        Rule(rf"^{RELEASE} quy i nam {{y}}{value}", f"{flow}_YTD", months=MARCH),
        Rule(rf"^{RELEASE} nam {{py}}{value}", f"{flow}_YTD", True, Status.REVISED, months=JANUARY),
        Rule(rf"^thang 0?{{m}} nam {{y}} so voi cung ky{value}", f"{flow}_M_YOY", convert=_percent),
        Rule(
            rf"^0?{{m}} thang nam {{y}} so voi cung ky{value}", f"{flow}_YTD_YOY", convert=_percent
        ),
        Rule(
            rf"^quy i nam {{y}} so voi cung ky{value}",
            f"{flow}_YTD_YOY",
            convert=_percent,
            months=MARCH,
        ),
        Rule(
            rf"^nam {{y}} so voi (nam truoc|nam {{y0}}|cung ky){value}",
            f"{flow}_YTD_YOY",
            convert=_percent,
            months=DECEMBER,
        ),
    ]


def _read(book: Workbook, codes: Iterable[str], flow: str, word: str) -> TableRead | None:
    return read_ruled_table(
        book,
        codes,
        table=flow.lower(),
        titles=(f"hang hoa {word}", f"{word} hang hoa", f"{word} thang"),
        refuse_titles=("chi so gia", "cac quy", "dich vu"),
        first_labels=("tong tri gia",),
        rules=rules(flow),
        aliases=ALIASES,
        unit="million USD",
        fill_right=True,
    )


def read_exports_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The monthly exports table of ``book`` in the catalogue's codes, or None."""
    return _read(book, known_codes, "EXP", "xuat khau")


def read_imports_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The monthly imports table of ``book`` in the catalogue's codes, or None."""
    return _read(book, known_codes, "IMP", "nhap khau")
