"""How a seed series becomes a catalogue entry: its field, responsible agency and release rules.

Decision 293/QĐ-TTg groups its 200 indicators in nine fields, but its appendix (which indicator sits
in which field) was not available, so the Cockpit classifies each series by its code with the rules
below and says so on screen. The rules are a registry: the first prefix that matches wins.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from pathlib import Path

from domain.vocabulary import IndicatorKind

FIELDS: dict[int, tuple[str, str]] = {
    1: ("Tăng trưởng kinh tế", "Economic growth"),
    2: ("Tài chính công", "Public finance"),
    3: ("Ổn định kinh tế vĩ mô", "Macroeconomic stability"),
    4: ("Môi trường kinh doanh", "Business environment"),
    5: ("Lao động việc làm", "Labour and employment"),
    6: ("Các vấn đề xã hội", "Social issues"),
    7: ("Môi trường", "Environment"),
    8: ("Hành chính công phục vụ người dân", "Public administration serving citizens"),
    9: ("Kết cấu hạ tầng và khoa học công nghệ", "Infrastructure, science and technology"),
}

FIELD_RULES: list[tuple[str, int]] = [
    (r"^(GDP_|NGDP|VNM_NGDP|NCG|NFI|NINV|NX|NM|NC|IIP_|AIP_|RETAIL_|VIS_|NY\.|NE\.|NV\.)", 1),
    (r"^(SBI_|VNM_GGO_|VNM_CGD_|VNM_EXD_|D_XDC|GC\.)", 2),
    (r"^(CPI_|PCPI|VNM_PCPI|PPPI|VNM_PPPI|EXP_|IMP_|TB_USD|TMG|TXG|VNM_TMG|VNM_TXG)", 3),
    (r"^(VNM_B|ENDA_|ENDE_|FID_|FIR_|VNM_[A-Z0-9]+_EOP_IX|BX\.|BM\.|FP\.|FR\.|DT\.)", 3),
    (r"^(FDI_|IC\.)", 4),
    (r"^(LP|VNM_LP|SP\.|SI\.|SE\.|SH\.|HD\.|SN\.)", 6),
    (r"^(LE|LL|LU|LM|SL\.)", 5),
    (r"^(EN\.|AG\.LND\.FRST|ER\.)", 7),
    (r"^(EG\.|IT\.|IS\.|GB\.|AG\.)", 9),
]

AGENCIES: list[dict[str, str]] = [
    {
        "code": "GSO",
        "name_vi": "Cục Thống kê, Bộ Tài chính (Tổng cục Thống kê đến 2/2025)",
        "name_en": "Statistics Office, Ministry of Finance (General Statistics Office to 2/2025)",
        "kind": "statistics",
    },
    {
        "code": "MOF",
        "name_vi": "Bộ Tài chính",
        "name_en": "Ministry of Finance",
        "kind": "ministry",
    },
    {
        "code": "MPI",
        "name_vi": "Bộ Kế hoạch và Đầu tư",
        "name_en": "Ministry of Planning and Investment",
        "kind": "ministry",
    },
    {
        "code": "SBV",
        "name_vi": "Ngân hàng Nhà nước Việt Nam",
        "name_en": "State Bank of Vietnam",
        "kind": "ministry",
    },
    {
        "code": "MOLISA",
        "name_vi": "Bộ Lao động - Thương binh và Xã hội",
        "name_en": "Ministry of Labour, Invalids and Social Affairs",
        "kind": "ministry",
    },
    {"code": "MOH", "name_vi": "Bộ Y tế", "name_en": "Ministry of Health", "kind": "ministry"},
    {
        "code": "MOC",
        "name_vi": "Bộ Xây dựng",
        "name_en": "Ministry of Construction",
        "kind": "ministry",
    },
    {
        "code": "MONRE",
        "name_vi": "Bộ Tài nguyên và Môi trường",
        "name_en": "Ministry of Natural Resources and Environment",
        "kind": "ministry",
    },
    {
        "code": "MARD",
        "name_vi": "Bộ Nông nghiệp và Phát triển nông thôn",
        "name_en": "Ministry of Agriculture and Rural Development",
        "kind": "ministry",
    },
    {
        "code": "MAE",
        "name_vi": "Bộ Nông nghiệp và Môi trường",
        "name_en": "Ministry of Agriculture and Environment",
        "kind": "ministry",
    },
    {
        "code": "MOHA",
        "name_vi": "Bộ Nội vụ",
        "name_en": "Ministry of Home Affairs",
        "kind": "ministry",
    },
    {
        "code": "WB",
        "name_vi": "Ngân hàng Thế giới",
        "name_en": "World Bank",
        "kind": "international",
    },
]

RESTRUCTURED_ON = dt.date(2025, 3, 1)
"""The day the 2025 Government structure took effect, as commonly cited (Resolution 176/2025/QH15);
not retrieved, so every fact dated by it is tagged unconfirmed."""

UNRETRIEVED = (
    "The NA resolution on the 2025 Government structure (commonly cited as 176/2025/QH15, in force "
    "1/3/2025) was not retrieved; shared/domain/DOMAIN.md §5.1 tags this merger UNCONFIRMED."
)

AGENCY_HISTORY: dict[str, dict[str, object]] = {
    "GSO": {
        "evidence": "confirmed",
        "evidence_note": (
            "Decision 384/QĐ-BTC of 26/02/2025: the General Statistics Office is the Statistics "
            "Office (Cục Thống kê) under the Ministry of Finance (DOMAIN.md §5.1, CONFIRMED)."
        ),
    },
    "MPI": {
        "valid_to": RESTRUCTURED_ON - dt.timedelta(days=1),
        "successor_code": "MOF",
        "evidence": "unconfirmed",
        "evidence_note": "Merged into the Ministry of Finance, whose Statistics Office published "
        "the 2025 outcomes. " + UNRETRIEVED,
    },
    "MONRE": {
        "valid_to": RESTRUCTURED_ON - dt.timedelta(days=1),
        "successor_code": "MAE",
        "evidence": "unconfirmed",
        "evidence_note": "Merged with MARD into the Ministry of Agriculture and Environment. "
        + UNRETRIEVED,
    },
    "MARD": {
        "valid_to": RESTRUCTURED_ON - dt.timedelta(days=1),
        "successor_code": "MAE",
        "evidence": "unconfirmed",
        "evidence_note": "Merged with MONRE into the Ministry of Agriculture and Environment. "
        + UNRETRIEVED,
    },
    "MOLISA": {
        "valid_to": RESTRUCTURED_ON - dt.timedelta(days=1),
        "successor_code": "MOHA",
        "evidence": "unconfirmed",
        "evidence_note": "Its functions moved to the Ministries of Home Affairs (labour), Health "
        "and Education; Home Affairs is taken as the successor. " + UNRETRIEVED,
    },
    "MAE": {
        "valid_from": RESTRUCTURED_ON,
        "evidence": "unconfirmed",
        "evidence_note": UNRETRIEVED,
    },
    "MOHA": {"evidence": "unconfirmed", "evidence_note": "Successor of MOLISA. " + UNRETRIEVED},
}
"""Dated facts of the 2025 restructuring, with how well each is established (AgencyEvidence)."""


def current_agency(code: str | None) -> str | None:
    """The agency responsible today for what ``code`` was responsible for: itself, or its
    successor after the 2025 mergers (followed to the end of the chain)."""
    seen: set[str] = set()
    while code is not None and code not in seen:
        seen.add(code)
        successor = AGENCY_HISTORY.get(code, {}).get("successor_code")
        if successor is None:
            return code
        code = str(successor)
    return code


AGENCY_RULES: list[tuple[str, str]] = [
    (r"^FDI_", "MPI"),
    (r"^(VNM_GGO_|VNM_CGD_|VNM_EXD_|D_XDC|VNM_[A-Z0-9]+_EOP_IX)", "MOF"),
    (r"^(VNM_B[A-Z]|ENDA_|ENDE_|FID_|FIR_)", "SBV"),
    (r"^[A-Z]{2}\.[A-Z]", "WB"),
    (r".", "GSO"),
]


def _first_match(code: str, rules: list[tuple[str, int]] | list[tuple[str, str]], default):  # type: ignore[no-untyped-def]
    for pattern, value in rules:
        if re.match(pattern, code):
            return value
    return default


def field_of(code: str) -> int:
    """The Decision 293 field (1–9) the Cockpit files the series ``code`` under."""
    return _first_match(code, FIELD_RULES, 1)


def publisher_of(code: str) -> str:
    """The code of the agency that published the series ``code`` before the 2025 mergers."""
    return _first_match(code, AGENCY_RULES, "GSO")


def agency_of(code: str) -> str:
    """The code of the agency responsible for the series ``code`` today."""
    return current_agency(publisher_of(code)) or publisher_of(code)


# What an indicator's numbers are (domain.vocabulary.IndicatorKind), read from its unit, code and
# English name; the first rule that matches wins. Units that are rates or ratios come first, then
# indices, then year-to-date cumulation (by code), then amounts: a stock if the name says it is a
# quantity at a moment, else a flow over the period. Anything else is a level (a price, a rate of
# exchange, a per-capita or per-area quantity), which is neither summed nor cumulated.
RATE_UNIT = re.compile(
    r"^(percent|percent change|%.*|annual %|.*same period previous year = 100.*"
    r"|.*comparison period = 100.*)$",
    re.IGNORECASE,
)
INDEX_UNIT = re.compile(r"^index\b", re.IGNORECASE)
YTD_CODE = re.compile(r"(^|_)YTD(_|\.|$)")
AMOUNT_UNIT = re.compile(
    r"^(billion VND|million USD|thousand arrivals|projects|current US\$|current international \$"
    r"|persons|thousand persons|sq\. km)$",
    re.IGNORECASE,
)
STOCK_NAME = re.compile(
    r"outstanding|\bpopulation\b|^employment\b|labou?r force|land area|reserves", re.IGNORECASE
)


def kind_of(code: str, unit: str, name_en: str) -> IndicatorKind:
    """The kind of an indicator (``domain.vocabulary.IndicatorKind``), by the rules
    above: ``CPI_YOY.X`` in ``percent change`` is a rate, ``PCPI_IX`` an index, ``EXP_YTD.TOTAL``
    a year-to-date amount, ``EXP_M.TOTAL`` a flow, population a stock, the VND/USD rate a level."""
    unit = (unit or "").strip()
    if RATE_UNIT.match(unit):
        return IndicatorKind.RATE
    if INDEX_UNIT.match(unit):
        return IndicatorKind.INDEX
    if AMOUNT_UNIT.match(unit):
        if YTD_CODE.search(code):
            return IndicatorKind.YTD
        return IndicatorKind.STOCK if STOCK_NAME.search(name_en or "") else IndicatorKind.FLOW
    return IndicatorKind.LEVEL


@functools.cache
def _definitions() -> list[tuple[re.Pattern[str], str, str, str]]:
    path = Path(__file__).resolve().parent / "seed" / "definitions.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            (re.compile(row["pattern"]), row["definition_vi"], row["definition_en"], row["basis"])
            for row in csv.DictReader(handle)
        ]


def definition_of(code: str) -> tuple[str, str, str] | None:
    """What the shipped data's provenance says a series is, for a code of its families:
    (Vietnamese, English, where it is said), or None when it says nothing.

    ``data/seed/definitions.csv`` restates, one family of codes a row, the meaning that
    ``data/seed/vn/PROVENANCE.md`` gives the columns it kept (CPI as the published index − 100,
    FDI cumulated from 1 January, GDP for the single quarter...). Nothing there is a definition the
    Cockpit made up; a series no row covers has none.
    """
    for pattern, vi, en, basis in _definitions():
        if pattern.search(code):
            return vi, en, basis
    return None
