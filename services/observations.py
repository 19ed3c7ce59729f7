"""Data officers' submissions and corrections: new observations, appended and audited.

Observations are append-only (see ``data.tables``). A *submission* adds the value of a period as
known today (its ``vintage``: no caller chooses it, so nobody can backdate a figure), and only for a
period that has none yet; a *correction* adds a new row for a period that already has one, with a
later vintage or the status ``revised`` and a reason, and the audit row keeps the value it
corrects. A second value for the same period is always a correction, never a silent second
submission. Nothing is ever updated or deleted, so every figure a meeting saw can be found again.

A value cannot be known before its period: a period that starts after the vintage is refused,
and so is a period that has not ended on its vintage, unless the value is an *estimate*. The
exception is the GSO's own practice: its monthly report gives an estimate (*ước tính*) of the
month it is published in, before the month ends; preliminary, official and revised figures come
after the period. The check runs here, so the form, the API and every job are held to it.

Only a data officer may write, and only for indicators its own agency is responsible for
(``services.permissions.require``); the check runs here, whatever page called.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from sqlalchemy import Engine, RowMapping
from sqlalchemy.exc import IntegrityError

from data import audit
from data import observations as store
from domain.errors import InputError
from domain.principal import Principal
from domain.vocabulary import NATIONAL_GEOGRAPHY, Action, Status
from services.permissions import require, require_role

STATUSES: tuple[Status, ...] = tuple(Status)


def today() -> dt.date:
    """The day a value written now becomes known: its vintage. The one clock of this module, so
    that tests can set the day; no caller chooses a vintage, past or future."""
    return dt.date.today()


def submit_observation(
    engine: Engine,
    user: Principal,
    indicator_code: str,
    period_start: dt.date,
    period_end: dt.date,
    value: float,
    status: str,
    source: str,
    geography_code: str = NATIONAL_GEOGRAPHY,
) -> dict[str, Any]:
    """Append the value of one period of ``indicator_code``, as known today.

    Parameters
    ----------
    user:
        A data officer of the agency responsible for the indicator; anyone else is refused with
        ``PermissionDenied``.
    period_start, period_end:
        The first and last day of the period (a Decree 09 month runs from the 15th to the 14th).
    value:
        A finite number, in the indicator's unit.
    status:
        One of :data:`STATUSES`.
    source:
        Where the figure comes from (a report, a letter), as the reader should see it.
    geography_code:
        The country (``VN``, the default) or a province code.

    Returns
    -------
    dict
        The stored row, with its ``id``. An audit row ``observation.submit`` holds it too.
    """
    return _append(
        engine,
        user,
        Action.OBSERVATION_SUBMIT,
        indicator_code,
        geography_code,
        period_start,
        period_end,
        value,
        status,
        source,
        reason=None,
    )


def correct_observation(
    engine: Engine,
    user: Principal,
    indicator_code: str,
    period_start: dt.date,
    period_end: dt.date,
    value: float,
    source: str,
    reason: str,
    status: str = Status.REVISED,
    geography_code: str = NATIONAL_GEOGRAPHY,
) -> dict[str, Any]:
    """Append a corrected value for a period that already has one.

    The correction must be newer than the latest value of the period: known on a later day, or on
    the same day with the status ``revised`` (the default). ``reason`` says why, for the audit
    trail. Parameters are as in :func:`submit_observation`; the audit row ``observation.correct``
    keeps the latest value before the correction and the new row.
    """
    return _append(
        engine,
        user,
        Action.OBSERVATION_CORRECT,
        indicator_code,
        geography_code,
        period_start,
        period_end,
        value,
        status,
        source,
        reason=(reason or "").strip() or None,
    )


def _append(
    engine: Engine,
    user: Principal,
    action: str,
    indicator_code: str,
    geography_code: str,
    period_start: dt.date,
    period_end: dt.date,
    value: float,
    status: str,
    source: str,
    reason: str | None,
) -> dict[str, Any]:
    require_role(user, action)
    row: dict[str, Any] = {
        "indicator_code": indicator_code,
        "geography_code": geography_code,
        "period_start": _as_date(period_start, "period_start"),
        "period_end": _as_date(period_end, "period_end"),
        "value": _finite(value),
        "status": _valid_status(status),
        "vintage": today(),
        "source": (source or "").strip(),
    }
    _check_row(row)
    if action == Action.OBSERVATION_CORRECT and reason is None:
        raise InputError("error.reason_required", "a correction needs a reason")
    with engine.begin() as conn:
        agency = store.indicator_agency(conn, indicator_code)
        require(user, action, agency_code=agency)
        store.check_geography(conn, geography_code)
        before = store.latest(conn, row)
        if action == Action.OBSERVATION_CORRECT:
            _check_correction(row, before)
        elif before is not None:
            raise InputError(
                "error.period_has_value",
                f"{indicator_code} already has the value {before['value']} for "
                f"{row['period_start']}–{row['period_end']}, known on {before['vintage']}; "
                "a second value is a correction, which needs a reason",
                code=indicator_code,
                value=float(before["value"]),
                vintage=before["vintage"].isoformat(),
            )
        row.update(recorded_at=audit.utc_now(), recorded_by=user.username)
        try:
            row["id"] = store.append(conn, row)
        except IntegrityError as error:
            raise InputError(
                "error.observation_exists",
                f"{indicator_code} already has a {row['status']} value for "
                f"{row['period_start']}–{row['period_end']} with vintage {row['vintage']}; "
                "a correction needs a later vintage or the status revised",
                code=indicator_code,
                period=f"{row['period_start']}–{row['period_end']}",
                status=row["status"],
                vintage=row["vintage"].isoformat(),
            ) from error
        audit.record(
            conn,
            user,
            action,
            "observation",
            row["id"],
            before=dict(before) if before is not None else None,
            after=row,
            detail=reason,
        )
    return row


def _check_row(row: dict[str, Any]) -> None:
    if row["period_start"] > row["period_end"]:
        raise InputError(
            "error.period_reversed",
            f"the period starts on {row['period_start']}, after it ends on {row['period_end']}",
            start=row["period_start"].isoformat(),
            end=row["period_end"].isoformat(),
        )
    _check_period_known(row)
    if not row["source"]:
        raise InputError("error.source_required", "say where the figure comes from (source)")


def _check_period_known(row: dict[str, Any]) -> None:
    """A value is known only once its period has begun, and only as an estimate before it ends."""
    start, end, vintage = row["period_start"], row["period_end"], row["vintage"]
    if start > vintage:
        raise InputError(
            "error.period_in_future",
            f"the period {start}–{end} has not begun on {vintage}, the date the value became "
            "known; a future period cannot be submitted",
            period=f"{start}–{end}",
            vintage=vintage.isoformat(),
        )
    if end > vintage and row["status"] != Status.ESTIMATE:
        raise InputError(
            "error.period_not_ended",
            f"the period {start}–{end} has not ended on {vintage}, the date the value became "
            "known; before it ends only an estimate can be submitted",
            period=f"{start}–{end}",
            vintage=vintage.isoformat(),
        )


def _check_correction(row: dict[str, Any], before: RowMapping | None) -> None:
    if before is None:
        raise InputError(
            "error.nothing_to_correct",
            f"{row['indicator_code']} has no value for {row['period_start']}–{row['period_end']} "
            "to correct; submit it instead",
            code=row["indicator_code"],
            period=f"{row['period_start']}–{row['period_end']}",
        )
    newer = row["vintage"] > before["vintage"] or (
        row["vintage"] == before["vintage"] and row["status"] == Status.REVISED
    )
    if not newer:
        raise InputError(
            "error.correction_not_newer",
            f"a correction needs a vintage after {before['vintage']}, or the same vintage and "
            "the status revised",
            vintage=before["vintage"].isoformat(),
        )


def _as_date(value: object, name: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(
            "error.date_invalid", f"{name} {value!r} is not a date", name=name, value=str(value)
        ) from None


def _finite(value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number):
        raise InputError("error.value_not_finite", f"{value!r} is not a number", value=str(value))
    return number


def _valid_status(status: str) -> str:
    if status not in STATUSES:
        raise InputError(
            "error.unknown_status",
            f"{status} is not a status; use one of {', '.join(STATUSES)}",
            status=str(status),
        )
    return Status(status).value
