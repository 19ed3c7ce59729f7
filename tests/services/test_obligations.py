"""An admin assigns and ends reporting obligations; nothing is deleted, each change audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from data import tables as t
from domain.errors import InputError, PermissionDenied
from services import obligations
from services.intake import owed_by


def test_an_obligation_is_assigned_then_ended_and_kept(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    admin = people["admin"]
    row = obligations.assign(
        catalogue_engine, admin, "MOF", "CPI_TEST", "VN", "decree_09", dt.date(2025, 1, 1)
    )
    assert row["frequency"] == "M" and row["regime"] == "decree_09"
    assert ("CPI_TEST", "VN") in owed_by(catalogue_engine, "MOF", dt.date(2025, 6, 1))
    with pytest.raises(InputError) as twice:
        obligations.assign(catalogue_engine, admin, "MOF", "CPI_TEST", "VN", "decree_09")
    assert twice.value.key == "error.obligation_exists"
    with pytest.raises(InputError) as early:
        obligations.end(catalogue_engine, admin, row["id"], dt.date(2024, 12, 31))
    assert early.value.key == "error.obligation_end_before_start"
    obligations.end(catalogue_engine, admin, row["id"], dt.date(2025, 6, 30))
    assert ("CPI_TEST", "VN") not in owed_by(catalogue_engine, "MOF", dt.date(2025, 7, 1))
    assert len(obligations.of_agency(catalogue_engine, "MOF")) == 1
    with catalogue_engine.connect() as conn:
        actions = conn.execute(
            select(t.audit_log.c.action).where(t.audit_log.c.target_type == "obligation")
        ).scalars()
        assert list(actions) == ["obligation.change", "obligation.change"]


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"indicator_code": "NOPE"}, "error.unknown_indicator_code"),
        ({"geography_code": "XX"}, "error.unknown_geography"),
        ({"regime": "weekly"}, "error.unknown_regime"),
    ],
)
def test_a_wrong_obligation_is_refused(people, catalogue_engine, change, key) -> None:  # type: ignore[no-untyped-def]
    arguments = {
        "agency_code": "MOF",
        "indicator_code": "CPI_TEST",
        "geography_code": "VN",
        "regime": "statistical",
        **change,
    }
    with pytest.raises(InputError) as refused:
        obligations.assign(catalogue_engine, people["admin"], **arguments)
    assert refused.value.key == key


def test_only_an_admin_changes_obligations(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    for role in ("leader", "analyst", "data_officer"):
        with pytest.raises(PermissionDenied):
            obligations.assign(
                catalogue_engine, people[role], "GSO", "CPI_TEST", "VN", "statistical"
            )
