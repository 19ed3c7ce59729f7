"""Role x page and role x action, each allowed or refused: in the rules and in the services.

The expected tables are written out here, not derived from ``services.permissions``, so a change
to the rules must change this file too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from data import tables as t
from services import accounts
from services import audit as audit_service
from services import observations as observations_write
from services.permissions import (
    ACTIONS,
    PAGES,
    ROLES,
    PermissionDenied,
    can,
    can_open,
    pages_for,
    require,
    require_page,
)
from tests.services.conftest import PASSWORD, sqlite_only

L, A, D, M = "leader", "analyst", "data_officer", "admin"

PAGE_TABLE: dict[str, set[str]] = {
    "overview": {L, A, D, M},
    "explore": {L, A, D, M},
    "forecast_lab": {A, M},
    "supply": {L, D, M},
    "admin_users": {M},
    "admin_audit": {M},
    "admin_catalogue": {M},
    "gso_import": {A, M},
    "monitor": {L, A, D, M},
    "outlook": {L, A, D, M},
    "present": {L, A, M},
    "admin_api": {M},
}

ACTION_TABLE: dict[str, set[str]] = {
    "forecast.publish": {A},
    "observation.submit": {D},
    "observation.correct": {D},
    "user.manage": {M},
    "catalogue.change": {M},
    "target.change": {M},
    "audit.read": {M},
    "intake.upload": {D},
    "intake.gso_import": {A, M},
    "intake.confirm": {D, A, M},
    "intake.reject": {D, A, M},
    "monitor.read": {L, A, D, M},
    "obligation.change": {M},
    "briefing.make": {L, A, M},
    "api_token.manage": {M},
}


class Person:
    """A principal with just a role and an agency, as ``require`` needs."""

    def __init__(self, role: str, agency_code: str | None = None) -> None:
        self.username = f"{role}.test"
        self.role = role
        self.agency_code = agency_code or ("GSO" if role == D else None)


def test_the_tables_here_cover_every_page_action_and_role() -> None:
    assert set(PAGE_TABLE) == set(PAGES)
    assert set(ACTION_TABLE) == set(ACTIONS)
    assert set(ROLES) == {L, A, D, M}


@pytest.mark.parametrize("page", PAGE_TABLE)
@pytest.mark.parametrize("role", [L, A, D, M])
def test_role_x_page(role: str, page: str) -> None:
    allowed = role in PAGE_TABLE[page]
    assert can_open(role, page) is allowed
    assert (page in pages_for(role)) is allowed
    if allowed:
        require_page(Person(role), page)
        return
    with pytest.raises(PermissionDenied) as caught:
        require_page(Person(role), page)
    assert caught.value.key == "error.forbidden_page"
    assert caught.value.params == {"role": role, "page": page}
    assert str(caught.value) == f"the role {role} may not open the page {page}"


@pytest.mark.parametrize("action", ACTION_TABLE)
@pytest.mark.parametrize("role", [L, A, D, M])
def test_role_x_action(role: str, action: str) -> None:
    allowed = role in ACTION_TABLE[action]
    assert can(Person(role), action, agency_code="GSO") is allowed
    if allowed:
        require(Person(role), action, agency_code="GSO")
        return
    with pytest.raises(PermissionDenied) as caught:
        require(Person(role), action, agency_code="GSO")
    assert caught.value.key == "error.forbidden"
    assert caught.value.params == {"role": role, "action": action}
    assert str(caught.value) == f"the role {role} may not do {action}"


def test_nobody_signed_in_may_open_nothing_and_do_nothing() -> None:
    assert pages_for(None) == []
    for action in ACTIONS:
        with pytest.raises(PermissionDenied, match="none \\(not signed in\\)"):
            require(None, action)
    with pytest.raises(PermissionDenied):
        require_page(None, "overview")


@pytest.mark.parametrize("action", ["observation.submit", "observation.correct"])
@pytest.mark.parametrize(
    ("officer_agency", "indicator_agency", "allowed"),
    [("GSO", "GSO", True), ("GSO", "MOF", False), ("GSO", None, False), (None, "GSO", False)],
)
def test_a_data_officer_writes_only_for_its_own_agency(
    action: str, officer_agency: str | None, indicator_agency: str | None, allowed: bool
) -> None:
    officer = Person(D)
    officer.agency_code = officer_agency
    assert can(officer, action, agency_code=indicator_agency) is allowed
    if not allowed:
        with pytest.raises(PermissionDenied) as caught:
            require(officer, action, agency_code=indicator_agency)
        assert caught.value.key == "error.forbidden_agency"
        assert caught.value.params["indicator_agency"] == (indicator_agency or "-")


def test_pages_are_listed_in_navigation_order() -> None:
    assert pages_for(M) == list(PAGES)
    assert pages_for(L) == ["overview", "explore", "supply", "monitor", "outlook", "present"]


def test_an_unknown_page_or_action_is_a_programming_error() -> None:
    assert not can_open(M, "nowhere")
    with pytest.raises(ValueError, match="unknown page 'nowhere'"):
        require_page(Person(M), "nowhere")
    with pytest.raises(ValueError, match=r"unknown action 'user\.delete'"):
        require(Person(M), "user.delete")


# --- the same table through the service functions ------------------------------------------------

JANUARY = (dt.date(2025, 1, 1), dt.date(2025, 1, 31))

SERVICE_CALLS: dict[str, Callable] = {
    "user.manage: create_user": lambda engine, user: accounts.create_user(
        engine, user, "new.person", PASSWORD, "leader"
    ),
    "user.manage: set_role": lambda engine, user: accounts.set_role(
        engine, user, "analyst", "leader"
    ),
    "user.manage: deactivate": lambda engine, user: accounts.deactivate(engine, user, "analyst"),
    "user.manage: reactivate": lambda engine, user: accounts.reactivate(engine, user, "analyst"),
    "user.manage: unlock": lambda engine, user: accounts.unlock(engine, user, "analyst"),
    "user.manage: set_password": lambda engine, user: accounts.set_password(
        engine, user, "analyst", "Brand-new-secret"
    ),
    "user.manage: list_users": lambda engine, user: accounts.list_users(engine, user),
    "audit.read: audit.query": lambda engine, user: audit_service.query(engine, user),
    "observation.submit: GSO indicator": lambda engine, user: (
        observations_write.submit_observation(
            engine, user, "CPI_TEST", *JANUARY, -0.4, "estimate", "monthly report"
        )
    ),
    "observation.correct: GSO indicator": lambda engine, user: (
        observations_write.correct_observation(
            engine, user, "CPI_TEST", *JANUARY, -0.5, "monthly report", "typo in the report"
        )
    ),
}


def _changes(engine) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (t.audit_log, t.users, t.observations)
        )


@pytest.mark.parametrize("call", SERVICE_CALLS)
@pytest.mark.parametrize("role", [L, A, D, M])
@sqlite_only
def test_role_x_service_function(people, catalogue_engine, role: str, call: str) -> None:  # type: ignore[no-untyped-def]
    if call.startswith("observation.correct"):
        observations_write.submit_observation(
            catalogue_engine,
            people["data_officer"],
            "CPI_TEST",
            *JANUARY,
            -0.4,
            "estimate",
            "monthly report",
        )
    action = call.split(":")[0]
    before = _changes(catalogue_engine)
    if role in ACTION_TABLE[action]:
        SERVICE_CALLS[call](catalogue_engine, people[role])
        return
    with pytest.raises(PermissionDenied) as caught:
        SERVICE_CALLS[call](catalogue_engine, people[role])
    assert caught.value.key == "error.forbidden"
    assert role in str(caught.value) and action in str(caught.value)
    assert _changes(catalogue_engine) == before, "a refused call changes nothing"


@pytest.mark.parametrize("submit", [True, False], ids=["submit", "correct"])
def test_a_data_officer_of_another_agency_is_refused_by_the_service(
    people, catalogue_engine, submit: bool
) -> None:  # type: ignore[no-untyped-def]
    officer = people["officer_mof"]
    observations_write.submit_observation(
        catalogue_engine, people["data_officer"], "CPI_TEST", *JANUARY, 1.0, "estimate", "report"
    )
    before = _changes(catalogue_engine)
    with pytest.raises(PermissionDenied) as caught:
        if submit:
            observations_write.submit_observation(
                catalogue_engine, officer, "CPI_TEST", *JANUARY, 1.0, "official", "report"
            )
        else:
            observations_write.correct_observation(
                catalogue_engine, officer, "CPI_TEST", *JANUARY, 1.1, "report", "typo"
            )
    assert caught.value.key == "error.forbidden_agency"
    assert caught.value.params["agency"] == "MOF"
    assert caught.value.params["indicator_agency"] == "GSO"
    assert _changes(catalogue_engine) == before
    observations_write.submit_observation(
        catalogue_engine, officer, "DEBT_TEST", *JANUARY, 40.2, "official", "MOF bulletin"
    )
    with pytest.raises(PermissionDenied):
        observations_write.submit_observation(
            catalogue_engine, officer, "ORPHAN_TEST", *JANUARY, 1.0, "official", "report"
        )
