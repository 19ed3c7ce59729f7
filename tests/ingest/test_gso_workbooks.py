"""All nineteen shipped GSO workbooks through the importer: the tables each year's workbook has
are recognised, every row is in the catalogue's codes, and what is not recognised is listed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.gso_workbook import gso_candidates, known_codes

WORKBOOKS = Path(__file__).resolve().parents[2] / "data" / "seed" / "gso_workbooks"
ALL = sorted(WORKBOOKS.glob("*.gz"))
EVERY_YEAR = {"CPI", "EXP", "IMP", "SBI", "VIS"}
EXPECTED = {
    "2004-12": EVERY_YEAR | {"FDI", "RETAIL"},
    "2008-06": EVERY_YEAR | {"FDI", "RETAIL"},
    "2015-01": EVERY_YEAR | {"IIP", "RETAIL"},  # January's workbook has no FDI table
}
QUARTER_ENDS = ("2018-12", "2019-12", "2021-06", "2022-12", "2024-03", "2024-06", "2024-09")


def _expected(month: str) -> set[str]:
    if month in EXPECTED:
        return EXPECTED[month]
    tables = EVERY_YEAR | {"FDI", "IIP", "RETAIL"}
    return tables | {"GDP"} if month in QUARTER_ENDS or month == "2024-12" else tables


@pytest.mark.parametrize("path", ALL, ids=[p.name[:10] for p in ALL])
def test_each_workbook_gives_the_tables_of_its_year(path: Path) -> None:
    codes = known_codes()
    candidates, month, notes = gso_candidates(path.read_bytes(), path.name, codes)
    families = {str(c.indicator_code).split(".")[0].split("_")[0] for c in candidates}
    assert families >= _expected(path.name[:7]), sorted(families)
    assert {str(c.indicator_code) for c in candidates} <= codes
    assert month is not None and month[:4] == path.name[:4]
    assert any("not recognised" in note for note in notes), "what is left out is listed"
    keys = [(c.indicator_code, c.geography, c.period, c.status) for c in candidates]
    assert len(keys) == len(set(keys)), "no cell is read twice"
