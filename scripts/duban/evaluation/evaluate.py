"""The state of every obligation occurrence as of a date: pure functions of the model and ``as_of``.

States (``State``): not yet due, due soon (within ``due_soon_days``, due today included),
overdue, done on time, done late, missed (a count duty whose due date passed short of its
number or amount: final), ongoing (长期坚持 with no check-in: never due by itself), not
applicable. A status whose ``done`` date lies after
``as_of`` is not known yet on ``as_of``, so it counts as not done (a build for an earlier date
shows what was known then).

Computed names (never raw data keys): ``days_late``, ``days_left``, ``is_overdue``,
``reported`` (a status entry exists for the occurrence: without one it is 未报送, whatever its
state).

An :class:`Evaluation` also carries what the deadline engine derives from the supervisors'
rules and records (see docs/deadlines.md):

* ``indicators``: tuple of :class:`~duban.evaluation.indicators.IndicatorResult` (task_id, due_id,
  indicator, target, actual, numerator, denominator, status in met/missed/pending/no-data), one
  per target date of each indicator;
* ``escalations``: dict keyed by ``(task_id, holder_id, due_id, key)`` of
  :class:`~duban.evaluation.escalation.Escalation` (stage, stage_name, next_step, since, ladder_id,
  respond_by, actions), one per overdue occurrence whose task has an escalation ladder;
* ``flags``: tuple of :class:`~duban.evaluation.flags.Flag` (rule_id, holder_id, task_id,
  message, since, kind) raised by the ranking and grading rules.

Occurrences of a follow-up deadline (限期整改) exist only once a supervisor's record has set
them, and only from the date of that record.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import compress, repeat
from operator import attrgetter, is_, methodcaller
from typing import Any, cast

from duban.evaluation.escalation import Escalation, addressed, escalation
from duban.evaluation.flags import Flag, all_flags
from duban.evaluation.indicators import IndicatorResult, indicator_results
from duban.evaluation.occurrences import occurrences_of
from duban.evaluation.reporters import reporters as reporters  # h24p: moved, kept here
from duban.model.model import Model, Obligation
from duban.model.plan import Due, Occurrence
from duban.model.refs import OccurrenceRef
from duban.model.status import StatusEntry

__all__ = [
    "DEFAULT_DUE_SOON_DAYS",
    "Escalation",
    "Evaluation",
    "Flag",
    "IndicatorResult",
    "ItemState",
    "State",
    "evaluate",
    "occurrence_state",
    "occurrences_of",
]

DEFAULT_DUE_SOON_DAYS = 30


class State(StrEnum):
    NOT_DUE = "not-due"
    DUE_SOON = "due-soon"
    OVERDUE = "overdue"
    DONE_ON_TIME = "done-on-time"
    DONE_LATE = "done-late"
    MISSED = "missed"
    ONGOING = "ongoing"
    NOT_APPLICABLE = "not-applicable"

    WAITING = "waiting"
    """Counted from an event that has no date yet: nothing is due until it happens."""
    DONE_EARLY = "done-early"
    """Done before a window opened (``kind: window``): done, but not when the plan asked."""

    @property
    def is_done(self) -> bool:
        return self in (State.DONE_ON_TIME, State.DONE_LATE, State.DONE_EARLY)

    @property
    def is_open(self) -> bool:
        return self in (State.NOT_DUE, State.DUE_SOON, State.OVERDUE)


# slots: a province evaluates over 100,000 of them. Not frozen: a frozen dataclass sets each
# field through object.__setattr__, three times as slow to make (a tenth of a second of a
# province's `duban check`); nothing changes an item once it is evaluated.
@dataclass(slots=True)
class ItemState:
    """One occurrence of one deadline for one holder, evaluated as of a date."""

    task_id: str
    holder_id: str
    due_id: str
    key: str
    due: dt.date
    state: State
    entry: StatusEntry | None = None
    days_late: int | None = None
    days_left: int | None = None
    reason: str | None = None
    holder_ids: tuple[str, ...] = ()
    """Every holder of a shared duty (empty when ``holder_id`` holds it alone)."""
    count: float | None = None
    """For a count duty: the times (or the amount) reached by ``as_of`` in the period."""

    @property
    def holders(self) -> tuple[str, ...]:
        return self.holder_ids or (self.holder_id,)

    @property
    def ref(self) -> OccurrenceRef:
        return OccurrenceRef(self.task_id, self.holder_id, self.due_id, self.key)

    @property
    def is_shared(self) -> bool:
        return len(self.holder_ids) > 1

    @property
    def plan_id(self) -> str:
        return self.task_id.partition("/")[0]

    @property
    def is_overdue(self) -> bool:
        return self.state is State.OVERDUE

    @property
    def reported(self) -> bool:
        """Whether any holder has recorded anything for this occurrence (a status entry).

        未报送 (not reported) is ``not reported``: kept apart from the state, so an overdue
        occurrence is either "reported and late" or "never reported" (docs/deadlines.md)."""
        return self.entry is not None


_UNSET: Any = object()


def occurrence_state(
    occurrence: Occurrence,
    entry: StatusEntry | None,
    as_of: dt.date,
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS,
    active: tuple[dt.date | None, dt.date | None] = (None, None),
    *,
    done: dt.date | None = _UNSET,
    kind: str = "once",
    signed: dt.date | None = None,
) -> tuple[State, int | None, int | None, str | None]:
    """(state, days_late, days_left, reason) of one occurrence. The core state machine.

    ``done``: when it was done, if the caller computed it (a count duty, a shared duty);
    otherwise the entry's ``done`` date. ``kind``: ``once``, ``count`` (missed rather than
    overdue once the due date passes short) or ``ongoing`` (never due by itself). ``signed``:
    the plan's signing date: an occurrence due before it is never overdue (not applicable
    unless done). An occurrence waiting for its event is done or waiting; one with a window
    (``opens``) done before the window opened is done early.
    """
    due = occurrence.due
    joined, left = active
    if joined is not None and due < joined:
        return State.NOT_APPLICABLE, None, None, f"joined {joined.isoformat()}"
    if left is not None and due > left:
        return State.NOT_APPLICABLE, None, None, f"left {left.isoformat()}"
    if entry is not None and entry.state == "not-applicable":
        return State.NOT_APPLICABLE, None, None, entry.reason
    if kind == "ongoing":
        return State.ONGOING, None, None, None
    if done is _UNSET:
        done = entry.done_on if entry is not None else None
    if done is not None and done <= as_of:
        if occurrence.opens is not None and done < occurrence.opens:
            return State.DONE_EARLY, None, None, None
        if done <= due or occurrence.waiting:
            return State.DONE_ON_TIME, None, None, None
        return State.DONE_LATE, (done - due).days, None, None
    if occurrence.waiting:
        return State.WAITING, None, None, None
    if signed is not None and due < signed:
        return State.NOT_APPLICABLE, None, None, f"signed {signed.isoformat()}"
    if as_of > due:
        if kind == "count":
            return State.MISSED, (as_of - due).days, None, None
        return State.OVERDUE, (as_of - due).days, None, None
    days_left = (due - as_of).days
    if days_left <= due_soon_days:
        return State.DUE_SOON, None, days_left, None
    return State.NOT_DUE, None, days_left, None


@dataclass(frozen=True)
class Evaluation:
    """Everything known about the plan's progress as of ``as_of`` (fields: module docstring)."""

    as_of: dt.date
    due_soon_days: int
    items: tuple[ItemState, ...]
    indicators: tuple[IndicatorResult, ...] = ()
    escalations: dict[OccurrenceRef, Escalation] = field(default_factory=dict)
    flags: tuple[Flag, ...] = ()

    def for_task(self, task_id: str) -> list[ItemState]:
        return [i for i in self.items if i.task_id == task_id]

    def for_holder(self, holder_id: str) -> list[ItemState]:
        """Everything a holder answers for, shared duties included."""
        return [i for i in self.items if holder_id in i.holders]

    def for_plan(self, plan_id: str) -> Evaluation:
        """The same evaluation restricted to one plan's tasks."""
        prefix = f"{plan_id}/"
        # h24v: picked in C (serve asks for every plan on every edit)
        mine = map(methodcaller("startswith", prefix), map(attrgetter("task_id"), self.items))
        return replace(
            self,
            items=tuple(compress(self.items, mine)),
            indicators=tuple(r for r in self.indicators if r.task_id.startswith(prefix)),
            escalations={k: v for k, v in self.escalations.items() if k[0].startswith(prefix)},
            flags=tuple(f for f in self.flags if f.task_id.startswith(prefix)),
        )

    def with_state(self, *states: State) -> list[ItemState]:
        return [i for i in self.items if i.state in states]

    def counts(self, items: list[ItemState] | None = None) -> Counter[State]:
        return Counter(i.state for i in (self.items if items is None else items))


def count_reached(
    due: Due, entry: StatusEntry | None, occurrence: Occurrence, as_of: dt.date
) -> tuple[dt.date | None, float]:
    """(the date a count duty was met, the times or amount reached by ``as_of``).

    Only instances inside the period covered and known by ``as_of`` count; a unit that states
    ``done`` without listing instances is taken at its word.
    """
    if entry is None:
        return None, 0
    if not entry.instances:
        done = entry.done_on
        return done, (due.amount or due.times) if done and done <= as_of else 0
    last = occurrence.ends or occurrence.due
    times, amount = 0, 0.0
    for instance in entry.instances:
        if not occurrence.starts <= instance.date <= last or instance.date > as_of:
            continue
        times += 1
        amount += instance.amount or 0
        if times >= due.times and (due.amount is None or amount >= due.amount):
            return instance.date, amount if due.amount is not None else times
    return None, amount if due.amount is not None else times


def _done_of(
    due: Due, entry: StatusEntry | None, occurrence: Occurrence, as_of: dt.date
) -> dt.date | None:
    if due.is_count:
        return count_reached(due, entry, occurrence, as_of)[0]
    return entry.done_on if entry is not None else None


def shared_status(
    model: Model,
    obligation: Obligation,
    due: Due,
    occurrence: Occurrence,
    as_of: dt.date,
) -> tuple[StatusEntry | None, dt.date | None]:
    """(the entry to show, when the duty was done) over every holder of the obligation.

    ``any``: done on the earliest date a holder records; ``all``: on the latest, once every
    holder has. The entry shown is the one that completed the duty, else the first holder's
    that exists (so its not-applicable, or its progress, stands for the shared duty).
    """
    entries = [
        _known(model.status_of(h, obligation.task_id, due.id, occurrence.key), as_of)
        for h in obligation.holders
    ]
    known = [e for e in entries if e is not None]
    done_on = [(e, _done_of(due, e, occurrence, as_of)) for e in known]
    dones = [d for _, d in done_on if d is not None and d <= as_of]
    if obligation.shared == "all":
        done = max(dones) if len(dones) == len(entries) else None
    else:
        done = min(dones) if dones else None
    shown = next((e for e, d in done_on if d == done), None) if done else None
    return shown or (known[0] if known else None), done


def _known(entry: StatusEntry | None, as_of: dt.date) -> StatusEntry | None:
    """The entry as known on ``as_of`` (:meth:`StatusEntry.known_on`): the one place where a
    report dated after the as-of date is set aside, for every state and every page."""
    return entry.known_on(as_of) if entry is not None else None


def _items(model: Model, obligation: Obligation, as_of: dt.date, window: int) -> list[ItemState]:
    task = model.tasks[obligation.task_id]
    active = (obligation.active_from, obligation.active_until)
    shared_holders = obligation.holder_ids if obligation.shared else ()
    # a province evaluates 120,000 occurrences: what is the same for a due is looked up once,
    # and the status key is a plain tuple (an OccurrenceRef hashes and compares as one, which
    # the cast tells the type checker)
    status = cast("Callable[[tuple[str, str, str, str]], StatusEntry | None]", model.status.get)
    task_id, holder_id = task.id, obligation.holder_id
    plan = model.plans.get(task.plan_id)
    signed = plan.signed if plan is not None else None
    result = []
    for due_id in obligation.due_ids:
        due = task.due_item(due_id)
        assert due is not None
        is_count = due.is_count
        ongoing = due.is_ongoing
        for occurrence in occurrences_of(model, due, obligation, as_of):
            kind = "ongoing" if ongoing and not occurrence.key else "count" if is_count else "once"
            reached: float | None = None
            if obligation.shared:
                entry, done = shared_status(model, obligation, due, occurrence, as_of)
                if is_count:
                    reached = count_reached(due, entry, occurrence, as_of)[1]
            else:
                entry = _known(status((task_id, holder_id, due_id, occurrence.key)), as_of)
                if is_count:
                    done, reached = count_reached(due, entry, occurrence, as_of)
                else:
                    done = _UNSET  # occurrence_state reads the entry's own done date
            state, late, left, reason = occurrence_state(
                occurrence, entry, as_of, window, active, done=done, kind=kind, signed=signed
            )
            result.append(
                ItemState(
                    task_id,
                    holder_id,
                    due_id,
                    occurrence.key,
                    occurrence.due,
                    state,
                    entry,
                    late,
                    left,
                    reason,
                    shared_holders,
                    reached,
                )
            )
    return result


def evaluate(
    model: Model, as_of: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> Evaluation:
    """Every occurrence of every obligation, in task then holder order."""
    items: list[ItemState] = []
    for obligation in model.obligations:
        items.extend(_items(model, obligation, as_of, due_soon_days))
    return evaluation_of(model, items, as_of, due_soon_days)


def evaluation_of(
    model: Model, items: list[ItemState], as_of: dt.date, due_soon_days: int
) -> Evaluation:
    """The evaluation made of ``items`` (every occurrence, in task then holder order): with
    the indicators, escalations and flags, which read the whole model (a full evaluation and
    serve's partial one, :mod:`.update`, end the same way)."""
    return Evaluation(
        as_of,
        due_soon_days,
        tuple(items),
        indicators=indicator_results(model, as_of),
        escalations=_escalations(model, items, as_of),
        flags=all_flags(model.rules, model.records, as_of),
    )


def holder_states(
    model: Model, holder_id: str, as_of: dt.date, due_soon_days: int = DEFAULT_DUE_SOON_DAYS
) -> dict[tuple[str, str, str], ItemState]:
    """The occurrences of the obligations a holder shares in, evaluated as :func:`evaluate`
    does, by (task, due, period): one unit's states without evaluating everyone's (the unit's
    workbook)."""
    result = {}
    for obligation in model.obligations:
        if holder_id in obligation.holders:
            for item in _items(model, obligation, as_of, due_soon_days):
                result[item.task_id, item.due_id, item.key] = item
    return result


def _escalations(
    model: Model, items: list[ItemState], as_of: dt.date
) -> dict[OccurrenceRef, Escalation]:
    result = {}
    ladders: dict[str, Any] = {}  # by task: tens of thousands of items, a few dozen tasks
    for item in items:
        if item.state is not State.OVERDUE:
            continue
        if item.task_id not in ladders:
            ladders[item.task_id] = model.rules.ladder_for(item.task_id)
        ladder = ladders[item.task_id]
        if ladder is None:
            continue
        key = item.ref
        found = escalation(ladder, item.due, model.records.actions_for(key, as_of), as_of)
        if found is not None:
            leaders = tuple(p.address for p in model.tasks[item.task_id].leaders)
            result[key] = addressed(found, ladder.stage(found.stage), leaders)
    return result


def silent_states(items: Sequence[ItemState]) -> Counter[State]:
    """The states of the occurrences no holder recorded anything for (not
    :attr:`ItemState.reported`: no entry), counted in C passes (h24u: serve counts every plan's
    on every edit), in first-seen order."""
    entries = map(attrgetter("entry"), items)
    return Counter(map(attrgetter("state"), compress(items, map(is_, entries, repeat(None)))))
