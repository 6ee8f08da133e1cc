"""Which holders had recorded anything by a date (h24p: worked out once per model and date)."""

from __future__ import annotations

import datetime as dt
import weakref

from duban.model.model import Model


def reporters(model: Model, as_of: dt.date) -> set[str]:
    """Holders that had recorded anything for the model's tasks by ``as_of`` (a status entry
    known then, :meth:`StatusEntry.known_on`). Worked out once per model and date (h24p: a
    build's summaries ask a dozen times, each a pass over every status entry); the model is
    not changed once built."""
    global _LAST_REPORTERS
    last = _LAST_REPORTERS
    if last is not None and last[0]() is model and last[1] == as_of:
        return set(last[2])
    tasks = model.tasks
    found = frozenset(
        e.holder_id
        for e in model.status.values()
        if e.task_id in tasks and e.known_on(as_of) is not None
    )
    _LAST_REPORTERS = (weakref.ref(model), as_of, found)
    return set(found)


_LAST_REPORTERS: tuple[weakref.ref[Model], dt.date, frozenset[str]] | None = None
