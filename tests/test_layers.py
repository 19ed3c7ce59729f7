"""The import contracts of ``pyproject.toml`` hold, and they would catch a wrong import.

``make test`` runs ``lint-imports`` on the tree itself; these tests run it on copies of the tree
with one wrong import added, so a contract that stopped checking (a renamed package, a typo in a
module list) fails here instead of passing silently.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
ROOMS = [
    "views", "api", "jobs", "ui", "services", "ingest", "reports",
    "charts", "data", "analytics", "forecasting", "domain",
]  # fmt: skip


def _copy_of_the_tree(destination: Path) -> Path:
    for room in ROOMS:
        shutil.copytree(
            ROOT / room, destination / room, ignore=shutil.ignore_patterns("__pycache__", "seed")
        )
    shutil.copy(ROOT / "pyproject.toml", destination / "pyproject.toml")
    return destination


def _lint(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=tree, capture_output=True, text=True, check=False
    )


def test_every_room_of_the_contracts_is_a_package() -> None:
    for room in ROOMS:
        assert (ROOT / room / "__init__.py").is_file(), f"{room}/ is not a package"


@pytest.mark.xdist_group("lint-imports")
def test_the_tree_keeps_every_contract(tmp_path: Path) -> None:
    result = _lint(_copy_of_the_tree(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.xdist_group("lint-imports")
@pytest.mark.parametrize(
    ("module", "wrong_import", "contract"),
    [
        ("analytics/transforms.py", "import data.tables", "neither storage nor services"),
        ("forecasting/metrics.py", "import services.permissions", "neither storage nor services"),
        ("charts/builders.py", "import streamlit", "Nothing below ui imports Streamlit"),
        ("data/repository.py", "import services.accounts", "Storage imports no service"),
        ("domain/periods.py", "import analytics.transforms", "imports nothing else"),
        ("views/overview.py", "from data import repository", "reach storage only through"),
        ("services/audit.py", "import ui.state", "Imports flow down"),
        ("analytics/transforms.py", "import charts.builders", "Imports flow down"),
    ],
)
def test_a_wrong_import_breaks_its_contract(
    tmp_path: Path, module: str, wrong_import: str, contract: str
) -> None:
    tree = _copy_of_the_tree(tmp_path)
    path = tree / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{wrong_import}\n", encoding="utf-8")
    result = _lint(tree)
    assert result.returncode != 0, f"{wrong_import} in {module} broke no contract"
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken.replace("\n", " "), result.stdout
