"""Hostile input beyond the case folders (issue "Trust"): what cannot live in a case folder
(file names, symbolic links, unreadable files, size) and how problems are printed.

Each test states the exact line a user sees.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from duban.cli.main import main
from duban.load import layout
from duban.load.project import load_project
from duban.model.problems import Problem
from helpers import deny_listing


def test_a_path_with_a_line_break_stays_on_one_line_and_makes_no_annotation():
    problem = Problem("data/status/a\n::error file=x::pwned\x1b[2J.yaml", 1, 1, "", "is ignored")
    assert str(problem) == "data/status/a\\x0a::error file=x::pwned\\x1b[2J.yaml:1:1: is ignored"
    assert problem.github_annotation() == (
        "::error file=data/status/a\\x0a%3A%3Aerror file=x%3A%3Apwned\\x1b[2J.yaml,line=1,col=1"
        "::is ignored"
    )


def test_annotation_properties_escape_percent_colon_and_comma():
    problem = Problem("data/a%,b:c.yaml", 2, 3, "f", "50% done, see: x")
    assert problem.github_annotation() == (
        "::error file=data/a%25%2Cb%3Ac.yaml,line=2,col=3::f: 50%25 done, see: x"
    )


def test_bidi_and_zero_width_characters_in_a_path_are_shown_escaped():
    problem = Problem("data/status/\u202eabc\u200b.yaml", 1, 1, "", "is missing")
    assert str(problem) == "data/status/\\u202eabc\\u200b.yaml:1:1: is missing"


# -- the data folder: links, names, unreadable files, sizes --------------------------------------

LINK = "is a symbolic link: duban does not follow links in the data folder"


def problems(data: str = "data") -> list[str]:
    return [str(p) for p in load_project(Path(data)).problems]


def test_a_status_file_that_links_to_a_secret_is_refused_unread(project_dir, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("unit: TOPSECRET-PASSWORD\n", encoding="utf-8")
    link = project_dir / "data" / "status" / "alpha.yaml"
    link.unlink()
    link.symlink_to(secret)
    found = problems()
    assert found == [f"data/status/alpha.yaml:1:1: {LINK}"]
    assert "TOPSECRET" not in "\n".join(found)


def test_a_linked_folder_is_refused(project_dir, tmp_path):
    outside = tmp_path / "elsewhere"
    (project_dir / "data" / "status").rename(outside)
    (project_dir / "data" / "status").symlink_to(outside, target_is_directory=True)
    assert problems() == [f"data/status:1:1: {LINK}"]


def test_a_linked_single_file_is_refused(project_dir):
    org = project_dir / "data" / "org.yaml"
    org.rename(project_dir / "org-real.yaml")
    org.symlink_to(project_dir / "org-real.yaml")
    assert f"data/org.yaml:1:1: {LINK}" in problems()


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("gamma.yaml\n", "gamma.yaml\\x0a"),
        ("a\n::error file=x::b.yaml", "a\\x0a::error file=x::b.yaml"),
        ("Gamma.yaml", "Gamma.yaml"),
        ("gamma.yml", "gamma.yml"),
        ("gamma.yaml.bak", "gamma.yaml.bak"),
        (".gamma.yaml", ".gamma.yaml"),
        ("-gamma.yaml", "-gamma.yaml"),
        ("g" * 64 + ".yaml", "g" * 64 + ".yaml"),
        ("notes.txt", "notes.txt"),
    ],
)
def test_only_id_yaml_names_are_read_and_others_are_reported(project_dir, name, shown, capsys):
    (project_dir / "data" / "status" / name).write_text("unit: gamma\n", encoding="utf-8")
    assert problems() == [f"data/status/{shown}:1:1: is ignored: name it <id>.yaml"]
    assert main(["validate"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 2 and "::error" not in err.split(":1:1:")[0].split("\\x0a")[0]


def test_an_unreadable_folder_is_one_problem_line(project_dir, monkeypatch, capsys):
    deny_listing(monkeypatch, "status")
    assert problems() == ["data/status:1:1: cannot be read: Permission denied"]
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "1 problem in 1 file"


def test_an_unreadable_file_is_one_problem_line(project_dir, monkeypatch):
    real_open = os.open

    def open_(path, *args, **kwargs):
        if Path(path).name == "alpha.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)  # load/files.read_regular opens with os.open
    assert problems() == ["data/status/alpha.yaml:1:1: cannot be read: Permission denied"]


def test_any_other_oserror_while_loading_is_a_problem_line_not_exit_70(project_dir, monkeypatch):
    def exists(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "exists", exists)
    assert problems() == ["data/plan.yaml:1:1: cannot be read: Permission denied"]
    assert main(["validate"]) == 1


def test_a_file_that_vanishes_between_listing_and_reading_is_a_problem_line(
    project_dir, monkeypatch
):
    real_open = os.open

    def open_(path, *args, **kwargs):
        if Path(path).name == "alpha.yaml":
            raise FileNotFoundError(2, "No such file or directory", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    assert problems() == ["data/status/alpha.yaml:1:1: cannot be read: No such file or directory"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_on_a_folder_and_a_file(project_dir):
    status = project_dir / "data" / "status"
    (project_dir / "data" / "tasks" / "01.yaml").chmod(0)
    status.chmod(0)
    try:
        assert problems() == [
            "data/status:1:1: cannot be read: Permission denied",
            "data/tasks/01.yaml:1:1: cannot be read: Permission denied",
        ]
    finally:
        status.chmod(0o755)


def test_a_folder_of_too_many_files_is_one_problem(project_dir, monkeypatch):
    monkeypatch.setattr(layout, "MAX_FILES", 3)
    for name in ("gamma", "delta", "epsilon"):
        (project_dir / "data" / "status" / f"{name}.yaml").write_text("x: 1\n", encoding="utf-8")
    assert problems() == [
        "data/status:1:1: holds more than 3 files: split the data or remove files"
    ]


def test_problems_printed_are_limited_per_file_and_in_all(project_dir, capsys):
    # 12 files of 100 problems each: 50 of each file are shown until 500 are, then one line
    status = project_dir / "data" / "status"
    for n in range(12):
        text = "".join(f"k{i}: yes\n" for i in range(100))  # 100 ambiguous booleans each
        (status / f"extra-{n:02d}.yaml").write_text(text, encoding="utf-8")
    assert main(["validate"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 502
    assert err[-2] == "… and 700 more problems"
    assert err[-1] == "1200 problems in 12 files"
    assert sum(line.startswith("data/status/extra-00.yaml:") for line in err) == 50


def test_a_400_kb_file_of_200000_items_is_refused_quickly_with_one_line(project_dir, capsys):
    path = project_dir / "data" / "status" / "alpha.yaml"
    path.write_text("unit: alpha\nobligations: [" + ",".join(["1"] * 200_000) + "]\n")
    assert main(["validate"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "data/status/alpha.yaml:2:10015: obligations: has more than 5,000 items: "
        "split the data or remove items",
        "1 problem in 1 file",
    ]


# -- files written with -o -----------------------------------------------------------------------
def test_output_files_get_the_usual_mode_and_keep_an_existing_one(project_dir, capsys):
    old = os.umask(0o022)
    try:
        assert main(["export", "json", "-o", "out/plan.json"]) == 0
        assert (project_dir / "out" / "plan.json").stat().st_mode & 0o777 == 0o644
        (project_dir / "out" / "plan.json").chmod(0o640)
        assert main(["export", "json", "-o", "out/plan.json"]) == 0
        assert (project_dir / "out" / "plan.json").stat().st_mode & 0o777 == 0o640
        os.umask(0o027)
        assert main(["codeowners", "-o", "CODEOWNERS"]) == 0
        assert (project_dir / "CODEOWNERS").stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_a_failed_write_leaves_no_file_behind(project_dir, monkeypatch, capsys):
    from duban.load import files

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", fail)
    assert main(["export", "json", "-o", "plan.json"]) == 2
    assert capsys.readouterr().err == (
        "duban export: -o: cannot write plan.json: No space left on device\n"
    )
    assert sorted(p.name for p in project_dir.iterdir()) == ["data"]


# -- personal data -------------------------------------------------------------------------------
def _add_personal_data(project_dir: Path) -> None:
    path = project_dir / "data" / "status" / "alpha.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("unit: alpha\n", "unit: alpha\n# 手机 13912345678 in a comment\n"))
    org = project_dir / "data" / "org.yaml"
    org.write_text(
        org.read_text("utf-8").replace("name: 甲区司法局", "name: 甲区司法局 13912345678")
    )


def test_personal_data_is_a_warning_and_strict_validation_fails(project_dir, capsys, monkeypatch):
    _add_personal_data(project_dir)
    line = (
        "data/org.yaml:34:11: units[2].name: warning: looks like a mobile phone number "
        "(139****5678): personal data must not be published; remove it"
    )
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert captured.err == line + "\n" and captured.out.startswith("ok: ")
    assert main(["validate", "--strict"]) == 1
    assert capsys.readouterr().err == line + "\n1 warning: --strict fails\n"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("::warning file=data/org.yaml,line=34,col=11::")


def test_id_numbers_need_a_valid_check_digit_and_phone_numbers_stand_alone():
    from duban.load.privacy import findings

    assert list(findings("11010519491231002X 11010519491231002Y")) == [
        ("a resident ID number", "11**************2X")
    ]
    assert list(findings("文号 2010139123456789 编号 013912345678")) == []
    assert list(findings("电话 139 1234 5678")) == [("a mobile phone number", "139****5678")]
    assert list(findings("https://example.org/@user/x @org/team")) == []
