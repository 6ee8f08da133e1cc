"""Every deadline as an iCalendar (RFC 5545) event, for calendars that subscribe to the site.

``calendar_ics(model, evaluation=None, unit_id=None) -> str``

* ``model``: the resolved data (every plan, or one plan's view).
* ``evaluation``: an :class:`~duban.evaluation.evaluate.Evaluation` made at the edge (the
  command line or the site build), or None. With one, each event's description gives the state
  as of its date and follow-up deadlines are those set by then; with None, no state is given
  and every follow-up deadline on record is included. The calendar never evaluates by itself.
* ``unit_id``: only the deadlines of this unit or member-less group (a group with members
  stands for its members); None for the whole plan, which also gets one event per indicator
  target (e.g. 达标率 ≥ 30% on 2010-12-31). An unknown id raises ``ValueError``.

Returns the calendar as a string with CRLF line endings. Each deadline occurrence is an all-day
event on its due date with alarms 30, 7 and 1 days before, unless the evaluation has it done
or its day is before ``as_of`` (a reminder of finished work, or one that would never ring).
UIDs are derived from the plan id, task, holder, deadline id and period, so a subscribed
calendar updates an event instead of adding a copy. DTSTAMP is midnight UTC of ``as_of``, or
of the latest date in the data when there is none, so the same input always gives the same
bytes. Lines are folded at 75 octets without splitting a UTF-8 character; text values escape
``\\ ; ,`` and newlines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from duban.evaluation.evaluate import Evaluation, ItemState, occurrences_of
from duban.i18n.locale import load_locale
from duban.model.model import Model
from duban.model.plan import Due, Task
from duban.model.refs import OccurrenceRef

ALARM_DAYS = (30, 7, 1)
_DONE = frozenset({"done-on-time", "done-late"})
PRODID = "-//duban//deadlines//ZH"


def escape_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """Split a content line into lines of at most ``limit`` octets; continuations start with
    one space (which counts), and a multi-byte UTF-8 character is never cut.

    Cuts at byte offsets, stepping back off UTF-8 continuation bytes: a province's calendars
    fold millions of lines, and measuring them character by character was a quarter of the
    site's render."""
    data = line.encode("utf-8")
    if len(data) <= limit:
        return line
    parts: list[str] = []
    start, room = 0, limit
    while len(data) - start > room:
        cut = start + room
        while data[cut] & 0xC0 == 0x80:  # 10xxxxxx: inside a character
            cut -= 1
        parts.append(data[start:cut].decode("utf-8"))
        start, room = cut, limit - 1  # a continuation's leading space counts
    parts.append(data[start:].decode("utf-8"))
    return "\r\n ".join(parts)


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def data_date(model: Model) -> dt.date:
    """The latest date the data mentions (a reproducible DTSTAMP when no as_of is given)."""
    days = [plan.signed for plan in model.plans.values()]
    for entry in model.status.values():
        days += [d for d in (entry.started, entry.done) if d]
        days += [u.date for u in entry.updates]
    records = model.records
    days += [a.date for a in records.actions]
    days += [f.set_on for f in records.follow_ups]
    days += [r.date for r in records.rankings]
    days += [g.date for g in records.gradings]
    return max(days)


def _holders_of(model: Model, unit_id: str) -> set[str]:
    if unit_id in model.groups and model.groups[unit_id].members:
        found: set[str] = set()
        for member in model.groups[unit_id].members:
            found |= _holders_of(model, member.unit_id)
        return found
    if unit_id in model.units or unit_id in model.groups:
        return {unit_id}
    raise ValueError(f"{unit_id!r} is not a unit or group of this plan")


def _event(
    lines: list[str],
    uid: str,
    stamp: str,
    day: dt.date,
    summary: str,
    text: str,
    alarms: bool = True,
    brief: bool = False,
) -> None:
    lines += [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(day)}",
        f"DTEND;VALUE=DATE:{_day(day + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(text)}",
        "CATEGORIES:督办",
        "TRANSP:TRANSPARENT",
    ]
    for days in ALARM_DAYS if alarms else ():
        said = f"{days} 天后到期" if brief else f"{days} 天后到期：{summary}"
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(said)}",
            f"TRIGGER:-P{days}D",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")


def _occurrences(
    model: Model, as_of: dt.date | None, holders: set[str] | None
) -> Iterator[tuple[Task, Due, str, str, dt.date]]:
    """(task, due, holder, period key, due date) of every deadline occurrence in plan order."""
    for obligation in model.obligations:
        if holders is not None and not holders & set(obligation.holders):
            continue
        task = model.tasks[obligation.task_id]
        for due in task.due:
            if due.id not in obligation.due_ids:
                continue
            for occurrence in occurrences_of(model, due, obligation, as_of or dt.date.max):
                if due.is_ongoing and not occurrence.key:
                    continue  # an ongoing duty has no day to put in a calendar
                if occurrence.waiting:
                    continue  # waiting for its event: no day yet
                yield task, due, obligation.holder_id, occurrence.key, occurrence.due


def _closed(item: ItemState, day: dt.date, as_of: dt.date) -> bool:
    """Done, or past and no longer open: nothing left to remind anyone of."""
    return item.state.is_done or (day < as_of and not item.state.is_open)


def calendar_ics(
    model: Model,
    evaluation: Evaluation | None = None,
    unit_id: str | None = None,
    open_only: bool = False,
    brief_alarms: bool = False,
) -> str:
    """The plan's deadlines (or one unit's) as an iCalendar file: see the module docstring.

    With ``open_only`` (a province's unit calendars, h24e) only what is still to come: an
    occurrence the evaluation has done, or whose day has passed and which is no longer open
    (missed, an ongoing period that ended), is left out; the open ones (not due, due soon,
    overdue) stay, and so do occurrences the evaluation does not know.

    With ``brief_alarms`` (the same calendars) an alarm's text is "30 天后到期" without the
    event's summary again: calendar programs show the event's own title with its reminder, and
    the summary three more times was two fifths of a province's calendars."""
    holders = _holders_of(model, unit_id) if unit_id is not None else None
    as_of = evaluation.as_of if evaluation is not None else None
    states: dict[OccurrenceRef, ItemState] = {}
    if evaluation is not None:
        states = {i.ref: i for i in evaluation.items}
    stamp = f"{_day(as_of or data_date(model))}T000000Z"
    name = model.plan.title if model.single_plan else "督办事项"
    if unit_id is not None:
        entity = model.entity(unit_id)
        name = f"{name}：{entity.name if entity else unit_id}"
    words = load_locale("zh").state
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for task, due, holder_id, key, day in _occurrences(model, as_of, holders):
        item = states.get(OccurrenceRef(task.id, holder_id, due.id, key))
        if item is not None and item.state.value == "not-applicable":
            continue
        if open_only and item is not None and as_of is not None and _closed(item, day, as_of):
            continue
        holder = model.entity(holder_id)
        what = " ".join(p for p in (due.label if len(task.due) > 1 else None, key) if p)
        summary = f"【督办】{holder.display_name if holder else holder_id}：{task.heading}"
        summary += f" {what}" if what else ""
        words_written = due.as_written or task.deadline_as_written
        text = [f"完成时限：{words_written}"] if words_written else []
        text.append(f"到期日：{day}")
        if item is not None and as_of is not None:
            text.append(f"截至 {as_of.isoformat()}：{words[item.state.value]}")
        uid = f"{task.plan_id}.{task.local_id}.{holder_id}.{due.id}.{key or 'once'}@duban"
        # no reminders of what is done, or of a day already past (they would never ring)
        done = item is not None and item.state.value in _DONE
        past = as_of is not None and day < as_of
        alarms = not (done or past)
        _event(lines, uid, stamp, day, summary, "\n".join(text), alarms, brief_alarms)
    if unit_id is None:
        for task in model.tasks_in_order():
            for due, indicator, target in (
                (d, i, target) for d, i, targets in task.measured for target in targets
            ):
                bound = " ".join(
                    b
                    for b in (
                        f"≥ {target.min:g}" if target.min is not None else "",
                        f"≤ {target.max:g}" if target.max is not None else "",
                    )
                    if b
                )
                unit = "%" if indicator.unit == "percent" else ""
                summary = f"【目标】{task.heading}：{indicator.name} {bound}{unit}"
                # a task need not give its deadline in words (then the event has none)
                words = target.as_written or due.as_written or task.deadline_as_written or ""
                # an amount's targets share the deadline's dates: its indicator keeps them apart
                measured = due.id if indicator is due.indicator else f"{due.id}.{indicator.id}"
                uid = f"{task.plan_id}.{task.local_id}.{measured}.target.{_day(target.date)}@duban"
                past = as_of is not None and target.date < as_of
                _event(lines, uid, stamp, target.date, summary, words, alarms=not past)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
