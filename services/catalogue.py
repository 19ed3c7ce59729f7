"""An administrator's changes to the indicator catalogue and to plan targets, each audited.

These are descriptive records, not observations: a change updates the row, and the audit log keeps
what it was before and after, in the same transaction, so every earlier wording can be found again.
A plan target's text is parsed (``analytics.targets``) before it is stored, so a target the
Overview could not judge is refused with the reason.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, insert, select, update

from analytics.targets import parse_target
from data import audit
from data import tables as t
from domain.errors import InputError
from domain.vocabulary import Action
from services.permissions import Principal, require

EDITABLE_INDICATOR_FIELDS = (
    "name_vi",
    "name_en",
    "unit",
    "definition",
    "legal_basis",
    "field_code",
    "agency_code",
    "higher_is_better",
)
REQUIRED_TEXT = ("name_vi", "name_en", "unit")


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
        changed = {k: v for k, v in changes.items() if before.get(k) != v}
        if not changed:
            return before
        conn.execute(update(t.indicators).where(t.indicators.c.code == code).values(changed))
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
