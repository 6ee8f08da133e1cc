"""The occurrences one holder answers for, known on a date (pure: the model and ``as_of``).

Most deadlines carry their occurrences in the model. Two kinds get theirs here, because their
dates depend on what is known on ``as_of``:

* ``follow-up`` (限期整改): each deadline a supervisor set for this holder in a records file;
* ``after`` (自印发之日起30日内, 收到通知后15个工作日内, 印发后3个月内): counted from an event,
  the plan's signing or publication date or the day the holder completed another step of the
  task. Until the event has a date known on ``as_of`` the occurrence is *waiting* for it
  (``Occurrence.waiting``), never overdue. Counted from records (``event: record``, 每次检查后
  10个工作日内): one occurrence per recorded event of its kind, none before the first.

Working days (``working_days: true``) skip weekends and statutory holidays and count the
make-up working days (调休) of the State Council's yearly notice, from the ``chinesecalendar``
package (:func:`duban.model.deadlines.add_working_days`). A year the package does not know is
an error (:class:`~duban.model.deadlines.WorkingDaysUnknown`), never a guess: ``duban validate``
reports it for events dated in plan.yaml; for a step's date it stops the command with one line.
"""

from __future__ import annotations

import datetime as dt

from duban.model.deadlines import WorkingDaysUnknown, due_after
from duban.model.model import Model, Obligation
from duban.model.plan import Due, Occurrence, Plan

__all__ = ["WorkingDaysUnknown", "event_date", "occurrences_of"]


def event_date(
    model: Model, plan: Plan, due: Due, obligation: Obligation, as_of: dt.date
) -> dt.date | None:
    """The date of the event an ``after`` deadline counts from, as known on ``as_of``.

    ``signed`` and ``published`` come from plan.yaml (published: None until it is written); a
    step is done when the holder's report of it says so (for a shared duty: as the duty is
    shared, on the first holder's date for ``any``, on the last for ``all``).
    """
    assert due.after is not None
    event = due.after.event
    if event == "signed":
        day: dt.date | None = plan.signed
    elif event == "published":
        day = plan.published
    else:
        dones = []
        for holder in obligation.holders:
            entry = model.status_of(holder, obligation.task_id, event, "")
            known = entry.known_on(as_of) if entry is not None else None
            done = known.done_on if known is not None else None
            if done is not None and done <= as_of:
                dones.append(done)
        if not dones or (obligation.shared == "all" and len(dones) < len(obligation.holders)):
            return None
        day = max(dones) if obligation.shared == "all" else min(dones)
    return day if day is not None and day <= as_of else None


def occurrences_of(
    model: Model, due: Due, obligation: Obligation, as_of: dt.date
) -> tuple[Occurrence, ...]:
    """The occurrences one holder answers for, known on ``as_of``.

    A follow-up duty has none of its own: each deadline a supervisor set for this holder on or
    before ``as_of`` (data/records) is one occurrence. An ``after`` duty has one, dated from its
    event, or waiting for it (dated the plan's end, a placeholder).
    """
    if due.kind == "after" and due.after is not None and due.after.is_record:
        return _from_records(model, due, obligation, as_of)
    if due.kind == "after":
        plan = model.plans[model.tasks[obligation.task_id].plan_id]
        starts = due.starts or plan.period_start
        event = event_date(model, plan, due, obligation, as_of)
        if event is None:
            return (Occurrence("", max(plan.period_end, starts), starts, waiting=True),)
        return (Occurrence("", _counted(due, event), min(starts, event)),)
    if due.kind != "follow-up":
        return due.occurrences
    follow_ups = model.records.follow_ups_for(
        obligation.task_id, due.id, obligation.holder_id, as_of
    )
    return tuple(Occurrence(f.key, f.deadline, f.set_on) for f in follow_ups)


def _counted(due: Due, event: dt.date) -> dt.date:
    try:
        return due_after(event, due.after) if due.after is not None else event
    except WorkingDaysUnknown as error:
        where = f"{due.source.path}:{due.source.line}: after.working_days"
        raise WorkingDaysUnknown(error.year, where) from None


def _from_records(
    model: Model, due: Due, obligation: Obligation, as_of: dt.date
) -> tuple[Occurrence, ...]:
    """每次检查后10个工作日内: one occurrence per recorded event of the kind, known on ``as_of``
    and keyed by its date; none before the first (nothing owed, nothing overdue)."""
    assert due.after is not None and due.after.record
    task = model.tasks[obligation.task_id]
    found = model.records.events_for(due.after.record, task.plan_id, task.id, as_of)
    days = sorted({e.date for e in found})
    return tuple(Occurrence(day.isoformat(), _counted(due, day), day) for day in days)
