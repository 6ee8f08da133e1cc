"""The newest reports kept from one serve build to the next (h24aa, ``site/newest_kept.py``): after
any edits, the same reports in the same order as every entry's reports sorted, and only the
entries that are other objects read again."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from duban.evaluation.evaluate import evaluate
from duban.model.status import StatusEntry, Update
from duban.site import newest_kept
from duban.site.index import Index
from duban.site.reports import report_entries
from duban.site.serve_index import KeptIndexes
from sitekit import DEMO_AS_OF

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)


def _truth(entries: list[StatusEntry], count: int) -> list:
    return report_entries(None, AS_OF, entries)[:count]  # type: ignore[arg-type]


def _edited(rng: random.Random, entry: StatusEntry) -> StatusEntry:
    """A made-up edit: a report today or long ago, the updates dropped, or marked done."""
    choice = rng.randrange(4)
    if choice == 0:
        day = AS_OF - dt.timedelta(days=rng.randrange(3))
        return dataclasses.replace(
            entry, updates=(*entry.updates, Update(day, f"新{rng.random()}"))
        )
    if choice == 1:
        return dataclasses.replace(entry, updates=(Update(dt.date(2001, 1, 1), "旧"),))
    if choice == 2:
        return dataclasses.replace(entry, updates=())
    return dataclasses.replace(entry, state="done", done=AS_OF - dt.timedelta(days=1))


@pytest.mark.parametrize("keep", [3, 8, 40, 10_000])
def test_kept_newest_equal_every_report_sorted_after_edits(demo_model, monkeypatch, keep):
    entries = list(demo_model.status.values())
    assert len(report_entries(demo_model, AS_OF)) > 20
    read_entries: list[int] = []
    real = newest_kept.keyed_reports

    def counted(given, as_of):
        given = list(given)
        read_entries.append(len(given))
        return real(given, as_of)

    monkeypatch.setattr(newest_kept, "keyed_reports", counted)
    kept = newest_kept.read(entries, AS_OF, keep)
    assert len(read_entries) == len(entries)
    answered = 0
    rng = random.Random(keep)
    for _ in range(30):
        entries = list(entries)
        places = rng.sample(range(len(entries)), rng.choice((1, 1, 2)))
        for place in places:
            entries[place] = _edited(rng, entries[place])
        read_entries.clear()
        now = newest_kept.updated(kept, entries, AS_OF, keep)
        assert now is not None
        assert len(read_entries) == len(places)  # only the entries that are other objects
        for count in (1, 3, 8):
            got = now.first(count)
            if got is not None:
                answered += 1
                assert got == _truth(entries, count)
        kept = now if now.first(1) is not None else newest_kept.read(entries, AS_OF, keep)
    assert answered > 30  # the kept reports answered most of the time


def test_another_date_or_count_of_entries_is_read_again(demo_model):
    entries = list(demo_model.status.values())
    kept = newest_kept.read(entries, AS_OF)
    assert newest_kept.updated(kept, entries, AS_OF + dt.timedelta(days=1)) is None
    assert newest_kept.updated(kept, entries[1:], AS_OF) is None
    assert kept.first(8) == _truth(entries, 8)


def test_a_serving_index_finds_the_newest_once_from_the_last_build(demo_model, monkeypatch):
    """KeptIndexes carries the newest reports: the edited model's index gives the same
    reports as a fresh one, each count found once per index (the key and the page ask)."""
    indexes = KeptIndexes()
    first = indexes.index("", demo_model, evaluate(demo_model, AS_OF, 30))
    assert first.newest(8) == Index.of(demo_model, evaluate(demo_model, AS_OF, 30)).newest(8)
    key, entry = list(demo_model.status.items())[5]
    edited = dataclasses.replace(entry, updates=(*entry.updates, Update(AS_OF, "今日报送")))
    model = dataclasses.replace(demo_model, status={**demo_model.status, key: edited})
    evaluation = evaluate(model, AS_OF, 30)
    fresh = Index.of(model, evaluation)
    serving = indexes.index("", model, evaluation)
    calls: list[int] = []
    real = newest_kept.Newest.first
    monkeypatch.setattr(newest_kept.Newest, "first", lambda s, n: calls.append(n) or real(s, n))
    for count in (8, 8, 200, 8):
        assert serving.newest(count) == fresh.newest(count)
    assert calls == [8, 200]
    assert serving.newest(1)[0].text == "今日报送"
