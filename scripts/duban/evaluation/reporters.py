"""Which holders had recorded anything by a date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from duban.model.model import Model
from duban.model.status import StatusEntry


def reporters(model: Model, as_of: dt.date) -> set[str]:
    """Holders that had recorded anything for the model's tasks by ``as_of`` (a status entry
    known then, :meth:`StatusEntry.known_on`). A pass over every status entry: a build finds
    it once per index (``site.index.Index.reporters``), not once per page that asks."""
    tasks = model.tasks
    return {e.holder_id for e in model.status.values() if counts_as_report(e, tasks, as_of)}


def counts_as_report(entry: StatusEntry, tasks: Mapping[str, object], as_of: dt.date) -> bool:
    """Whether ``entry`` makes its holder one that reported by ``as_of``: an entry for one of
    ``tasks`` known by then (the one rule :func:`reporters` and serve's update of it apply)."""
    return entry.task_id in tasks and entry.known_on(as_of) is not None
