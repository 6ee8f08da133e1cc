"""CODEOWNERS paths are written as GitHub reads a pattern: a data folder whose path holds a
space or ``#`` is escaped with a backslash (else GitHub ends the pattern at the space, and the
unit's file would get no owner); a path no escape makes safe is refused, never written."""

from __future__ import annotations

import shutil

import pytest

from duban.cli.main import main
from duban.load.project import load_project
from duban.outputs.codeowners import UnsafePath, codeowners, pattern
from helpers import CASES, lay_out_case


def _project(tmp_path, folder: str):
    project = lay_out_case(CASES / "valid" / "supervision", tmp_path / "p")
    org = project / "data" / "org.yaml"
    text = org.read_text(encoding="utf-8")
    org.write_text(text.replace("units:\n", "supervising_office: bangongshi\nunits:\n", 1))
    shutil.move(project / "data", project / folder)
    return project


def test_a_space_and_a_hash_in_the_data_folder_are_escaped(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path, "my data#1")
    monkeypatch.chdir(project)
    assert main(["codeowners", "--data", "my data#1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "/my\\ data\\#1/org.yaml @office-clerk" in lines
    assert "/my\\ data\\#1/status/alpha.yaml @alpha-officer @office-clerk" in lines
    # every line that names a path is one pattern and its owners, never a split path
    for line in lines:
        if line and not line.startswith("#"):
            _path, *owners = line.replace("\\ ", "\0").split(" ")
            assert owners and all(o.startswith("@") for o in owners), line


def test_wildcards_and_backslashes_are_escaped():
    assert pattern("/a b/c*d?e\\f#g/x.yaml") == "/a\\ b/c\\*d\\?e\\\\f\\#g/x.yaml"


@pytest.mark.parametrize("folder", ["data[1]", "da\tta", "da\nta"])
def test_a_folder_no_escape_makes_safe_is_refused(tmp_path, folder):
    model = load_project(_project(tmp_path, "data") / "data").model
    assert model is not None
    with pytest.raises(UnsafePath):
        codeowners(model, folder, ["@office"])


def test_the_command_says_so_in_one_line(tmp_path, monkeypatch, capsys):
    project = _project(tmp_path, "data[1]")
    monkeypatch.chdir(project)
    assert main(["codeowners", "--data", "data[1]"]) == 2
    err = capsys.readouterr().err
    assert "CODEOWNERS" in err and "Traceback" not in err
