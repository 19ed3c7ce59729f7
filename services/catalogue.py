"""An administrator's changes to the indicator catalogue and to plan targets, each audited.

These are descriptive records, not observations: a change updates the row, and the audit log keeps
what it was before and after, in the same transaction, so every earlier wording can be found again.
A new indicator (:func:`add_indicator`) is audited as a catalogue change with nothing before it.
A plan target's text is parsed (``analytics.targets``) before it is stored, so a target the
Overview could not judge is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd
from sqlalchemy import Connection, Engine, exists, insert, select, update

from analytics.targets import parse_target
from data import audit
from data import tables as t
from data.catalogue_rules import kind_of
from domain.errors import InputError
from domain.vocabulary import Action, Frequency, IndicatorKind
from services.permissions import Principal, require

EDITABLE_INDICATOR_FIELDS = (
    "name_vi",
    "name_en",
    "unit",
    "definition",
    "legal_basis",
    "field_code",
    "kind",
    "agency_code",
    "higher_is_better",
)
REQUIRED_TEXT = ("name_vi", "name_en", "unit")
CODE_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9_.]{1,119}")
ADMIN_DATASET = "admin"
"""The ``dataset`` of an indicator an admin added (seeded ones name their seed file)."""


def _row(conn, table, *conditions) -> dict[str, Any] | None:  # type: ignore[no-untyped-def]
    found = conn.execute(select(table).where(*conditions)).mappings().first()
    return dict(found) if found else None


def update_indicator(engine: Engine, user: Principal, code: str, **changes: Any) -> dict[str, Any]:
    """Change descriptive fields of indicator ``code``; returns the row after the change.

    Raises
    ------
    PermissionDenied
        Unless ``user`` may ``catalogue.change`` (an admin).
    InputError
        For an unknown indicator, an unknown field, or an empty name or unit.
    """
    require(user, Action.CATALOGUE_CHANGE)
    unknown = sorted(set(changes) - set(EDITABLE_INDICATOR_FIELDS))
    if unknown:
        raise InputError(
            "error.field_not_editable",
            f"{', '.join(unknown)} cannot be changed; "
            f"editable: {', '.join(EDITABLE_INDICATOR_FIELDS)}",
            field=", ".join(unknown),
        )
    for name in REQUIRED_TEXT:
        if name in changes and not str(changes[name] or "").strip():
            raise InputError("error.field_required", f"{name} must not be empty", field=name)
    with engine.begin() as conn:
        before = _row(conn, t.indicators, t.indicators.c.code == code)
        if before is None:
            raise InputError("error.unknown_indicator_code", f"no indicator {code}", code=code)
        if "agency_code" in changes:
            changes["agency_code"] = _existing_agency(conn, changes["agency_code"])
        if "field_code" in changes:
            changes["field_code"] = _existing_field(conn, changes["field_code"])
        if "kind" in changes:
            changes["kind"] = _valid_kind(changes["kind"])
        changed = {k: v for k, v in changes.items() if before.get(k) != v}
        if not changed:
            return before
        conn.execute(update(t.indicators).where(t.indicators.c.code == code).values(changed))
        if "agency_code" in changed:
            _record_responsibility(conn, code, before["agency_code"], changed["agency_code"])
        after = _row(conn, t.indicators, t.indicators.c.code == code)
        audit.record(
            conn,
            user,
            Action.CATALOGUE_CHANGE,
            "indicator",
            code,
            before={k: before[k] for k in changed},
            after={k: after[k] for k in changed},
        )
    return after


def add_indicator(
    engine: Engine,
    user: Principal,
    code: str,
    *,
    name_vi: str,
    name_en: str,
    unit: str,
    frequency: str,
    field_code: int,
    source: str,
    agency_code: str | None = None,
    definition: str | None = None,
    legal_basis: str | None = None,
    kind: str | None = None,
) -> dict[str, Any]:
    """Add indicator ``code`` to the catalogue; returns the stored row.

    Parameters
    ----------
    code:
        2 to 120 characters of ``A-Z 0-9 _ .`` starting with a letter or digit (stored in upper
        case), not yet in the catalogue.
    frequency:
        ``M``, ``Q`` or ``Y`` (``A``), as :meth:`domain.vocabulary.Frequency.parse` reads it.
    field_code:
        One of Decision 293's nine fields (the ``fields`` table).
    agency_code:
        The responsible agency, which must exist; ``None`` for none yet.
    kind:
        What its numbers are (``domain.vocabulary.IndicatorKind``), which decides what Explore
        offers; ``None`` reads it from the unit, code and name as the seed does.

    Raises
    ------
    PermissionDenied
        Unless ``user`` may ``catalogue.change`` (an admin).
    InputError
        For a malformed or taken code, an empty name, unit or source, an unknown frequency, field
        or agency.
    """
    require(user, Action.CATALOGUE_CHANGE)
    code = (code or "").strip().upper()
    if not CODE_PATTERN.fullmatch(code):
        raise InputError(
            "error.indicator_code_invalid",
            f"indicator code {code!r} must have 2 to 120 characters of A-Z, 0-9, '_' or '.', "
            "starting with a letter or digit",
            code=code,
        )
    texts = {"name_vi": name_vi, "name_en": name_en, "unit": unit, "source": source}
    for name, value in texts.items():
        if not str(value or "").strip():
            raise InputError("error.field_required", f"{name} must not be empty", field=name)
    row = {
        "code": code,
        **{name: str(value).strip() for name, value in texts.items()},
        "frequency": Frequency.parse(frequency).value,
        "kind": _valid_kind(kind) if kind else kind_of(code, str(unit), str(name_en)).value,
        "definition": (definition or "").strip() or None,
        "legal_basis": (legal_basis or "").strip() or None,
        "regime": "statistical",
        "dataset": ADMIN_DATASET,
    }
    with engine.begin() as conn:
        if conn.execute(select(exists().where(t.indicators.c.code == code))).scalar():
            raise InputError(
                "error.indicator_exists", f"indicator {code} is already in the catalogue", code=code
            )
        row["field_code"] = _existing_field(conn, field_code)
        row["agency_code"] = _existing_agency(conn, agency_code)
        conn.execute(insert(t.indicators).values(**row))
        after = _row(conn, t.indicators, t.indicators.c.code == code)
        audit.record(
            conn,
            user,
            Action.CATALOGUE_CHANGE,
            "indicator",
            code,
            after=after,
            detail="indicator added",
        )
    return after


def fields(engine: Engine) -> pd.DataFrame:
    """Decision 293's fields an indicator may be filed under: ``code, name_vi, name_en``."""
    with engine.connect() as conn:
        rows = conn.execute(select(t.fields).order_by(t.fields.c.code)).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=["code", "name_vi", "name_en"])


def _record_responsibility(
    conn: Connection, code: str, former: str | None, now: str | None
) -> None:
    """Keep who was responsible for ``code`` and when: the open period of ``former`` ends
    yesterday and ``now``'s starts today (``former``'s open-ended period is written first if the
    history had none)."""
    h = t.indicator_agencies.c
    today = dt.date.today()
    is_open = (h.indicator_code == code) & h.valid_to.is_(None)
    has_history = conn.execute(select(exists().where(h.indicator_code == code))).scalar()
    if former is not None and not has_history:
        conn.execute(
            insert(t.indicator_agencies).values(
                indicator_code=code, agency_code=former, valid_from=None, valid_to=None
            )
        )
    conn.execute(
        update(t.indicator_agencies).where(is_open).values(valid_to=today - dt.timedelta(days=1))
    )
    if now is not None:
        conn.execute(
            insert(t.indicator_agencies).values(
                indicator_code=code, agency_code=now, valid_from=today, valid_to=None
            )
        )


def _valid_kind(kind: object) -> str:
    try:
        return IndicatorKind(str(kind)).value
    except ValueError:
        raise InputError(
            "error.kind_unknown",
            f"kind {kind} is not one of {', '.join(IndicatorKind)}",
            kind=str(kind),
        ) from None


def _existing_agency(conn: Connection, agency_code: str | None) -> str | None:
    agency_code = (agency_code or "").strip() or None
    if (
        agency_code is not None
        and not conn.execute(select(exists().where(t.agencies.c.code == agency_code))).scalar()
    ):
        raise InputError(
            "error.unknown_agency", f"there is no agency {agency_code}", agency=agency_code
        )
    return agency_code


def _existing_field(conn: Connection, field_code: object) -> int:
    try:
        number = int(str(field_code).strip())
    except ValueError:
        number = None
    if (
        number is None
        or not conn.execute(select(exists().where(t.fields.c.code == number))).scalar()
    ):
        raise InputError(
            "error.unknown_field",
            f"{field_code} is not one of the catalogue's fields",
            field=field_code,
        )
    return number


def set_target(
    engine: Engine,
    user: Principal,
    plan_year: int,
    name_vi: str,
    target_text: str,
    *,
    name_en: str | None = None,
    unit: str | None = None,
    resolution: str | None = None,
    resolution_confirmed: bool | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """Set the target of plan indicator ``name_vi`` for ``plan_year`` (adding it if new).

    Raises
    ------
    PermissionDenied
        Unless ``user`` may ``target.change`` (an admin).
    InputError
        If ``target_text`` cannot be read as a value, a range or a bound, or a new target lacks
        its English name, unit or source.
    """
    require(user, Action.TARGET_CHANGE)
    name_vi = (name_vi or "").strip()
    if not name_vi:
        raise InputError("error.field_required", "name_vi must not be empty", field="name_vi")
    target = parse_target(target_text)
    values: dict[str, Any] = {
        "target_text": target_text.strip(),
        "target_low": target.low,
        "target_high": target.high,
        "operator": target.operator,
        "approximate": target.approximate,
    }
    optional = {
        "name_en": name_en,
        "unit": unit,
        "resolution": resolution,
        "resolution_confirmed": resolution_confirmed,
        "source": source,
    }
    values.update({k: v for k, v in optional.items() if v is not None})
    key = (t.plan_targets.c.plan_year == plan_year, t.plan_targets.c.name_vi == name_vi)
    with engine.begin() as conn:
        before = _row(conn, t.plan_targets, *key)
        if before is None:
            for name in ("name_en", "unit", "source"):
                if not str(values.get(name) or "").strip():
                    raise InputError(
                        "error.field_required", f"{name} must not be empty", field=name
                    )
            values.setdefault("resolution_confirmed", False)
            conn.execute(
                insert(t.plan_targets), {"plan_year": plan_year, "name_vi": name_vi, **values}
            )
        else:
            conn.execute(update(t.plan_targets).where(*key).values(values))
        after = _row(conn, t.plan_targets, *key)
        changed = [k for k in after if before is None or before.get(k) != after[k]]
        audit.record(
            conn,
            user,
            Action.TARGET_CHANGE,
            "plan_target",
            f"{plan_year}:{name_vi}",
            before={k: before[k] for k in changed} if before else None,
            after={k: after[k] for k in changed},
        )
    return after
