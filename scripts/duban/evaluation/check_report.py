"""What is late and what falls due soon, grouped by the unit that answers for it.

:func:`check_report` selects from an evaluation: the report is a value, which the formats of
``duban check``, the 通报, the 台账 and the site all read (:mod:`duban.outputs.check_formats`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress
from operator import attrgetter
from typing import Any

from duban.evaluation.escalation import Escalation
from duban.evaluation.evaluate import Evaluation, ItemState, State, reporters, silent_states
from duban.evaluation.flags import Flag
from duban.model.model import Model
from duban.model.org import Holder
from duban.model.plan import Due, Task
from duban.model.refs import Source

FAIL_ON = ("overdue", "due-soon", "never")
DEFAULT_FAIL_ON = "never"
"""A pull request that records progress on something already late must not fail: lateness is
a fact about the calendar, not about the change (docs/ci.md)."""


# slots: a province lists tens of thousands; not frozen, for speed (see ItemState)
@dataclass(slots=True)
class CheckItem:
    """One overdue or due-soon occurrence, with what a supervisor needs to act on it."""

    item: ItemState
    task: Task
    due: Due
    supervisors: tuple[Holder, ...]
    supervisor_role: str
    """``supervise`` (监督单位), else ``lead`` (牵头单位) when the task names no supervisor."""
    escalation: Escalation | None
    where: Source
    """The line that defines the obligation: the status entry if there is one, else the due."""
    plan_name: str | None = None
    """The plan's short name when the report spans several plans (None for one plan)."""
    stage_rank: int = -1
    """The escalation stage's place on its ladder (0 = first stage); -1 without a stage."""

    @property
    def reported(self) -> bool:
        """未报送 when False: no holder has recorded anything for this occurrence."""
        return self.item.reported


@dataclass(frozen=True)
class UnitSummary:
    """One unit's line of the 督办清单 summary: how much is late, how late, how escalated."""

    holder: Holder
    overdue: int
    overdue_not_reported: int
    due_soon: int
    longest_days_late: int | None
    highest_stage: str | None
    """The name of the most advanced escalation stage among its overdue items."""
    highest_stage_rank: int


@dataclass(frozen=True)
class Summary:
    """Counts over every occurrence evaluated (not only the listed ones): the 总体情况 of the
    督办通报 and the ledger come from here, so they equal ``duban check --format json``.

    ``states`` counts occurrences by state (not-applicable included, under its own key);
    ``total`` leaves not-applicable out. ``reported`` counts occurrences with a status entry
    (not-applicable left out). ``units_on_time``: holders with something due by ``as_of``, all
    of it done on time (按期完成). ``units_reported``: holders that recorded anything at all.
    ``plans_ended``: plans whose period ended before ``as_of``.
    """

    total: int
    states: dict[str, int]
    reported: int
    overdue_reported: int
    overdue_not_reported: int
    due_soon_not_reported: int
    units_on_time: tuple[str, ...]
    units_reported: tuple[str, ...]
    plans_ended: tuple[str, ...]

    @property
    def not_reported(self) -> int:
        return self.total - self.reported

    @property
    def nothing_reported(self) -> bool:
        return self.reported == 0 and not self.units_reported


@dataclass(frozen=True)
class CheckReport:
    as_of: dt.date
    due_soon_days: int
    units: tuple[tuple[Holder, tuple[CheckItem, ...]], ...]
    flags: tuple[Flag, ...]
    holders: dict[str, Holder]
    summary: Summary | None = None

    # cached: every format asks for these counts, and a province lists tens of thousands of items
    @cached_property
    def items(self) -> list[CheckItem]:
        return [item for _, items in self.units for item in items]

    @cached_property
    def overdue(self) -> int:
        return sum(1 for i in self.items if i.item.state is State.OVERDUE)

    @cached_property
    def due_soon(self) -> int:
        return sum(1 for i in self.items if i.item.state is State.DUE_SOON)

    @cached_property
    def overdue_not_reported(self) -> int:
        """Overdue with nothing recorded (逾期未报送)."""
        return sum(1 for i in self.items if i.item.state is State.OVERDUE and not i.reported)

    @property
    def overdue_reported(self) -> int:
        return self.overdue - self.overdue_not_reported

    def unit_summaries(self) -> list[UnitSummary]:
        """One line per listed unit, most overdue items first, then the longest delay."""
        result = []
        for holder, items in self.units:
            late = [i for i in items if i.item.state is State.OVERDUE]
            staged = max(late, key=lambda i: i.stage_rank, default=None)
            result.append(
                UnitSummary(
                    holder,
                    len(late),
                    sum(1 for i in late if not i.reported),
                    len(items) - len(late),
                    max((i.item.days_late or 0 for i in late), default=None),
                    staged.escalation.stage_name
                    if staged is not None and staged.escalation is not None
                    else None,
                    staged.stage_rank if staged is not None else -1,
                )
            )
        return sorted(
            result,
            key=lambda u: (-u.highest_stage_rank, -u.overdue, -(u.longest_days_late or 0)),
        )

    def fails(self, fail_on: str) -> bool:
        if fail_on == "overdue":
            return self.overdue > 0
        if fail_on == "due-soon":
            return self.overdue + self.due_soon > 0
        return False


def supervisors_of(model: Model, task: Task) -> tuple[str, tuple[Holder, ...]]:
    role, ids = model.supervisors(task)
    return role, tuple(h for h in (model.entity(i) for i in ids) if h is not None)


def check_report(
    model: Model,
    evaluation: Evaluation,
    only_overdue: bool = False,
    summary: Summary | None = None,
) -> CheckReport:
    """Overdue (and, unless ``only_overdue``, due-soon) occurrences by holder, most late first.
    ``summary`` (h24q): :func:`summarize`'s, when the caller has it already."""
    wanted = (State.OVERDUE,) if only_overdue else (State.OVERDUE, State.DUE_SOON)
    holders = {**model.holders, **model.groups}
    by_holder: dict[str, list[CheckItem]] = {}
    # a province lists tens of thousands of items over a few dozen tasks: what depends only on
    # the task or the deadline is worked out once
    per_task: dict[str, tuple[Task, str, tuple[Holder, ...], str | None]] = {}
    dues: dict[tuple[str, str], Due] = {}
    for item in evaluation.items:
        if item.state not in wanted:
            continue
        known = per_task.get(item.task_id)
        if known is None:
            task = model.tasks[item.task_id]
            role, supervisors = supervisors_of(model, task)
            plan_name = None if model.single_plan else model.plans[task.plan_id].display_name
            known = per_task[item.task_id] = (task, role, supervisors, plan_name)
        task, role, supervisors, plan_name = known
        due = dues.get((item.task_id, item.due_id))
        if due is None:
            found_due = task.due_item(item.due_id)
            assert found_due is not None
            due = dues[(item.task_id, item.due_id)] = found_due
        where = item.entry.source if item.entry is not None else due.source
        found = evaluation.escalations.get(item.ref) if evaluation.escalations else None
        by_holder.setdefault(item.holder_id, []).append(
            CheckItem(
                item,
                task,
                due,
                supervisors,
                role,
                found,
                where,
                plan_name=plan_name,
                stage_rank=stage_rank(model, item, found),
            )
        )
    order = {holder_id: index for index, holder_id in enumerate(holders)}
    units = tuple(
        (holders[holder_id], tuple(sorted(items, key=_item_order)))
        for holder_id, items in sorted(by_holder.items(), key=lambda kv: order.get(kv[0], 0))
    )
    return CheckReport(
        evaluation.as_of,
        evaluation.due_soon_days,
        units,
        evaluation.flags,
        holders,
        summary if summary is not None else summarize(model, evaluation),
    )


def stage_rank(model: Model, item: ItemState, found: Escalation | None) -> int:
    """Where an item's escalation stands on its task's ladder; -1 for none."""
    ladder = model.rules.ladder_for(item.task_id) if found is not None else None
    return ladder.rank(found.stage) if ladder is not None and found is not None else -1


_SETTLED = frozenset(
    {State.DONE_ON_TIME, State.DONE_EARLY, State.DONE_LATE, State.OVERDUE, State.MISSED}
)
"""States in which an occurrence's outcome is known: done (on time or late), overdue or missed."""


_state_of = attrgetter("state")
_holders_of = attrgetter("holders")
_NOT_ON_TIME = State.DONE_ON_TIME.__ne__


def summarize(model: Model, evaluation: Evaluation, reported_by: set[str] | None = None) -> Summary:
    """Counts over every occurrence of the evaluation (see :class:`Summary`), in one pass.
    ``reported_by`` (h24r): :func:`reporters` of the model and the evaluation's date, when the
    caller has found them (the site's index)."""
    # h24u: counted in C passes (serve counts every plan's on every edit): the states, then the
    # silent occurrences' states, then the settled ones' holders
    items = evaluation.items
    by_state: Counter[State] = Counter(map(_state_of, items))
    silent = silent_states(items)  # the states of those without a status entry
    na = State.NOT_APPLICABLE
    reported = (len(items) - by_state[na]) - (sum(silent.values()) - silent[na])
    overdue_reported = by_state[State.OVERDUE] - silent[State.OVERDUE]
    due_soon_not_reported = silent[State.DUE_SOON]
    settled = list(compress(items, map(_SETTLED.__contains__, map(_state_of, items))))
    # holders with something settled; those with something settled not done on time
    counted = set(chain.from_iterable(map(_holders_of, settled)))
    not_on_time = compress(settled, map(_NOT_ON_TIME, map(_state_of, settled)))
    late = set(chain.from_iterable(map(_holders_of, not_on_time)))
    if reported_by is None:
        reported_by = reporters(model, evaluation.as_of)
    return Summary(
        total=len(items) - by_state[State.NOT_APPLICABLE],
        states={state.value: by_state[state] for state in State},
        reported=reported,
        overdue_reported=overdue_reported,
        overdue_not_reported=by_state[State.OVERDUE] - overdue_reported,
        due_soon_not_reported=due_soon_not_reported,
        units_on_time=tuple(h for h in model.holders if h in counted and h not in late),
        units_reported=tuple(h for h in {**model.holders, **model.groups} if h in reported_by),
        plans_ended=tuple(p.id for p in model.plans_in_order() if p.period_end < evaluation.as_of),
    )


def _item_order(check_item: CheckItem) -> tuple[Any, ...]:
    item = check_item.item
    return (
        item.state is not State.OVERDUE,
        item.due,
        check_item.task.order,
        item.due_id,
        item.key,
    )
