"""The occurrences' digests kept on disk by the status files they were evaluated from
(duban/site/kept_digests.py, h24o): a build with the memo in a folder, as in CI, pickles only the
occurrences of the holders whose inputs changed, and its pages are a fresh render's, including
after an edit of a shared duty's other holder and of the step another deadline counts from."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from duban.evaluation.evaluate import ItemState, evaluate
from duban.i18n.locale import load_locale
from duban.outputs import urls
from duban.plugin.loaded_digests import data_digests
from duban.plugin.source_memo import SourceMemo
from duban.site import (
    Settings,
    kept_digests,
    kept_downloads,
    page_group,
    page_keys,
    render_site,
    site_title,
)
from duban.site.context import Context
from helpers import loaded_model
from sitekit import DEMO, DEMO_AS_OF

COUNTY = Path(__file__).resolve().parents[2] / "examples" / "county" / "data"
COUNTY_AS_OF = dt.date(2024, 3, 31)

SHARED_Q1 = """obligations:
- task: "2-2"
  period: 2024-Q1
  state: done
  done: "2024-03-18"
"""


class Pickles:
    """The occurrences pickled for the page keys."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = page_keys._pickled

        def counted(value: object) -> bytes:
            if isinstance(value, tuple) and value and isinstance(value[0], ItemState):
                self.count += 1
            return real(value)

        monkeypatch.setattr(page_keys, "_pickled", counted)


def _plain(item: ItemState) -> str:
    return page_keys._plain(item)


def _render(data: Path, as_of: dt.date, folder: Path | None) -> dict[str, str]:
    """The site's pages; with ``folder``, through a memo read from it, as a new build would."""
    model = loaded_model(data)
    memo = None
    if folder is not None:
        memo = SourceMemo(folder, keep=False)
        memo.start(data_digests(data))
    settings = Settings(as_of=as_of)
    evaluation = evaluate(model, as_of, settings.due_soon_days)
    site = render_site(model, settings, evaluation, processes=1, memo=memo)
    if memo is not None:
        memo.finish()
    return site.pages


def test_an_edit_pickles_only_the_changed_holders_occurrences(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    as_of = dt.date.fromisoformat(DEMO_AS_OF)
    pickles = Pickles(monkeypatch)
    _render(data, as_of, tmp_path / "cache")
    first = pickles.count
    assert first > 50
    pickles.count = 0
    assert _render(data, as_of, tmp_path / "cache")
    # nothing changed: only the occurrences with an escalation are pickled (with it)
    escalated = len(evaluate(loaded_model(data), as_of).escalations)
    assert pickles.count <= escalated < first / 5
    pickles.count = 0
    status = data / "status" / "baqiao.yaml"
    text = status.read_text("utf-8")
    status.write_text(re.sub(r"(\n\s+text: )", r"\g<1>已改动：", text, count=1), "utf-8")
    after = _render(data, as_of, tmp_path / "cache")
    assert escalated < pickles.count < first / 5, (pickles.count, first)
    assert after == _render(data, as_of, None)
    assert "已改动：" in after[urls.unit_page("baqiao")]
    # a new date: another base, every occurrence pickled again
    pickles.count = 0
    _render(data, as_of.replace(year=as_of.year + 1), tmp_path / "cache")
    assert pickles.count >= first


# (file, old text, new text; new None: the file removed; old None: the file's first text
# written back with ``new`` for its empty list)
EDITS = [
    # the other holder of a shared duty reports: both holders' occurrences move
    ("tongjiju", "obligations: []\n", SHARED_Q1),
    # the step another deadline of the task counts from (签收 -> 自查报告 15 working days later)
    ("sifaju", 'done: "2023-09-2', 'done: "2023-09-1'),
    ("fagaiju", 'state: done\n  done: "2023-12-22"', "state: in-progress"),
    ("tongjiju", "", None),  # removed
    ("tongjiju", None, SHARED_Q1),  # a new file
]


def test_each_edit_across_holders_gives_a_fresh_renders_pages(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(COUNTY, data)
    folder = tmp_path / "cache"
    pickles = Pickles(monkeypatch)
    found: list[tuple[dict[int, str], list[ItemState]]] = []
    known = kept_digests.known_digests

    def spied(kept, keys, by_holder):  # the digests taken from the memo, and their items
        digests = known(kept, keys, by_holder)
        found.append((digests, [i for items in by_holder.values() for i in items]))
        return digests

    monkeypatch.setattr(kept_digests, "known_digests", spied)
    _render(data, COUNTY_AS_OF, folder)
    everything = pickles.count
    kept_files = list((folder / "src").glob("*/*.duban-src.json"))
    assert any("occurrence digests" in p.read_text("utf-8") for p in kept_files)
    first = {p.stem: p.read_text("utf-8") for p in (data / "status").glob("*.yaml")}
    for name, old, new in EDITS:
        path = data / "status" / f"{name}.yaml"
        if new is None:
            path.unlink()
        elif old is None:
            path.write_text(first[name].replace("obligations: []\n", new), "utf-8")
        else:
            text = path.read_text("utf-8")
            assert old in text, (name, old)
            path.write_text(text.replace(old, new, 1), "utf-8")
        pickles.count = 0
        found.clear()
        pages = _render(data, COUNTY_AS_OF, folder)
        assert 0 < pickles.count < everything, (name, pickles.count, everything)
        # every digest taken from the memo is the occurrence's own, as evaluated now
        (digests, items), *_ = found
        assert digests
        stale = [i.ref for i in items if id(i) in digests and digests[id(i)] != _plain(i)]
        assert not stale, (name, stale)
        if name == "tongjiju":  # the pages too (a fresh render costs: not after every edit)
            assert pages == _render(data, COUNTY_AS_OF, None), name


def test_a_holder_shares_its_key_with_every_holder_of_its_obligations():
    model = loaded_model(COUNTY)
    digests = data_digests(COUNTY)
    holders = sorted(model.holders)
    keys = kept_digests.input_keys("base", model, holders, digests)
    assert set(keys) == set(holders)
    shared = next(o for o in model.obligations if len(o.holders) > 1)
    files = {e.holder_id: e.source.file for e in model.status.values()}
    other = next(h for h in shared.holders if h in files)  # a holder with a status file
    one = next(h for h in shared.holders if h != other)
    # the other holder's file edited: the first holder's key moves too; a new base moves all
    name = files[other]
    moved = kept_digests.input_keys("base", model, holders, {**digests, name: "0" * 32})
    assert moved[one] != keys[one] and moved[other] != keys[other]
    alone = [h for h in holders if moved[h] == keys[h]]
    assert alone  # holders sharing nothing with it keep theirs
    assert all(
        a != b
        for a, b in zip(
            kept_digests.input_keys("other", model, holders, digests).values(),
            keys.values(),
            strict=True,
        )
    )
    # a file the build did not digest: no key (pickled as before)
    assert one not in kept_digests.input_keys("base", model, holders, {})


def _every_key(data: Path, as_of: dt.date, folder: Path, keep: bool) -> list[str]:
    """Every calendar's, holder's, task's and group's key, through a memo read from ``folder``
    (``keep`` True: made the way serving makes them, each occurrence digested when asked)."""
    model = loaded_model(data)
    memo = SourceMemo(folder, keep=keep)
    memo.start(data_digests(data))
    evaluation = evaluate(model, as_of)
    settings, words = Settings(as_of=as_of), load_locale("zh")
    title = site_title(model, settings, words)  # the base render_site's keys have
    ctx = Context(model, evaluation, settings, words, full=model, title=title)
    plans = {plan_id: ctx.for_plan(plan_id) for plan_id in model.plans}
    ctx.group_pages = page_group.plans_with_group_pages(ctx, plans)
    keys = page_keys.Keys(ctx, memo)
    found = [str(unit.key) for unit in kept_downloads.unit_calendars(ctx, keys, True, False)]
    found += [keys.holder(f"units/{h}.md", h) for h in sorted(ctx.index.by_holder)]
    for pctx in plans.values():
        pctx.group_pages = ctx.group_pages
        found += [keys.task(f"tasks/{t.id}.md", pctx, t) for t in pctx.model.tasks_in_order()]
        found += [keys.group(part, pctx) for part in page_group.group_parts(pctx)]
    memo.finish()
    return found


def test_a_ci_build_looks_every_kept_digest_up_at_once_with_the_same_keys(tmp_path, monkeypatch):
    """h24ag: in CI the kept digests are put in the build's table whole (the escalated
    occurrences left out, digested with their escalation), and every key is the one a build
    digesting each occurrence when asked makes, with escalations and after an edit."""
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    as_of = dt.date.fromisoformat(DEMO_AS_OF)
    assert evaluate(loaded_model(data), as_of).escalations  # the demo escalates some
    folder = tmp_path / "cache"
    _render(data, as_of, folder)  # the memo's digests, as a cold build leaves them
    pickles = Pickles(monkeypatch)
    ci = _every_key(data, as_of, folder, keep=False)
    escalated = len(evaluate(loaded_model(data), as_of).escalations)
    assert 0 < pickles.count <= escalated  # the kept ones were not pickled again
    assert ci == _every_key(data, as_of, tmp_path / "other", keep=True)
    path = next((data / "status").glob("*.yaml"))
    done = re.compile(r"state: done\n( +)done: \S+\n")
    text = path.read_text("utf-8")
    assert done.search(text)
    path.write_text(done.sub(r"state: in-progress\n", text, count=1), "utf-8")
    assert _every_key(data, as_of, folder, keep=False) == _every_key(
        data, as_of, tmp_path / "third", keep=True
    )


def test_a_build_started_from_another_directory_renders_no_page_again(tmp_path, monkeypatch):
    """A record's place is in the keys by its file in the data folder: the path messages use,
    relative to the directory the build was started from, is no part of any key (fact_bytes)."""
    data = tmp_path / "data"
    shutil.copytree(DEMO / "data", data)
    folder = tmp_path / "memo"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    made = []
    for start in (tmp_path, elsewhere):
        monkeypatch.chdir(start)
        model = loaded_model(data)
        paths = {entry.source.path for entry in model.status.values()}
        memo = SourceMemo(folder, keep=False)
        memo.start(data_digests(data))
        settings = Settings(as_of=dt.date.fromisoformat(DEMO_AS_OF))
        evaluation = evaluate(model, settings.as_of, settings.due_soon_days)
        pages = render_site(model, settings, evaluation, processes=1, memo=memo).pages
        memo.finish()
        made.append((memo.made, memo.hits, paths, pages))
    (first, _, here, pages), (again, hits, there, same) = made
    assert here.isdisjoint(there)  # the messages' paths differ: data/… and an absolute one
    assert first > 0 and hits > 0
    assert again == 0, f"{again} of {first} page sources made again"
    assert same == pages
