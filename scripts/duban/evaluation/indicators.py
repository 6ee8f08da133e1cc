"""Indicator targets checked against the data: one result per target date of each indicator.

How each ``measure`` is computed (the holders counted are those of the deadline, bound on the
target date, whose status is not "not applicable"):

* ``share-of-units-done``: holders whose occurrence in force on the target date was done on or
  before it, out of the holders counted (task 三's 达标率); no data at all when none of them
  has reported anything for it (无数据, never 0%);
* ``ratio-of-figures``: the sum of the numerator figure over the sum of the denominator figure,
  over the holders that report both (task 四's trained / total officers);
* ``sum-of-figures``: the sum of one figure.

Percent indicators are reported as 0-100. A target dated after ``as_of`` is *pending* and its
value is the value so far; a status done after ``as_of`` is not known yet. A ratio or sum reads
the figures as of the target date (``StatusEntry.figures_on``: those of the latest update dated
on or before it, else the entry's undated figures), so 保持100% each year is checked against
each year's figures, not the latest ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from duban.model.model import Model, Obligation
from duban.model.plan import Due, Indicator, Occurrence, Target, Task
from duban.model.status import StatusEntry

STATUSES = ("met", "missed", "pending", "no-data")


@dataclass(frozen=True)
class IndicatorResult:
    """One target of one indicator, checked as of a date.

    Fields: ``task_id``, ``due_id``, ``indicator`` (model.Indicator), ``target`` (model.Target),
    ``actual`` (float or None; percent 0-100 when ``indicator.unit == "percent"``),
    ``numerator`` and ``denominator`` (what ``actual`` was computed from, or None), ``status``:
    ``met``, ``missed``, ``pending`` (target date after as_of; ``actual`` is the value so far)
    or ``no-data``.
    """

    task_id: str
    due_id: str
    indicator: Indicator
    target: Target
    actual: float | None
    numerator: float | None
    denominator: float | None
    status: str


def occurrence_at(due: Due, day: dt.date) -> Occurrence | None:
    """The occurrence in force on ``day``: the first one due on or after it, else the last."""
    if not due.occurrences:
        return None
    return next((o for o in due.occurrences if o.due >= day), due.occurrences[-1])


def _bound(obligation: Obligation | None, day: dt.date) -> bool:
    if obligation is None:
        return False
    starts, ends = obligation.active_from, obligation.active_until
    return (starts is None or starts <= day) and (ends is None or day <= ends)


def _period_containing(due: Due, day: dt.date) -> Occurrence | None:
    """The occurrence of a duty whose period holds ``day`` (its reports carry that period's
    figures), if any."""
    return next((o for o in due.occurrences if o.starts <= day <= (o.ends or o.due)), None)


def _task_obligations(model: Model) -> dict[str, dict[str, Obligation]]:
    """Each task's obligations by holder (h24aa: found once per call, not once per target)."""
    found: dict[str, dict[str, Obligation]] = {}
    for o in model.obligations:
        found.setdefault(o.task_id, {})[o.holder_id] = o
    return found


def _entries(
    model: Model,
    task: Task,
    due: Due,
    indicator: Indicator,
    day: dt.date,
    known_by: dt.date,
    obligations: dict[str, Obligation],
) -> list[tuple[str, StatusEntry | None]]:
    """(holder, status entry of the occurrence in force on ``day``) for each holder counted;
    with ``figures_from``, of the other deadline's period that holds ``day`` (none: no entries)."""
    source = indicator.figures_from
    if source is not None:
        due = next(d for d in task.due if d.id == source)
        occurrence = _period_containing(due, day)
        if occurrence is None:
            return []
    else:
        occurrence = occurrence_at(due, day)
    key = occurrence.key if occurrence else ""
    result = []
    for holder in due.holder_ids:
        if not _bound(obligations.get(holder), day):
            continue
        entry = model.status_of(holder, task.id, due.id, key)
        entry = entry.known_on(known_by) if entry is not None else None  # as it stood then
        if entry is not None and entry.state == "not-applicable":
            continue
        result.append((holder, entry))
    return result


def measure(
    model: Model,
    task: Task,
    due: Due,
    day: dt.date,
    known_by: dt.date,
    indicator: Indicator | None = None,
    obligations: dict[str, Obligation] | None = None,
) -> tuple[float | None, float | None, float | None]:
    """(actual, numerator, denominator) of an indicator of the due (its own unless given: one
    of its ``amounts``) on ``day``, knowing what was reported by ``known_by``; ``obligations``:
    the task's by holder (:func:`_task_obligations`), when the caller has them."""
    indicator = indicator or due.indicator
    assert indicator is not None
    if obligations is None:
        obligations = _task_obligations(model).get(task.id, {})
    entries = _entries(model, task, due, indicator, day, known_by, obligations)
    scale = 100.0 if indicator.unit == "percent" else 1.0
    if indicator.measure == "share-of-units-done":
        cutoff = min(day, known_by)
        done = sum(
            1 for _, e in entries if e is not None and e.done_on is not None and e.done_on <= cutoff
        )
        if not entries or all(e is None for _, e in entries):
            return None, None, None  # no holder reported anything: 无数据, not 0%
        return scale * done / len(entries), float(done), float(len(entries))
    cutoff = min(day, known_by)
    figures = [e.figures_on(cutoff) for _, e in entries if e is not None]
    if indicator.measure == "ratio-of-figures":
        assert indicator.numerator and indicator.denominator
        top_name, bottom_name = indicator.numerator, indicator.denominator
        pairs = [
            (f[top_name], f[bottom_name]) for f in figures if top_name in f and bottom_name in f
        ]
        top, bottom = float(sum(p[0] for p in pairs)), float(sum(p[1] for p in pairs))
        if not pairs or bottom == 0:
            return None, (top if pairs else None), (bottom if pairs else None)
        return scale * top / bottom, top, bottom
    assert indicator.figure
    figure = indicator.figure
    values = [f[figure] for f in figures if figure in f]
    if not values:
        return None, None, None
    total = float(sum(values))
    return total, total, None


def target_status(target: Target, actual: float | None, as_of: dt.date) -> str:
    if target.date > as_of:
        return "pending"
    if actual is None:
        return "no-data"
    too_low = target.min is not None and actual < target.min
    too_high = target.max is not None and actual > target.max
    return "missed" if too_low or too_high else "met"


def indicator_results(model: Model, as_of: dt.date) -> tuple[IndicatorResult, ...]:
    """Every target of every indicator in the plan, in task order."""
    results = []
    by_task = _task_obligations(model)
    for task in model.tasks_in_order():
        for due, indicator, targets in task.measured:
            for target in targets:
                day = min(target.date, as_of)
                held = by_task.get(task.id, {})
                actual, top, bottom = measure(model, task, due, day, as_of, indicator, held)
                results.append(
                    IndicatorResult(
                        task.id,
                        due.id,
                        indicator,
                        target,
                        actual,
                        top,
                        bottom,
                        target_status(target, actual, as_of),
                    )
                )
    return tuple(results)
