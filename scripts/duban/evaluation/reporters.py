"""Which holders had recorded anything by a date."""

from __future__ import annotations

import datetime as dt

from duban.model.model import Model


def reporters(model: Model, as_of: dt.date) -> set[str]:
    """Holders that had recorded anything for the model's tasks by ``as_of`` (a status entry
    known then, :meth:`StatusEntry.known_on`). A pass over every status entry: a build finds
    it once per index (``site.index.Index.reporters``), not once per page that asks."""
    tasks = model.tasks
    return {
        e.holder_id
        for e in model.status.values()
        if e.task_id in tasks and e.known_on(as_of) is not None
    }
