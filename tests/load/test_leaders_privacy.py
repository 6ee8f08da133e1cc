"""A leader's name and post are public (the published plan names them): no warning. A phone or
ID number inside a leader's entry is an error, where elsewhere it is a warning (w-leaders)."""

from __future__ import annotations

from pathlib import Path

from duban.load.project import load_project
from helpers import CASES, lay_out_case

TASK = "data/plans/test-plan/tasks/01.yaml"


def _load(tmp_path: Path, old: str = "", new: str = ""):  # type: ignore[no-untyped-def]
    folder = lay_out_case(CASES / "valid" / "leaders", tmp_path / "p")
    task = folder / TASK
    task.write_text(task.read_text("utf-8").replace(old, new, 1), "utf-8")
    return load_project(folder / "data")


def test_names_and_posts_of_leaders_draw_no_warning(tmp_path):
    project = _load(tmp_path)
    assert project.ok and project.problems == [] and project.warnings == []


def test_a_phone_number_in_a_leaders_entry_is_an_error(tmp_path):
    project = _load(tmp_path, "post: 副市长", "post: 副市长 139-1234-5678")
    assert not project.ok
    [problem] = project.problems
    assert problem.field == "leaders[0].post"
    assert "139****5678" in problem.message and "in a leader's entry" in problem.message
    assert "13912345678" not in str(problem)  # masked: the message publishes nothing


def test_the_same_number_in_the_task_text_stays_a_warning(tmp_path):
    project = _load(tmp_path, "text: 建立制度。", "text: 建立制度，联系电话13912345678。")
    assert project.ok and project.problems == []
    [warning] = project.warnings
    assert warning.field == "text" and warning.severity == "warning"


def test_an_id_number_in_a_leaders_text_is_an_error(tmp_path):
    project = _load(
        tmp_path, "text: 牵头领导：王 健（副市长）", "text: 牵头领导：王 健 110101199003071233"
    )
    assert [p.field for p in project.problems] == ["leaders[0].text"]
