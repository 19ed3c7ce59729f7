"""Catalogue and plan-target changes: only an admin may make them, and each is audited."""

from __future__ import annotations

import json

import pytest

from data.repository import data_version, plan_targets
from domain.errors import InputError
from services import audit as audit_service
from services.catalogue import set_target, update_indicator
from services.permissions import PermissionDenied


@pytest.mark.parametrize("role", ["leader", "analyst", "data_officer"])
def test_only_an_admin_changes_the_catalogue_or_targets(people, catalogue_engine, role) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        update_indicator(catalogue_engine, people[role], "CPI_TEST", name_en="x")
    with pytest.raises(PermissionDenied):
        set_target(
            catalogue_engine,
            people[role],
            2026,
            "GDP",
            "Khoảng 6",
            name_en="GDP",
            unit="%",
            source="s",
        )


def test_an_indicator_change_keeps_before_and_after_in_the_audit_log(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    after = update_indicator(
        catalogue_engine, people["admin"], "CPI_TEST", name_en="Consumer prices, y/y", unit="%"
    )
    assert after["name_en"] == "Consumer prices, y/y"
    row = audit_service.query(catalogue_engine, people["admin"], action="catalogue.change").iloc[0]
    assert (row.actor, row.target_id) == ("admin", "CPI_TEST")
    assert json.loads(row.before_json) == {"name_en": "CPI_TEST"}
    assert json.loads(row.after_json) == {"name_en": "Consumer prices, y/y"}


def test_an_unknown_field_or_an_empty_name_is_refused(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as unknown:
        update_indicator(catalogue_engine, people["admin"], "CPI_TEST", frequency="Q")
    assert unknown.value.key == "error.field_not_editable"
    with pytest.raises(InputError) as empty:
        update_indicator(catalogue_engine, people["admin"], "CPI_TEST", name_vi="  ")
    assert empty.value.key == "error.field_required"
    with pytest.raises(InputError) as missing:
        update_indicator(catalogue_engine, people["admin"], "NOPE", name_vi="x")
    assert missing.value.key == "error.unknown_indicator_code"


def test_a_target_is_parsed_stored_and_audited(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    admin = people["admin"]
    set_target(
        catalogue_engine,
        admin,
        2026,
        "Tăng trưởng GDP",
        "Khoảng 10",
        name_en="GDP growth rate",
        unit="%",
        source="test",
    )
    set_target(catalogue_engine, admin, 2026, "Tăng trưởng GDP", "Từ 10 trở lên")
    stored = plan_targets(catalogue_engine, 2026).iloc[0]
    assert (stored.target_low, stored.target_high, stored.operator) == (10.0, None, "ge")
    rows = audit_service.query(catalogue_engine, admin, action="target.change")
    assert len(rows) == 2
    newest = rows.iloc[0]
    assert json.loads(newest.before_json)["target_text"] == "Khoảng 10"
    assert json.loads(newest.after_json)["target_text"] == "Từ 10 trở lên"


def test_an_unreadable_target_changes_nothing(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as error:
        set_target(
            catalogue_engine,
            people["admin"],
            2026,
            "GDP",
            "tăng mạnh",
            name_en="GDP",
            unit="%",
            source="s",
        )
    assert error.value.key == "error.target_unparseable"
    assert plan_targets(catalogue_engine, 2026).empty
    assert audit_service.query(catalogue_engine, people["admin"], action="target.change").empty


def test_a_catalogue_or_target_edit_changes_the_data_version(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    before = data_version(catalogue_engine)
    update_indicator(catalogue_engine, people["admin"], "CPI_TEST", name_en="Prices")
    after_catalogue = data_version(catalogue_engine)
    set_target(
        catalogue_engine,
        people["admin"],
        2026,
        "GDP",
        "Khoảng 6",
        name_en="GDP",
        unit="%",
        source="s",
    )
    set_target(catalogue_engine, people["admin"], 2026, "GDP", "Khoảng 7")
    after_targets = data_version(catalogue_engine)
    assert len({before, after_catalogue, after_targets}) == 3, "cached pages must see each edit"
