"""The supervising office's rules and records, as frozen dataclasses.

*Rules* (``data/rules.yaml``) say how a plan escalates what is late and what its rankings and
gradings lead to; they are data so that another plan can state other steps and thresholds:

* a :class:`Ladder` of escalation stages (seed task 十四: overdue → 督办/催办 → still overdue →
  通报批评);
* a :class:`RankingRule` (task 十七: a half-yearly ranking; last in N consecutive rankings is
  flagged);
* a :class:`GradingRule` (task 十八: yearly grades; failing → 限期整改 → still failing → removed;
  failing N years running → leadership adjustment proposed).

*Records* (``data/records/<unit>.yaml``, each file kept by the unit that writes it in real life)
say what the supervisors actually did: :class:`Action` (a reminder, a notice …),
:class:`FollowUp` (a deadline set later, 限期整改), :class:`Ranking` and :class:`Grading`.

Built and cross-checked by :mod:`duban.load.records`; read by the evaluation. Holder, task and due
references are resolved ids here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.model.refs import OccurrenceRef, Source

BETTER = ("higher", "lower")


# -- rules ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Stage:
    """One step of an escalation ladder.

    The first stage of a ladder is entered when an occurrence becomes overdue. A stage with an
    ``action`` is entered when a supervisor records that action; a stage that ``lapses`` another
    is entered when the deadline of that stage's action passes and the occurrence is still open.
    """

    id: str
    name: str
    next_step: str | None = None
    action: str | None = None
    respond_within_days: int | None = None
    lapses: str | None = None
    to: str | None = None
    """``leader``: the next step is addressed to the leaders the task names (提请分管领导督办)."""


@dataclass(frozen=True)
class Ladder:
    """How overdue occurrences escalate; no ``task_ids`` means every task no other ladder names."""

    id: str
    name: str
    stages: tuple[Stage, ...]
    task_ids: tuple[str, ...] = ()
    stated_in: str | None = None
    as_written: str | None = None
    source: Source | None = None
    plan_id: str = ""
    """The plan whose rules.yaml states it: a ladder naming no task covers that plan's tasks."""
    recorded_by: tuple[str, ...] = ()
    """Units or groups the plan names to take this ladder's actions (besides the task's
    supervisors and the supervising office)."""

    def stage(self, stage_id: str) -> Stage | None:
        return next((s for s in self.stages if s.id == stage_id), None)

    def rank(self, stage_id: str) -> int:
        """Where a stage stands on this ladder (escalation order, not alphabetical); -1 if the
        ladder has no such stage."""
        return next((i for i, s in enumerate(self.stages) if s.id == stage_id), -1)

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(s.action for s in self.stages if s.action)


@dataclass(frozen=True)
class RankingRule:
    """A periodic ranking of units; units last in ``consecutive`` rankings in a row are flagged."""

    id: str
    name: str
    task_id: str
    every: str
    better: str = "higher"
    consecutive: int = 2
    message: str = ""
    places: int = 1
    """Units in the last ``places`` places count (后三位: 3); 1 means last place only."""
    as_written: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class GradingRule:
    """Yearly grades (best first); failing grades lead to a follow-up deadline and to flags."""

    id: str
    name: str
    task_id: str
    grades: tuple[str, ...]
    failing: tuple[str, ...]
    follow_up: str | None = None
    still_failing_message: str | None = None
    failing_years: int | None = None
    failing_years_message: str | None = None
    as_written: str | None = None
    source: Source | None = None

    def is_failing(self, grade: str | None) -> bool:
        return grade is not None and grade in self.failing


@dataclass(frozen=True)
class Rules:
    ladders: tuple[Ladder, ...] = ()
    rankings: tuple[RankingRule, ...] = ()
    gradings: tuple[GradingRule, ...] = ()
    source: Source | None = None

    def ladder_for(self, task_id: str) -> Ladder | None:
        """The ladder that names the task (or the task a sub-item belongs to), else its plan's
        default ladder (one that names none)."""
        plan, _, rest = task_id.partition("/")
        top = f"{plan}/{rest.split('/')[0]}"
        named = next((ld for ld in self.ladders if {task_id, top} & set(ld.task_ids)), None)
        return named or next(
            (ld for ld in self.ladders if not ld.task_ids and ld.plan_id == plan), None
        )

    def ranking(self, rule_id: str) -> RankingRule | None:
        return next((r for r in self.rankings if r.id == rule_id), None)

    def grading(self, rule_id: str) -> GradingRule | None:
        return next((r for r in self.gradings if r.id == rule_id), None)


# -- records -------------------------------------------------------------------------------------
ItemKey = OccurrenceRef
"""(task_id, holder_id, due_id, period key): one occurrence of one obligation."""


@dataclass(frozen=True)
class Action:
    """What a supervisor did about one occurrence: a reminder (催办), a notice (通报) …"""

    action: str
    date: dt.date
    by: str
    task_id: str
    holder_id: str
    due_id: str
    key: str = ""
    respond_by: dt.date | None = None
    document: str | None = None
    text: str | None = None
    url: str | None = None
    source: Source | None = None

    @property
    def item_key(self) -> ItemKey:
        return OccurrenceRef(self.task_id, self.holder_id, self.due_id, self.key)


@dataclass(frozen=True)
class FollowUp:
    """A deadline set later by a supervisor (限期整改): one more occurrence of a follow-up duty."""

    task_id: str
    due_id: str
    holder_id: str
    key: str
    set_on: dt.date
    deadline: dt.date
    by: str
    text: str | None = None
    document: str | None = None
    source: Source | None = None

    @property
    def item_key(self) -> ItemKey:
        return OccurrenceRef(self.task_id, self.holder_id, self.due_id, self.key)


@dataclass(frozen=True)
class Score:
    holder_id: str
    value: float


@dataclass(frozen=True)
class Ranking:
    """One published ranking (排名通报): the figures of each unit ranked."""

    rule_id: str
    period: str
    date: dt.date
    by: str
    scores: tuple[Score, ...]
    scope: str | None = None
    document: str | None = None
    url: str | None = None
    source: Source | None = None

    def last(self, better: str, places: int = 1) -> tuple[str, ...]:
        """The units in the last ``places`` places (a tie at the boundary counts every unit
        tied, as rankings are published); none if fewer than two are ranked or all tie."""
        if len(self.scores) < 2:
            return ()
        values = sorted({s.value for s in self.scores}, reverse=better != "higher")
        if len(values) == 1:
            return ()  # everyone tied: nobody is last
        ordered = sorted(self.scores, key=lambda s: s.value, reverse=better == "higher")
        # the value of the unit standing in place len-places+1 from the top marks the boundary
        cut = ordered[max(len(ordered) - places, 0)].value
        worse = (lambda v: v <= cut) if better == "higher" else (lambda v: v >= cut)
        bottom = tuple(s.holder_id for s in self.scores if worse(s.value))
        return () if len(bottom) == len(self.scores) else bottom


@dataclass(frozen=True)
class Grade:
    holder_id: str
    grade: str
    rectify_by: dt.date | None = None
    recheck_date: dt.date | None = None
    recheck_grade: str | None = None
    note: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class Grading:
    """One year's inspection (检查验收) under a grading rule."""

    rule_id: str
    year: int
    date: dt.date
    by: str
    grades: tuple[Grade, ...]
    document: str | None = None
    url: str | None = None
    source: Source | None = None


@dataclass(frozen=True)
class RecordedEvent:
    """A dated event a supervisor recorded (一次检查): deadlines written ``after: {event: record,
    record: <kind>}`` get one occurrence per such event of their task (or of their plan, when the
    event names no task)."""

    kind: str
    date: dt.date
    by: str
    plan_id: str
    task_id: str | None = None
    text: str | None = None
    document: str | None = None
    url: str | None = None
    source: Source | None = None

    def concerns(self, plan_id: str, task_id: str) -> bool:
        """Whether it concerns a task or sub-item: the one it names (or its parent), or any task
        of its plan when it names none."""
        if plan_id != self.plan_id:
            return False
        named = self.task_id
        return named is None or task_id == named or task_id.startswith(named + "/")


@dataclass(frozen=True)
class Records:
    actions: tuple[Action, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    rankings: tuple[Ranking, ...] = ()
    gradings: tuple[Grading, ...] = ()
    events: tuple[RecordedEvent, ...] = ()

    def events_for(
        self, kind: str, plan_id: str, task_id: str, as_of: dt.date
    ) -> tuple[RecordedEvent, ...]:
        """Events of one kind that concern a task (named, or its whole plan), known on
        ``as_of``, oldest first."""
        found = [
            e
            for e in self.events
            if e.kind == kind and e.concerns(plan_id, task_id) and e.date <= as_of
        ]
        return tuple(sorted(found, key=lambda e: e.date))

    def actions_for(self, key: ItemKey, as_of: dt.date) -> tuple[Action, ...]:
        """Actions about one occurrence known on ``as_of``, oldest first."""
        found = [a for a in self.actions if a.item_key == key and a.date <= as_of]
        return tuple(sorted(found, key=lambda a: a.date))

    def follow_ups_for(
        self, task_id: str, due_id: str, holder_id: str, as_of: dt.date
    ) -> tuple[FollowUp, ...]:
        """Deadlines set for one holder's follow-up duty and known on ``as_of``."""
        found = [
            f
            for f in self.follow_ups
            if (f.task_id, f.due_id, f.holder_id) == (task_id, due_id, holder_id)
            and f.set_on <= as_of
        ]
        return tuple(sorted(found, key=lambda f: (f.deadline, f.key)))
