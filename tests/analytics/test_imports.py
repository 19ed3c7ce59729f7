"""analytics/ stays pure: it imports neither Streamlit nor the data layer."""

import ast
from pathlib import Path

import pytest

ANALYTICS = Path(__file__).resolve().parents[2] / "analytics"


def imported_packages(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("module", sorted(ANALYTICS.glob("*.py")), ids=lambda path: path.name)
def test_analytics_module_imports_neither_streamlit_nor_data(module):
    assert not imported_packages(module) & {"streamlit", "data", "ui", "views"}
