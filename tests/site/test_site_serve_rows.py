"""`mkdocs serve`'s summary rows from the last build's groupings (h24v, site/serve_rows.py):
after one edited status file the deadline rows, the group rows and the buckets of every
occurrence equal those of a pass over every occurrence, the unchanged lists are the last
build's objects, and a serve rebuild makes none of them by that pass."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from duban.evaluation.evaluate import State, evaluate
from duban.evaluation.update import LiveEvaluation
from duban.load.update import LiveLoad
from duban.site import Settings, groups, serve_index, serve_rows, views
from duban.site.index import Index
from duban.site.lights import Tally
from sitekit import DEMO, DEMO_AS_OF, ServeRenders, fresh_texts

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)
EDITED = "status/baqiao.yaml"


def _edit(data: Path, done: str = "2010-12-01") -> None:
    status = data / EDITED
    text = status.read_text("utf-8")
    status.write_text(re.sub(r"(\n\s+done: )\S+", rf"\g<1>{done}", text, count=1), "utf-8")


def _rows(model: Any, evaluation: Any, index: Index) -> tuple[Any, Any, Any]:
    home = groups.home_groups(model)
    return (
        serve_rows.deadline_rows(model, evaluation, index),
        serve_rows.group_rows(model, evaluation, index),
        serve_rows.buckets(model, evaluation, index, home),
    )


def _fresh(model: Any, evaluation: Any) -> tuple[Any, Any, Any]:
    home = groups.home_groups(model)
    return (
        views.deadline_rows(model, evaluation),
        views.group_rows(model, evaluation),
        groups.buckets(model, evaluation.items, home),
    )


def test_rows_after_edits_equal_a_pass_over_every_occurrence(tmp_path, monkeypatch):
    lit: list[Any] = []
    real_lights = serve_rows.holder_lights

    def lights(items: Any) -> Any:
        lit.append(items)
        return real_lights(items)

    monkeypatch.setattr(serve_rows, "holder_lights", lights)
    tallied: list[Any] = []
    real_of = Tally.of.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Tally], items: Any) -> Tally:
        tallied.append(items)
        return real_of(cls, items)

    monkeypatch.setattr(Tally, "of", classmethod(counted))
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    live, evaluations = LiveLoad(), LiveEvaluation()
    kept = serve_index.KeptIndexes()
    model = live.load(data).model
    assert model is not None
    evaluation = evaluations.evaluate(model, AS_OF)
    index = kept.index("", model, evaluation)
    assert index.tally == Tally.of(evaluation.items)  # asked: the next index's is changed
    first = _rows(model, evaluation, index)
    assert first == _fresh(model, evaluation)
    assert serve_rows.task_rows(model, index) == views.task_rows(model, index)
    assert first[0] and first[1] and first[2]
    deadlines = serve_rows.grouped(index, "deadlines", serve_rows._deadline_key)
    for done in ("2010-12-01", "2010-11-02"):
        _edit(data, done)
        model = live.load(data, changed=[EDITED]).model
        assert model is not None
        evaluation = evaluations.evaluate(model, AS_OF)
        kept.start()
        index = kept.index("", model, evaluation)
        assert kept.updated == 1
        tallied.clear()
        home = groups.home_groups(model)
        deadline_rows = serve_rows.deadline_rows(model, evaluation, index)
        buckets = serve_rows.buckets(model, evaluation, index, home)
        assert tallied == []  # the changed lists' tallies from the last ones
        rows = _rows(model, evaluation, index)
        assert rows == _fresh(model, evaluation)
        assert rows[0] == deadline_rows and rows[2] == buckets
        # the task rows from the last ones (no holder's lights of a whole list again)
        lit.clear()
        found = serve_rows.task_rows(model, index)
        assert found == views.task_rows(model, Index.of(model, evaluation))
        assert lit == []
        assert "tally" in index.__dict__  # from the last one's and the changed occurrences
        assert index.tally == Tally.of(evaluation.items)
        assert index.tally.counts != {} and index.tally.unreported >= 0
        # the same keys in the same order; the lists without the edited unit's occurrences
        # are the last build's objects, the others not
        now = serve_rows.grouped(index, "deadlines", serve_rows._deadline_key)
        assert list(now) == list(deadlines)
        same = [k for k, items in now.items() if items is deadlines[k]]
        changed = [k for k, items in now.items() if items is not deadlines[k]]
        assert same and changed
        assert all(any(i.holder_id == "baqiao" for i in now[k]) for k in changed)
        # a tally of an unchanged list is kept
        by_key = {(r.task.id, r.due.id, r.key): r for r in rows[0]}
        last = {(r.task.id, r.due.id, r.key): r for r in first[0]}
        assert all(by_key[k].tally is last[k].tally for k in same)
        first, deadlines = rows, now


def test_another_home_or_key_at_a_changed_place_groups_again(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    before = Index.of(demo_model, evaluation)
    home = groups.home_groups(demo_model)
    serve_rows.buckets(demo_model, evaluation, before, home)
    items = list(evaluation.items)
    place = next(p for p, i in enumerate(items) if i.holder_id == "baqiao")
    items[place] = replace(items[place], key=items[place].key + "x")
    later = replace(evaluation, items=tuple(items))
    after = serve_index.updated(before, demo_model, later)
    assert after is not None
    serve_rows.carry(before, after)
    # a changed place in another period: its deadline row is another; grouped again
    assert serve_rows.deadline_rows(demo_model, later, after) == views.deadline_rows(
        demo_model, later
    )
    other = {h: "elsewhere" for h in home}
    assert serve_rows.buckets(demo_model, later, after, other) == groups.buckets(
        demo_model, later.items, other
    )


def test_a_serve_rebuild_groups_no_summary_row_by_every_occurrence(tmp_path, monkeypatch):
    """Counts the passes over every occurrence (``views.deadline_rows``, ``views.group_rows``,
    ``groups.buckets`` of a whole evaluation) of a serve rebuild after one edit: main made
    them on every edit, for each plan."""
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    passes: list[str] = []

    def counted(name: str, real: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            passes.append(name)
            return real(*args, **kwargs)

        return run

    monkeypatch.setattr(views, "deadline_rows", counted("deadlines", views.deadline_rows))
    monkeypatch.setattr(views, "group_rows", counted("groups", views.group_rows))
    real_buckets = groups.buckets

    def buckets(model: Any, items: Any, home: Any) -> Any:
        if isinstance(items, tuple):  # an evaluation's every occurrence
            passes.append("buckets")
        return real_buckets(model, items, home)

    monkeypatch.setattr(groups, "buckets", buckets)
    monkeypatch.setattr(serve_rows, "holder_lights", counted("lights", serve_rows.holder_lights))
    every = serve_rows.by_every_occurrence
    monkeypatch.setattr(serve_rows, "by_every_occurrence", counted("every", every))
    settings = Settings(as_of=AS_OF, summary_rows=5)  # by group: the group pages too
    serve = ServeRenders(data, settings, AS_OF)
    memo = serve.memo  # in memory, as while serving

    serve.build(None)
    assert passes  # the first build: by the pass over every occurrence
    passes.clear()
    _edit(data)
    pages, _ = serve.build([EDITED])
    assert memo.indexes.updated > 1
    assert passes == []
    assert pages == fresh_texts(data, settings, AS_OF)


def test_a_changed_tally_equals_a_fresh_one_for_every_state(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    items = list(evaluation.items)
    states = list(State)
    last = Tally.of(items)
    for step in range(1, 5):
        pairs = []
        for place in range(0, len(items), step + 2):
            was = items[place]
            state = states[(place * step) % len(states)]
            now = replace(was, state=state, entry=None if place % 2 else was.entry)
            items[place] = now
            pairs.append((was, now))
        found = serve_rows.changed_tally(last, pairs)
        assert found == Tally.of(items)
        assert all(n > 0 for n in found.counts.values())
        assert all(n > 0 for n in found.unreported_by.values())
        assert State.NOT_APPLICABLE not in found.unreported_by
        last = found
    assert serve_rows.changed_tally(last, []) is last
