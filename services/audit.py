"""Reading the audit trail: only an admin may (``audit.read``). Writing it is ``data.audit.record``,
which every other service calls inside its own transaction."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import Engine

from data import audit
from domain.principal import Principal
from domain.vocabulary import Action
from services.permissions import require


def query(
    engine: Engine,
    viewer: Principal | None,
    actor: str | None = None,
    action: str | None = None,
    since: dt.date | dt.datetime | None = None,
    until: dt.date | dt.datetime | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """The audit rows that match, newest first, for ``viewer`` if an admin.

    Anyone but an admin is refused with ``PermissionDenied``; the filters are those of
    ``data.audit.query``.
    """
    require(viewer, Action.AUDIT_READ)
    return audit.query(engine, actor=actor, action=action, since=since, until=until, limit=limit)
