"""Every error the forecasting screens can meet is said in both languages, with the values it has.

The keys and the values each error carries are read from the source with ``ast``: every
``ForecastError(key, message, **params)`` in ``forecasting/`` and every ``InputError`` of the lab's
own parsing. A translation may use only the values that every raise of its key supplies.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from tests.ui.conftest import placeholders
from ui.i18n import TEXT

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted((ROOT / "forecasting").rglob("*.py")),
    ROOT / "analytics" / "forecast_request.py",
]


def raised_keys() -> dict[str, list[set[str]]]:
    """Each error key raised in :data:`SOURCES`, with the parameter names of each raise."""
    found: dict[str, list[set[str]]] = defaultdict(list)
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if name in {"ForecastError", "InputError"} and isinstance(first, ast.Constant):
                found[first.value].append({kw.arg for kw in node.keywords if kw.arg})
    return found


RAISED = raised_keys()


def test_the_forecasting_library_raises_keyed_errors() -> None:
    assert {"forecast.too_short", "forecast.bad_parameter", "lab.error.outlier_reversed"} <= set(
        RAISED
    )


@pytest.mark.parametrize("key", sorted(RAISED))
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_error_is_translated_with_the_values_it_carries(key: str, lang: str) -> None:
    assert key in TEXT[lang], f"{key} has no {lang} text in ui/text_forecast.py"
    used = placeholders(TEXT[lang][key])
    for params in RAISED[key]:
        assert used <= params, f"{key} uses {used - params}, not always given"
