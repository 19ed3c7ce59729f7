"""Catalogue and plan-target changes: only an admin may make them, and each is audited."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from data import tables as t
from data.repository import catalogue, data_version, plan_targets
from domain.errors import InputError
from services import audit as audit_service
from services.catalogue import add_indicator, set_target, update_indicator
from services.permissions import PermissionDenied
from tests.services.conftest import sqlite_only


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


NEW_INDICATOR = {
    "name_vi": "Chỉ số giá nhà ở",
    "name_en": "House price index",
    "unit": "%",
    "frequency": "Q",
    "field_code": 1,
    "source": "Bộ Xây dựng",
}


@pytest.mark.parametrize("role", ["leader", "analyst", "data_officer"])
def test_only_an_admin_adds_an_indicator(people, catalogue_engine, role) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        add_indicator(catalogue_engine, people[role], "HPI_TEST", **NEW_INDICATOR)
    assert "HPI_TEST" not in set(catalogue(catalogue_engine)["code"])


def test_an_added_indicator_is_stored_audited_and_changes_the_data_version(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    version = data_version(catalogue_engine)
    row = add_indicator(
        catalogue_engine,
        people["admin"],
        " hpi_test ",
        **{**NEW_INDICATOR, "field_code": "1", "frequency": "y"},
        agency_code="MOF",
    )
    assert (row["code"], row["frequency"], row["field_code"], row["agency_code"]) == (
        "HPI_TEST",
        "A",
        1,
        "MOF",
    )
    assert row["dataset"] == "admin"
    assert "HPI_TEST" in set(catalogue(catalogue_engine)["code"])
    logged = audit_service.query(catalogue_engine, people["admin"], action="catalogue.change")
    assert (logged.iloc[0].target_id, logged.iloc[0].before_json) == ("HPI_TEST", None)
    assert json.loads(logged.iloc[0].after_json)["name_en"] == "House price index"
    assert data_version(catalogue_engine) != version


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"code": "có dấu"}, "error.indicator_code_invalid"),
        ({"code": "CPI_TEST"}, "error.indicator_exists"),
        ({"name_vi": " "}, "error.field_required"),
        ({"unit": ""}, "error.field_required"),
        ({"source": ""}, "error.field_required"),
        ({"frequency": "W"}, "error.frequency_unknown"),
        ({"field_code": 10}, "error.unknown_field"),
        ({"field_code": "x"}, "error.unknown_field"),
        ({"agency_code": "NOPE"}, "error.unknown_agency"),
    ],
)
def test_a_malformed_new_indicator_is_refused_and_nothing_is_stored(
    people, catalogue_engine, changes, key
) -> None:  # type: ignore[no-untyped-def]
    values = {"code": "HPI_TEST", **NEW_INDICATOR, **changes}
    code = values.pop("code")
    with pytest.raises(InputError) as refused:
        add_indicator(catalogue_engine, people["admin"], code, **values)
    assert refused.value.key == key
    assert "HPI_TEST" not in set(catalogue(catalogue_engine)["code"])
    assert audit_service.query(catalogue_engine, people["admin"], action="catalogue.change").empty


def test_the_responsible_agency_is_reassigned_and_an_unknown_one_refused(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    after = update_indicator(catalogue_engine, people["admin"], "CPI_TEST", agency_code="MOF")
    assert after["agency_code"] == "MOF"
    logged = audit_service.query(catalogue_engine, people["admin"], action="catalogue.change")
    assert json.loads(logged.iloc[0].before_json) == {"agency_code": "GSO"}
    with pytest.raises(InputError) as unknown:
        update_indicator(catalogue_engine, people["admin"], "CPI_TEST", agency_code="NOPE")
    assert unknown.value.key == "error.unknown_agency"


def test_a_new_plan_year_gets_a_target_worded_as_growth(people, catalogue_engine) -> None:  # type: ignore[no-untyped-def]
    row = set_target(
        catalogue_engine,
        people["admin"],
        2031,
        "Tốc độ tăng xuất khẩu",
        "Tăng 10% trở lên",
        name_en="Export growth",
        unit="%",
        source="Nghị quyết",
    )
    assert (row["target_low"], row["target_high"], row["operator"]) == (10.0, None, "ge")
    assert 2031 in set(plan_targets(catalogue_engine)["plan_year"])


@sqlite_only
def test_an_indicator_gets_the_kind_asked_for_or_the_one_its_unit_says(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    admin = people["admin"]
    by_unit = add_indicator(
        catalogue_engine, admin, "HPI_RATE", **{**NEW_INDICATOR, "unit": "percent change"}
    )
    assert by_unit["kind"] == "rate"
    asked = add_indicator(catalogue_engine, admin, "HPI_STOCK", **NEW_INDICATOR, kind="stock")
    assert asked["kind"] == "stock"
    with pytest.raises(InputError) as caught:
        add_indicator(catalogue_engine, admin, "HPI_BAD", **NEW_INDICATOR, kind="cubic")
    assert caught.value.key == "error.kind_unknown"
    changed = update_indicator(catalogue_engine, admin, "HPI_STOCK", kind="flow")
    assert changed["kind"] == "flow"
    with pytest.raises(InputError):
        update_indicator(catalogue_engine, admin, "HPI_STOCK", kind="sideways")


def test_reassigning_an_indicator_keeps_who_was_responsible_and_when(
    people, catalogue_engine
) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    update_indicator(catalogue_engine, people["admin"], "CPI_TEST", agency_code="MOF")
    update_indicator(catalogue_engine, people["admin"], "CPI_TEST", agency_code="GSO")
    h = t.indicator_agencies.c
    with catalogue_engine.connect() as conn:
        rows = conn.execute(
            select(h.agency_code, h.valid_from, h.valid_to)
            .where(h.indicator_code == "CPI_TEST")
            .order_by(h.id)
        ).all()
    yesterday = today - dt.timedelta(days=1)
    assert [tuple(r) for r in rows] == [
        ("GSO", None, yesterday),
        ("MOF", today, yesterday),
        ("GSO", today, None),
    ]
