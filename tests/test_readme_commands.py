"""Every ``make`` command the README shows works on a fresh clone.

A *README command* is a ``make ...`` line of a code block, or a ``make ...`` code span, of
``README.md``. They are read from the README, so a command added there is checked without a change
here. A *fresh copy* holds what a clone of this working tree would: the files ``git ls-files``
lists (tracked, and new ones not ignored), copied to a temporary folder, with no virtual
environment, database or cache.

Three checks, from cheap to real:

- **Dry run.** ``make -n`` of each command in a fresh copy exits 0 (so its targets exist), creates
  each virtual environment before it runs anything from it, installs only from requirement files
  of the copy, and names only scripts, modules and files that the copy has.
- **Enough installed.** Each Python module a command runs (``python -m``, ``streamlit run`` and
  its pages, the tests under ``pytest``) imports only distributions that the same dry run
  installed into the environment it runs from, with their dependencies; one that drives a browser
  runs after the script that provides chromium. This is the trap of issue 14: ``make bench`` ran a
  module that imports Playwright, in an environment of the runtime requirements alone, and a
  developer's old ``.venv`` hid it. Imports are read with ``ast``: every import of the module run,
  and the top-level imports of the project modules it pulls in (an import inside a function of
  those runs only if that function is called, which the reader cannot tell).
- **Real run.** The quick commands (:data:`REAL_RUNS`) run for real in a fresh copy whose virtual
  environment is this test run's own, linked in: building one takes minutes, and the dry run has
  shown that the copy would build it. The copy's files are dated before that environment, so make
  sees it up to date. A server must answer, and is stopped. The other commands are in
  :data:`NOT_RUN` with the reason; a README command in neither fails, so a new one gets a decision.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.e2e.app_server import free_port

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

pytestmark = pytest.mark.xdist_group("readme_commands")

APP_PAGES = "views"
"""``app.py`` opens the screens ``views/<key>.py`` by file name (``st.Page``), not by import."""

SYSTEM_TOOLS = {"playwright": "scripts/ensure_chromium.sh"}
"""A distribution that drives a program pip cannot install, and the script that provides it."""

REAL_RUN_SECONDS = 300
SERVER_START_SECONDS = 120


@dataclass(frozen=True)
class RealRun:
    """How a README command runs for real: its environment and, for a server, how it answers."""

    environment: dict[str, str] = field(default_factory=dict)
    port_variable: str | None = None
    """The make variable of the port, for a command that serves until it is stopped."""
    health_path: str = "/"


REAL_RUNS: dict[str, RealRun] = {
    "setup": RealRun(),
    "db": RealRun(),
    "admin": RealRun(environment={"COCKPIT_ADMIN_PASSWORD": "Readme-Check-Admin-42"}),
    "forecast": RealRun(),
    "briefing": RealRun(),
    "lint": RealRun(),
    "run": RealRun(port_variable="PORT", health_path="/_stcore/health"),
    "api": RealRun(port_variable="API_PORT", health_path="/openapi.json"),
}
"""Targets that run for real, by target."""

NOT_RUN: dict[str, str] = {
    "test": "this check is part of it",
    "bench": "it takes minutes; the dry run and the import check cover what it installs",
    "bench-forecast": "it forecasts the 3,003 M3 series and builds .venv-bench (minutes)",
    "bench-design": "it forecasts M3's design half per variant, builds .venv-bench (minutes)",
    "clean": "it deletes the virtual environment that the real runs borrow",
    "deploy-check": "it is tests/e2e/test_reverse_proxy.py, which make test runs as well",
    "gso-import": "it needs an analyst's account; tests/services/test_gso_import.py runs its "
    "module on a seeded database",
}
"""Targets that are only dry-run, each with the reason."""


# --- the README's commands ---------------------------------------------------------------------

ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")


@dataclass(frozen=True)
class ReadmeCommand:
    """A ``make`` command as the README shows it: ``[NAME=value] make TARGET ... [NAME=value]``."""

    text: str
    environment: tuple[str, ...]
    targets: tuple[str, ...]
    variables: tuple[str, ...]

    @property
    def make_arguments(self) -> list[str]:
        """The arguments to ``make``: the targets, then the variables."""
        return [*self.targets, *self.variables]

    @property
    def environment_variables(self) -> dict[str, str]:
        """The assignments before ``make``, as environment variables."""
        return dict(assignment.split("=", 1) for assignment in self.environment)


def parse_make_command(text: str) -> ReadmeCommand | None:
    """The ``make`` command in ``text`` (a shell line, its ``#`` comment ignored), if it is one."""
    try:
        words = shlex.split(text, comments=True)
    except ValueError:
        return None
    environment = []
    while words and ASSIGNMENT.match(words[0]):
        environment.append(words.pop(0))
    if not words or words[0] != "make":
        return None
    arguments = words[1:]
    targets = tuple(w for w in arguments if not ASSIGNMENT.match(w) and not w.startswith("-"))
    if not targets:
        return None
    variables = tuple(w for w in arguments if ASSIGNMENT.match(w))
    return ReadmeCommand(shlex.join([*environment, *words]), tuple(environment), targets, variables)


def readme_commands(readme: str) -> list[ReadmeCommand]:
    """Every distinct ``make`` command of code blocks (a line each) and code spans of ``readme``."""
    block_lines, prose, in_block = [], [], False
    for line in readme.splitlines():
        if line.lstrip().startswith("```"):
            in_block = not in_block
        else:
            (block_lines if in_block else prose).append(line)
    spans = re.findall(r"`([^`]+)`", "\n".join(prose))
    commands: list[ReadmeCommand] = []
    for candidate in [*block_lines, *(span.replace("\n", " ") for span in spans)]:
        command = parse_make_command(candidate)
        if command is not None and command not in commands:
            commands.append(command)
    return commands


COMMANDS = readme_commands(README.read_text(encoding="utf-8"))


def _real_commands() -> list[ReadmeCommand]:
    """The README commands to run for real, once per set of make arguments (the README's own
    environment assignments are placeholders for the reader's servers, so they are left out)."""
    chosen: dict[tuple[str, ...], ReadmeCommand] = {}
    for command in COMMANDS:
        if all(target in REAL_RUNS for target in command.targets):
            chosen.setdefault(tuple(command.make_arguments), command)
    return list(chosen.values())


# --- fresh copies and make ---------------------------------------------------------------------


def fresh_copy(destination: Path) -> Path:
    """Copy the files a clone of this working tree would hold into ``destination``."""
    if shutil.which("git") is None or shutil.which("make") is None:
        pytest.skip("the README check needs git and make")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode:
        pytest.skip(f"{ROOT} is not a git checkout: {listed.stderr.decode().strip()}")
    for name in filter(None, listed.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def clean_environment(**extra: str) -> dict[str, str]:
    """This process's environment without the Cockpit's settings (the test fixtures set some) or
    an outer make's flags, plus ``extra``."""
    kept = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("COCKPIT_", "MAKE", "MFLAGS"))
    }
    return {**kept, **extra}


def dry_run(
    copy: Path, arguments: list[str], makefile: Path | None = None, **environment: str
) -> subprocess.CompletedProcess[str]:
    """``make -n`` of ``arguments`` in ``copy``: the commands make would run, printed."""
    chosen = ["-f", str(makefile)] if makefile is not None else []
    return subprocess.run(
        ["make", "-n", *chosen, *arguments],
        cwd=copy,
        env=clean_environment(**environment),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def shell_commands(printed: str) -> list[list[str]]:
    """The simple commands in make's printed recipe lines: words, split at ``;``, ``&&``, ``||``,
    ``|`` and parentheses, without the braces of a group."""
    commands = []
    for line in printed.replace("\\\n", " ").splitlines():
        lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words: list[str] = []
        for word in lexer:
            if set(word) <= set(lexer.punctuation_chars):
                commands.append(words)
                words = []
            elif word not in ("{", "}", "!"):
                words.append(word)
        commands.append(words)
    return [words for words in commands if words]


# --- what a command installs, and what it runs -------------------------------------------------

VENV_PROGRAM = re.compile(r"^(?!/)(?P<venv>.+)/bin/(?P<program>[^/]+)$")


def _argument_after(words: list[str], flag: str) -> str | None:
    return words[words.index(flag) + 1] if flag in words[:-1] else None


def requirement_lines(path: Path) -> Iterator[str]:
    """The requirement specifiers of a requirements file, following its ``-r`` includes."""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith(("-r ", "--requirement ")):
            yield from requirement_lines(path.parent / line.split(None, 1)[1])
        elif line:
            yield line


def installed_distributions(requirement_files: list[Path]) -> set[str]:
    """The distributions that installing ``requirement_files`` brings, dependencies included
    (as far as this environment's metadata knows them)."""
    pending = [Requirement(line) for path in requirement_files for line in requirement_lines(path)]
    names: set[str] = set()
    seen: set[tuple[str, frozenset[str]]] = set()
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        if (name, frozenset(requirement.extras)) in seen:
            continue
        seen.add((name, frozenset(requirement.extras)))
        names.add(name)
        try:
            requires = metadata.distribution(name).requires or []
        except metadata.PackageNotFoundError:
            continue
        for line in requires:
            dependency = Requirement(line)
            extras = requirement.extras or {""}
            if dependency.marker is None or any(
                dependency.marker.evaluate({"extra": extra}) for extra in extras
            ):
                pending.append(dependency)
    return names


@functools.cache
def _import_owners() -> dict[str, list[str]]:
    return metadata.packages_distributions()


def distributions_of_import(name: str) -> set[str]:
    """The distributions that may provide the top-level import ``name`` (itself if unknown here)."""
    return {canonicalize_name(owner) for owner in _import_owners().get(name, [name])}


def distributions_of_program(program: str) -> set[str]:
    """The distributions whose console script is ``program`` (itself if none is known here)."""
    owners = {
        canonicalize_name(entry.dist.name)
        for entry in metadata.entry_points(group="console_scripts")
        if entry.name == program and entry.dist is not None
    }
    return owners or {canonicalize_name(program)}


def module_file(copy: Path, dotted: str) -> Path | None:
    """The file of the project module ``dotted`` in ``copy``, if the project has it."""
    base = copy.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_chain(copy: Path, dotted: str) -> list[Path]:
    """The files that importing ``dotted`` runs: each package on the way, then the module."""
    parts = dotted.split(".")
    files = (module_file(copy, ".".join(parts[: i + 1])) for i in range(len(parts)))
    return [path for path in files if path is not None]


def _outside_functions(tree: ast.AST) -> Iterator[ast.AST]:
    pending = list(ast.iter_child_nodes(tree))
    while pending:
        node = pending.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            pending.extend(ast.iter_child_nodes(node))


def imported_names(copy: Path, path: Path, everywhere: bool) -> set[str]:
    """Dotted names that the module at ``path`` imports (``from a import b``: ``a`` and ``a.b``),
    anywhere in it or (``everywhere=False``) outside its functions only."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parts = path.relative_to(copy).with_suffix("").parts
    package = parts if parts[-1] == "__init__" else parts[:-1]
    names: set[str] = set()
    for node in ast.walk(tree) if everywhere else _outside_functions(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def third_party_imports(copy: Path, entries: list[Path]) -> dict[str, Path]:
    """The top-level names outside the project and the standard library that running
    ``entries`` imports, each with a file that imports it."""
    project = {p.stem for p in copy.glob("*.py")} | {
        p.parent.name for p in copy.glob("*/__init__.py")
    }
    found: dict[str, Path] = {}
    queue = deque((path, True) for path in entries)
    seen = set(entries)
    while queue:
        path, everywhere = queue.popleft()
        for name in sorted(imported_names(copy, path, everywhere)):
            top = name.split(".")[0]
            if top in sys.stdlib_module_names:
                continue
            if top not in project:
                found.setdefault(top, path)
                continue
            for imported in _package_chain(copy, name):
                if imported not in seen:
                    seen.add(imported)
                    queue.append((imported, False))
    return found


def _runs(copy: Path, program: str, words: list[str]) -> tuple[set[str], list[Path]]:
    """What a program of a virtual environment runs: the distributions it belongs to, and the
    project files it runs."""
    module = _argument_after(words, "-m") if program.startswith("python") else None
    runner = module or program
    if module is not None and module_file(copy, module) is not None:
        return set(), _package_chain(copy, module)
    if module is not None:
        needed = distributions_of_import(module.split(".")[0])
    elif program.startswith("python"):
        needed = set()
    else:
        needed = distributions_of_program(program)
    if runner == "pytest":
        pyproject = tomllib.loads((copy / "pyproject.toml").read_text(encoding="utf-8"))
        paths = pyproject["tool"]["pytest"]["ini_options"]["testpaths"]
        return needed, sorted(p for folder in paths for p in (copy / folder).rglob("*.py"))
    if runner == "streamlit" and words[1:2] == ["run"]:
        return needed, [copy / words[2], *sorted((copy / APP_PAGES).glob("*.py"))]
    scripts = [copy / word for word in words[1:] if word.endswith(".py")]
    return needed, scripts


def recipe_problems(copy: Path, printed: str) -> list[str]:
    """What is wrong with the commands make would run (``printed`` by ``make -n``) in ``copy``."""
    problems: list[str] = []
    environments: dict[str, list[Path]] = {}
    scripts_run: set[str] = set()
    for words in shell_commands(printed):
        shown = f"`{shlex.join(words)}`"
        program = VENV_PROGRAM.match(words[0])
        if _argument_after(words, "-m") == "venv":
            environments[words[-1]] = []
        elif program is None:
            if words[0] in ("bash", "sh") and len(words) > 1:
                scripts_run.add(words[1])
                if not (copy / words[1]).is_file():
                    problems.append(f"{shown} runs {words[1]}, which the repository does not have")
        elif program["venv"] not in environments:
            problems.append(f"{shown} runs from {program['venv']} before creating it")
        elif program["program"].startswith("pip") or _argument_after(words, "-m") == "pip":
            problems += _install_problems(copy, words, environments[program["venv"]])
        else:
            problems += _run_problems(
                copy, words, program["program"], environments[program["venv"]], scripts_run
            )
    return problems


def _install_problems(copy: Path, words: list[str], installed: list[Path]) -> list[str]:
    """Record what a pip command installs; it may install only from the copy's requirement files."""
    problems = []
    arguments = iter(words[1:])
    for word in arguments:
        if word in ("-r", "--requirement"):
            name = next(arguments, "")
            if (copy / name).is_file():
                installed.append(copy / name)
            else:
                problems.append(f"`{shlex.join(words)}` installs from {name}, which is not there")
        elif not word.startswith("-") and word not in ("install", "pip"):
            problems.append(
                f"`{shlex.join(words)}` installs {word}, which no requirement file pins"
            )
    return problems


def _run_problems(
    copy: Path, words: list[str], program: str, installed: list[Path], scripts_run: set[str]
) -> list[str]:
    """Whether what a command runs finds its distributions installed and its tools provided."""
    shown = f"`{shlex.join(words)}`"
    needed, entries = _runs(copy, program, words)
    missing = [path for path in entries if not path.is_file()]
    if missing:
        return [f"{shown} runs {', '.join(map(str, missing))}, which the repository does not have"]
    available = installed_distributions(installed)
    names = [p.relative_to(copy).as_posix() for p in installed] or ["nothing"]
    problems = []
    if needed and not needed & available:
        problems.append(f"{shown} needs {sorted(needed)}, but only {names} went in")
    for name, importer in sorted(third_party_imports(copy, entries).items()):
        where = importer.relative_to(copy).as_posix()
        if not distributions_of_import(name) & available:
            problems.append(
                f"{shown} imports {name} (in {where}), but only {names} went into its environment"
            )
        tool = SYSTEM_TOOLS.get(name)
        if tool is not None and tool not in scripts_run:
            problems.append(f"{shown} imports {name} (in {where}) without running {tool} first")
    return problems


# --- the checks --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def venvless_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the repository, without a virtual environment."""
    return fresh_copy(tmp_path_factory.mktemp("readme-fresh"))


def test_the_readme_commands_are_found() -> None:
    targets = {target for command in COMMANDS for target in command.targets}
    assert {"run", "test", "db", "admin", "forecast", "bench"} <= targets
    assert parse_make_command("COCKPIT_DATABASE_URL=postgresql://h/c make run  # note") == (
        ReadmeCommand(
            "COCKPIT_DATABASE_URL=postgresql://h/c make run",
            ("COCKPIT_DATABASE_URL=postgresql://h/c",),
            ("run",),
            (),
        )
    )


def test_every_readme_target_is_run_for_real_or_says_why_not() -> None:
    targets = {target for command in COMMANDS for target in command.targets}
    undecided = targets - REAL_RUNS.keys() - NOT_RUN.keys()
    assert not undecided, f"add {sorted(undecided)} to REAL_RUNS, or to NOT_RUN with the reason"
    assert not REAL_RUNS.keys() & NOT_RUN.keys()


@pytest.mark.parametrize("command", COMMANDS, ids=[command.text for command in COMMANDS])
def test_a_readme_command_installs_what_it_runs_from_the_repository_alone(
    command: ReadmeCommand, venvless_copy: Path
) -> None:
    printed = dry_run(venvless_copy, command.make_arguments, **command.environment_variables)
    assert printed.returncode == 0, f"`make -n {command.text}` on a fresh clone:\n{printed.stderr}"
    problems = recipe_problems(venvless_copy, printed.stdout)
    assert not problems, f"`{command.text}` on a fresh clone:\n" + "\n".join(problems)


TRAPS = """\
.venv/bin/activate:
\tpython3 -m venv .venv
.venv/.runtime: requirements.txt | .venv/bin/activate
\t.venv/bin/pip install -r requirements.txt
\ttouch $@
bench: .venv/.runtime
\t.venv/bin/python -m jobs.setup
\t.venv/bin/python -m bench.pages
stray:
\t.venv-other/bin/python -m jobs.setup
loose: .venv/bin/activate
\t.venv/bin/pip install playwright
missing: .venv/.runtime
\t.venv/bin/pip install -r requirements-extra.txt
\tbash scripts/absent.sh
"""


@pytest.mark.parametrize(
    ("target", "reported"),
    [
        ("bench", "imports playwright (in bench/pages.py), but only ['requirements.txt'] went in"),
        ("bench", "imports playwright (in bench/pages.py) without running scripts/ensure_chromium"),
        ("stray", "runs from .venv-other before creating it"),
        ("loose", "installs playwright, which no requirement file pins"),
        ("missing", "installs from requirements-extra.txt, which is not there"),
        ("missing", "runs scripts/absent.sh, which the repository does not have"),
    ],
)
def test_the_check_reports_each_way_a_command_breaks_on_a_fresh_clone(
    target: str, reported: str, venvless_copy: Path, tmp_path: Path
) -> None:
    makefile = tmp_path / "Makefile"
    makefile.write_text(TRAPS)
    printed = dry_run(venvless_copy, [target], makefile=makefile)
    assert printed.returncode == 0, printed.stderr
    assert any(reported in problem for problem in recipe_problems(venvless_copy, printed.stdout))


@pytest.fixture(scope="module")
def borrowing_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy that will use this test run's virtual environment, dated before it."""
    if sys.prefix == sys.base_prefix:
        pytest.skip("the real runs borrow this test run's virtual environment, and there is none")
    copy = fresh_copy(tmp_path_factory.mktemp("readme-real"))
    for path in copy.rglob("*"):
        os.utime(path, (0, 0))
    return copy


def _borrow_environments(command: ReadmeCommand, venvless_copy: Path, copy: Path) -> None:
    """Link each virtual environment the command would create to this test run's, and make sure
    make then sees nothing to install (else it would install into this test run's environment)."""
    created = dry_run(venvless_copy, command.make_arguments).stdout
    for words in shell_commands(created):
        if _argument_after(words, "-m") == "venv" and not (copy / words[-1]).exists():
            (copy / words[-1]).symlink_to(sys.prefix)
    for words in shell_commands(dry_run(copy, command.make_arguments).stdout):
        if "pip" in words[0] or _argument_after(words, "-m") == "pip":
            pytest.skip(f"this test run's environment is not one `make` built: {shlex.join(words)}")


@contextlib.contextmanager
def _serving(
    copy: Path, arguments: list[str], environment: dict[str, str], log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Run make until the block ends, in a session of its own so that its server stops with it."""
    with log.open("wb") as output:
        server = subprocess.Popen(
            ["make", *arguments],
            cwd=copy,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def _answers(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"it exited with {server.returncode} before answering:\n{log.read_text()}")
        with (
            contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError),
            urllib.request.urlopen(url, timeout=2) as answer,  # noqa: S310 - our own server
        ):
            if answer.status == 200:
                return
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer in {SERVER_START_SECONDS} s:\n{log.read_text()}")


REAL_COMMANDS = _real_commands()


@pytest.mark.parametrize("command", REAL_COMMANDS, ids=[c.text for c in REAL_COMMANDS])
def test_a_quick_readme_command_runs_on_a_fresh_clone(
    command: ReadmeCommand, venvless_copy: Path, borrowing_copy: Path, tmp_path: Path
) -> None:
    _borrow_environments(command, venvless_copy, borrowing_copy)
    runs = [REAL_RUNS[target] for target in command.targets]
    environment = clean_environment(**{k: v for run in runs for k, v in run.environment.items()})
    served = [run for run in runs if run.port_variable is not None]
    if served:
        port = free_port()
        arguments = [*command.make_arguments, f"{served[0].port_variable}={port}"]
        log = tmp_path / "server.log"
        with _serving(borrowing_copy, arguments, environment, log) as server:
            _answers(f"http://127.0.0.1:{port}{served[0].health_path}", server, log)
        return
    completed = subprocess.run(
        ["make", *command.make_arguments],
        cwd=borrowing_copy,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=REAL_RUN_SECONDS,
    )
    assert completed.returncode == 0, (
        f"`{command.text}` on a fresh clone:\n{completed.stdout}{completed.stderr}"
    )
