"""Case folders: every folder under cases/valid must load cleanly; every folder under
cases/invalid must produce exactly the problems (and warnings) listed in its expected.txt; every
folder under cases/warnings must build its model and give exactly the warnings listed (personal
data).

A new case is a folder holding only the files that differ from cases/base (see
helpers.lay_out_case).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from duban.load.project import load_project
from helpers import CASES, lay_out_case

VALID = sorted(p.name for p in (CASES / "valid").iterdir() if p.is_dir())
INVALID = sorted(p.name for p in (CASES / "invalid").iterdir() if p.is_dir())
WARNINGS = sorted(p.name for p in (CASES / "warnings").iterdir() if p.is_dir())


UPDATE = os.environ.get("DUBAN_UPDATE_GOLDEN") == "1"


def _problems(
    case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str = "zh"
) -> list[str]:
    project = lay_out_case(case, tmp_path / "project")
    monkeypatch.chdir(project)
    monkeypatch.setenv("DUBAN_LANG", lang)
    project = load_project(Path("data"))
    return [str(p) for p in sorted([*project.problems, *project.warnings])]


@pytest.mark.parametrize("name", VALID)
def test_valid_case_loads_without_problems(name, tmp_path, monkeypatch):
    assert _problems(CASES / "valid" / name, tmp_path, monkeypatch) == []


@pytest.mark.parametrize("name", INVALID)
def test_invalid_case_reports_exactly_its_problems(name, tmp_path, monkeypatch):
    case = CASES / "invalid" / name
    if UPDATE:  # DUBAN_UPDATE_GOLDEN=1 rewrites expected.txt (Chinese) and expected.en.txt
        for lang, file in (("zh", "expected.txt"), ("en", "expected.en.txt")):
            lines = _problems(case, tmp_path / f"update-{lang}", monkeypatch, lang)
            (case / file).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected, f"{name}/expected.txt lists no problem"
    assert _problems(case, tmp_path / "zh", monkeypatch) == expected
    english = (case / "expected.en.txt").read_text(encoding="utf-8").splitlines()
    assert _problems(case, tmp_path / "en", monkeypatch, "en") == english


@pytest.mark.parametrize("name", INVALID)
def test_messages_keep_their_positions_in_both_languages(name, tmp_path, monkeypatch):
    """The same problems at the same places, whatever the language of the words."""
    case = CASES / "invalid" / name
    zh = _problems(case, tmp_path / "zh", monkeypatch)
    en = _problems(case, tmp_path / "en", monkeypatch, "en")
    assert [line.split(": ")[0] for line in zh] == [line.split(": ")[0] for line in en]


@pytest.mark.parametrize("name", WARNINGS)
def test_warning_case_builds_its_model_and_warns_exactly(name, tmp_path, monkeypatch):
    case = CASES / "warnings" / name
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    monkeypatch.chdir(lay_out_case(case, tmp_path / "project"))
    project = load_project(Path("data"))
    assert project.ok and project.model is not None
    assert [str(p) for p in project.warnings] == expected


def test_there_are_enough_cases_to_mean_something():
    assert len(VALID) >= 5
    assert len(INVALID) >= 40
