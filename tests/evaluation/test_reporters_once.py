"""`reporters` (evaluation/evaluate.py) is worked out once per model and date (h24p): the
summaries ask for it a dozen times a build; a new model or another date is worked out again."""

from __future__ import annotations

import dataclasses
import datetime as dt

from duban.evaluation import evaluate
from duban.model.model import Model
from duban.model.status import StatusEntry


def _passes(monkeypatch) -> list[int]:
    calls: list[int] = []
    known_on = StatusEntry.known_on
    monkeypatch.setattr(
        StatusEntry, "known_on", lambda self, as_of: calls.append(1) or known_on(self, as_of)
    )
    return calls


def test_reporters_once_per_model_and_date(demo_model: Model, monkeypatch):
    as_of = dt.date(2010, 12, 15)
    calls = _passes(monkeypatch)
    first = evaluate.reporters(demo_model, as_of)
    assert first and calls
    calls.clear()
    first.add("changed by a caller")
    again = evaluate.reporters(demo_model, as_of)
    assert (
        not calls
        and "changed by a caller" not in again
        and again == first - {"changed by a caller"}
    )
    # another date: worked out again
    early = evaluate.reporters(demo_model, dt.date(2000, 1, 1))
    assert calls and early < again
    # another model (one holder's entries gone): its own answer, never the last model's
    holder = sorted(again)[0]
    status = {k: e for k, e in demo_model.status.items() if e.holder_id != holder}
    other = dataclasses.replace(demo_model, status=status)
    calls.clear()
    assert evaluate.reporters(other, as_of) == again - {holder}
    assert calls


def test_models_asked_in_turn_are_each_worked_out_once(demo_model: Model, monkeypatch):
    """A build asks for the whole model's and each plan's in turn."""
    as_of = dt.date(2010, 12, 15)
    other = dataclasses.replace(demo_model, status=dict(demo_model.status))
    evaluate.reporters(demo_model, as_of), evaluate.reporters(other, as_of)
    calls = _passes(monkeypatch)
    for _ in range(3):
        assert evaluate.reporters(demo_model, as_of) == evaluate.reporters(other, as_of)
    assert not calls
