"""``duban check --format json``, written as it is produced.

The document is exactly ``json.dumps(report_data(report), ensure_ascii=False, indent=2)``
(:func:`duban.outputs.check_formats.report_data`, kept as the reference the tests compare with),
but it is never built whole: at province scale that tree of 40,000 items and the million pieces
the standard library's indenting encoder (pure Python: its C encoder does not indent) joins at
the end took more memory than the whole check. Here each unit's text is made from its items
with fixed templates (the strings through the standard library's C escaper) and handed over at
once, so the caller can write it and let it go.

What makes this safe: JSON text never holds a raw line break inside a string, so a value dumped
on its own with ``indent=2`` is re-indented for its depth by replacing each line break.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from duban.evaluation.cascade import LinkedReport
from duban.evaluation.check_report import CheckItem, CheckReport, Summary, UnitSummary
from duban.model.org import Holder
from duban.model.plan import Task
from duban.outputs.check_linked import json_data

_enc = json.encoder.encode_basestring
"""The escaper ``json.dumps(ensure_ascii=False)`` uses (the C one when it is there)."""


def _dumped(value: Any, pad: str) -> str:
    """``value`` as ``json.dumps(indent=2)`` writes it at the depth whose indent is ``pad``."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def _s(value: Any, pad: str) -> str:
    """One value: the common scalars directly, anything else as json.dumps writes it."""
    kind = value.__class__
    if kind is str:
        return _enc(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    return _dumped(value, pad)


def _list(values: Any, pad: str) -> str:
    """A list of scalars whose opening bracket stands at the depth of ``pad``."""
    if not values:
        return "[]"
    inner = pad + "  "
    return "[\n" + ",\n".join(inner + _s(v, inner) for v in values) + "\n" + pad + "]"


def _date(value: Any) -> str:
    return "null" if value is None else '"' + value.isoformat() + '"'


# An item sits at depth 4 (document > units > unit > items > item): its brace after 8 spaces,
# its keys after 10, their members after 12 and 14.
_P = " " * 10
_Q = " " * 12
_R = " " * 14


def _supervisors(ci: CheckItem) -> str:
    if not ci.supervisors:
        return "[]"
    return (
        "[\n"
        + ",\n".join(
            f'{_Q}{{\n{_R}"id": {_enc(h.id)},\n{_R}"name": {_enc(h.display_name)}\n{_Q}}}'
            for h in ci.supervisors
        )
        + "\n"
        + _P
        + "]"
    )


def _escalation(ci: CheckItem) -> str:
    esc = ci.escalation
    if esc is None:
        return "null"
    return (
        "{\n"
        f'{_Q}"stage": {_enc(esc.stage)},\n'
        f'{_Q}"stage_rank": {_s(ci.stage_rank, _Q)},\n'
        f'{_Q}"stage_name": {_enc(esc.stage_name)},\n'
        f'{_Q}"next_step": {_s(esc.next_step, _Q)},\n'
        f'{_Q}"since": {_date(esc.since)},\n'
        f'{_Q}"respond_by": {_date(esc.respond_by)},\n'
        f'{_Q}"addressees": {_list(esc.addressees, _Q)}\n'
        f"{_P}}}"
    )


def _task(task: Task) -> str:
    """The item's first lines, the same for every item of a task."""
    return (
        "        {\n"
        f'{_P}"plan": {_enc(task.plan_id)},\n'
        f'{_P}"task": {_enc(task.local_id)},\n'
        f'{_P}"task_label": {_enc(task.label)},\n'
        f'{_P}"task_number": {_s(task.number, _P)},\n'
        f'{_P}"task_title": {_enc(task.title)},\n'
    )


def _item(ci: CheckItem, made: dict[Any, str]) -> str:
    """One item; ``made`` keeps each task's lines and each list of supervisors' text, made once
    (a list is known by its id: every item stays alive in the report while it is written)."""
    item, task = ci.item, ci.task
    head = made.get(task.id)
    if head is None:
        head = made[task.id] = _task(task)
    supervisors = made.get(id(ci.supervisors))
    if supervisors is None:
        supervisors = made[id(ci.supervisors)] = _supervisors(ci)
    return (
        f"{head}"
        f'{_P}"holders": {_list(item.holders, _P)},\n'
        f'{_P}"due": {_enc(item.due_id)},\n'
        f'{_P}"period": {_enc(item.key)},\n'
        f'{_P}"due_date": "{item.due.isoformat()}",\n'
        f'{_P}"state": {_enc(item.state.value)},\n'
        f'{_P}"reported": {"true" if item.reported else "false"},\n'
        f'{_P}"days_late": {_s(item.days_late, _P)},\n'
        f'{_P}"days_left": {_s(item.days_left, _P)},\n'
        f'{_P}"supervisor_role": {_s(ci.supervisor_role or None, _P)},\n'
        f'{_P}"supervisors": {supervisors},\n'
        f'{_P}"escalation": {_escalation(ci)},\n'
        f'{_P}"file": {_enc(ci.where.file)},\n'
        f'{_P}"line": {_s(ci.where.line, _P)}\n'
        "        }"
    )


def _unit(
    h: Holder, summary: UnitSummary, items: tuple[CheckItem, ...], made: dict[Any, str]
) -> str:
    pad = " " * 6
    listed = "[\n" + ",\n".join([_item(ci, made) for ci in items]) + "\n      ]" if items else "[]"
    return (
        "    {\n"
        f'{pad}"id": {_s(h.id, pad)},\n'
        f'{pad}"name": {_s(h.name, pad)},\n'
        f'{pad}"overdue": {_s(summary.overdue, pad)},\n'
        f'{pad}"overdue_not_reported": {_s(summary.overdue_not_reported, pad)},\n'
        f'{pad}"due_soon": {_s(summary.due_soon, pad)},\n'
        f'{pad}"longest_days_late": {_s(summary.longest_days_late, pad)},\n'
        f'{pad}"highest_stage": {_s(summary.highest_stage, pad)},\n'
        f'{pad}"items": {listed}\n'
        "    }"
    )


def summary_data(summary: Summary | None) -> dict[str, Any] | None:
    if summary is None:
        return None
    return {
        "total": summary.total,
        "states": summary.states,
        "reported": summary.reported,
        "not_reported": summary.not_reported,
        "overdue_reported": summary.overdue_reported,
        "overdue_not_reported": summary.overdue_not_reported,
        "due_soon_not_reported": summary.due_soon_not_reported,
        "nothing_reported": summary.nothing_reported,
        "units_reported": list(summary.units_reported),
        "units_on_time": list(summary.units_on_time),
        "plans_ended": list(summary.plans_ended),
    }


def flags_data(report: CheckReport) -> list[dict[str, Any]]:
    return [
        {
            "rule": f.rule_id,
            "kind": f.kind,
            "unit": f.holder_id,
            "plan": f.task_id.partition("/")[0],
            "task": f.task_id.partition("/")[2],
            "message": f.message,
            "since": f.since.isoformat() if f.since is not None else None,
        }
        for f in report.flags
    ]


def head_data(report: CheckReport, fail_on: str | None = None) -> dict[str, Any]:
    """The document's fields before ``units``: the date, the failing rule and the counts."""
    return {
        "as_of": report.as_of.isoformat(),
        "due_soon_days": report.due_soon_days,
        "fail_on": fail_on,
        "fails": report.fails(fail_on) if fail_on else None,
        "counts": {
            "overdue": report.overdue,
            "overdue_reported": report.overdue_reported,
            "overdue_not_reported": report.overdue_not_reported,
            "due_soon": report.due_soon,
            "flags": len(report.flags),
        },
        "summary": summary_data(report.summary),
    }


def json_chunks(
    report: CheckReport, fail_on: str | None = None, linked: LinkedReport | None = None
) -> Iterator[str]:
    """The JSON document in pieces: the head, one piece per unit, the tail (``flags`` and,
    with ``linked``, ``tasks``, ``linked`` and ``linked_late``: one value per task, small)."""
    head = head_data(report, fail_on)
    yield "{\n" + "".join(f"  {_enc(k)}: {_dumped(v, '  ')},\n" for k, v in head.items())
    if not report.units:
        yield '  "units": [],\n'
    else:
        summaries = {u.holder.id: u for u in report.unit_summaries()}
        made: dict[Any, str] = {}  # see _item
        yield '  "units": [\n'
        for n, (holder, items) in enumerate(report.units):
            yield (",\n" if n else "") + _unit(holder, summaries[holder.id], items, made)
        yield "\n  ],\n"
    tail = {"flags": flags_data(report), **(json_data(linked) if linked is not None else {})}
    yield ",\n".join(f"  {_enc(k)}: {_dumped(v, '  ')}" for k, v in tail.items()) + "\n}\n"


def render_json(
    report: CheckReport, fail_on: str | None = None, linked: LinkedReport | None = None
) -> str:
    return "".join(json_chunks(report, fail_on, linked))
