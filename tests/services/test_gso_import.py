"""GSO's monthly workbooks imported into a real seeded database: the month already loaded adds
nothing; on a database as it stood before December 2024 came in, December's workbook brings the
month, and January's brings December's restatement as a later vintage."""

from __future__ import annotations

import datetime as dt
import gzip
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from data import repository
from data import tables as t
from data.engine import make_engine
from data.migrate import upgrade
from data.seed_load import load_all
from services import accounts, intake
from services import observations as clock

WORKBOOKS = Path(__file__).resolve().parents[2] / "data" / "seed" / "gso_workbooks"
DECEMBER = "2024-12-29-02.Bieu-T12.2024.xlsx"
JANUARY = "2025-01-29-02-Bieu-T01.2025-2.xlsx"
FEBRUARY = "2025-02-28-Bieu-T2.2025-1.xlsx"
CPI = "CPI_YOY.CHI_SO_GIA_TIEU_DUNG"
IIP = "IIP_YOY.TOAN_NGANH_CONG_NGHIEP"


def _workbook(name: str) -> bytes:
    return gzip.decompress((WORKBOOKS / f"{name}.gz").read_bytes())


def _seeded(folder: Path, until: dt.date | None) -> tuple[Engine, accounts.User]:
    os.environ["COCKPIT_ARGON2_PROFILE"] = "test"
    engine = make_engine(f"sqlite:///{folder / 'cockpit.db'}")
    upgrade(engine)
    load_all(engine, until=until)
    analyst = accounts.create_user(engine, accounts.SYSTEM, "ana", "Correct-Horse-42!", "analyst")
    return engine, analyst


@pytest.fixture(scope="module")
def up_to_november(tmp_path_factory: pytest.TempPathFactory) -> tuple[Engine, accounts.User]:
    """A database seeded only with the periods that end by 30 November 2024."""
    return _seeded(tmp_path_factory.mktemp("nov"), dt.date(2024, 11, 30))


def _count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t.observations)).scalar_one()


def _import(engine: Engine, user, name: str, released: dt.date) -> int:  # type: ignore[no-untyped-def]
    clock_day = clock.today
    clock.today = lambda: dt.date(2026, 12, 5)
    try:
        staged = intake.stage_gso_workbook(engine, user, name, _workbook(name), released)
        return intake.confirm(engine, user, staged.submission_id)
    finally:
        clock.today = clock_day


def test_december_then_january_come_in_as_vintages(up_to_november) -> None:  # type: ignore[no-untyped-def]
    engine, analyst = up_to_november
    latest = repository.observations(engine, [CPI])
    assert latest["period_start"].max() == dt.date(2024, 11, 1)
    written = _import(engine, analyst, DECEMBER, dt.date(2024, 12, 29))
    assert written > 50
    latest = repository.observations(engine, [CPI]).set_index("period_start")
    december = latest.loc[dt.date(2024, 12, 1)]
    assert round(december["value"], 2) == 2.94  # GSO, 33.CPI!E9 of the December workbook
    assert december["vintage"] == dt.date(2024, 12, 29)
    before = _count(engine)
    assert _import(engine, analyst, DECEMBER, dt.date(2024, 12, 29)) == 0  # same file: nothing
    assert _count(engine) == before
    iip = repository.observations(engine, [IIP]).set_index("period_start")
    assert iip.loc[dt.date(2024, 12, 1), "value"] == pytest.approx(8.84)  # 10.IIPthang!D9
    assert iip.loc[dt.date(2024, 12, 1), "status"] == "estimate"
    assert iip.loc[dt.date(2024, 11, 1), "value"] == pytest.approx(7.95)  # November restated
    assert _import(engine, analyst, JANUARY, dt.date(2025, 1, 29)) > 0
    january = repository.observations(engine, [CPI]).set_index("period_start")
    assert january.loc[dt.date(2025, 1, 1), "vintage"] == dt.date(2025, 1, 29)
    assert january.loc[dt.date(2024, 12, 1), "vintage"] == dt.date(2024, 12, 29)
    retail = repository.vintages(engine, "RETAIL_M.TONG_SO")
    december = retail[retail["period_start"] == dt.date(2024, 12, 1)]
    # December's report estimated 570 734 bn; January's restated it as 558 421,1 bn (Sơ bộ).
    assert [round(v, 1) for v in december["value"]] == [570734.0, 558421.1]
    assert list(december["vintage"]) == [dt.date(2024, 12, 29), dt.date(2025, 1, 29)]
    assert list(december["status"]) == ["estimate", "revised"]
    assert _import(engine, analyst, FEBRUARY, dt.date(2025, 2, 28)) > 0
    history = repository.vintages(engine, IIP)
    restated = history[history["period_start"] == dt.date(2025, 1, 1)]
    # January's report estimated +0,61 %; February's restated it as −0,96 %, a later vintage.
    assert list(restated["value"]) == [0.61, -0.96]
    assert list(restated["vintage"]) == [dt.date(2025, 1, 29), dt.date(2025, 2, 28)]
    assert list(restated["status"]) == ["estimate", "revised"]


def test_the_month_already_loaded_adds_nothing_the_seed_holds(tmp_path: Path) -> None:
    engine, analyst = _seeded(tmp_path, None)
    before = _count(engine)
    clock_day = clock.today
    clock.today = lambda: dt.date(2026, 12, 5)
    try:
        staged = intake.stage_gso_workbook(
            engine, analyst, FEBRUARY, _workbook(FEBRUARY), dt.date(2025, 2, 28)
        )
    finally:
        clock.today = clock_day
    _, rows = intake.submission(engine, staged.submission_id)
    assert set(rows["outcome"]) <= {"unchanged", "valid"}, rows[rows["outcome"] == "error"]
    added = rows[rows["outcome"] == "valid"]
    # The only cells the seed lacks: January's state-budget investment restated ("Thực hiện
    # tháng 01", sheet 11.VDT, total, central and local), which the third party's extraction
    # left out. Every other value of the workbook is already known and adds nothing.
    assert sorted(zip(added["indicator_code"], added["cell"], added["period"], strict=True)) == [
        ("SBI_M.CENTRAL", "C10", "2025-01"),
        ("SBI_M.LOCAL", "C22", "2025-01"),
        ("SBI_M.TOTAL", "C9", "2025-01"),
    ]
    assert (rows["outcome"] == "unchanged").sum() > 250
    assert intake.confirm(engine, analyst, staged.submission_id) == 3
    assert _count(engine) == before + 3


def test_the_command_stages_and_confirms_a_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from jobs import gso_import

    engine, _ = _seeded(tmp_path, dt.date(2024, 11, 30))
    monkeypatch.setenv("COCKPIT_DATABASE_URL", str(engine.url))
    path = str(WORKBOOKS / f"{DECEMBER}.gz")
    assert gso_import.main([path, "--user", "ana", "--confirm"]) == 0
    said = capsys.readouterr().out
    assert "staged (released 2024-12-29)" in said and "observations written" in said
    assert gso_import.main([path, "--user", "ana"]) == 0
    assert "already staged before" in capsys.readouterr().out
    assert gso_import.main([path, "--user", "nobody"]) == 2
    latest = repository.observations(engine, [CPI]).set_index("period_start")
    assert latest.loc[dt.date(2024, 12, 1), "status"] == "estimate"


def test_a_workbook_without_a_release_date_or_with_a_future_one_is_refused(
    up_to_november,
) -> None:  # type: ignore[no-untyped-def]
    from domain.errors import InputError

    engine, analyst = up_to_november
    for day, key in (
        (None, "error.release_date_needed"),
        (dt.date(2999, 1, 1), "error.release_date_future"),
    ):
        with pytest.raises(InputError) as refused:
            intake.stage_gso_workbook(engine, analyst, "Bieu.xlsx", _workbook(DECEMBER), day)
        assert refused.value.key == key
