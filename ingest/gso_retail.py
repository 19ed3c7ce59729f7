"""GSO's monthly table of retail sales of goods and consumer services ("Tổng mức bán lẻ hàng hóa
và doanh thu dịch vụ tiêu dùng"), read with ``ingest.gso_ruled``:

- "Ước tính tháng M" → ``RETAIL_M`` of M, the month's estimate (billion VND);
- "Sơ bộ tháng M−1" (or "Thực hiện tháng M−1") → ``RETAIL_M`` of M−1 restated, a later vintage;
- "Ước tính M tháng …" (December: "Ước tính năm Y") → ``RETAIL_YTD`` of M;
- "Tháng M … so với cùng kỳ" → ``RETAIL_M_YOY_IDX`` of M and "M tháng … so với cùng kỳ" (December:
  "Năm Y so với năm Y−1") → ``RETAIL_YTD_YOY_IDX`` of M, both kept as the published index (same
  period last year = 100), as the catalogue holds them;
- the structure column ("Cơ cấu") and the quarterly table are not kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.vocabulary import Status
from ingest.gso_ruled import DECEMBER, Rule, read_ruled_table
from ingest.gso_table import TableRead
from ingest.workbook import Workbook

RULES = [
    Rule(r"^(so bo|thuc hien|uoc tinh) thang 0?{pm} nam {py}\b", "RETAIL_M", True, Status.REVISED),
    Rule(r"^uoc tinh thang 0?{m} nam {y}\b", "RETAIL_M", status=Status.ESTIMATE),
    Rule(r"^(uoc tinh|uoc thuc hien|thuc hien) 0?{m} thang nam {y}\b", "RETAIL_YTD"),
    Rule(r"^(uoc tinh|uoc thuc hien|thuc hien) nam {y}\b", "RETAIL_YTD", months=DECEMBER),
    Rule(r"^thang 0?{m} nam {y} so voi cung ky", "RETAIL_M_YOY_IDX"),
    Rule(r"^0?{m} thang nam {y} so voi cung ky", "RETAIL_YTD_YOY_IDX"),
    Rule(r"^nam {y} so voi nam {y0}", "RETAIL_YTD_YOY_IDX", months=DECEMBER),
]


def read_retail_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The monthly retail table of ``book`` in the catalogue's codes, or None."""
    return read_ruled_table(
        book,
        known_codes,
        table="retail",
        titles=("tong muc ban le hang hoa", "tong muc hang hoa ban le"),
        refuse_titles=("cac quy",),
        first_labels=("tong so",),
        rules=RULES,
    )
