"""The escalation stage of an overdue occurrence: a state machine whose stages are data.

A ladder (``data/rules.yaml``) lists stages. Each stage is *entered* on a date:

* the first stage on the day after the occurrence fell due (it is overdue from then on);
* a stage with an ``action`` on the date a supervisor recorded that action (the latest one);
* a stage that ``lapses`` an earlier stage on the day after that stage's action expired (its
  ``respond_by``, else the action's date plus the stage's ``respond_within_days``), as long as
  the occurrence is still open.

The current stage is the one entered last (a later stage of the ladder wins a tie), so a second
reminder after a lapse puts the occurrence back to "reminded", and a notice overrides both. A
lapse is void when a later stage of the ladder was entered on or after the lapsed action (a
notice sent before the reminder's deadline is not undone when that deadline passes).
Records dated after ``as_of`` are not known on ``as_of`` and count for nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from duban.model.supervision import Action, Ladder, Stage

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Escalation:
    """Where one overdue occurrence stands on its ladder, as of a date.

    Fields: ``stage`` (a stage id from data, e.g. ``overdue``, ``reminded``, ``notified``),
    ``stage_name`` (its Chinese name from data, e.g. 已催办), ``next_step`` (Chinese text from
    data: what the supervisor or the unit should do now; None at the end of the ladder),
    ``since`` (the date the stage was entered), ``ladder_id``, ``respond_by`` (the deadline the
    current stage's action set, if any), ``actions`` (the records known, oldest first) and
    ``addressees`` (see :func:`addressed`).
    """

    stage: str
    stage_name: str
    next_step: str | None
    since: dt.date | None
    ladder_id: str = ""
    respond_by: dt.date | None = None
    actions: tuple[Action, ...] = ()
    addressees: tuple[str, ...] = ()
    """The leaders the stage's next step is addressed to (a stage with ``to: leader``), as
    副市长王健; their names are also appended to ``next_step``."""


def action_deadline(action: Action, stage: Stage) -> dt.date | None:
    """When a recorded action expires: its own ``respond_by``, else the rule's default."""
    if action.respond_by is not None:
        return action.respond_by
    if stage.respond_within_days is not None:
        return action.date + dt.timedelta(days=stage.respond_within_days)
    return None


def escalation(
    ladder: Ladder, due: dt.date, actions: Sequence[Action], as_of: dt.date
) -> Escalation | None:
    """The stage of an occurrence due on ``due`` that is still open on ``as_of``.

    ``actions`` are the records about this occurrence; those after ``as_of`` are ignored.
    Returns None when the occurrence is not overdue on ``as_of`` or the ladder has no stages.
    """
    if as_of <= due or not ladder.stages:
        return None
    known = sorted((a for a in actions if a.date <= as_of), key=lambda a: a.date)
    latest = {a.action: a for a in known}  # the last action of each kind wins
    entered: list[tuple[dt.date, int, Stage, dt.date | None]] = [
        (due + ONE_DAY, 0, ladder.stages[0], None)
    ]
    lapses: list[tuple[dt.date, int, Stage, dt.date]] = []  # (..., date of the lapsed action)
    for index, stage in enumerate(ladder.stages[1:], start=1):
        if stage.action and stage.action in latest:
            action = latest[stage.action]
            entered.append((action.date, index, stage, action_deadline(action, stage)))
        if stage.lapses:
            lapsed = ladder.stage(stage.lapses)
            taken = latest.get(lapsed.action) if lapsed and lapsed.action else None
            deadline = action_deadline(taken, lapsed) if taken and lapsed else None
            if taken is not None and deadline is not None and as_of > deadline:
                lapses.append((deadline + ONE_DAY, index, stage, taken.date))
    # A lapse does not count once the case went further up the ladder on or after the lapsed
    # action (a notice sent while the reminder was still running is not undone by its expiry).
    for since, index, stage, action_date in lapses:
        if not any(i > index and d >= action_date for d, i, _, _ in entered):
            entered.append((since, index, stage, None))
    since, _, stage, respond_by = max(entered, key=lambda e: (e[0], e[1]))
    return Escalation(
        stage=stage.id,
        stage_name=stage.name,
        next_step=stage.next_step,
        since=since,
        ladder_id=ladder.id,
        respond_by=respond_by,
        actions=tuple(known),
    )


def addressed(found: Escalation, stage: Stage | None, leaders: tuple[str, ...]) -> Escalation:
    """The escalation with its next step addressed to the task's leaders, when the stage says
    ``to: leader`` and the task names any: 提请分管领导督办（副市长王健）; else unchanged."""
    if stage is None or stage.to != "leader" or not leaders:
        return found
    names = "、".join(leaders)
    step = f"{found.next_step}（{names}）" if found.next_step else f"报{names}"
    return replace(found, next_step=step, addressees=leaders)
