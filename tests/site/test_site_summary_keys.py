"""The summary pages keyed by what they show (h24w, duban/site/summary_keys.py): an edit of an
update's text renders none of them again (the home page only when the report is among its
newest), any other change to what they show renders each again; the pages always those of a
render without the memo."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from duban.evaluation.evaluate import evaluate
from duban.model.model import Model
from duban.model.status import StatusEntry
from duban.outputs import urls
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import (
    Settings,
    page_downloads,
    page_home,
    page_overdue,
    page_progress,
    page_tasks,
    page_units,
    render_site,
    summary_keys,
)
from duban.site.env import download_size, environment
from duban.site.index import Index
from helpers import loaded_model
from sitekit import DEMO_AS_OF, DEMO_PLAN, demo_data

AS_OF = __import__("datetime").date.fromisoformat(DEMO_AS_OF)
SUMMARIES = {
    "home": (page_home, "home"),
    "progress": (page_progress, "progress"),
    "overdue": (page_overdue, "overdue_page"),  # the whole 督办清单 and the plan's
    "units": (page_units, "units_index"),
    "downloads": (page_downloads, "downloads_page"),
    "tasks": (page_tasks, "plan_index"),
}


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each summary page was rendered."""
    counts: Counter[str] = Counter()
    for name, (module, function) in SUMMARIES.items():
        real = getattr(module, function)

        def counted(*args: Any, _real: Any = real, _name: str = name, **kw: Any) -> Any:
            counts[_name] += 1
            return _real(*args, **kw)

        monkeypatch.setattr(module, function, counted)
    return counts


def _render(model: Model, memo: SourceMemo | None, data: Path) -> dict[str, str]:
    if memo is not None:
        memo.start(data_digests(data))
    settings = Settings(as_of=AS_OF)
    evaluation = evaluate(model, AS_OF, settings.due_soon_days)
    return render_site(model, settings, evaluation, processes=1, memo=memo).pages


def _edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text("utf-8")
    changed = re.sub(pattern, replacement, text, count=1)
    assert changed != text, (path.name, pattern)
    path.write_text(changed, "utf-8")


def _memo(kind: str, tmp_path: Path) -> SourceMemo:
    # on disk, as in CI; in memory, as `mkdocs serve`
    return SourceMemo(tmp_path / "cache", keep=False) if kind == "ci" else SourceMemo(None, True)


@pytest.mark.parametrize("kind", ["ci", "serve"])
def test_an_updates_text_renders_no_summary_again(tmp_path, renders, kind):
    data = demo_data(tmp_path)
    memo = _memo(kind, tmp_path)
    before = _render(loaded_model(data), memo, data)
    assert renders["progress"] == 1 and renders["overdue"] == 2 and renders["home"] == 1
    # baqiao's first report, months before the home page's newest
    _edit(
        data / "status" / "baqiao.yaml", r"报送阶段性工作总结。", "报送阶段性工作总结（补充材料）。"
    )
    renders.clear()
    model = loaded_model(data)
    after = _render(model, memo if kind == "serve" else _memo(kind, tmp_path), data)
    assert not renders, renders  # no summary rendered again
    unit = urls.unit_page("baqiao")
    assert "补充材料" in after[unit] and after[unit] != before[unit]
    assert after == _render(model, None, data)


def test_the_home_page_shows_its_newest_reports_texts(tmp_path, renders):
    data = demo_data(tmp_path)
    memo = SourceMemo(None, keep=True)
    model = loaded_model(data)
    before = _render(model, memo, data)
    newest = Index.of(model, evaluate(model, AS_OF)).newest(page_home.NEWEST)
    texts = Counter(r.text for r in newest)
    report = next(r for r in newest if r.kind == "update" and r.text and texts[r.text] == 1)
    status = data / "status" / f"{report.holder_id}.yaml"
    assert status.read_text("utf-8").count(report.text) == 1
    _edit(status, re.escape(report.text), report.text + "（最新补充）")
    renders.clear()
    model = loaded_model(data)
    after = _render(model, memo, data)
    assert renders == Counter(home=1), renders  # the home page alone of the summaries
    assert "最新补充" in after[urls.HOME] and after[urls.HOME] != before[urls.HOME]
    assert after == _render(model, None, data)


EDITS = {
    # a state: a done item reopened
    "state": ("status/baqiao.yaml", r"state: done\n  done: '[0-9-]+'\n", "state: in-progress\n"),
    # a report more (an update of June 2010)
    "report count": (
        "status/baqiao.yaml",
        r"(  updates:\n  - date: '2010-06-30'\n)",
        r"\g<1>    text: 又一次报送。\n  - date: '2010-06-20'\n",
    ),
    # a done date moved: days late, the feed's order
    "late days": ("status/changan.yaml", r"done: '2010-(\d\d)-(?!01)\d\d'", r"done: '2010-\1-01'"),
    # a deadline moved (the task file): its first milestone before the date of the build
    "due date": (
        f"plans/{DEMO_PLAN}/tasks/03.yaml",
        r"- date: 2010-12-31\n",
        "- date: 2010-11-30\n",
    ),
    # a unit's name
    "name": ("org.yaml", r"name: 莲湖区司法局\n", "name: 莲湖区司法行政局\n"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_change_to_what_they_show_renders_the_summaries_again(tmp_path, renders, edit):
    data = demo_data(tmp_path)
    memo = SourceMemo(tmp_path / "cache", keep=False)
    before = _render(loaded_model(data), memo, data)
    name, pattern, replacement = EDITS[edit]
    _edit(data / name, pattern, replacement)
    renders.clear()
    model = loaded_model(data)
    after = _render(model, SourceMemo(tmp_path / "cache", keep=False), data)
    rendered = Counter(renders)
    assert after == _render(model, None, data)
    shown = {"home": urls.HOME, "progress": urls.plan_page(DEMO_PLAN, "progress")}
    changed = {page for page, uri in shown.items() if after[uri] != before[uri]}
    # a state, a deadline, a name show on them; a report more or a done date moved may not
    # change what these two print, yet they are rendered again (the units index, the ranking)
    assert changed or edit in ("late days", "report count"), edit
    # every summary rendered again (the plan's 督办清单 and the whole one: 2)
    assert rendered == Counter(home=1, progress=1, overdue=2, units=1, downloads=1, tasks=1)


def test_the_facts_leave_out_an_updates_text_and_nothing_else(tmp_path):
    model = loaded_model(demo_data(tmp_path))
    facts = summary_keys.status_facts(model)
    ref, entry = next((r, e) for r, e in model.status.items() if e.updates and e.evidence)
    first = entry.updates[0]

    def with_entry(**changes: Any) -> str:
        changed = dataclasses.replace(entry, **changes)
        return summary_keys.status_facts(
            dataclasses.replace(model, status={**model.status, ref: changed})
        )

    def with_update(**changes: Any) -> str:
        return with_entry(updates=(dataclasses.replace(first, **changes), *entry.updates[1:]))

    assert with_update(text=first.text + "！") == facts
    assert with_update(date=first.date.replace(day=1 if first.date.day > 1 else 2)) != facts
    assert with_update(by="另一人") != facts
    assert with_update(figures={"x": 1.0}) != facts
    assert with_entry(updates=entry.updates[1:]) != facts  # a report fewer
    assert with_entry(summary=(entry.summary or "") + "！") != facts
    assert with_entry(progress=(entry.progress or 0) + 1) != facts
    assert with_entry(state="in-progress" if entry.state == "done" else "done") != facts
    evidence = (dataclasses.replace(entry.evidence[0], title="另一份材料"), *entry.evidence[1:])
    assert with_entry(evidence=evidence) != facts
    source = dataclasses.replace(entry.source, line=entry.source.line + 1)
    assert with_entry(source=source) != facts
    other = dataclasses.replace(model, obligations=model.obligations[1:])
    assert summary_keys.status_facts(other) != facts


def test_the_facts_read_every_field_of_an_entry_but_an_updates_text(tmp_path):
    """A field added to the status entries is in the facts (read by ``dataclasses.fields``)."""
    model = loaded_model(demo_data(tmp_path))
    entries = list(model.status.values())
    found = summary_keys.columns(entries, StatusEntry)
    updates = [u for e in entries for u in e.updates]
    assert [u.date for u in updates] in found and [u.by for u in updates] in found
    assert [u.text for u in updates] not in found
    assert [e.summary for e in entries] in found and [e.state for e in entries] in found


@pytest.mark.parametrize(
    "n", [0, 1, 999, 1023, 1024, 1535, 1536, 99_999, 1048575, 1048576, 5_300_000]
)
def test_a_sizes_key_is_the_size_as_the_pages_print_it(n):
    macros = environment().get_template("_macros.html")
    printed = macros.make_module({"downloads": {"f": n}}).size("f")
    assert download_size(n) == str(printed).strip()


def test_kept_facts_digest_the_changed_files_run_only_and_equal_a_fresh_digest(
    tmp_path, monkeypatch
):
    """h24y, serving: each status file's run of entries is digested again only when its entries
    are other objects; the facts always equal those made with nothing kept."""
    model = loaded_model(demo_data(tmp_path))
    read: list[int] = []  # the runs read: how many entries each
    real = summary_keys.columns

    def counted(objects: list[Any], cls: type, leave: tuple[str, ...] = ()) -> list[list[Any]]:
        if cls is StatusEntry:
            read.append(len(objects))
        return real(objects, cls, leave)

    monkeypatch.setattr(summary_keys, "columns", counted)
    files = {e.source.file for e in model.status.values()}
    kept: dict[str, tuple[Any, ...]] = {}
    facts = summary_keys.status_facts(model, kept)
    assert len(read) == len(files) > 2 and sum(read) == len(model.status)
    assert facts == summary_keys.status_facts(model)

    def replaced(model: Model, n: int, **changes: Any) -> Model:
        ref, entry = list(model.status.items())[n]
        status = {**model.status, ref: dataclasses.replace(entry, **changes)}
        return dataclasses.replace(model, status=status)

    read.clear()
    assert summary_keys.status_facts(model, kept) == facts and read == []  # nothing read
    # one entry of the third file changed: that file's run alone is read again
    third = sorted(files)[2]
    n = next(i for i, e in enumerate(model.status.values()) if e.source.file == third)
    changed = replaced(model, n, progress=(list(model.status.values())[n].progress or 0) + 7)
    read.clear()
    now = summary_keys.status_facts(changed, kept)
    assert read == [sum(e.source.file == third for e in model.status.values())]
    assert now != facts and now == summary_keys.status_facts(changed)
    # an equal entry of another object: its run read again, the same facts
    read.clear()
    same = replaced(changed, 0)
    assert summary_keys.status_facts(same, kept) == now and len(read) == 1
    # an entry moved to another file's name: both runs differ, the facts too
    ref = list(same.status)[n]
    moved = replaced(
        same, n, source=dataclasses.replace(same.status[ref].source, file="status/x.yaml")
    )
    assert summary_keys.status_facts(moved, kept) == summary_keys.status_facts(moved) != now
