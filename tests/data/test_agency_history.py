"""The 2025 restructuring in the catalogue: agencies get validity, successors and evidence, an
indicator of a merged agency moves to the successor with its history kept, on both backends."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from data import tables as t
from data.catalogue_rules import current_agency
from data.seed_load import apply_agency_history, load_reference
from tests.factories import indicator_row


def _indicator(code: str, agency: str) -> dict:
    return indicator_row(code, agency, unit="million USD", field_code=4)


def test_an_indicator_of_a_merged_agency_moves_and_keeps_its_history(migrated_engine) -> None:  # type: ignore[no-untyped-def]
    load_reference(migrated_engine)
    with migrated_engine.begin() as conn:
        conn.execute(
            insert(t.indicators),
            [_indicator("FDI_REG_NEW_YTD", "MPI"), _indicator("EXP_M.TOTAL", "GSO")],
        )
    assert apply_agency_history(migrated_engine) == 1
    assert apply_agency_history(migrated_engine) == 0, "a second run changes nothing"
    with migrated_engine.connect() as conn:
        agencies = {r.code: r for r in conn.execute(select(t.agencies))}
        moved = conn.execute(
            select(t.indicators.c.agency_code).where(t.indicators.c.code == "FDI_REG_NEW_YTD")
        ).scalar_one()
        history = conn.execute(
            select(
                t.indicator_agencies.c.agency_code,
                t.indicator_agencies.c.valid_from,
                t.indicator_agencies.c.valid_to,
            ).order_by(t.indicator_agencies.c.id)
        ).all()
    assert moved == "MOF"
    assert [tuple(row) for row in history] == [
        ("MPI", None, dt.date(2025, 2, 28)),
        ("MOF", dt.date(2025, 3, 1), None),
    ]
    mpi = agencies["MPI"]
    assert (mpi.valid_to, mpi.successor_code, mpi.evidence) == (
        dt.date(2025, 2, 28),
        "MOF",
        "unconfirmed",
    )
    assert agencies["GSO"].evidence == "confirmed" and "384/QĐ-BTC" in agencies["GSO"].evidence_note
    assert agencies["MARD"].successor_code == agencies["MONRE"].successor_code == "MAE"
    assert agencies["MAE"].evidence == "unconfirmed"


def test_the_successor_chain_ends_at_the_current_agency() -> None:
    assert [current_agency(c) for c in ("MPI", "MARD", "MOLISA", "GSO", None)] == [
        "MOF",
        "MAE",
        "MOHA",
        "GSO",
        None,
    ]
