"""Imports flow one way: ``views -> ui -> (analytics, forecasting, data)``.

``analytics/`` and ``forecasting/`` are pure: they import neither Streamlit nor the data layer (nor
the layers above). ``data/`` is the IO boundary and does not import Streamlit (nor the layers
above). The imports are read from the source with ``ast``, so a module is checked without running.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

FORBIDDEN: dict[str, set[str]] = {
    "analytics": {"streamlit", "data", "ui", "views"},
    "forecasting": {"streamlit", "data", "ui", "views"},
    "data": {"streamlit", "ui", "views"},
}


def imported_packages(source: str) -> set[str]:
    """The top-level packages that ``source`` imports (``import a.b`` and ``from a.b import c``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                names.add(first.value.split(".")[0])
    return names


def _is_dynamic_import(func: ast.expr) -> bool:
    """``importlib.import_module(...)`` or ``__import__(...)``."""
    if isinstance(func, ast.Name):
        return func.id in {"__import__", "import_module"}
    return isinstance(func, ast.Attribute) and func.attr == "import_module"


MODULES = [
    (package, path)
    for package in FORBIDDEN
    for path in sorted((ROOT / package).rglob("*.py"))
    if "__pycache__" not in path.parts
]


def test_every_package_has_modules_to_check() -> None:
    assert {package for package, _ in MODULES} == set(FORBIDDEN)


@pytest.mark.parametrize(
    ("package", "path"), MODULES, ids=[str(path.relative_to(ROOT)) for _, path in MODULES]
)
def test_module_imports_only_what_its_layer_may(package: str, path: Path) -> None:
    forbidden = imported_packages(path.read_text(encoding="utf-8")) & FORBIDDEN[package]
    assert not forbidden, f"{path.relative_to(ROOT)} imports {sorted(forbidden)}"


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import streamlit as st", "streamlit"),
        ("from streamlit.testing.v1 import AppTest", "streamlit"),
        ("import data.engine", "data"),
        ("from data import tables as t", "data"),
        ("def f():\n    from ui.i18n import t\n", "ui"),
        ("import importlib\nimportlib.import_module('streamlit')", "streamlit"),
        ("st = __import__('streamlit')", "streamlit"),
    ],
)
def test_the_reader_finds_every_form_of_import(source: str, found: str) -> None:
    assert found in imported_packages(source)


def test_a_relative_import_stays_inside_its_package() -> None:
    assert imported_packages("from . import registry\nfrom .models import arima") == set()
