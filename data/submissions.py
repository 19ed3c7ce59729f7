"""Staged submissions and their rows in the database: insert, read, and decide once.

The checks and who may do what live in ``services.intake``; this module runs inside the caller's
transaction. A submission is decided (confirmed or rejected) by one conditional UPDATE that only
succeeds on a staged row, so two people confirming at once write it once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, RowMapping, bindparam, insert, select, update

from data import tables as t
from domain.vocabulary import SubmissionState


def find(conn: Connection, kind: str, agency_code: str, sha256: str) -> RowMapping | None:
    """The submission of the same file (kind, agency and SHA-256), if there is one."""
    s = t.submissions.c
    return (
        conn.execute(
            select(t.submissions).where(
                s.kind == kind, s.agency_code == agency_code, s.file_sha256 == sha256
            )
        )
        .mappings()
        .first()
    )


def get(conn: Connection, submission_id: int) -> RowMapping | None:
    """One submission by id."""
    return (
        conn.execute(select(t.submissions).where(t.submissions.c.id == submission_id))
        .mappings()
        .first()
    )


def insert_submission(conn: Connection, header: dict[str, Any], rows: Iterable[dict]) -> int:
    """Insert a submission and its checked rows; the submission's new id."""
    new_id = conn.execute(insert(t.submissions).values(**header)).inserted_primary_key[0]
    batch = [dict(row, submission_id=new_id) for row in rows]
    if batch:
        conn.execute(insert(t.submission_rows), batch)
    return int(new_id)


def rows(conn: Connection, submission_id: int) -> list[RowMapping]:
    """The rows of a submission in file order."""
    r = t.submission_rows.c
    query = select(t.submission_rows).where(r.submission_id == submission_id).order_by(r.id)
    return list(conn.execute(query).mappings().all())


def decide(
    conn: Connection,
    submission_id: int,
    state: SubmissionState,
    by: str,
    at: dt.datetime,
    note: str | None = None,
    rows_written: int | None = None,
) -> bool:
    """Move a staged submission to ``state``; False if it was not staged (already decided)."""
    s = t.submissions.c
    done = conn.execute(
        update(t.submissions)
        .where(s.id == submission_id, s.state == SubmissionState.STAGED.value)
        .values(
            state=state.value, decided_by=by, decided_at=at, note=note, rows_written=rows_written
        )
    )
    return done.rowcount == 1


def link_observation(conn: Connection, row_id: int, observation_id: int) -> None:
    """Record which observation a confirmed row became."""
    conn.execute(
        update(t.submission_rows)
        .where(t.submission_rows.c.id == row_id)
        .values(observation_id=observation_id)
    )


def listing(engine: Engine, agency_code: str | None = None, limit: int = 200) -> pd.DataFrame:
    """Submissions newest first (of one agency if given), without their rows."""
    s = t.submissions.c
    query = select(t.submissions).order_by(s.created_at.desc(), s.id.desc()).limit(limit)
    if agency_code is not None:
        query = query.where(s.agency_code == agency_code)
    with engine.connect() as conn:
        found = conn.execute(query).mappings().all()
    return pd.DataFrame(found, columns=[c.name for c in t.submissions.columns])


def indicator_facts(conn: Connection) -> list[RowMapping]:
    """Every indicator's code, name, unit, frequency and responsible agency: what rows are
    checked against."""
    i = t.indicators.c
    query = select(i.code, i.name_vi, i.name_en, i.unit, i.frequency, i.agency_code)
    return list(conn.execute(query).mappings().all())


def geography_codes(conn: Connection) -> set[str]:
    """The codes of every geography the database knows."""
    return set(conn.execute(select(t.geographies.c.code)).scalars())


def mark_written(conn: Connection, submission_id: int, count: int) -> None:
    """Record how many observations a confirmation wrote."""
    conn.execute(
        update(t.submissions).where(t.submissions.c.id == submission_id).values(rows_written=count)
    )


def link_observations(conn: Connection, links: list[tuple[int, int]]) -> None:
    """Record which observation each confirmed row became: ``(row id, observation id)`` pairs."""
    if links:
        conn.execute(
            update(t.submission_rows)
            .where(t.submission_rows.c.id == bindparam("row_id"))
            .values(observation_id=bindparam("observation_id")),
            [{"row_id": row, "observation_id": observation} for row, observation in links],
        )
