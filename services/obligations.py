"""Reporting obligations, changed by an admin: assign an agency a series (indicator, geography,
frequency, regime) from a day, or end one on a day. Nothing is deleted; each change is audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy import Engine, insert, select, update

from data import audit, obligations
from data import tables as t
from data.observations import check_geography, indicator_agency
from domain.errors import InputError
from domain.principal import Principal
from domain.vocabulary import Action, Regime
from services.permissions import require


def of_agency(engine: Engine, agency_code: str) -> pd.DataFrame:
    """Every obligation of ``agency_code``, in force or ended."""
    return obligations.of_agency(engine, agency_code)


def assign(
    engine: Engine,
    user: Principal,
    agency_code: str,
    indicator_code: str,
    geography_code: str,
    regime: str,
    valid_from: dt.date | None = None,
) -> dict[str, Any]:
    """Give ``agency_code`` the obligation to report a series from ``valid_from``; refused if it
    already has it in force then. The frequency is the indicator's."""
    require(user, Action.OBLIGATION_CHANGE)
    if regime not in tuple(Regime):
        raise InputError("error.unknown_regime", f"{regime} is not a regime", regime=str(regime))
    i, o = t.indicators.c, t.obligations.c
    with engine.begin() as conn:
        indicator_agency(conn, indicator_code)
        check_geography(conn, geography_code)
        frequency = conn.execute(select(i.frequency).where(i.code == indicator_code)).scalar_one()
        on = valid_from or dt.date.today()
        clash = conn.execute(
            select(o.id).where(
                o.agency_code == agency_code,
                o.indicator_code == indicator_code,
                o.geography_code == geography_code,
                (o.valid_to.is_(None)) | (o.valid_to >= on),
            )
        ).first()
        if clash is not None:
            raise InputError(
                "error.obligation_exists",
                f"{agency_code} already reports {indicator_code} for {geography_code}",
                agency=agency_code,
                code=indicator_code,
                geography=geography_code,
            )
        row = {
            "agency_code": agency_code,
            "indicator_code": indicator_code,
            "geography_code": geography_code,
            "frequency": frequency,
            "regime": Regime(regime).value,
            "valid_from": valid_from,
            "valid_to": None,
            "assigned_by": user.username,
            "assigned_at": audit.utc_now(),
        }
        row["id"] = conn.execute(insert(t.obligations).values(**row)).inserted_primary_key[0]
        audit.record(conn, user, Action.OBLIGATION_CHANGE, "obligation", row["id"], after=row)
    return row


def end(engine: Engine, user: Principal, obligation_id: int, last_day: dt.date) -> None:
    """End an obligation on ``last_day`` (it stays on record)."""
    require(user, Action.OBLIGATION_CHANGE)
    o = t.obligations.c
    with engine.begin() as conn:
        before = conn.execute(select(t.obligations).where(o.id == obligation_id)).mappings().first()
        if before is None:
            raise InputError(
                "error.obligation_unknown",
                f"there is no obligation {obligation_id}",
                id=str(obligation_id),
            )
        if before["valid_from"] is not None and last_day < before["valid_from"]:
            raise InputError(
                "error.obligation_end_before_start",
                f"{last_day} is before the obligation's start {before['valid_from']}",
                day=last_day.isoformat(),
                start=before["valid_from"].isoformat(),
            )
        conn.execute(update(t.obligations).where(o.id == obligation_id).values(valid_to=last_day))
        audit.record(
            conn,
            user,
            Action.OBLIGATION_CHANGE,
            "obligation",
            obligation_id,
            before=dict(before),
            after={**dict(before), "valid_to": last_day},
        )
