"""h24r: a site build tallies each holder's occurrences, and each evaluation's, once per index:
the home page, the progress pages, the rankings, the units index and the group pages share the
tallies of the index (``Index.holder_tallies``, ``Index.tally_of``)."""

from __future__ import annotations

from typing import Any

from duban.evaluation.check_report import summarize
from duban.evaluation.evaluate import evaluate
from duban.site import Settings, render_site
from duban.site import index as index_module
from duban.site.index import Index
from duban.site.lights import Tally
from sitekit import DEMO_AS_OF

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


def _counting(monkeypatch) -> tuple[list[Index], list[int]]:
    """Every index built, and the id of every collection of occurrences tallied (each kept
    alive, so that no id is reused)."""
    built: list[Index] = []
    tallied: list[int] = []
    kept: list[Any] = []
    made, tally = Index.of.__func__, Tally.of.__func__  # type: ignore[attr-defined]

    def index_of(cls: type[Index], *args: Any) -> Index:
        built.append(made(cls, *args))
        return built[-1]

    def tally_of(cls: type[Tally], items: Any) -> Tally:
        kept.append(items)
        tallied.append(id(items))
        return tally(cls, items)

    monkeypatch.setattr(Index, "of", classmethod(index_of))
    monkeypatch.setattr(Tally, "of", classmethod(tally_of))
    return built, tallied


def test_each_holder_and_each_evaluation_is_tallied_once_per_index(demo_model, monkeypatch):
    built, tallied = _counting(monkeypatch)
    # by group (a province): the progress page and the group pages both rank each plan's units
    render_site(demo_model, Settings(as_of=AS_OF, summary_rows=5), processes=1)
    assert len(built) >= 2  # the whole model's index and each plan's
    for found in built:
        lists = [id(items) for items in found.by_holder.values()]
        assert lists and all(tallied.count(i) <= 1 for i in lists)
        assert sum(tallied.count(i) for i in lists) == len(found.holder_tallies)
        assert found.evaluation is not None
        assert tallied.count(id(found.evaluation.items)) <= 1
    assert sum(tallied.count(id(f.evaluation.items)) for f in built if f.evaluation) >= 1


def test_the_shared_tallies_are_those_of_each_holder(demo_model):
    evaluation = evaluate(demo_model, AS_OF, 30)
    found = Index.of(demo_model, evaluation)
    for holder_id, items in found.by_holder.items():
        assert found.holder_tallies[holder_id] == Tally.of(items)
    assert found.tally_of(evaluation) is found.tally
    assert found.tally == Tally.of(evaluation.items)
    other = evaluate(demo_model, AS_OF, 30)
    assert found.tally_of(other) is not found.tally and found.tally_of(other) == found.tally


def test_the_summary_takes_the_index_reporters_and_says_the_same(demo_model, monkeypatch):
    evaluation = evaluate(demo_model, AS_OF, 30)
    found = Index.of(demo_model, evaluation)
    assert summarize(demo_model, evaluation, found.reporters) == summarize(demo_model, evaluation)
    assert found.reporters  # the demo's units have reported
    asked: list[int] = []
    known = index_module.known_reporters

    def counted(model: Any, as_of: Any) -> set[str]:
        asked.append(id(model))
        return known(model, as_of)

    monkeypatch.setattr(index_module, "known_reporters", counted)
    monkeypatch.setattr("duban.evaluation.check_report.reporters", counted)
    render_site(demo_model, Settings(as_of=AS_OF, summary_rows=5), processes=1)
    assert asked and len(asked) == len(set(asked))  # once per model: no second pass
