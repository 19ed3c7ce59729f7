"""Every page, as each role opens it in Vietnamese, says nothing in Streamlit's English defaults or
in the program's own identifiers: no "Choose an option", no "None", no snake_case field or model
names, and no alert that starts in lower case. Codes of indicators (upper case) and proper names
of models written as notation (ETS(A,Ad,N)) are allowed."""

from __future__ import annotations

import re

import pytest

from data import tables as t
from domain.vocabulary import PageKey
from tests.app.conftest import shown
from ui.i18n import TEXT

PAGES = [
    (PageKey.OVERVIEW, "leader", {}),
    (PageKey.EXPLORE, "leader", {"ind": "EXP_M.TOTAL,CPI_YOY.CHI_SO_GIA_TIEU_DUNG"}),
    (PageKey.FORECAST_LAB, "analyst", {}),
    (PageKey.SUPPLY, "data_officer", {}),
    (PageKey.ADMIN_USERS, "admin", {}),
    (PageKey.ADMIN_CATALOGUE, "admin", {}),
    (PageKey.ADMIN_AUDIT, "admin", {}),
]
ENGLISH_DEFAULTS = re.compile(
    r"\b(Choose an option|Choose options|Select all|No options|No results)\b"
)
MISSING = re.compile(r"^(None|nan|NaN|NaT|True|False)$")
IDENTIFIER = re.compile(r"(?<![A-Z0-9_.])[a-z]+(?:_[a-z0-9]+)+\b")
ALERTS = ("info", "warning", "error", "success")


def _texts(at) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    out = []
    for kind in ("title", "header", "subheader", "caption", "markdown", *ALERTS):
        out += [(kind, shown(e.value)) for e in getattr(at, kind)]
    for kind in (
        "selectbox",
        "multiselect",
        "radio",
        "text_input",
        "number_input",
        "checkbox",
        "toggle",
        "button",
        "date_input",
    ):
        for widget in getattr(at, kind):
            out.append((f"{kind} label", widget.label))
            if getattr(widget, "placeholder", None):
                out.append((f"{kind} placeholder", widget.placeholder))
            out += [(f"{kind} option", str(o)) for o in getattr(widget, "options", None) or []]
    for frame in at.dataframe:
        table = frame.value
        out += [("table header", str(c)) for c in table.columns]
        for column in table.columns:
            if table[column].dtype == object:
                out += [("table cell", str(v)) for v in table[column].head(30)]
    return out


@pytest.mark.parametrize(("page", "role", "params"), PAGES, ids=[p for p, _, _ in PAGES])
def test_a_vietnamese_page_shows_no_english_default_or_identifier(
    open_page, page: PageKey, role: str, params: dict
) -> None:  # type: ignore[no-untyped-def]
    at = open_page(f"views/{page}.py", role=role, **params)
    assert not at.exception
    found = []
    for kind, text in _texts(at):
        if ENGLISH_DEFAULTS.search(text) or MISSING.match(text.strip()):
            found.append((kind, text))
        elif (kind != "table cell" or page == PageKey.ADMIN_AUDIT) and IDENTIFIER.search(text):
            found.append((kind, text[:120]))
        if kind in ALERTS and text[:1].islower():
            found.append((kind, text[:120]))
    assert found == [], found


def test_every_field_an_audit_row_can_quote_has_a_name_in_both_languages() -> None:
    audited = [
        "users",
        "observations",
        "indicators",
        "plan_targets",
        "forecast_runs",
        "forecast_configs",
        "submissions",
        "obligations",
    ]
    for table in audited:
        for column in t.metadata.tables[table].columns:
            for lang in ("vi", "en"):
                assert f"field.{column.name}" in TEXT[lang], (table, column.name, lang)


def test_every_error_message_starts_with_a_capital_letter() -> None:
    lowered = [
        (lang, key)
        for lang, texts in TEXT.items()
        for key, text in texts.items()
        if key.startswith("error.") and isinstance(text, str) and text[:1].islower()
    ]
    assert lowered == []


def test_the_sign_in_screen_shows_no_english_default_or_identifier(open_page) -> None:  # type: ignore[no-untyped-def]
    at = open_page("views/overview.py", role=None)
    assert not at.exception and at.title
    found = [
        (kind, text)
        for kind, text in _texts(at)
        if ENGLISH_DEFAULTS.search(text)
        or MISSING.match(text.strip())
        or IDENTIFIER.search(text)
        or (kind in ALERTS and text[:1].islower())
    ]
    assert found == [], found
