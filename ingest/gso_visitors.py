"""GSO's monthly table of international arrivals ("Khách quốc tế đến Việt Nam"), read with
``ingest.gso_ruled``:

- "(Ước tính) tháng M" → ``VIS_M`` of M, the month's estimate; "(Thực hiện) tháng M−1" → ``VIS_M``
  of M−1 restated, a later vintage;
- "(Thực hiện | Ước tính) M tháng" (December: "Năm Y") → ``VIS_YTD`` of M;
- "Tháng M … so với tháng M−1" → ``VIS_M_MOM_IDX``, "Tháng M … so với cùng kỳ" → ``VIS_M_YOY_IDX``,
  "M tháng … so với cùng kỳ" (December: "Năm Y so với năm trước") → ``VIS_YTD_YOY_IDX``, kept as
  the published indices.

Arrivals are published in persons ("Lượt người") in some years and thousands ("Nghìn lượt người")
in others; the catalogue holds thousands. Rows are the total, the means of arrival, regions and
countries, named by the catalogue in English (``CHINA``, ``AIR``): :data:`ALIASES` maps GSO's
Vietnamese labels to them; countries the catalogue does not hold are reported.
"""

from __future__ import annotations

from collections.abc import Iterable

from domain.vocabulary import Status
from ingest.gso_ruled import DECEMBER, Rule, read_ruled_table
from ingest.gso_table import TableRead, fold, text_of
from ingest.workbook import Cell, Workbook

ALIASES = {
    "tong so": "TOTAL",
    "duong khong": "AIR",
    "duong bien": "SEA",
    "duong bo": "ROAD",
    "chau a": "ASIA",
    "chau au": "EUROPE",
    "chau my": "AMERICAS",
    "chau phi": "AFRICA",
    "chau uc": "OCEANIA",
    "chnd trung hoa": "CHINA",
    "trung quoc": "CHINA",
    "han quoc": "KOREA",
    "nhat ban": "JAPAN",
    "dai loan": "TAIWAN",
    "hoa ky": "USA",
    "my": "USA",
    "ca-na-da": "CANADA",
    "cam-pu-chia": "CAMBODIA",
    "lao": "LAOS",
    "ma-lai-xi-a": "MALAYSIA",
    "phi-li-pin": "PHILIPPINES",
    "xin-ga-po": "SINGAPORE",
    "thai lan": "THAILAND",
    "in-do-ne-xi-a": "INDONESIA",
    "an do": "INDIA",
    "ox-tray-li-a": "AUSTRALIA",
    "phap": "FRANCE",
    "duc": "GERMANY",
    "lien bang nga": "RUSSIA",
    "nga": "RUSSIA",
    "vuong quoc anh": "UK",
    "anh": "UK",
    "du lich, nghi duong": "PURPOSE_TOURISM",
    "du lich, nghi ngoi": "PURPOSE_TOURISM",
    "di cong viec": "PURPOSE_BUSINESS",
    "tham than nhan": "PURPOSE_VISIT_RELATIVES",
    "cac muc dich khac": "PURPOSE_OTHER",
    "muc dich khac": "PURPOSE_OTHER",
}
"""GSO's row label (folded) → the catalogue's item code."""


def _index(value: float) -> float:
    return value


def rules_for(rows: list[list[Cell]]) -> list[Rule]:
    """The column rules, with arrivals in thousands whatever the sheet's unit."""
    top = " ".join(fold(text_of(c)) for row in rows[:6] for c in row if isinstance(c, str))
    persons = "luot nguoi" in top and "nghin luot nguoi" not in top

    def thousands(value: float) -> float:
        return value / 1000.0 if persons else value

    release = r"(uoc tinh |thuc hien |so bo )?"
    return [
        Rule(
            rf"^{release}thang 0?{{m}} nam {{y}}$",
            "VIS_M",
            status=Status.ESTIMATE,
            convert=thousands,
        ),
        Rule(
            rf"^{release}thang 0?{{pm}} nam {{py}}$",
            "VIS_M",
            True,
            Status.REVISED,
            convert=thousands,
        ),
        Rule(rf"^{release}0?{{m}} thang nam {{y}}$", "VIS_YTD", convert=thousands),
        Rule(rf"^{release}nam {{y}}$", "VIS_YTD", convert=thousands, months=DECEMBER),
        Rule(r"^thang 0?{m} nam {y} so voi thang 0?{pm}", "VIS_M_MOM_IDX", convert=_index),
        Rule(r"^thang 0?{m} nam {y} so voi cung ky", "VIS_M_YOY_IDX", convert=_index),
        Rule(r"^0?{m} thang nam {y} so voi cung ky", "VIS_YTD_YOY_IDX", convert=_index),
        Rule(
            r"^nam {y} so voi nam (truoc|{y0})", "VIS_YTD_YOY_IDX", convert=_index, months=DECEMBER
        ),
    ]


def read_visitors_table(book: Workbook, known_codes: Iterable[str]) -> TableRead | None:
    """The monthly arrivals table of ``book`` in the catalogue's codes, or None."""
    return read_ruled_table(
        book,
        known_codes,
        table="visitors",
        titles=("khach quoc te den viet nam",),
        refuse_titles=("cac quy",),
        first_labels=("tong so",),
        rules=rules_for,
        aliases=ALIASES,
        unit="thousand arrivals",
    )
