"""Every generated page: the Markdown source MkDocs receives (front matter + raw HTML blocks).

One function per page builds its context from :mod:`views` and renders one template. Pages carry
their title in front matter, HTML-escaped, because MkDocs and Material print ``page.meta.title``
into the page without escaping it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape

from ..evaluate import Evaluation, ItemState, State
from ..indicators import measure
from ..model import Group, Holder, Model, Task
from . import charts, urls, views
from .env import environment
from .locale import Locale

STATES = views.DISPLAY_ORDER


@dataclass(frozen=True)
class Settings:
    """How to render: everything the pages need beyond the model, fixed for one build."""

    as_of: dt.date
    language: str = "zh"
    due_soon_days: int = 30
    edit_url: str | None = None
    """Base of the repository's web editor, e.g. https://github.com/OWNER/REPO/edit/main/."""
    data_path: str = "data"
    """The data folder relative to the repository root (for edit links)."""
    directory_urls: bool = False
    site_url: str | None = None
    data_files: frozenset[str] | None = None
    """Files present in the data folder (``tasks/03.yaml``); None means assume all exist."""


@dataclass
class Context:
    """What every page shares."""

    model: Model
    evaluation: Evaluation
    settings: Settings
    t: Locale
    engine: dict[str, Any] = field(default_factory=dict)
    downloads: dict[str, int] = field(default_factory=dict)  # path -> size in bytes
    index: views.Index | None = None  # type: ignore[assignment]  # built when not given

    def __post_init__(self) -> None:
        if self.index is None:
            self.index = views.Index.of(self.model, self.evaluation)

    def edit_link(self, data_file: str) -> str | None:
        base = self.settings.edit_url
        if not base:
            return None
        files = self.settings.data_files
        if files is not None and data_file not in files:
            return None
        prefix = self.settings.data_path.strip("/")
        return f"{base.rstrip('/')}/{prefix + '/' if prefix else ''}{data_file}"


def front_matter(title: str, hide: Iterable[str] = ()) -> str:
    """YAML front matter; JSON strings are valid YAML and cannot break out of their line."""
    lines = ["---", f"title: {json.dumps(str(escape(title)))}"]
    hidden = list(hide)
    if hidden:
        lines.append(f"hide: {json.dumps(hidden)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(html: str) -> str:
    """Trailing spaces off, at most one blank line in a row (templates are indented freely)."""
    text = "\n".join(line.rstrip() for line in html.splitlines())
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def render_page(
    ctx: Context, src_uri: str, template: str, title: str, hide: Iterable[str] = (), **values: Any
) -> str:
    env = environment()
    link = urls.Linker(src_uri, ctx.settings.directory_urls)
    body = env.get_template(template).render(
        t=ctx.t,
        m=ctx.model,
        ev=ctx.evaluation,
        as_of=ctx.evaluation.as_of,
        settings=ctx.settings,
        link=link,
        urls=urls,
        name=lambda ref: views.holder_name(ctx.model, ref),
        downloads=ctx.downloads,
        engine=ctx.engine,
        states=STATES,
        severity=views.severity,
        S=State,
        shapes=charts.SHAPES,
        page_title=title,
        **values,
    )
    return front_matter(title, hide) + tidy(body)


# -- shared pieces -----------------------------------------------------------------------------
def supervisors(task: Task) -> list[views.RoleRef]:
    """Who watches over a task: its supervising and assessing units, else its lead units."""
    refs = views.role_refs(task, "supervise") + views.role_refs(task, "assess")
    return refs or views.role_refs(task, "lead")


def indicator_blocks(ctx: Context, task: Task) -> list[dict[str, Any]]:
    """One chart per deadline of ``task`` that has an indicator: target against actual.

    Actual values come from the deadline engine (``Evaluation.indicators``); without it the
    targets are drawn alone and every actual value says "no data", never a made-up figure.
    """
    results = ctx.engine.get("indicators")
    blocks = []
    for due in task.due:
        if due.indicator is None:
            continue
        mine = [r for r in (results or ()) if r.task_id == task.id and r.due_id == due.id]
        points = []
        if mine:
            for r in mine:
                target = r.target
                points.append(
                    {
                        "date": target.date if target is not None else due.date,
                        "target": _target_value(target),
                        "target_is_max": target is not None and target.min is None,
                        "actual": r.actual,
                        "numerator": getattr(r, "numerator", None),
                        "denominator": getattr(r, "denominator", None),
                        "status": r.status,
                        "as_written": target.as_written if target is not None else None,
                    }
                )
        else:
            for target in due.targets:
                points.append(
                    {
                        "date": target.date,
                        "target": _target_value(target),
                        "target_is_max": target.min is None,
                        "actual": None,
                        "numerator": None,
                        "denominator": None,
                        "status": "no-data",
                        "as_written": target.as_written,
                    }
                )
        points = [p for p in points if p["date"] is not None]
        points.sort(key=lambda p: p["date"])
        chart = charts.indicator_chart(points, due.indicator.unit) if points else None
        current = None
        if not points and results is not None:
            # no targets in the data (e.g. 轮训一遍 by 2012): the engine's value so far
            day = min(ctx.evaluation.as_of, due.date or ctx.evaluation.as_of)
            actual, top, bottom = measure(ctx.model, task, due, day, ctx.evaluation.as_of)
            current = {"actual": actual, "numerator": top, "denominator": bottom}
        blocks.append(
            {
                "task": task,
                "due": due,
                "indicator": due.indicator,
                "points": points,
                "chart": chart,
                "current": current or {"actual": None, "numerator": None, "denominator": None},
                "computed": results is not None,
            }
        )
    return blocks


def _target_value(target: Any) -> float | None:
    if target is None:
        return None
    return target.min if target.min is not None else target.max


def item_row(ctx: Context, item: ItemState) -> dict[str, Any]:
    """An occurrence with what a table row shows about it."""
    task = ctx.model.tasks[item.task_id]
    due = task.due_item(item.due_id)
    escalation = (ctx.engine.get("escalations") or {}).get(
        (item.task_id, item.holder_id, item.due_id, item.key)
    )
    return {
        "item": item,
        "task": task,
        "due": due,
        "label": views.due_label(task, due) if due is not None else None,
        "entry": item.entry,
        "last_update": views.last_update(item, ctx.evaluation.as_of),
        "escalation": escalation,
    }


def _flags_for(ctx: Context, holder_id: str | None = None, task_id: str | None = None) -> list:
    flags = ctx.engine.get("flags") or ()
    return [
        f
        for f in flags
        if (holder_id is None or f.holder_id == holder_id)
        and (task_id is None or f.task_id == task_id)
    ]


# -- pages -------------------------------------------------------------------------------------
def home(ctx: Context) -> str:
    model, ev = ctx.model, ctx.evaluation
    headline = next(
        (b for task in model.tasks_in_order() for b in indicator_blocks(ctx, task) if b["points"]),
        None,
    )
    issuer = model.entity(model.plan.issuer)
    return render_page(
        ctx,
        urls.HOME,
        "page_home.html",
        ctx.t.nav.home,
        hide=["navigation", "toc"],
        plan=model.plan,
        issuer=issuer.name if issuer is not None else model.plan.issuer,
        tally=views.Tally.of(ev.items),
        task_count=len(model.tasks),
        holder_count=len({i.holder_id for i in ev.items}),
        headline=headline,
        upcoming=views.next_deadlines(ev, 6),
        due_label=views.due_label,
        reports=ctx.index.reports[:8],
        overdue_count=len(ev.with_state(State.OVERDUE)),
    )


def task_table(ctx: Context) -> str:
    rows = views.task_rows(ctx.model, ctx.index)
    return render_page(
        ctx,
        urls.TASKS,
        "page_tasks.html",
        ctx.t.nav.tasks,
        hide=["navigation", "toc"],
        rows=rows,
        role_refs=views.role_refs,
    )


def task_page(ctx: Context, task: Task) -> str:
    model, ev = ctx.model, ctx.evaluation
    items = ctx.index.by_task.get(task.id, [])
    section = model.plan.section(task.section)
    deliverables = None
    if task.deliverables:
        holders = list(views.holder_lights(items))
        deliverables = []
        for holder_id in holders:
            done: dict[str, Any] = {}
            for item in items:
                if item.holder_id != holder_id or item.entry is None:
                    continue
                for d in item.entry.deliverables:
                    if d.done is None or d.done <= ev.as_of:
                        done[d.id] = d
            deliverables.append({"holder_id": holder_id, "done": done})
    return render_page(
        ctx,
        urls.task_page(task.id),
        "page_task.html",
        f"({task.numeral}) {task.title}" if task.numeral else task.title,
        hide=["navigation"],
        task=task,
        section=section,
        row=views.task_row(task, items),
        roles={role: views.role_refs(task, role) for role in task.roles},
        rows=[item_row(ctx, i) for i in items],
        # the item column says which deadline and period a row is about, when there is a choice
        show_item=len(task.due) > 1 or any(i.key for i in items),
        indicators=indicator_blocks(ctx, task),
        deliverables=deliverables,
        edit=ctx.edit_link(task.source.file or f"tasks/{task.id}.yaml"),
        flags=_flags_for(ctx, task_id=task.id),
        due_label=views.due_label,
    )


def units_index(ctx: Context) -> str:
    model = ctx.model
    records = {r.holder.id: r for r in views.ranking(model, ctx.index)}
    holders = views.page_holders(model)
    rows = []
    for holder in holders:
        record = records.get(holder.id)
        rows.append(
            {
                "holder": holder,
                "kind": views.holder_kind(holder),
                "groups": views.groups_of(model, holder.id),
                "record": record,
                "roles": len(views.roles_of(model, holder.id)),
            }
        )
    return render_page(
        ctx, urls.UNITS, "page_units.html", ctx.t.nav.units, hide=["navigation", "toc"], rows=rows
    )


def unit_page(ctx: Context, holder: Holder) -> str:
    model = ctx.model
    items = ctx.index.by_holder.get(holder.id, [])
    members = []
    if isinstance(holder, Group):
        for member in views.group_members(model, holder):
            members.append(views.holder_record(member, ctx.index.by_holder.get(member.id, [])))
    history = ctx.index.reports_by_holder.get(holder.id, [])
    parent = model.entity(holder.parent) if getattr(holder, "parent", None) else None
    status_file = f"status/{holder.id}.yaml"
    has_ics = f"{urls.unit_ics(holder.id)}" in ctx.downloads
    return render_page(
        ctx,
        urls.unit_page(holder.id),
        "page_unit.html",
        holder.name,
        hide=["navigation", "toc"],  # the width goes to the table of items
        holder=holder,
        kind=views.holder_kind(holder),
        is_group=isinstance(holder, Group),
        groups=views.groups_of(model, holder.id),
        parent=parent,
        roles=views.roles_of(model, holder.id),
        rows=[item_row(ctx, i) for i in items],
        tally=views.Tally.of(items),
        light=views.combine(i.state for i in items),
        members=members,
        history=history,
        edit=ctx.edit_link(status_file) if items or not isinstance(holder, Group) else None,
        org_edit=ctx.edit_link("org.yaml"),
        ics=urls.unit_ics(holder.id) if has_ics else None,
        flags=_flags_for(ctx, holder_id=holder.id),
    )


def progress(ctx: Context) -> str:
    model, ev = ctx.model, ctx.evaluation
    deadline_rows = views.deadline_rows(model, ev)
    timeline_rows = []
    for task in model.tasks_in_order():
        marks = []
        for row in (r for r in deadline_rows if r.task.id == task.id):
            light = views.combine(s for s, n in row.tally.counts.items() for _ in range(n))
            if light is None:
                continue
            marks.append(
                {
                    "date": row.date,
                    "state": light,
                    "count": row.tally.total,
                    "label": _deadline_label(ctx.t, row, light),
                }
            )
        timeline_rows.append(
            {
                "label": f"({task.numeral})" if task.numeral else str(task.number),
                "title": task.title,
                "href": urls.Linker(urls.PROGRESS, ctx.settings.directory_urls).task(task.id),
                "marks": marks,
            }
        )
    timeline = charts.timeline(
        timeline_rows, model.plan.period_start, model.plan.period_end, ev.as_of
    )
    indicators = [b for task in model.tasks_in_order() for b in indicator_blocks(ctx, task)]
    return render_page(
        ctx,
        urls.PROGRESS,
        "page_progress.html",
        ctx.t.nav.progress,
        hide=["navigation"],
        sections=views.section_rows(model, ev),
        groups=views.group_rows(model, ev),
        ranking=views.ranking(model, ctx.index),
        deadlines=deadline_rows,
        timeline=timeline,
        indicators=indicators,
        tally=views.Tally.of(ev.items),
        combine=views.combine,
    )


def _deadline_label(t: Locale, row: views.DeadlineRow, light: State) -> str:
    task = row.task
    name = f"({task.numeral})" if task.numeral else str(task.number)
    counts = "，".join(f"{t.state[s.value]} {n}" for s, n in row.tally.segments())
    return f"{name} {row.date.isoformat()}: {counts}"


def overdue(ctx: Context) -> str:
    ev = ctx.evaluation
    soon = views.upcoming(ev, ctx.settings.due_soon_days)
    return render_page(
        ctx,
        urls.OVERDUE,
        "page_overdue.html",
        ctx.t.nav.overdue,
        hide=["navigation", "toc"],
        rows=[item_row(ctx, i) for i in views.overdue(ev)],
        soon=[item_row(ctx, i) for i in soon],
        supervisors=supervisors,
        has_escalations=ctx.engine.get("escalations") is not None,
        flags=_flags_for(ctx),
    )


def leadership(ctx: Context) -> str:
    return render_page(
        ctx,
        urls.LEADERSHIP,
        "page_leadership.html",
        ctx.t.nav.leadership,
        hide=["navigation", "toc"],
        leadership=ctx.model.plan.leadership,
        plan=ctx.model.plan,
    )


def downloads_page(ctx: Context) -> str:
    holders = [h for h in views.page_holders(ctx.model) if urls.unit_ics(h.id) in ctx.downloads]
    return render_page(
        ctx,
        urls.DOWNLOADS,
        "page_downloads.html",
        ctx.t.nav.downloads,
        hide=["navigation", "toc"],
        holders=holders,
    )
