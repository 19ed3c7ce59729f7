"""Search of the indicator catalogue by code or name, in Vietnamese with or without diacritics, or
in English.

Text is compared *folded*: lower case, without Vietnamese diacritics (``đ`` becomes ``d``), with
runs of spaces collapsed, so "chi so gia" finds "Chỉ số giá tiêu dùng". A row matches when every
word of the query is contained in its folded code or one of its folded names. Matches are ranked:
the *preferred* rows first (the headline series, so "CPI" puts the all-items CPI first), then the
row whose code is the query, then rows with a name that starts with the query, then the rest, each
group in catalogue order.

People search with the words they use, which are not always the words of the official names: the
names say "tăng" or "growth" where a person types "tăng trưởng", and CPI where they type "lạm
phát". :data:`SYNONYMS` maps such a folded phrase of the query to the folded words that stand for
it; a row matches the phrase if it holds any of them.

Folding a catalogue of about 1,000 rows takes milliseconds; :func:`prepare_catalogue` does it once
so the UI can cache the folded catalogue and search it on every keystroke.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

DEFAULT_COLUMNS: tuple[str, ...] = ("code", "name_vi", "name_en")
"""The catalogue's code column, then its name columns."""

SYNONYMS: dict[str, tuple[str, ...]] = {
    "tang truong": ("tang truong", "tang", "growth"),
    "growth": ("growth", "tang"),
    "lam phat": ("lam phat", "cpi", "inflation", "gia tieu dung"),
    "inflation": ("inflation", "cpi", "lam phat", "consumer price"),
}
"""Folded phrases a person may type, and the folded words in the catalogue that stand for each."""

_FOLDED_SUFFIX = "__folded"
_LETTERS_WITHOUT_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Fold ``text`` for comparison: lower case, no diacritics, single spaces, no outer spaces.

    ``"Chỉ số  giá"`` becomes ``"chi so gia"``. ``đ`` and ``Đ``, which Unicode does not decompose
    into ``d`` plus a mark, become ``d``.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTERS_WITHOUT_DECOMPOSITION))
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(without_marks.lower().split())


def _folded_column(column: str) -> str:
    return f"{column}{_FOLDED_SUFFIX}"


def prepare_catalogue(
    catalogue: pd.DataFrame, columns: Sequence[str] = DEFAULT_COLUMNS
) -> pd.DataFrame:
    """Return a copy of ``catalogue`` with a folded copy of each of ``columns`` added.

    Missing names fold to the empty string. :func:`search_catalogue` accepts the result as it is
    and does not fold again.
    """
    prepared = catalogue.copy()
    for column in columns:
        prepared[_folded_column(column)] = catalogue[column].fillna("").astype(str).map(fold)
    return prepared


def _requirements(folded_query: str) -> list[tuple[str, ...]]:
    """The query as a list of alternatives, one of each of which a matching row must hold."""
    required: list[tuple[str, ...]] = []
    rest = f" {folded_query} "
    for phrase, alternatives in SYNONYMS.items():
        if f" {phrase} " in rest:
            rest = rest.replace(f" {phrase} ", " ")
            required.append(alternatives)
    return required + [(word,) for word in rest.split()]


def search_catalogue(
    catalogue: pd.DataFrame,
    query: str,
    *,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    preferred: Sequence[str] = (),
) -> pd.DataFrame:
    """Return the rows of ``catalogue`` that match ``query``, best first.

    Parameters
    ----------
    catalogue:
        One row per indicator, raw or from :func:`prepare_catalogue` with the same ``columns``.
    query:
        Words to look for, with or without diacritics, in any case. An empty query returns
        every row.
    columns:
        The code column first, then the name columns.
    preferred:
        Codes that rank before every other match (the headline series).

    Returns
    -------
    pd.DataFrame
        The matching rows with the catalogue's own columns and index: first the preferred codes,
        then the row whose code equals the query, then rows with a name starting with the query,
        then the others.
    """
    prepared = (
        catalogue
        if all(_folded_column(column) in catalogue for column in columns)
        else prepare_catalogue(catalogue, columns)
    )
    original = prepared.drop(columns=[_folded_column(column) for column in columns])
    folded_query = fold(query)
    code, *names = (prepared[_folded_column(column)] for column in columns)
    is_preferred = prepared[columns[0]].isin(list(preferred))
    searchable = code.str.cat(names, sep="\n")
    matches = pd.Series(True, index=prepared.index)
    for alternatives in _requirements(folded_query):
        holds = pd.Series(False, index=prepared.index)
        for word in alternatives:
            holds |= searchable.str.contains(word, regex=False)
        matches &= holds
    name_starts = pd.Series(False, index=prepared.index)
    for name in names:
        name_starts |= name.str.startswith(folded_query)
    exact = code == folded_query
    if not folded_query:
        exact = name_starts = pd.Series(False, index=prepared.index)
    rank = np.select([is_preferred, exact, name_starts], [0, 1, 2], default=3)
    positions = np.flatnonzero(matches.to_numpy())
    return original.iloc[positions[np.argsort(rank[positions], kind="stable")]]
