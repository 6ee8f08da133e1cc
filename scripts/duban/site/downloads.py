"""The files the site offers for download, as strings or bytes: the task table as CSV and XLSX
(the 任务分工表 people print), an Atom feed of reported progress, and the open-data JSON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from xml.sax.saxutils import escape

from duban.evaluation.evaluate import Evaluation, ItemState
from duban.i18n.locale import Locale
from duban.model.model import Model
from duban.outputs.open_data import export_json
from duban.outputs.spreadsheet import Cell, Column, csv_text, workbook
from duban.outputs.xml_text import xml_text
from duban.site import names, views
from duban.site.context import Settings
from duban.site.index import Index


def task_table(model: Model, evaluation: Evaluation, index: Index, t: Locale) -> list[list[Cell]]:
    """The task table as rows of cells, header first (shared by CSV and XLSX)."""
    header = [
        t.col.number,
        t.col.task,
        t.role.lead,
        t.role.supervise,
        t.role.assess,
        t.role.responsible,
        t.col.deadline_as_written,
        t.col.due_dates,
        t.col.holders_done,
        t.col.holders,
        t.col.holders_overdue,
        t.col.state,
        t.col.as_of,
    ]
    rows: list[list[Cell]] = [header]
    for row in views.task_rows(model, index):
        task = row.task
        roles = [
            "、".join(r.as_written for r in names.role_refs(task, role))
            for role in ("lead", "supervise", "assess", "responsible")
        ]
        rows.append(
            [
                names.task_citation(task),
                task.title,
                *roles,
                task.deadline_as_written,
                "、".join(d.isoformat() for d in row.due_dates),
                row.holders_done,
                row.holders,
                row.holders_overdue,
                t.state[row.light.value] if row.light else "",
                evaluation.as_of.isoformat(),
            ]
        )
    return [_one_kind_of_line_break(row) for row in rows]


def _one_kind_of_line_break(row: list[Cell]) -> list[Cell]:
    """XML reads a carriage return as a line feed, so the XLSX cannot keep one: neither does
    the CSV, and the two files say the same."""
    return [v.replace("\r\n", "\n").replace("\r", "\n") if isinstance(v, str) else v for v in row]


# narrow enough to print one A4 landscape page wide at 75% or more, 9 pt on paper
# (outputs/spreadsheet.py: a wider table would run two pages wide)
TASK_TABLE_WIDTHS = (7, 30, 16, 12, 12, 24, 30, 14, 8, 8, 8, 10, 12)


def to_csv(rows: Sequence[Sequence[Cell]]) -> str:
    return csv_text(rows)


def to_xlsx(rows: Sequence[Sequence[Cell]], sheet_name: str, title: str) -> bytes:
    """The task table as a workbook: the first row is the header."""
    header, *body = rows
    columns = [Column(str(t), w) for t, w in zip(header, TASK_TABLE_WIDTHS, strict=True)]
    return workbook(columns, body, sheet=sheet_name, title=title)


def occurrence_state(item: ItemState) -> dict[str, Any]:
    """One occurrence's state as of the build, as the open data lists it."""
    return {
        "plan": item.plan_id,
        "task": item.task_id,
        "holder": item.holder_id,
        "holders": list(item.holders),
        "due": item.due_id,
        "period": item.key,
        "due_date": item.due.isoformat() if item.state.value != "waiting" else None,
        "state": item.state.value,
        "reported": item.reported,
        "days_late": item.days_late,
        "days_left": item.days_left,
        "count": item.count,
    }


def open_data(
    model: Model,
    evaluation: Evaluation,
    settings: Settings | None = None,
    status_json: str | None = None,
    states_json: str | None = None,
    placed: Mapping[str, str] | None = None,
) -> str:
    """The JSON export (format 4: buckets as of the build, this repository's id, the rows its
    sources gave), plus the state of every occurrence as of the build. ``status_json``: the
    status entries as JSON, kept by status file (h24l, :mod:`.kept_open_data`);
    ``states_json`` (h24q): the occurrences' states as JSON, comma-joined, kept by holder
    (:mod:`.kept_states`); ``placed`` (h24ac): other lists as JSON, by member
    (:func:`duban.outputs.open_data.export_json`)."""
    states = [] if states_json is not None else [occurrence_state(i) for i in evaluation.items]
    text = export_json(
        model,
        {"evaluation": {"as_of": evaluation.as_of.isoformat(), "items": states}},
        evaluation=evaluation,
        repository=settings.federation_id if settings is not None else None,
        linked=settings.federated if settings is not None else (),
        status_json=status_json,
        placed=placed,
    )
    if states_json is None:
        return text
    # the evaluation is the last member, its items the last of it: a compact list is its
    # members comma-joined (json.dumps' own layout), so the bytes are those made whole
    end = '"items":[]}}\n'
    assert text.endswith(end)
    return f'{text[: -len(end)]}"items":[{states_json}]}}}}\n'


# -- Atom --------------------------------------------------------------------------------------
def _x(text: str) -> str:
    return escape(xml_text(text), {'"': "&quot;"})


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def atom_feed(
    model: Model,
    index: Index,
    t: Locale,
    site_url: str | None,
    page_url: dict[str, str],
    limit: int = 200,
    title: str | None = None,
) -> str:
    """An Atom feed (RFC 4287) of reported progress, newest first.

    Entry ids are tag URIs built from what the entry is about, so a feed reader sees the same
    entry as the same across rebuilds. ``page_url`` maps a holder id to its page URL relative to
    the site root; with ``site_url`` set, links are absolute.
    """
    base = (site_url or "").rstrip("/") + "/" if site_url else ""
    plans = sorted(model.plans.values(), key=lambda p: (p.signed, p.id))
    first = plans[0]
    feed_id = f"{first.id}/updates" if len(plans) == 1 else "updates"
    reports = index.newest(limit)
    updated = reports[0].date if reports else max(p.signed for p in plans)
    name = title or (first.title if len(plans) == 1 else str(t.site_title))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{t.html_lang}">',
        f"<title>{_x(t.format('feed_title', plan=name))}</title>",
        f"<id>tag:duban,{first.signed.isoformat()}:{_x(feed_id)}</id>",
        f"<updated>{_stamp(updated)}</updated>",
        "<author><name>duban</name></author>",
    ]
    if base:
        lines.append(f'<link rel="alternate" href="{_x(base)}"/>')
    for report in reports:
        task = model.tasks[report.task_id]
        holder = names.holder_name(model, report.holder_id)
        what = t.feed_done if report.kind == "done" else t.feed_update
        title = t.format(
            "feed_entry_title",
            holder=holder,
            task=f"{names.task_citation(task)} {task.title}",
            what=what,
        )
        plan = model.plans[task.plan_id]
        key = "/".join(
            [report.holder_id, report.task_id, report.due_id, report.key or "-", report.kind]
        )
        entry_id = f"tag:duban,{plan.signed.isoformat()}:{key}/{report.date}/{report.index}"
        lines.append("<entry>")
        lines.append(f"<id>{_x(entry_id)}</id>")
        lines.append(f"<title>{_x(title)}</title>")
        lines.append(f"<updated>{_stamp(report.date)}</updated>")
        if base and report.holder_id in page_url:
            lines.append(f'<link rel="alternate" href="{_x(base + page_url[report.holder_id])}"/>')
        if report.by:
            lines.append(f"<author><name>{_x(report.by)}</name></author>")
        if report.text:
            lines.append(f'<content type="text">{_x(report.text)}</content>')
        lines.append("</entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
