"""Pages whose inputs did not change are not rendered again (duban/site/page_keys.py, h24g):
the renders are counted, and the pages compared with a fresh render of the same data."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from duban.evaluation.evaluate import evaluate
from duban.model.model import Model
from duban.outputs import urls
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import Settings, groups, page_group, page_home, page_tasks, page_units, render_site
from helpers import loaded_model
from sitekit import DEMO_AS_OF, demo_data

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)


class Renders:
    """Which unit and task pages were rendered."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.units: Counter[str] = Counter()
        self.tasks: Counter[str] = Counter()
        self.home = 0
        unit, task, home = page_units.page_of_unit, page_tasks.page_of_task, page_home.home

        def counted_home(*args: Any) -> str:
            self.home += 1
            return home(*args)

        def counted_unit(ctx: Any, holder: Any) -> str:
            self.units[holder.id] += 1
            return unit(ctx, holder)

        def counted_task(ctx: Any, node: Any) -> str:
            self.tasks[node.id] += 1
            return task(ctx, node)

        monkeypatch.setattr(page_units, "page_of_unit", counted_unit)
        monkeypatch.setattr(page_tasks, "page_of_task", counted_task)
        monkeypatch.setattr(page_home, "home", counted_home)

    def clear(self) -> None:
        self.units.clear()
        self.tasks.clear()
        self.home = 0


def _render(model: Model, memo: SourceMemo | None, data: Path, as_of=AS_OF) -> dict[str, str]:
    if memo is not None:
        memo.start(data_digests(data))
    settings = Settings(as_of=as_of)
    evaluation = evaluate(model, as_of, settings.due_soon_days)
    return render_site(model, settings, evaluation, processes=1, memo=memo).pages


def test_a_page_whose_inputs_did_not_change_is_not_rendered(tmp_path, monkeypatch):
    data = demo_data(tmp_path)
    model = loaded_model(data)
    renders = Renders(monkeypatch)
    memo = SourceMemo(None, keep=True)
    first = _render(model, memo, data)
    units, tasks = set(renders.units), set(renders.tasks)
    assert units and tasks  # a cold memo renders everything
    assert memo.hits == 0 and memo.made > len(renders.units)
    renders.clear()
    again = _render(loaded_model(data), memo, data)
    assert again == first
    assert not renders.units and not renders.tasks and renders.home == 0
    assert memo.made == 0 and memo.hits > 0
    # another date: every page is rendered again
    other = _render(model, memo, data, as_of=AS_OF.replace(year=AS_OF.year + 1))
    assert set(renders.units) == units and set(renders.tasks) == tasks
    assert memo.hits == 0
    assert other == _render(model, None, data, as_of=AS_OF.replace(year=AS_OF.year + 1))


def test_one_units_file_changed_renders_its_pages_its_tasks_and_the_summaries(
    tmp_path, monkeypatch
):
    data = demo_data(tmp_path)
    renders = Renders(monkeypatch)
    memo = SourceMemo(tmp_path / "cache", keep=False)  # on disk, as in CI
    before = _render(loaded_model(data), memo, data)
    everything_units, everything_tasks = set(renders.units), set(renders.tasks)
    # one update's text in one unit's file: its page, its tasks' pages and the summaries
    status = data / "status" / "baqiao.yaml"
    text = status.read_text("utf-8")
    changed = re.sub(r"(\n\s+text: )", r"\g<1>改动后的进展：", text, count=1)
    assert changed != text
    status.write_text(changed, "utf-8")
    renders.clear()
    model = loaded_model(data)
    after = _render(model, memo, data)
    units, tasks, home = set(renders.units), set(renders.tasks), renders.home
    fresh = _render(model, None, data)
    assert after == fresh  # byte for byte a render without the memo
    unit_page = urls.unit_page("baqiao")
    assert "改动后的进展" in after[unit_page] and after[unit_page] != before[unit_page]
    # the unit's page, and groups it belongs to (their pages list their members' occurrences)
    groups = {g.id for g in model.groups.values() if any(m.unit_id == "baqiao" for m in g.members)}
    assert "baqiao" in units and units <= {"baqiao", *groups}
    assert len(units) < len(everything_units)
    # the task pages of the tasks the unit holds, no other
    held = {i.task_id for i in evaluate(model, AS_OF, 30).items if "baqiao" in i.holders}
    tops = {"/".join(t.split("/")[:2]) for t in held}
    assert tasks and len(tasks) < len(everything_tasks)
    assert tasks <= tops
    # every page that differs from the last build's was rendered: unit and task pages by the
    # counts above, the summaries (home, 督办清单) always when anything changed
    differ = {u for u in after if after[u] != before.get(u)}
    unit_uris = {urls.unit_page(h) for h in everything_units}
    task_uris = {urls.task_page(t) for t in everything_tasks}
    assert {u for u in differ if u in unit_uris} <= {urls.unit_page(h) for h in units}
    assert {u for u in differ if u in task_uris} <= {urls.task_page(t) for t in tasks}
    # h24w: the summaries are keyed by what they show: an update's text not among the home
    # page's newest reports changes none of them (tests/site/test_site_summary_keys.py)
    assert home == 0 and after[urls.HOME] == before[urls.HOME]
    # the same files again, from a new memo reading the folder: nothing rendered
    renders.clear()
    again = _render(model, SourceMemo(tmp_path / "cache", keep=False), data)
    assert again == fresh and not renders.units and not renders.tasks


EDITS = [
    # a done item reopened (states, tallies, the unit's light)
    ("baqiao.yaml", r"state: done\n  done: '[0-9-]+'\n", "state: in-progress\n"),
    # the one not-applicable item made in progress: a rare state leaves every page's legend
    ("beilin.yaml", r"state: not-applicable\n  reason: [^\n]*\n", "state: in-progress\n"),
    # a done date moved (days late, the feed's order)
    ("changan.yaml", r"done: '2010-(\d\d)-(?!01)\d\d'", r"done: '2010-\1-01'"),
]


def test_after_each_edit_the_pages_are_those_of_a_render_without_the_memo(tmp_path):
    data = demo_data(tmp_path)
    memo = SourceMemo(None, keep=True)
    _render(loaded_model(data), memo, data)
    for name, pattern, replacement in EDITS:
        status = data / "status" / name
        text = status.read_text("utf-8")
        changed = re.sub(pattern, replacement, text, count=1)
        assert changed != text, name
        status.write_text(changed, "utf-8")
        model = loaded_model(data)
        assert _render(model, memo, data) == _render(model, None, data), name
        assert memo.hits > 0, name


def test_group_pages_as_for_a_province_are_those_of_a_render_without_the_memo(
    tmp_path, monkeypatch
):
    """Group pages (a province's) are keyed each by its members' occurrences and ranks."""
    monkeypatch.setattr(groups, "SUMMARY_HOLDERS", 5)
    data = demo_data(tmp_path)
    memo = SourceMemo(None, keep=True)

    def render(memo: SourceMemo | None) -> dict[str, str]:
        if memo is not None:
            memo.start(data_digests(data))
        model = loaded_model(data)
        settings = Settings(as_of=AS_OF, summary_rows=5)
        evaluation = evaluate(model, AS_OF, settings.due_soon_days)
        return render_site(model, settings, evaluation, processes=1, memo=memo).pages

    first = render(memo)
    group_uris = {u for u in first if "/groups/" in u}
    assert len(group_uris) > 1  # the demo as a province has group pages
    status = data / "status" / "baqiao.yaml"
    status.write_text(
        re.sub(r"state: done\n  done: '[0-9-]+'\n", "state: in-progress\n", status.read_text()),
        "utf-8",
    )
    memo.hits = 0
    rendered: list[str] = []
    real = page_group.page_of_group

    def counted(ctx: Any, bucket: Any, *args: Any) -> str:
        rendered.append(bucket.slug)
        return real(ctx, bucket, *args)

    monkeypatch.setattr(page_group, "page_of_group", counted)
    after = render(memo)
    assert 0 < len(rendered) < len(group_uris)  # not every group's page
    assert after == render(None)
    assert memo.hits > 0
    differ = {u for u in after if after[u] != first.get(u)}
    assert differ and len(differ) < len(after)
    assert group_uris & differ  # the unit's group's page shows the change


def _pages(kept_source: Path) -> list[str]:
    """The pages a kept source entry holds (by their paths)."""
    return list(json.loads(kept_source.read_text("utf-8")).get("pages", {}))


def test_a_kept_source_that_cannot_be_read_is_rendered_again(tmp_path, monkeypatch):
    data = demo_data(tmp_path)
    renders = Renders(monkeypatch)
    first = _render(loaded_model(data), SourceMemo(tmp_path / "cache", keep=False), data)
    kept = sorted((tmp_path / "cache" / "src").glob("*/*.duban-src.json"))
    # pages (h24k: not calendars; h24l: not the open data's pieces; h24o: nor the digests;
    # h24q: nor the 台账's rows and the open data's states, kept by holder; h24ad: nor the
    # tables' rows, kept by page)
    kept = [
        p
        for p in kept
        if not re.search(
            r'\.ics"|"digest"|occurrence digests|"pieces digest"|"states digest"|"kept rows"',
            p.read_text("utf-8"),
        )
    ]
    assert len(kept) > 10
    # the damaged entries first among those of a unit's page, so that their render is counted
    # below: the files are named by digests that move with duban's code, and six entries of
    # summaries alone once made the count 0 (session 39); the demo has one group, whose page
    # is not counted, so at least five of the six are
    kept.sort(key=lambda p: not any(page.startswith("units/") for page in _pages(p)))
    assert all(page.startswith("units/") for page in _pages(kept[5]))
    for path in kept[:5]:  # half-written
        path.write_text(path.read_text("utf-8")[:-9], "utf-8")
    kept[5].write_text('{"format": 1, "key": "other", "pages": {}}', "utf-8")  # misplaced
    renders.clear()
    memo = SourceMemo(tmp_path / "cache", keep=False)
    assert _render(loaded_model(data), memo, data) == first
    assert memo.made == 6 and memo.hits == len(kept) - 6
    assert 0 < sum(renders.units.values()) + sum(renders.tasks.values()) + renders.home <= 6
