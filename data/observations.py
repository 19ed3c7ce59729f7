"""Observations in the database: append one, and read what a new one must be checked against.

The table is append-only (``data.tables``; the database refuses UPDATE and DELETE, migration
0004): a revision is a new row with a later vintage or the status ``revised``. The checks of who
may write and of what a value must be live in ``services.observations``; this module only reads
and appends, inside the caller's transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, RowMapping, exists, func, insert, select

from data import tables as t
from data.repository import STATUS_ORDER
from domain.errors import InputError


def append(conn: Connection, row: dict[str, Any]) -> int:
    """Insert ``row`` (the columns of ``observations`` but ``id``) on ``conn``; its new id.

    A row that repeats an indicator, geography, period, vintage and status already stored raises
    SQLAlchemy's ``IntegrityError``, which the caller words for the person.
    """
    return conn.execute(insert(t.observations).values(**row)).inserted_primary_key[0]


def latest(conn: Connection, row: dict[str, Any]) -> RowMapping | None:
    """The newest stored value of the row's period (latest vintage, then strongest status)."""
    o = t.observations.c
    return (
        conn.execute(
            select(
                o.id,
                o.value,
                o.status,
                o.vintage,
                o.source,
                o.recorded_at,
                o.recorded_by,
            )
            .where(
                o.indicator_code == row["indicator_code"],
                o.geography_code == row["geography_code"],
                o.period_start == row["period_start"],
                o.period_end == row["period_end"],
            )
            .order_by(o.vintage.desc(), STATUS_ORDER.desc(), o.id.desc())
            .limit(1)
        )
        .mappings()
        .first()
    )


def indicator_agency(conn: Connection, indicator_code: str) -> str | None:
    """The agency responsible for ``indicator_code``; ``InputError`` if there is none such."""
    i = t.indicators.c
    found = conn.execute(select(i.agency_code).where(i.code == indicator_code)).first()
    if found is None:
        raise InputError(
            "error.unknown_indicator_code",
            f"there is no indicator with code {indicator_code}",
            code=indicator_code,
        )
    return found.agency_code


def check_geography(conn: Connection, geography_code: str) -> None:
    """Refuse with ``InputError`` unless the geography ``geography_code`` exists."""
    if not conn.execute(select(exists().where(t.geographies.c.code == geography_code))).scalar():
        raise InputError(
            "error.unknown_geography",
            f"there is no geography with code {geography_code}",
            code=geography_code,
        )


def latest_values(conn: Connection, rows: list[dict[str, Any]]) -> dict[tuple, float]:
    """The newest stored value of each row's period, in one query: keyed by ``(indicator_code,
    geography_code, period_start, period_end)``; periods with no value are absent."""
    if not rows:
        return {}
    o = t.observations.c
    codes = sorted({r["indicator_code"] for r in rows})
    places = sorted({r["geography_code"] for r in rows})
    starts = sorted({r["period_start"] for r in rows})
    ranked = (
        select(
            o.indicator_code,
            o.geography_code,
            o.period_start,
            o.period_end,
            o.value,
            func.row_number()
            .over(
                partition_by=(o.indicator_code, o.geography_code, o.period_start, o.period_end),
                order_by=(o.vintage.desc(), STATUS_ORDER.desc(), o.id.desc()),
            )
            .label("rank"),
        )
        .where(
            o.indicator_code.in_(codes), o.geography_code.in_(places), o.period_start.in_(starts)
        )
        .subquery()
    )
    found = conn.execute(select(ranked).where(ranked.c.rank == 1)).all()
    return {
        (r.indicator_code, r.geography_code, r.period_start, r.period_end): float(r.value)
        for r in found
    }


def append_many(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` in one statement; their new ids, in order. A repeated key raises
    ``IntegrityError`` and inserts none of them (the caller holds a savepoint)."""
    if not rows:
        return []
    inserted = conn.execute(
        insert(t.observations).returning(t.observations.c.id, sort_by_parameter_order=True), rows
    )
    return [row[0] for row in inserted]
