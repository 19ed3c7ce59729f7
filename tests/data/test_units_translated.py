"""Every unit of the seeded catalogue is written for a reader in both languages: none is left in
the sources' English in the Vietnamese interface."""

from __future__ import annotations

import pandas as pd

from ui.i18n import TEXT, unit_text

# Units that read the same in both languages (checked by hand).
SAME_IN_BOTH = {"%"}


def test_every_seeded_unit_has_a_text_in_both_languages(real_catalogue: pd.DataFrame) -> None:
    units = sorted(set(real_catalogue["unit"]))
    assert len(units) >= 40
    missing = {
        lang: [unit for unit in units if f"unit.{unit}" not in TEXT[lang]] for lang in ("vi", "en")
    }
    assert missing == {"vi": [], "en": []}


def test_no_vietnamese_unit_is_left_in_english(real_catalogue: pd.DataFrame) -> None:
    left = [
        unit
        for unit in sorted(set(real_catalogue["unit"]))
        if unit not in SAME_IN_BOTH and unit_text(unit, "vi") == unit_text(unit, "en")
    ]
    assert left == []


def test_units_read_as_a_person_writes_them() -> None:
    assert unit_text("% of GDP", "vi") == "% GDP"
    assert unit_text("persons", "vi") == "người"
    assert unit_text("billion VND", "vi") == "tỷ đồng"
    assert unit_text("index (base 9/7/12)", "en") == "index (base 9/7/2012)"
