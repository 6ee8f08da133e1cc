"""`mkdocs serve`'s evaluation (evaluation/update.py, h24m): after each edit of a sequence of
status files (the model updated by load/update.py), only the obligations of the holders whose
entries changed are evaluated again, and the evaluation equals a full one."""

from __future__ import annotations

import datetime as dt
import pickle
import shutil
from pathlib import Path

import pytest

from duban.evaluation.evaluate import evaluate
from duban.evaluation.update import LiveEvaluation
from duban.load.project import load_project
from duban.load.update import LiveLoad

COUNTY = Path(__file__).resolve().parents[2] / "examples" / "county" / "data"
AS_OF = dt.date(2024, 3, 31)

SHARED_Q1 = """obligations:
- task: "2-2"
  period: 2024-Q1
  state: done
  done: "2024-03-18"
"""

# (file, old text, new text; old None: the file removed ("") or put back (None); "new file":
# the original file with ``new`` for its empty list)
EDITS = [
    # the other holder of a shared duty reports: both holders' occurrences move
    ("tongjiju", "obligations: []\n", SHARED_Q1),
    # the step another deadline of the task counts from (签收 -> 自查报告 15 working days later)
    ("sifaju", 'done: "2023-09-2', 'done: "2023-09-1'),
    ("fagaiju", 'state: done\n  done: "2023-12-22"', "state: in-progress"),
    ("tongjiju", None, ""),  # removed
    ("tongjiju", "new file", SHARED_Q1),  # a new file
    ("sifaju", None, None),
]


@pytest.fixture
def county(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(COUNTY, data)
    return data


def _same(a, b) -> None:
    assert a == b
    assert pickle.dumps(a) == pickle.dumps(b)


def test_each_edit_evaluates_only_its_holders_obligations_and_equals_a_full_evaluation(
    county: Path,
) -> None:
    live, evaluations = LiveLoad(), LiveEvaluation()
    model = live.load(county).model
    assert model is not None
    _same(evaluations.evaluate(model, AS_OF), evaluate(model, AS_OF))
    total = evaluations.evaluated
    assert total == len(model.obligations)
    originals = {p.stem: p.read_text("utf-8") for p in (county / "status").glob("*.yaml")}
    shared_moved = False
    for name, old, new in EDITS:
        path = county / "status" / f"{name}.yaml"
        if old is None and new == "":
            path.unlink()
        elif old is None:
            path.write_text(originals[name], "utf-8")
        elif old == "new file":
            path.write_text(originals[name].replace("obligations: []\n", new), "utf-8")
        else:
            path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")
        before = evaluations.runs
        project = live.load(county, changed=[f"status/{name}.yaml"])
        assert live.updated and project.model is not None
        model = project.model
        got = evaluations.evaluate(model, AS_OF)
        _same(got, evaluate(model, AS_OF))
        _same(got, evaluate(load_project(county).model, AS_OF))
        assert 0 < evaluations.evaluated < total / 4
        fagaiju = [
            i
            for i, o in enumerate(model.obligations)
            if "fagaiju" in o.holders and o.task_id.endswith("/2-2")
        ]
        if name == "tongjiju":  # a shared duty: the other holder's occurrences evaluated again
            assert fagaiju and all(evaluations.runs[i] is not before[i] for i in fagaiju)
            shared_moved = True
    assert shared_moved


def test_another_day_or_another_model_evaluates_everything(county: Path) -> None:
    live, evaluations = LiveLoad(), LiveEvaluation()
    model = live.load(county).model
    assert model is not None
    evaluations.evaluate(model, AS_OF)
    total = evaluations.evaluated
    later = AS_OF + dt.timedelta(days=1)
    _same(evaluations.evaluate(model, later), evaluate(model, later))
    assert evaluations.evaluated == total
    assert evaluations.evaluate(model, later, 10) == evaluate(model, later, 10)
    assert evaluations.evaluated == total
    evaluations.evaluate(model, later, 10)
    assert evaluations.evaluated == 0  # nothing changed at all
    fresh = load_project(county).model  # equal, but other objects: evaluated again
    assert fresh is not None
    _same(evaluations.evaluate(fresh, later, 10), evaluate(fresh, later, 10))
    assert evaluations.evaluated == total
