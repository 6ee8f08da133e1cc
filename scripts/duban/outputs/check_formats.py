"""The formats of ``duban check``: text, JSON, Markdown and GitHub workflow commands, and the body
of the issue the daily overdue workflow keeps up to date.

Each turns a :class:`~duban.evaluation.check_report.CheckReport` into a string; the command line
writes it. A format is one entry of :data:`FORMATS`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from duban.evaluation.cascade import LinkedReport
from duban.evaluation.check_report import CheckItem, CheckReport
from duban.evaluation.evaluate import State
from duban.model.org import display_name
from duban.model.problems import workflow_command
from duban.outputs import check_linked
from duban.outputs.check_json import flags_data, head_data, json_chunks, render_json
from duban.outputs.check_markdown import render_markdown
from duban.outputs.check_words import count_line, item_parts, lateness, reported_line


# -- text ----------------------------------------------------------------------------------------
def render_text(report: CheckReport, linked: LinkedReport | None = None) -> str:
    as_of = report.as_of.isoformat()
    lines = [f"督办检查 duban check：截至 {as_of}，临期窗口 {report.due_soon_days} 天"]
    first = reported_line(report)
    if first:
        lines.append(first)
    said: dict[str, tuple[str, str]] = {}
    for holder, items in report.units:
        lines += ["", f"{holder.name} ({holder.id})"]
        lines += [f"  {' · '.join(item_parts(item, said))}" for item in items]
    if report.flags:
        lines += ["", "标记 flags"]
        for flag in report.flags:
            since = f"（{flag.since.isoformat()} 起）" if flag.since else ""
            who = display_name(report.holders.get(flag.holder_id), flag.holder_id)
            lines.append(f"  {who}：{flag.message}{since}")
    if linked is not None:
        lines += check_linked.text_lines(linked, report.as_of)
    lines += ["", count_line(report)]
    return "\n".join(lines) + "\n"


# -- JSON ----------------------------------------------------------------------------------------
def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def report_data(
    report: CheckReport, fail_on: str | None = None, linked: LinkedReport | None = None
) -> dict[str, Any]:
    def item_data(ci: CheckItem) -> dict[str, Any]:
        item, esc = ci.item, ci.escalation
        return {
            "plan": ci.task.plan_id,
            "task": ci.task.local_id,
            "task_label": ci.task.label,
            "task_number": ci.task.number,
            "task_title": ci.task.title,
            "holders": list(item.holders),
            "due": item.due_id,
            "period": item.key,
            "due_date": item.due.isoformat(),
            "state": item.state.value,
            "reported": item.reported,
            "days_late": item.days_late,
            "days_left": item.days_left,
            "supervisor_role": ci.supervisor_role or None,
            "supervisors": [{"id": h.id, "name": h.display_name} for h in ci.supervisors],
            "escalation": None
            if esc is None
            else {
                "stage": esc.stage,
                "stage_rank": ci.stage_rank,
                "stage_name": esc.stage_name,
                "next_step": esc.next_step,
                "since": _date(esc.since),
                "respond_by": _date(esc.respond_by),
                "addressees": list(esc.addressees),
            },
            "file": ci.where.file,
            "line": ci.where.line,
        }

    summaries = {u.holder.id: u for u in report.unit_summaries()}
    return {
        **head_data(report, fail_on),
        "units": [
            {
                "id": h.id,
                "name": h.name,
                "overdue": summaries[h.id].overdue,
                "overdue_not_reported": summaries[h.id].overdue_not_reported,
                "due_soon": summaries[h.id].due_soon,
                "longest_days_late": summaries[h.id].longest_days_late,
                "highest_stage": summaries[h.id].highest_stage,
                "items": [item_data(i) for i in items],
            }
            for h, items in report.units
        ],
        "flags": flags_data(report),
        **(check_linked.json_data(linked) if linked is not None else {}),
    }


def render_json_whole(
    report: CheckReport, fail_on: str | None = None, linked: LinkedReport | None = None
) -> str:
    """The JSON document built whole and dumped at once: what :func:`render_json` streams
    (the reference its tests compare with)."""
    return json.dumps(report_data(report, fail_on, linked), ensure_ascii=False, indent=2) + "\n"


# -- GitHub workflow commands ---------------------------------------------------------------------
def render_github(report: CheckReport) -> str:
    """One ``::error`` (overdue) or ``::warning`` (due soon) per item, at the defining line."""
    lines = []
    for holder, items in report.units:
        for ci in items:
            level = "error" if ci.item.state is State.OVERDUE else "warning"
            title = f"{holder.display_name}：{lateness(ci.item)}"
            message = " · ".join(item_parts(ci))
            where = ci.where
            lines.append(
                workflow_command(level, message, file=where.path, line=where.line, title=title)
            )
    lines.append(count_line(report))
    return "\n".join(lines) + "\n"


# -- the formats of ``duban check --format`` -----------------------------------------------------
@dataclass(frozen=True)
class CheckOptions:
    """What a format may need beyond the report."""

    fail_on: str | None = None
    site_url: str | None = None
    linked: LinkedReport | None = None
    """The links' part (each task's buckets, the roll-ups; the late rows below with
    ``--include-linked``); None: left out."""


CHECK_FORMATS: dict[str, Callable[[CheckReport, CheckOptions], str]] = {
    "text": lambda report, options: render_text(report, options.linked),
    "json": lambda report, options: render_json(report, options.fail_on, options.linked),
    "markdown": lambda report, options: render_markdown(
        report, options.site_url, linked=options.linked
    ),
    "github": lambda report, options: render_github(report),
}
"""Each format of ``duban check``: a new one is a function here and a line in this table."""

CHECK_STREAMS: dict[str, Callable[[CheckReport, CheckOptions], Iterator[str]]] = {
    "json": lambda report, options: json_chunks(report, options.fail_on, options.linked),
}
"""The formats written piece by piece as they are made (the same text as in CHECK_FORMATS):
at province scale the JSON document is 30 MB."""
