"""`mkdocs serve`'s indexes made from the last build's (h24s, site/serve_index.py): after one
edited status file each index (the whole model's and each plan's) equals a fresh
``Index.of``, the lists of the unchanged holders, tasks and top tasks are the last build's very
objects, and only the changed holders are tallied again; the pages equal a fresh build's."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

from duban.evaluation.evaluate import evaluate
from duban.evaluation.update import LiveEvaluation
from duban.load.update import LiveLoad
from duban.site import Settings, job_costs, serve_index, views
from duban.site.index import Index
from duban.site.lights import Tally
from sitekit import DEMO, DEMO_AS_OF, ServeRenders, fresh_texts

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)
EDITED = "status/baqiao.yaml"


def _edit(data: Path) -> None:
    status = data / EDITED
    text = status.read_text("utf-8")
    status.write_text(re.sub(r"(\n\s+done: )\S+", r"\g<1>2010-12-01", text, count=1), "utf-8")


def _same_index(found: Index, fresh: Index) -> None:
    for name in ("by_holder", "by_task", "by_top"):
        got, want = getattr(found, name), getattr(fresh, name)
        assert list(got) == list(want), name  # the same keys in the same order
        for key, items in want.items():
            assert len(got[key]) == len(items) and all(
                a is b for a, b in zip(got[key], items, strict=True)
            ), (name, key)
    assert found.holder_tallies == fresh.holder_tallies
    assert list(found.holder_tallies) == list(fresh.holder_tallies)
    assert found.holder_lights == fresh.holder_lights


def test_an_index_after_an_edit_equals_index_of_and_keeps_unchanged_lists(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    live, evaluations = LiveLoad(), LiveEvaluation()
    kept = serve_index.KeptIndexes()
    first = live.load(data).model
    assert first is not None
    before = kept.index("", first, evaluations.evaluate(first, AS_OF))
    assert kept.updated == 0 and before.holder_tallies  # tallied: the next one keeps them
    assert "baqiao" in before.reporters  # found: the next one looks at the changed holders'
    plans = {
        p: kept.index(p, first.for_plan(p), before.evaluation.for_plan(p)) for p in first.plans
    }  # type: ignore[union-attr]
    for plan_index in plans.values():
        assert plan_index.holder_tallies
    _edit(data)
    model = live.load(data, changed=[EDITED]).model
    assert live.updated and model is not None
    evaluation = evaluations.evaluate(model, AS_OF)
    kept.start()
    found = kept.index("", model, evaluation)
    assert kept.updated == 1
    fresh = Index.of(model, evaluation)
    _same_index(found, fresh)
    assert "reporters" in found.__dict__ and found.reporters == fresh.reporters
    # the edited unit's lists are new, most others the last build's objects
    assert found.by_holder["baqiao"] is not before.by_holder["baqiao"]
    same = [h for h, items in found.by_holder.items() if items is before.by_holder[h]]
    assert len(same) > len(found.by_holder) / 2
    assert 0 < kept.tallied < len(found.by_holder) / 3, kept.tallied
    for plan_id in model.plans:
        view, plan_evaluation = model.for_plan(plan_id), evaluation.for_plan(plan_id)
        _same_index(kept.index(plan_id, view, plan_evaluation), Index.of(view, plan_evaluation))
    assert kept.updated == 1 + len(model.plans)


def test_another_count_of_occurrences_or_date_makes_the_index_again(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    before = Index.of(demo_model, evaluation)
    later = evaluate(demo_model, AS_OF.replace(year=AS_OF.year + 1), 30)
    assert serve_index.updated(before, demo_model, later) is None
    fewer = replace(evaluation, items=evaluation.items[:-1])
    assert serve_index.updated(before, demo_model, fewer) is None
    same = serve_index.updated(before, demo_model, evaluation)
    assert same is not None and same.by_holder == before.by_holder


def test_a_serve_rebuild_tallies_only_the_changed_holders(tmp_path, monkeypatch):
    """Counts the holders' tallies of a rebuild after one edit: on main every holder was
    tallied again for every index (the whole model's and each plan's)."""
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    tallied: list[Any] = []
    real = Tally.of.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Tally], items: Any) -> Tally:
        tallied.append(items)
        return real(cls, items)

    monkeypatch.setattr(Tally, "of", classmethod(counted))
    settings = Settings(as_of=AS_OF, summary_rows=5)  # by group: the rankings too
    serve = ServeRenders(data, settings, AS_OF)
    memo = serve.memo  # in memory, as while serving

    serve.build(None)
    indexes = memo.indexes.last
    holder_lists = {id(items) for index in indexes.values() for items in index.by_holder.values()}
    first = sum(1 for items in tallied if id(items) in holder_lists)
    assert first == sum(len(index.by_holder) for index in indexes.values())
    tallied.clear()
    old_lists = dict(indexes[""].by_holder)
    digested = dict(memo.indexes.lists)  # the occurrences' digests by list (page_keys)
    _edit(data)
    pages, _ = serve.build([EDITED])
    # an unchanged holder's list is the same object: its digests are the last build's
    same = [i for h, i in indexes[""].by_holder.items() if i is old_lists[h] and id(i) in digested]
    assert len(same) > len(old_lists) / 2
    assert all(memo.indexes.lists[id(i)] is digested[id(i)] for i in same)
    edited = indexes[""].by_holder["baqiao"]
    assert edited is not old_lists["baqiao"] and memo.indexes.lists[id(edited)][0] is edited
    assert memo.indexes.updated == len(indexes) > 1
    holder_lists = {id(items) for index in indexes.values() for items in index.by_holder.values()}
    again = [items for items in tallied if id(items) in holder_lists]
    assert 0 < len(again) == memo.indexes.tallied < first / 3, (len(again), first)
    assert {i.holder_id for items in again for i in items} >= {"baqiao"}
    # every page and download equals a fresh build's
    assert pages == fresh_texts(data, settings, AS_OF)


def test_the_jobs_costs_from_the_index_are_those_of_every_occurrence(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    index = Index.of(demo_model, evaluation)
    assert job_costs.Costs.of(evaluation, index) == job_costs.Costs.of(evaluation)
    assert job_costs.Costs.of(evaluation, index).total == len(evaluation.items)


def test_the_section_rows_from_the_index_equal_those_of_every_occurrence(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    for plan_id in demo_model.plans:
        view, plan_evaluation = demo_model.for_plan(plan_id), evaluation.for_plan(plan_id)
        rows = views.section_rows(view, plan_evaluation, Index.of(view, plan_evaluation))
        assert rows == views.section_rows(view, plan_evaluation)
        assert sum(r.tally.total for r in rows) > 0


def test_the_plan_rows_from_the_plans_tallies_equal_those_of_every_occurrence(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    tallies = {
        p: Index.of(demo_model.for_plan(p), evaluation.for_plan(p)).tally for p in demo_model.plans
    }
    rows = views.plan_rows(demo_model, evaluation, tallies)
    assert rows == views.plan_rows(demo_model, evaluation)
    assert all(r.tally is tallies[r.plan.id] and r.light is not None for r in rows)


def test_the_reporters_kept_are_made_again_for_the_holders_whose_entries_changed(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    before = Index.of(demo_model, evaluation)
    holder = sorted(before.reporters)[0]
    # every entry of one reporter now names no task of the model: it reported nothing
    status = {
        key: replace(entry, task_id="no-plan/99") if entry.holder_id == holder else entry
        for key, entry in demo_model.status.items()
    }
    model = replace(demo_model, status=status)
    after = Index.of(model, evaluation)
    serve_index._kept_reporters(before, after)
    assert "reporters" in after.__dict__
    assert after.reporters == Index.of(model, evaluation).reporters
    assert holder not in after.reporters and after.reporters == before.reporters - {holder}
    # another set of keys: not kept (found by a pass when asked)
    fewer = replace(demo_model, status=dict(list(demo_model.status.items())[1:]))
    again = Index.of(fewer, evaluation)
    serve_index._kept_reporters(before, again)
    assert "reporters" not in again.__dict__
