"""The summaries' tallies worked out in one pass (h24q): the same rows as scanning every
occurrence for every section (the way before, kept here as the reference)."""

from __future__ import annotations

from duban.evaluation.evaluate import evaluate
from duban.site import Settings, groups, holder_records, index, render_site, views
from duban.site.index import Index
from duban.site.lights import Tally
from sitekit import DEMO_AS_OF

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


def _scanned(model, evaluation) -> list[views.SectionRow]:
    result = []
    for section in model.plan.sections:
        tasks = tuple(t for t in model.tasks_in_order() if t.section == section.number)
        if not tasks:
            continue
        ids = {t.id for t in tasks}
        tally = Tally.of(
            i
            for i in evaluation.items
            if i.task_id in model.tasks and model.tasks[i.task_id].top_id in ids
        )
        result.append(
            views.SectionRow(section.number, section.numeral, section.title, tasks, tally)
        )
    for task in model.tasks_in_order():
        if task.is_plan_wide:
            items = (i for i in evaluation.items if i.task_id == task.id)
            result.append(views.SectionRow(0, None, task.title, (task,), Tally.of(items)))
    return result


def test_section_rows_are_those_of_a_scan_per_section(demo_model):
    seen = 0
    for plan_id in demo_model.plans:
        model = demo_model.for_plan(plan_id)
        evaluation = evaluate(model, AS_OF, 30)
        rows = views.section_rows(model, evaluation)
        assert rows == _scanned(model, evaluation)
        # the counts' order too (a tally's states are listed in the order first seen)
        assert [list(r.tally.counts) for r in rows] == [
            list(r.tally.counts) for r in _scanned(model, evaluation)
        ]
        seen += sum(r.tally.total for r in rows)
    assert seen > 40


def test_the_reporters_are_found_once_an_index(demo_model, monkeypatch):
    """The progress pages, the units index and the group pages ask each plan's index for the
    holders that reported (h24q): found once per model, not once per page."""
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)  # group pages (a province)
    asked: list[int] = []
    found = index.known_reporters

    def counted(model, as_of):
        asked.append(id(model))
        return found(model, as_of)

    monkeypatch.setattr(index, "known_reporters", counted)
    monkeypatch.setattr(holder_records, "known_reporters", counted)
    settings = Settings(as_of=AS_OF, summary_rows=5)
    render_site(demo_model, settings, evaluate(demo_model, AS_OF, 30), processes=1)
    assert asked and len(asked) == len(set(asked))


def test_the_newest_reports_and_a_holders_are_those_of_every_report_sorted(demo_model):
    """Home and the feed take the newest reports, a unit page its own (h24q), without every
    report made and sorted: the same entries in the same order as the whole list gives."""
    evaluation = evaluate(demo_model, AS_OF, 30)
    whole = Index.of(demo_model, evaluation)
    assert len(whole.reports) > 20
    for count in (1, 8, 20, len(whole.reports) + 5):
        assert Index.of(demo_model, evaluation).newest(count) == whole.reports[:count]
    dates = [r.date for r in whole.reports]
    assert len(set(dates)) < len(dates)  # ties, kept in the sort's order
    fresh = Index.of(demo_model, evaluation)
    holders = {e.holder_id for e in demo_model.status.values()} | {"nobody"}
    for holder_id in sorted(holders):
        assert fresh.reports_of(holder_id) == whole.reports_by_holder.get(holder_id, [])
    assert "reports" not in fresh.__dict__  # none of it made every report
