"""Which holders had recorded anything by a date (h24p: worked out once per model and date)."""

from __future__ import annotations

import datetime as dt
import weakref

from duban.model.model import Model

_KEPT = 16  # models at once: a build's whole model and each plan's (Context.for_plan)
_FOUND: dict[tuple[int, dt.date], tuple[weakref.ref[Model], frozenset[str]]] = {}


def reporters(model: Model, as_of: dt.date) -> set[str]:
    """Holders that had recorded anything for the model's tasks by ``as_of`` (a status entry
    known then, :meth:`StatusEntry.known_on`). Worked out once per model and date (h24p: a
    build's summaries ask a dozen times, for the whole model and each plan's, each a pass over
    every status entry); a model is not changed once built, and is held by a weak reference
    (a model at the address of one let go is not taken for it)."""
    key = (id(model), as_of)
    kept = _FOUND.get(key)
    if kept is not None and kept[0]() is model:
        return set(kept[1])
    tasks = model.tasks
    found = frozenset(
        e.holder_id
        for e in model.status.values()
        if e.task_id in tasks and e.known_on(as_of) is not None
    )
    if len(_FOUND) >= _KEPT:
        _FOUND.clear()
    _FOUND[key] = (weakref.ref(model), found)
    return set(found)
