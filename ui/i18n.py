"""The translation table in a page: the session's language, :func:`t`, and errors as sentences.
The table itself, and :func:`translate` for a given language, are in ``ui.translations``."""

from __future__ import annotations

from typing import Any

import streamlit as st

from domain.errors import CockpitError
from ui import translations
from ui.markdown import plain
from ui.translations import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    PLURAL_COUNT,
    TEXT,
    Message,
    has_text,
    plural_categories,
    translate,
    written_float,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "PLURAL_COUNT",
    "TEXT",
    "Message",
    "current_language",
    "error_text",
    "has_text",
    "plural_categories",
    "t",
    "translate",
    "unit_text",
]


def current_language() -> str:
    """The language chosen in this session (Vietnamese unless the user switched)."""
    lang = st.session_state.get("lang", DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, **params: Any) -> str:
    """The text of ``key`` in the session's language."""
    return translate(key, current_language(), **params)


def unit_text(unit: str, lang: str | None = None) -> str:
    """A unit in the user's language (or ``lang``); units without a translation are shown as
    published."""
    return translations.unit_text(unit, lang or current_language())


def error_text(error: CockpitError) -> str:
    """A user's error in the session's language (the English message if the key is unknown),
    for a Markdown element: the texts it quotes are escaped, so they show as typed."""
    lang = current_language()
    if error.key not in TEXT[lang] and error.key not in TEXT[DEFAULT_LANGUAGE]:
        return str(error)
    params = {
        name: written_float(value, lang) if isinstance(value, float) else value
        for name, value in error.params.items()
    }
    for name in ("role", "page", "action"):
        label = TEXT[lang].get(f"{name}.{params.get(name)}")
        if label:
            params[name] = label
    # An error quotes what a person or a URL supplied; it is shown through Markdown, as written.
    return translate(error.key, lang, **{n: _as_written(v) for n, v in params.items()})


def _as_written(value: Any) -> Any:
    return plain(value) if isinstance(value, str) else value
