"""Obligations: each task (or sub-item) x each holder, and one per shared duty."""

from __future__ import annotations

from duban.load.resolve.org import Window, union
from duban.model.model import Obligation
from duban.model.plan import Task


def build_obligations(
    tasks: list[Task], windows: dict[str, dict[str, Window]]
) -> tuple[Obligation, ...]:
    result = []
    for task in tasks:
        bound = windows.get(task.id, {})
        own = [d for d in task.due if not d.shared]
        holders = dict.fromkeys(h for d in own for h in d.holder_ids)
        for holder in holders:
            due_ids = tuple(d.id for d in own if holder in d.holder_ids)
            start, end = bound.get(holder, (None, None))
            result.append(Obligation(task.id, holder, due_ids, start, end))
        for due in task.due:
            if not due.shared or not due.holder_ids:
                continue
            window: Window | None = None
            for holder in due.holder_ids:
                window = union(window, bound.get(holder, (None, None)))
            start, end = window or (None, None)
            result.append(
                Obligation(
                    task.id,
                    due.holder_ids[0],
                    (due.id,),
                    start,
                    end,
                    holder_ids=due.holder_ids,
                    shared=due.shared,
                )
            )
    return tuple(result)
