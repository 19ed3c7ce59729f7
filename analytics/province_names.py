"""Province names as GSO's tables print them, matched to the provinces' codes.

Spellings vary over the years ("Thanh Hóa"/"Thanh Hoá", "TP. Hồ Chí Minh"/"Tp Hồ Chí Minh",
"Bà Rịa - Vũng Tàu"/"Bà Rịa-Vũng Tàu", "Hà Nội (2)"), so a name is folded (no diacritics, case,
punctuation, "tỉnh"/"thành phố"/"TP") before it is looked up. Pure: the caller passes the list of
provinces.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd


def fold_name(text: str) -> str:
    """A province name without diacritics, case, punctuation or the words "tỉnh"/"thành phố"."""
    decomposed = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()
    bare = re.sub(r"\([^)]*\)", " ", bare).replace("t.p", "tp")
    bare = re.sub(r"\b(tinh|thanh pho|tp)\b\.?", " ", bare)
    folded = " ".join(re.findall(r"[a-z0-9]+", bare))
    return ALIASES.get(folded, folded)


ALIASES = {
    "thua thien hue": "hue",
    "ba ria vungtau": "ba ria vung tau",
    "ha noi moi": "ha noi",
}
"""Spellings of the source that name a province differently from the list of 63: Huế before it
became a city, a missing space, Hà Nội after Hà Tây joined it in 2008."""


def province_codes(provinces: pd.DataFrame, scheme: str = "P63") -> dict[str, str]:
    """Folded name → ``P63-xx`` (or ``P34-xx`` with ``scheme="P34"``) for the provinces listed
    (their full names and, where the list has them, short names)."""
    names: dict[str, str] = {}
    for row in provinces.itertuples():
        code = f"{scheme}-{int(row.code):02d}"
        for name in (row.name_vi, getattr(row, "name_vi_short", row.name_vi)):
            names[fold_name(name)] = code
    return names
