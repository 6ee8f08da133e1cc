"""A model loaded without what holders wrote (``load_project(texts=False)``, what ``duban check``
and ``duban validate`` use): the same model less the words, the same check output, less memory;
and a status file's positions, released with its data, found again exactly."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache
from pathlib import Path

import pytest

from duban.evaluation.cascade import linked_report
from duban.evaluation.check_report import check_report
from duban.evaluation.evaluate import evaluate
from duban.load.project import load_project
from duban.load.strict_yaml import load_document
from duban.model.model import Model
from duban.model.status import Evidence, StatusEntry
from duban.outputs.check_formats import CHECK_FORMATS, CHECK_STREAMS, CheckOptions
from generate import Heavy
from sitekit import DEMO


@cache
def _models(data: Path) -> tuple[Model, Model]:
    """The data loaded with and without the words, once a module for both tests (the models
    are only read)."""
    full, lean = load_project(data), load_project(data, texts=False)
    assert full.ok and lean.ok, (full.problems[:3], lean.problems[:3])
    assert full.model is not None and lean.model is not None
    return full.model, lean.model


def _without_words(entry: StatusEntry) -> StatusEntry:
    return replace(
        entry,
        summary=None,
        problems=None,
        next_steps=None,
        updates=tuple(replace(u, text="") for u in entry.updates),
        evidence=tuple(Evidence("", None, e.date) for e in entry.evidence),
    )


@pytest.fixture(scope="module")
def heavy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Heavy(12, 3, seed=1).write(tmp_path_factory.mktemp("heavy") / "repo")


@pytest.mark.parametrize("which", ["demo", "heavy"])
def test_the_model_is_the_same_less_the_words(which, heavy):
    full, lean = _models(DEMO / "data" if which == "demo" else heavy)
    assert full.texts and not lean.texts
    assert list(lean.status) == list(full.status)
    worded = [e for e in full.status.values() if e.summary or any(u.text for u in e.updates)]
    assert worded and any(e.evidence for e in worded)  # there were words to leave out
    for key, entry in full.status.items():
        assert lean.status[key] == _without_words(entry), key
    assert replace(lean, status={}, texts=True) == replace(full, status={})


@pytest.mark.parametrize(
    ("which", "as_of"),
    [("demo", "2010-12-15"), ("demo", "2012-06-30"), ("heavy", "2024-11-30")],
)
def test_every_check_format_is_the_same_without_the_words(which, as_of, heavy):
    full, lean = _models(DEMO / "data" if which == "demo" else heavy)
    day = dt.date.fromisoformat(as_of)
    outputs = []
    for model in (full, lean):
        evaluation = evaluate(model, day)
        options = CheckOptions("overdue", "https://example.org/", linked_report(model, evaluation))
        report = check_report(model, evaluation)
        texts = {name: render(report, options) for name, render in CHECK_FORMATS.items()}
        texts |= {f"{n} streamed": "".join(s(report, options)) for n, s in CHECK_STREAMS.items()}
        outputs.append(texts)
    assert outputs[0]["json"].count('"task": ') > 10  # a report with items in it
    assert outputs[0] == outputs[1]


STATUS = """\
# a comment first: the root mapping starts on line 2
unit: u1
obligations:
  - plan: p
    task: "1"
    state: done
    updates:
      - date: 2024-01-02
        text: one
      - date: 2024-02-03
        text: two
  - plan: p
    task: "2"
    state: in-progress
"""


def test_positions_released_with_the_data_are_found_again_exactly(tmp_path):
    path = tmp_path / "u1.yaml"
    path.write_text(STATUS, encoding="utf-8")
    keys = [
        (),
        ("unit",),
        ("obligations", 1),
        ("obligations", 0, "updates", 1, "text"),
        ("obligations", 1, "state"),
    ]
    before, _ = load_document(path, "data/status/u1.yaml")
    after, _ = load_document(path, "data/status/u1.yaml")
    assert before is not None and after is not None
    expected = [before.position(k) for k in keys]
    assert expected[0] == (2, 1) and expected[3] == (11, 15)
    after.release()
    assert after.data is None and after.positions == {}
    assert [after.position(k) for k in keys] == expected
    assert after.problem(("obligations", 1, "state"), "x").line == 14
    assert after.position(("unit",), of_key=True) == before.position(("unit",), of_key=True)
