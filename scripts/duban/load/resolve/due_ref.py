"""Which deadline and which period a status entry or a supervisor's record names.

Status entries (resolve/status.py) and records (records/) point at an occurrence the same way: a
task, an optional deadline id (required when the holder answers for several) and a period
(required for a recurring deadline, absent for a one-off). One set of rules and messages serves
both, so the two files an officer edits never disagree about what a reference means.
"""

from __future__ import annotations

from collections.abc import Sequence

from duban.model.plan import Due, Task


def pick_due(task: Task, mine: Sequence[Due], due_ref: str | None) -> tuple[Due | None, str | None]:
    """The deadline ``due_ref`` names among those a holder answers for (``mine``).

    Returns (deadline, None), or (None, the problem with the ``due`` field).
    """
    known = ", ".join(d.id for d in mine)
    if due_ref is None:
        if len(mine) == 1:
            return mine[0], None
        own = [d for d in mine if not d.from_rule]
        if len(own) == 1:  # a rule's deadline is named; the task's own one is the default
            return own[0], None
        return (
            None,
            f"is required: task {task.local_id} has several deadlines for this unit ({known})",
        )
    due = next((d for d in mine if d.id == due_ref), None)
    if due is None:
        return None, (
            f"task {task.local_id} has no deadline {due_ref!r} for this unit (its deadlines: {known})"  # noqa: E501
        )
    return due, None


def period_problem(task: Task, due: Due, key: str) -> str | None:
    """The problem with the ``period`` field naming ``key`` of a dated deadline, if any.

    Follow-up deadlines are the caller's: their periods exist only once a record sets them.
    """
    if due.kind == "recurring" or due.check_in:
        if not key and due.check_in:
            return None  # the ongoing duty itself; its reports name their periods
        if not key:
            return (
                f"is required: deadline {due.id!r} of task {task.local_id} recurs every {due.every}"
            )
        if due.occurrence(key) is None:
            periods = ", ".join(o.key for o in due.occurrences)
            return f"{key!r} is not a period of this duty (periods: {periods})"
        return None
    if key:
        return f"deadline {due.id!r} of task {task.local_id} does not recur: leave period out"
    return None
