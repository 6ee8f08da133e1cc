"""`mkdocs serve`'s evaluation (h24m): only the obligations whose holders' entries changed are
evaluated again; every other obligation's occurrences are the last build's.

An obligation's occurrences (:func:`~duban.evaluation.evaluate._items`) read the model's tasks,
plans and records, ``as_of`` and ``due_soon_days``, and of the status entries only those of its
own holders: the holder's entry of each occurrence, every holder's for a shared duty, every
holder's report of the step an ``after`` deadline counts from. So when the model differs from
the last one evaluated only in its status entries (the same objects for everything else, as
:mod:`duban.load.update` leaves them), the obligations none of whose holders has an entry added,
removed or replaced (compared by identity: an entry read again is another object, so a doubt is
evaluated again) are kept as they were. The indicators, escalations and flags, which read
across holders, are made again each time (milliseconds at 1,500 units). The result equals
:func:`~duban.evaluation.evaluate.evaluate`'s (``tests/evaluation/test_evaluation_update.py``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import compress
from operator import is_not

from duban.evaluation.evaluate import (
    DEFAULT_DUE_SOON_DAYS,
    Evaluation,
    ItemState,
    _items,
    evaluation_of,
)
from duban.model.model import Model

_SAME = tuple(f.name for f in dataclasses.fields(Model) if f.name != "status")


def _changed_holders(before: Model, model: Model) -> set[str] | None:
    """The holders whose entries differ between two models alike in all but their entries;
    None when anything else differs."""
    if any(getattr(before, name) is not getattr(model, name) for name in _SAME):
        return None
    old, new = before.status, model.status
    if len(old) == len(new) and list(old) == list(new):  # h24aa: the same keys, compared in C
        other = list(map(is_not, old.values(), new.values()))
        holders = {e.holder_id for e in compress(new.values(), other)}
        return holders | {e.holder_id for e in compress(old.values(), other)}
    holders = set()
    for key, entry in new.items():
        if old.get(key) is not entry:
            holders.add(entry.holder_id)
    holders.update(e.holder_id for k, e in old.items() if k not in new)
    return holders


class LiveEvaluation:
    """The last evaluation kept, by obligation, for the next (one server's lifetime)."""

    def __init__(self) -> None:
        self.model: Model | None = None
        self.on: tuple[dt.date, int] | None = None
        self.runs: list[tuple[ItemState, ...]] = []
        self.evaluated = 0
        """Obligations evaluated by the last call (for the log and the tests)."""

    def evaluate(
        self, model: Model, as_of: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
    ) -> Evaluation:
        before = self.model
        changed = (
            _changed_holders(before, model)
            if before is not None and self.on == (as_of, due_soon_days)
            else None
        )
        runs: list[tuple[ItemState, ...]] = []
        self.evaluated = 0
        for index, obligation in enumerate(model.obligations):
            if changed is not None and changed.isdisjoint(obligation.holders):
                runs.append(self.runs[index])
                continue
            runs.append(tuple(_items(model, obligation, as_of, due_soon_days)))
            self.evaluated += 1
        self.model, self.on, self.runs = model, (as_of, due_soon_days), runs
        return evaluation_of(model, [item for run in runs for item in run], as_of, due_soon_days)
