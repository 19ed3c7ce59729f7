"""Agencies as a reader sees them after the 2025 restructuring: the name, marked when the fact
behind it is not confirmed, and each indicator's responsibility over time."""

from __future__ import annotations

import pandas as pd

from analytics.formatting import format_date
from domain.vocabulary import AgencyEvidence
from ui.i18n import has_text, t


def agency_name(name: object, evidence: object) -> str:
    """An agency's name, followed by "(chưa xác nhận)" or "(nguồn thứ cấp)" unless the facts of
    its 2025 restructuring are confirmed (or it had none)."""
    text = str(name) if isinstance(name, str) else "–"
    if evidence in (AgencyEvidence.UNCONFIRMED, AgencyEvidence.SECONDARY):
        return f"{text} ({t(f'agency.evidence.{evidence}')})"
    return text


def agencies_table(agencies: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The ministries and agencies (not provinces) with their validity, successor and evidence."""
    names = dict(zip(agencies["code"], agencies[f"name_{lang}"], strict=True))
    shown = agencies[agencies["kind"] != "province"]
    return pd.DataFrame(
        {
            t("agency.column.code"): shown["code"],
            t("agency.column.name"): shown[f"name_{lang}"],
            t("agency.column.valid_from"): [_day(d, lang) for d in shown["valid_from"]],
            t("agency.column.valid_to"): [_day(d, lang) for d in shown["valid_to"]],
            t("agency.column.successor"): [
                names.get(code, "") if isinstance(code, str) else ""
                for code in shown["successor_code"]
            ],
            t("agency.column.evidence"): [
                t(f"agency.evidence.{e}") if isinstance(e, str) else "" for e in shown["evidence"]
            ],
            t("agency.column.note"): [
                t(f"agency.note.{code}")
                if has_text(f"agency.note.{code}")
                else (note if isinstance(note, str) else "")
                for code, note in zip(shown["code"], shown["evidence_note"], strict=True)
            ],
        }
    )


def responsibility_lines(history: pd.DataFrame, agencies: pd.DataFrame, lang: str) -> list[str]:
    """Who was responsible for an indicator and when, one sentence a period, oldest first."""
    names = dict(zip(agencies["code"], agencies[f"name_{lang}"], strict=True))
    evidence = dict(zip(agencies["code"], agencies["evidence"], strict=True))
    return [
        t(
            "agency.responsible",
            agency=agency_name(
                names.get(row.agency_code, row.agency_code), evidence.get(row.agency_code)
            ),
            start=_day(row.valid_from, lang) or "…",
            end=_day(row.valid_to, lang) or t("agency.until_now"),
        )
        for row in history.itertuples()
    ]


def _day(value: object, lang: str) -> str:
    return format_date(value, lang) if value is not None and not pd.isna(value) else ""
