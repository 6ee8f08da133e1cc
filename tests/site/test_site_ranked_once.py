"""h24v: the ranking (holder_records.ranked_records) made once per index, model and date: a
plan's progress page and its group pages ask for the same one."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from duban.evaluation.evaluate import evaluate
from duban.site import holder_records
from duban.site.index import Index
from sitekit import DEMO_AS_OF

AS_OF = dt.date.fromisoformat(DEMO_AS_OF)


def test_the_ranking_is_made_once_per_index(demo_model, monkeypatch) -> None:
    looked_up: list[Any] = []
    real = holder_records.indexed_record

    def counted(holder: Any, index: Index) -> Any:
        looked_up.append(holder)
        return real(holder, index)

    monkeypatch.setattr(holder_records, "indexed_record", counted)
    evaluation = evaluate(demo_model, AS_OF, 30)
    index = Index.of(demo_model, evaluation)
    first = holder_records.ranked_records(demo_model, index, AS_OF)
    once = len(looked_up)
    assert once == len(index.by_holder) > 0
    assert any(r.rank for r in first)
    again = holder_records.ranked_records(demo_model, index, AS_OF)
    assert again == first and again is not first  # a copy: the caller may cut it
    again.clear()
    assert len(looked_up) == once  # not made again (main: every holder looked up twice)
    assert holder_records.ranked_records(demo_model, index, AS_OF) == first
    # another date or another model: made again, as a fresh index's
    later = AS_OF + dt.timedelta(days=400)
    assert holder_records.ranked_records(demo_model, index, later) == (
        holder_records._ranked(demo_model, Index.of(demo_model, evaluation), later)
    )
    assert len(looked_up) > once
    other = replace(demo_model)
    n = len(looked_up)
    holder_records.ranked_records(other, index, AS_OF)
    assert len(looked_up) == n + once
