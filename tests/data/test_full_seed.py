"""The whole seed, on the embedded default: every series named in both languages, with a unit."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import func, select

from data import repository
from data import tables as t
from data.engine import make_engine
from data.migrate import upgrade
from data.province_series import province_rows
from data.seed_load import PROVINCE_FILE, SEED_FILES, VN_DIR, load_all


@pytest.fixture(scope="module")
def full_engine(tmp_path_factory):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('full') / 'cockpit.db'}")
    upgrade(engine)
    report = load_all(engine)
    assert report.files_loaded == len(SEED_FILES)
    return engine


@pytest.mark.xdist_group("full_seed")
def test_full_seed_twice_keeps_one_row_per_source_row(full_engine) -> None:  # type: ignore[no-untyped-def]
    with full_engine.connect() as conn:
        rows = conn.execute(select(func.count()).select_from(t.observations)).scalar_one()
    again = load_all(full_engine)
    with full_engine.connect() as conn:
        after = conn.execute(select(func.count()).select_from(t.observations)).scalar_one()
    assert again.observations_added == 0 and after == rows
    with full_engine.connect() as conn:
        national = conn.execute(
            select(func.count()).where(t.observations.c.geography_code == "VN")
        ).scalar_one()
    source_rows = sum(len(pd.read_csv(VN_DIR / name)) for name in SEED_FILES)
    assert national <= source_rows
    assert national > 0.99 * source_rows, "only exact duplicate keys may be dropped"
    raw = pd.read_csv(VN_DIR / PROVINCE_FILE, dtype={"period": str})
    provinces = pd.read_csv(VN_DIR / "provinces" / "provinces_63_pre2025.csv.gz", dtype=str)
    assert rows - national == len(province_rows(raw, provinces)), "each province row, once"


@pytest.mark.xdist_group("full_seed")
def test_every_series_has_names_in_both_languages_and_a_unit(full_engine) -> None:  # type: ignore[no-untyped-def]
    catalogue = repository.catalogue(full_engine)
    for column in ("name_vi", "name_en", "unit"):
        blank = catalogue[catalogue[column].fillna("").str.strip() == ""]
        assert blank.empty, f"{column} missing for {list(blank['code'])[:5]}"
    assert not (catalogue["unit"] == "see indicator_name_en").any()
    assert set(catalogue["field_code"]) <= set(range(1, 10))


@pytest.mark.xdist_group("full_seed")
def test_plan_targets_are_loaded_and_parsed(full_engine) -> None:  # type: ignore[no-untyped-def]
    targets = repository.plan_targets(full_engine)
    source = pd.read_csv("data/seed/domain/key_indicators.csv")
    assert len(targets) == len(source)
    gdp_2025 = targets[(targets["plan_year"] == 2025) & (targets["name_en"] == "GDP growth rate")]
    # "Khoảng 6,5-7,0 và phấn đấu khoảng 7,0-7,5": the main target is the first range.
    assert gdp_2025["target_low"].item() == 6.5 and gdp_2025["target_high"].item() == 7.0
