"""GSO's monthly table of investment realised from the state budget ("Vốn đầu tư thực hiện từ
nguồn ngân sách Nhà nước"), read with ``ingest.gso_ruled``:

- "Thực hiện tháng M−1" → ``SBI_M`` of M−1 restated; "Ước tính tháng M" → ``SBI_M`` of M;
- "Cộng dồn M tháng" / "Ước tính M tháng" (December: "(Ước tính cả) năm Y"; March: "quý I") →
  ``SBI_YTD`` of M;
- "… so với kế hoạch năm" → ``SBI_YTD_PCT_PLAN`` (% of the year's plan, as published);
- "… so với cùng kỳ" (December: "Năm Y so với năm Y−1") → ``SBI_YTD_YOY``, published as an index
  and held as a % change;
- the year's plan ("Kế hoạch năm") is not kept.

Rows: the total, central and local (``TOTAL``, ``CENTRAL``, ``LOCAL``), and each province listed,
as that province's own series (the 63 provinces before July 2025, the 34 after); ministries are
not in the catalogue and are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from domain.vocabulary import Status
from ingest.gso_ruled import DECEMBER, JANUARY, MARCH, Rule, read_ruled_table
from ingest.gso_table import TableRead
from ingest.workbook import Workbook

ALIASES = {"tong so": "TOTAL", "trung uong": "CENTRAL", "dia phuong": "LOCAL"}
PROVINCE_FAMILIES = ("SBI_M", "SBI_YTD", "SBI_YTD_PCT_PLAN")


def _percent(index: float) -> float:
    return index - 100.0


RULES = [
    Rule(r"^(thuc hien|so bo) thang 0?{pm} nam {py}\b", "SBI_M", True, Status.REVISED),
    Rule(r"^(uoc tinh|thuc hien) thang 0?{m} nam {y}\b", "SBI_M", status=Status.ESTIMATE),
    Rule(r"^(cong don|uoc tinh|thuc hien) 0?{m} thang nam {y}$", "SBI_YTD"),
    Rule(r"^thuc hien 0?{pm} thang nam {py}$", "SBI_YTD", True, Status.REVISED),
    Rule(r"^cong don ca nam {y}$", "SBI_YTD", months=DECEMBER),
    Rule(r"so voi ke hoach.* 0?{m} thang nam {y}$", "SBI_YTD_PCT_PLAN"),
    Rule(r"^(uoc tinh ca )?nam {y}$", "SBI_YTD", months=DECEMBER),
    Rule(r"^uoc tinh quy i nam {y}$", "SBI_YTD", months=MARCH),
    Rule(r"^quy i nam {y} so voi ke hoach", "SBI_YTD_PCT_PLAN", months=MARCH),
    Rule(r"^quy i nam {y} so voi cung ky", "SBI_YTD_YOY", convert=_percent, months=MARCH),
    Rule(r"^0?{m} thang nam {y} so voi ke hoach", "SBI_YTD_PCT_PLAN"),
    Rule(r"^nam {y} so voi ke hoach", "SBI_YTD_PCT_PLAN", months=DECEMBER),
    Rule(r"^thang 0?{m}/{y} so voi ke hoach", "SBI_YTD_PCT_PLAN", months=JANUARY),
    Rule(r"^thang 0?{m} nam {y} so voi ke hoach", "SBI_YTD_PCT_PLAN", months=JANUARY),
    Rule(r"^0?{m} thang nam {y} so voi cung ky", "SBI_YTD_YOY", convert=_percent),
    Rule(r"^nam {y} so voi nam {y0}", "SBI_YTD_YOY", convert=_percent, months=DECEMBER),
    Rule(r"^thang 0?{m}/{y} so voi cung ky", "SBI_YTD_YOY", convert=_percent, months=JANUARY),
    Rule(r"^thang 0?{m} nam {y} so voi cung ky", "SBI_YTD_YOY", convert=_percent, months=JANUARY),
]


def read_investment_table(
    book: Workbook,
    known_codes: Iterable[str],
    places: Callable[[tuple[int, int]], Mapping[str, str]] | None = None,
) -> TableRead | None:
    """The state-budget investment table of ``book`` in the catalogue's codes, or None; with
    ``places``, its province rows too."""
    return read_ruled_table(
        book,
        known_codes,
        table="investment",
        titles=(
            "von dau tu thuc hien tu nguon ngan sach",
            "von dau tu tu nguon ngan sach",
            "von dau tu tu ngan sach nha nuoc",
            "nguon von ngan sach nha nuoc",
        ),
        refuse_titles=("cac quy",),
        first_labels=("tong so",),
        rules=RULES,
        aliases=ALIASES,
        unit="billion VND",
        places=places,
        place_families=PROVINCE_FAMILIES,
        fill_right=True,
    )
