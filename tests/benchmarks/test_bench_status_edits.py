"""The benchmarks' edits (status_edits.py) leave valid data and change what they say they change:
the update-text edit no state, the monthly report one state and one more report per file."""

from __future__ import annotations

import datetime as dt

from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from generate import Heavy, Repository
from status_edits import REPORTED, report_edit, text_edit

AS_OF = dt.date(2024, 11, 30)


def _states(root):
    project = load_project(root)
    assert project.ok, [str(p) for p in project.problems[:3]]
    assert project.model is not None
    evaluation = evaluate(project.model, AS_OF)
    updates = sum(len(e.updates) for e in project.model.status.values())
    return sorted(i.state.value for i in evaluation.items), updates


def _edited(root, edit, count=5):
    files = sorted((root / "status").glob("*.yaml"))[:count]
    for file in files:
        file.write_text(edit(file.read_text("utf-8"), "标记"), "utf-8")
    return files


def test_a_text_edit_changes_no_state(tmp_path):
    root = Repository(24, 2, seed=2).write(tmp_path / "light")
    before = _states(root)
    files = _edited(root, text_edit)
    assert all("标记" in f.read_text("utf-8") for f in files)
    assert _states(root) == before


def test_a_monthly_report_adds_a_report_and_closes_a_task_on_both_profiles(tmp_path):
    for name, kind in (("light", Repository), ("heavy", Heavy)):
        root = kind(24, 2, seed=2).write(tmp_path / name)
        states, updates = _states(root)
        files = _edited(root, report_edit)
        assert all(f"date: {REPORTED}\n" in f.read_text("utf-8") for f in files)
        now, updates_now = _states(root)
        assert updates_now == updates + len(files)
        done = sum(s.startswith("done") for s in states)
        assert sum(s.startswith("done") for s in now) > done, name
        assert now != states
