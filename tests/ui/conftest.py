"""Readers of the translation table's entries, shared by the tests of ui/."""

from __future__ import annotations

import re

from ui.i18n import PLURAL_COUNT, Message


def forms(entry: Message) -> list[str]:
    """Every text of an entry: a plain text is its only form; a plural entry has one per category
    (and per category of any plural entry nested in it)."""
    if isinstance(entry, str):
        return [entry]
    return [
        text for category, form in entry.items() if category != PLURAL_COUNT for text in forms(form)
    ]


def counts(entry: Message) -> set[str]:
    """The parameters whose numbers pick the forms of an entry (none for a plain text)."""
    if isinstance(entry, str):
        return set()
    nested = (counts(form) for category, form in entry.items() if category != PLURAL_COUNT)
    return {entry[PLURAL_COUNT]}.union(*nested)


def fields(text: str) -> set[str]:
    """The placeholders of a text: ``{n}``, ``{code}`` ..."""
    return set(re.findall(r"\{(\w+)\}", text))


def placeholders(entry: Message) -> set[str]:
    """The placeholders of every form of an entry."""
    return set().union(*(fields(text) for text in forms(entry)))
