"""Helpers the tests import (``from helpers import ROOT, lay_out_case``): the repository's
folders and a way to lay out a data folder from case files. tests/ is on pytest's pythonpath
(pyproject.toml), so this module is found from every test folder. Fixtures and hooks live in
tests/conftest.py, which no test imports."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from hypothesis import strategies as st

from duban.load.project import load_project
from duban.model.model import Model
from duban.plan_import import Imported, import_file
from duban.plan_import.units import UNNAMED_HOLDER, ImportOrg

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "cases"
BASE = CASES / "base"
DATA_SETS = {
    "shipped": ROOT / "data",
    "demo": ROOT / "tests" / "fixtures" / "demo" / "data",
    "county": ROOT / "examples" / "county" / "data",
    "office": ROOT / "examples" / "office" / "data",
}
"""The data folders the office's outputs are compared on (the 通报 and the 台账 with check)."""
OFFICE_DATES = ("2010-07-01", "2011-03-15", "2012-12-31", "2023-09-30", "2024-06-30")
"""Dates across the shipped plan's period and the examples' (2010-2012, 2023-2024)."""


def swept(values: list, default: list) -> list:
    """``values`` as pytest parameters, those not in ``default`` marked ``sweep``: the default
    run tests the behaviour on ``default``, the sweep (CI's ``pytest --sweeps -m sweep``, and
    ``--sweeps`` for everything) on the rest (conftest.py)."""
    sweep = pytest.mark.sweep
    return [pytest.param(*_tupled(v), marks=() if v in default else sweep) for v in values]


def _tupled(value: object) -> tuple:
    """A value's parameters: a tuple's items (one per name), anything else alone (a one-name
    parametrize whose values are tuples gives them as 1-tuples)."""
    return value if isinstance(value, tuple) else (value,)


def office_cases() -> list:
    """(data set, date) pairs of DATA_SETS and OFFICE_DATES: in the default run each data set
    and each date once (a diagonal), every other pair in the sweep."""
    names, dates = sorted(DATA_SETS), OFFICE_DATES
    diagonal = [(names[i % len(names)], date) for i, date in enumerate(dates)]
    return swept([(name, date) for date in dates for name in names], diagonal)


def lay_out_case(case_dir: Path, target: Path) -> Path:
    """Copy the base project to ``target`` and apply a case folder on top of it.

    Files in the case folder replace or add files at the same relative path; a file named
    ``<path>.delete`` removes ``<path>``. ``expected.txt`` and ``README`` are not copied.
    Returns the project folder (which contains ``data/``).
    """
    shutil.copytree(BASE, target)
    for source in sorted(case_dir.rglob("*")):
        relative = source.relative_to(case_dir)
        if source.is_dir() or relative.name in ("expected.txt", "README.md"):
            continue
        destination = target / relative
        if source.name.endswith(".delete"):
            victim = destination.with_name(source.name.removesuffix(".delete"))
            shutil.rmtree(victim) if victim.is_dir() else victim.unlink()
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, destination)
    return target


def deny_listing(monkeypatch: pytest.MonkeyPatch, folder_name: str) -> None:
    """Make listing any folder called ``folder_name`` fail as a permission problem would (tests
    run as root, where chmod 000 does not stop reading)."""
    real_iterdir = Path.iterdir

    def iterdir(self: Path):
        if self.name == folder_name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)


def mutated(seed: bytes) -> st.SearchStrategy[bytes]:
    """``seed`` with one to eight of its bytes replaced: damaged files for the readers' fuzz
    tests, near enough to a valid one to reach deep into the reader."""
    edits = st.tuples(st.integers(0, len(seed) - 1), st.integers(0, 255))
    return st.lists(edits, min_size=1, max_size=8).map(lambda e: _replaced(seed, e))


def _replaced(seed: bytes, edits: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed)
    for index, value in edits:
        data[index] = value
    return bytes(data)


def import_whole(folder: Path, text: str, year: int | None = None) -> Imported:
    """``text`` imported as a plain-text plan (plan id ``p``, no org file), every character of it
    accounted for (the importer's accounting leaves nothing over)."""
    source = folder / "plan.txt"
    source.write_text(text, encoding="utf-8")
    result = import_file(source, ImportOrg(), "p", year)
    assert result.accounting is not None and result.accounting.leftovers == []
    return result


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now (for a local server a test starts)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def loaded_model(data: Path) -> Model:
    """The model of a data folder that must load without a problem."""
    project = load_project(data)
    assert project.ok and project.model is not None, project.problems[:3]
    return project.model


def tasks_by_id(result: Imported) -> dict[str, dict]:
    """An import's tasks by their id."""
    return {task["id"]: task for task in result.tasks}


def read_roles(task: dict) -> dict[str, list[str]]:
    """A task's roles as the text gave them: without the placeholder holder an import names for
    a due nobody holds (units.UNNAMED_HOLDER, which the review lists)."""
    roles = (task.get("roles") or {}).items()
    kept = {role: [name for name in names if name != UNNAMED_HOLDER] for role, names in roles}
    return {role: names for role, names in kept.items() if names}
