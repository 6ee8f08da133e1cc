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
from urllib.parse import urlencode

from markupsafe import escape

from duban.evaluation.check_report import check_report, summarize
from duban.evaluation.evaluate import Evaluation, ItemState, State
from duban.evaluation.indicators import measure
from duban.i18n.locale import Locale
from duban.model.model import Model
from duban.model.org import Group, Holder
from duban.model.plan import Target, Task
from duban.outputs import urls
from duban.site import charts, groups, views
from duban.site.env import environment
from duban.site.rows import Rows

STATES = views.DISPLAY_ORDER
RANKING_SHOWN = 20
"""A summarised ranking (a province) shows this many first and last places."""
REPORT_FORM = "report.yml"


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
    site_title: str | None = None
    """The site's name when the repository holds several plans (None: the locale's)."""
    repository: str | None = None
    """https://github.com/OWNER/REPO: edit links (when ``edit_url`` is not set) and the
    "报送进展" links to the issue form .github/ISSUE_TEMPLATE/report.yml."""
    branch: str = "main"
    summary_rows: int = groups.SUMMARY_ROWS
    """Lists longer than this are summarised by group (see :mod:`duban.site.groups`)."""
    history_per_item: int = 3
    """A unit page shows this many latest reports per occurrence; the rest are on its
    history pages."""
    history_page_size: int = 1000
    """Reports per history page (about 300 KB of HTML): a unit that reported for years has
    several pages, never one too large to open."""


@dataclass
class Context:
    """What every page shares."""

    model: Model
    evaluation: Evaluation
    settings: Settings
    t: Locale
    downloads: dict[str, int] = field(default_factory=dict)  # path -> size in bytes
    index: views.Index | None = None  # type: ignore[assignment]  # built when not given
    full: Model | None = None
    """The whole repository, when ``model`` is a one-plan view (names of other plans)."""
    title: str = ""
    """The site's title (see :func:`site_title`)."""

    group_pages: frozenset[str] = frozenset()
    """Plans whose per-group pages exist (see :func:`plans_with_group_pages`)."""

    def __post_init__(self) -> None:
        if self.index is None:
            self.index = views.Index.of(self.model, self.evaluation)
        if self.full is None:
            self.full = self.model
        self.ranks = views.task_ranks(self.full)

    def for_plan(self, plan_id: str) -> Context:
        """The same build seen from one plan: only its tasks, obligations and occurrences."""
        return Context(
            self.model.for_plan(plan_id),
            self.evaluation.for_plan(plan_id),
            self.settings,
            self.t,
            self.downloads,
            None,
            self.model,
            self.title,
            self.group_pages,
        )

    def summarise(self, items: list[ItemState]) -> bool:
        """Whether a list of these occurrences is shown by group on this build's pages."""
        return groups.should_summarise(self.model, items, self.settings.summary_rows)

    def _home_groups(self) -> dict[str, str]:
        if not hasattr(self, "_home"):
            self._home = groups.home_groups(self.full or self.model)
        return self._home

    def summarise_count(self, rows: int) -> bool:
        """Whether a list of one row per holder is too long for one page."""
        return rows > self.settings.summary_rows and groups.has_groups(self.model)

    def buckets(self, items: Iterable[ItemState]) -> list[groups.Bucket]:
        return groups.buckets(self.full or self.model, items, self._home_groups())

    def group_summary(self, items: Iterable[ItemState]) -> groups.GroupSummary:
        return groups.group_summary(self.full or self.model, items, self._home_groups())

    ranks: dict[str, int] = field(init=False, default_factory=dict)
    """Each task's place in plan order across plans (sortable table cells)."""

    def report_link(self, item: ItemState) -> str | None:
        """The issue form, prefilled with the unit and the obligation (field ids = keys)."""
        repository = self.settings.repository
        if not repository:
            return None
        task = (self.full or self.model).tasks[item.task_id]
        top, _, sub = task.local_id.partition("/")
        fields = {
            "template": REPORT_FORM,
            "title": f"报送进展：{item.holder_id} 任务 {task.local_id}"
            + (f" {item.key}" if item.key else ""),
            "unit": item.holder_id,
            "plan": task.plan_id,
            "task": top,
            "item": sub,
            "due": item.due_id,
            "period": item.key,
        }
        query = urlencode({k: v for k, v in fields.items() if v})
        return f"{repository}/issues/new?{query}"

    def edit_link(self, data_file: str) -> str | None:
        base = self.settings.edit_url
        if not base and self.settings.repository:
            base = f"{self.settings.repository}/edit/{self.settings.branch}/"
        if not base:
            return None
        files = self.settings.data_files
        if files is not None and data_file not in files:
            return None
        prefix = self.settings.data_path.strip("/")
        return f"{base.rstrip('/')}/{prefix + '/' if prefix else ''}{data_file}"


def site_title(model: Model, settings: Settings, t: Locale) -> str:
    """The site's name: the configured title, else the only plan's short name or title, else
    the locale's generic name."""
    if settings.site_title:
        return settings.site_title
    if len(model.plans) == 1:
        return next(iter(model.plans.values())).display_name
    return str(t.site_title)


def site_description(model: Model) -> str | None:
    """The only plan's description (or title); None for several plans."""
    if len(model.plans) == 1:
        plan = next(iter(model.plans.values()))
        return plan.description or plan.title
    return None


def front_matter(title: str, hide: Iterable[str] = (), search: bool = True) -> str:
    """YAML front matter; JSON strings are valid YAML and cannot break out of their line.
    ``search=False`` leaves the page out of the search index (Material's ``search.exclude``)."""
    lines = ["---", f"title: {json.dumps(str(escape(title)))}"]
    hidden = list(hide)
    if hidden:
        lines.append(f"hide: {json.dumps(hidden)}")
    if not search:
        lines.append('search: {"exclude": true}')
    lines.append("---")
    return "\n".join(lines) + "\n\n"


_BLANK_RUNS = re.compile(r"\n{3,}")


def tidy(html: str) -> str:
    """Trailing spaces off, at most one blank line in a row (templates are indented freely)."""
    text = "\n".join(line.rstrip() for line in html.splitlines())
    return _BLANK_RUNS.sub("\n\n", text).strip() + "\n"


def page_helpers(ctx: Context) -> dict[str, Any]:
    """The helpers every template calls, which :class:`Rows` (the Python that prints status
    rows and report feeds) is given too."""
    full = ctx.full or ctx.model
    return dict(
        label=views.task_citation,
        title_of=views.task_title,
        rank=lambda task: ctx.ranks.get(task.id, 0),
        plan_name=lambda plan_id: views.plan_name(full, plan_id),
        count_text=lambda row: views.count_text(row, ctx.t),
        many_plans=len(full.plans) > 1,
        name=lambda ref: views.holder_name(ctx.model, ref),
        severity=views.severity,
    )


def render_page(
    ctx: Context,
    src_uri: str,
    template: str,
    title: str,
    hide: Iterable[str] = (),
    search: bool = True,
    **values: Any,
) -> str:
    env = environment()
    link = urls.Linker(src_uri, ctx.settings.directory_urls)
    full = ctx.full or ctx.model
    helpers = page_helpers(ctx)
    printer = Rows(t=ctx.t, link=link, m=ctx.model, **helpers)
    body = env.get_template(template).render(
        t=ctx.t,
        m=ctx.model,
        full=full,
        site_title=ctx.title,
        target=lambda ref: views.ref_target(full, ref),
        kind_name=lambda holder: views.kind_name(full, holder, ctx.t),
        ev=ctx.evaluation,
        as_of=ctx.evaluation.as_of,
        settings=ctx.settings,
        link=link,
        urls=urls,
        status_rows=printer.status_rows,
        feed_items=printer.feed_items,
        downloads=ctx.downloads,
        states=STATES,
        S=State,
        shapes=charts.SHAPES,
        page_title=title,
        **helpers,
        **values,
    )
    return front_matter(title, hide, search) + tidy(body)


# -- shared pieces -----------------------------------------------------------------------------
def supervisors(model: Model, task: Task) -> list[views.RoleRef]:
    """Who chases a task: :meth:`Model.supervisors` (its supervising units, else its lead
    units), the same definition the check report and the overdue issue use."""
    role, _ = model.supervisors(task)
    return views.role_refs(task, role) if role else []


def indicator_blocks(ctx: Context, task: Task) -> list[dict[str, Any]]:
    """One chart per deadline of ``task`` that has an indicator: target against actual.

    Actual values come from the evaluation's indicator results; a deadline without results (a
    sub-item's: results cover tasks) has its targets drawn alone, every actual value saying
    "no data", never a made-up figure.
    """
    results = ctx.evaluation.indicators
    blocks = []
    for due in task.due:
        if due.indicator is None:
            continue
        mine = [r for r in results if r.task_id == task.id and r.due_id == due.id]
        points = []
        if mine:
            for r in mine:
                target = r.target
                points.append(
                    {
                        "date": target.date,
                        "target": _target_value(target),
                        "target_is_max": target.min is None,
                        "actual": r.actual,
                        "numerator": r.numerator,
                        "denominator": r.denominator,
                        "status": r.status,
                        "as_written": target.as_written,
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
        _current_once(points)
        chart = charts.indicator_chart(points, due.indicator.unit) if points else None
        current = None
        if not points:
            # no targets in the data (e.g. 轮训一遍 by 2012): the value so far
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
            }
        )
    return blocks


def _current_once(points: list[dict[str, Any]]) -> None:
    """Targets not yet due all carry the value so far: draw it under the next one only."""
    pending = [p for p in points if p["status"] == "pending"]
    for point in pending[1:]:
        point.update(actual=None, numerator=None, denominator=None)


def _target_value(target: Target) -> float | None:
    return target.min if target.min is not None else target.max


def item_row(ctx: Context, item: ItemState) -> dict[str, Any]:
    """An occurrence with what a table row shows about it."""
    task = (ctx.full or ctx.model).tasks[item.task_id]
    due = task.due_item(item.due_id)
    escalation = ctx.evaluation.escalations.get(
        (item.task_id, item.holder_id, item.due_id, item.key)
    )
    ladder = (ctx.full or ctx.model).rules.ladder_for(item.task_id) if escalation else None
    stage_ids = [s.id for s in ladder.stages] if ladder is not None else []
    return {
        "item": item,
        "task": task,
        "due": due,
        "stage_rank": (
            stage_ids.index(escalation.stage)
            if escalation and escalation.stage in stage_ids
            else -1
        ),
        "label": views.due_label(task, due) if due is not None else None,
        "entry": item.entry,
        "last_update": views.last_update(item, ctx.evaluation.as_of),
        "escalation": escalation,
        "ongoing": due is not None and due.is_ongoing and not due.check_in,
        "ids": views.obligation_ids(task, item, len((ctx.full or ctx.model).plans) > 1),
        "report": ctx.report_link(item),
    }


def _flags_for(ctx: Context, holder_id: str | None = None, task_id: str | None = None) -> list:
    return [
        f
        for f in ctx.evaluation.flags
        if (holder_id is None or f.holder_id == holder_id)
        and (task_id is None or f.task_id == task_id)
    ]


# -- pages ---------------------------------------------------------------------------------------
def home(ctx: Context, plan_ctx: Context | None = None) -> str:
    """The repository's plans, newest first; with one plan, also that plan's summary."""
    model, ev = ctx.model, ctx.evaluation
    plan = plan_ctx.model.plan if plan_ctx is not None else None
    headline = None
    issuer = None
    if plan_ctx is not None and plan is not None:
        headline = next(
            (
                b
                for task in plan_ctx.model.tasks_in_order()
                for b in indicator_blocks(plan_ctx, task)
                if b["points"]
            ),
            None,
        )
        issuer = views.plan_rows(plan_ctx.model, plan_ctx.evaluation)[0].issuer
    return render_page(
        ctx,
        urls.HOME,
        "page_home.html",
        ctx.t.nav.home,
        hide=["navigation", "toc"],
        plans=views.plan_rows(model, ev),
        plan=plan,
        issuer=issuer,
        tally=views.Tally.of(ev.items),
        task_count=sum(1 for t in model.tasks.values() if t.parent is None),
        holder_count=len({h for i in ev.items for h in i.holders}),
        headline=headline,
        upcoming=views.next_deadlines(ev, 6),
        due_label=views.due_label,
        reports=ctx.index.reports[:8],
        overdue_count=len(ev.with_state(State.OVERDUE)),
        summary=_summary(ctx),
    )


def _summary(ctx: Context) -> Any:
    """The check report's summary (duban.evaluation.check_report.summarize): the same counts
    as duban check."""
    return summarize(ctx.model, ctx.evaluation)


def plan_index(ctx: Context) -> str:
    """A plan's 任务分工表: its facts, its sections and the task table."""
    model = ctx.model
    plan = model.plan
    rows = views.task_rows(model, ctx.index)
    return render_page(
        ctx,
        urls.plan_page(plan.id),
        "page_tasks.html",
        plan.display_name,
        hide=["navigation", "toc"],
        plan=plan,
        issuer=views.plan_rows(model, ctx.evaluation)[0].issuer,
        rows=rows,
        sections={s.number: s for s in plan.sections},
        section_rows=views.section_rows(model, ctx.evaluation),
        tally=views.Tally.of(ctx.evaluation.items),
        overdue_count=len(ctx.evaluation.with_state(State.OVERDUE)),
        role_refs=views.role_refs,
    )


def _holders_done(ctx: Context, task: Task, items: list[ItemState]) -> list[dict[str, Any]] | None:
    if not task.deliverables:
        return None
    result = []
    for holder_id in views.holder_lights(items):
        done: dict[str, Any] = {}
        for item in items:
            if item.holder_id != holder_id or item.entry is None:
                continue
            for d in item.entry.deliverables:
                if d.done is None or d.done <= ctx.evaluation.as_of:
                    done[d.id] = d
        result.append({"holder_id": holder_id, "done": done})
    return result


def task_page(ctx: Context, task: Task) -> str:
    model = ctx.model
    own = ctx.index.by_task.get(task.id, [])
    section = model.plan.section(task.section)
    own_by_group = ctx.summarise(own)
    subitems = []
    for sub in model.items_of(task):
        rows = ctx.index.by_task.get(sub.id, [])
        by_group = ctx.summarise(rows)
        subitems.append(
            {
                "task": sub,
                "anchor": urls.item_anchor(sub.id),
                "depth": sub.id.count("/") - 2,
                "roles": {role: views.role_refs(sub, role) for role in sub.roles},
                "own_roles": bool(sub.roles)
                and sub.roles != model.tasks[sub.parent or task.id].roles,
                "rows": [] if by_group else [item_row(ctx, i) for i in rows],
                "groups": ctx.group_summary(rows) if by_group else None,
                "count": len(rows),
                "show_item": len(sub.due) > 1 or any(i.key for i in rows),
                "tally": views.Tally.of(rows),
                "light": views.combine(i.state for i in rows),
            }
        )
    return render_page(
        ctx,
        urls.task_page(task.id),
        "page_task.html",
        f"{views.task_citation(task)} {task.title}",
        hide=["navigation"],
        task=task,
        plan=model.plan,
        section=section,
        row=views.task_row(task, ctx.index.by_top.get(task.id, [])),
        roles={role: views.role_refs(task, role) for role in task.roles},
        rows=[] if own_by_group else [item_row(ctx, i) for i in own],
        groups=ctx.group_summary(own) if own_by_group else None,
        count=len(own),
        # the item column says which deadline and period a row is about, when there is a choice
        show_item=len(task.due) > 1 or any(i.key for i in own),
        subitems=subitems,
        indicators=indicator_blocks(ctx, task),
        # one row per holder: when the list is summarised by group (a province), each group
        # page says how many deliverables each of its units has done
        deliverables=None if own_by_group else _holders_done(ctx, task, own),
        edit=ctx.edit_link(task.source.file or f"tasks/{task.local_id}.yaml"),
        flags=_flags_for(ctx, task_id=task.id),
        due_label=views.due_label,
    )


def units_index(ctx: Context) -> str:
    model = ctx.model
    records = {r.holder.id: r for r in views.ranking(model, ctx.index)}
    holders = views.page_holders(model)
    rows = []
    for holder in holders if len(holders) <= ctx.settings.summary_rows else ():
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
    by_group = None
    if len(holders) > ctx.settings.summary_rows and groups.has_groups(model):
        # a province: one short line of names per group instead of a 1 MB table
        by_group = groups.holders_by_group(model, holders, ctx._home_groups())
        rows = []
    return render_page(
        ctx,
        urls.UNITS,
        "page_units.html",
        ctx.t.nav.units,
        hide=["navigation", "toc"],
        rows=rows,
        by_group=by_group,
        holder_count=len(holders),
    )


def unit_page(ctx: Context, holder: Holder) -> str:
    """What a unit owes across all plans, soonest first; where it only cooperates, apart."""
    model = ctx.model
    items = sorted(
        ctx.index.by_holder.get(holder.id, []),
        key=lambda i: (i.due, model.tasks[i.task_id].plan_id, model.tasks[i.task_id].order),
    )
    members = []
    if isinstance(holder, Group):
        for member in views.group_members(model, holder):
            members.append(views.holder_record(member, ctx.index.by_holder.get(member.id, [])))
    history = ctx.index.reports_by_holder.get(holder.id, [])
    latest = latest_reports(history, ctx.settings.history_per_item)
    parent = model.entity(holder.parent) if getattr(holder, "parent", None) else None
    status_file = f"status/{holder.id}.yaml"
    has_ics = f"{urls.unit_ics(holder.id)}" in ctx.downloads
    roles = views.roles_of(model, holder.id)
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
        roles=[r for r in roles if r.role != "cooperate"],
        cooperating=[r for r in roles if r.role == "cooperate"],
        rows=[item_row(ctx, i) for i in items],
        urgent=[
            item_row(ctx, i)
            for i in sorted(
                (i for i in items if i.state in (State.OVERDUE, State.DUE_SOON)),
                key=lambda i: (i.state is not State.OVERDUE, -(i.days_late or 0), i.due),
            )
        ],
        tally=views.Tally.of(items),
        light=views.combine(i.state for i in items),
        members=members,
        history=latest,
        history_total=len(history),
        history_page=urls.unit_history(holder.id) if len(latest) < len(history) else None,
        edit=ctx.edit_link(status_file) if items or not isinstance(holder, Group) else None,
        org_edit=ctx.edit_link("org.yaml"),
        ics=urls.unit_ics(holder.id) if has_ics else None,
        flags=_flags_for(ctx, holder_id=holder.id),
    )


def latest_reports(history: list[views.ReportEntry], per_item: int) -> list[views.ReportEntry]:
    """The newest ``per_item`` reports of each occurrence (``history`` is newest first): a unit
    page stays the same size however long the plan has run."""
    seen: dict[tuple[str, str, str], int] = {}
    kept = []
    for report in history:
        key = (report.task_id, report.due_id, report.key)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= per_item:
            kept.append(report)
    return kept


def unit_history(ctx: Context, holder: Holder) -> dict[str, str]:
    """Every report of a unit, when its page shows only the latest ones, newest first, in pages
    of ``history_page_size``; left out of the search index (the unit page already holds the
    latest words of each item)."""
    history = ctx.index.reports_by_holder.get(holder.id, [])
    if len(latest_reports(history, ctx.settings.history_per_item)) == len(history):
        return {}
    size = max(ctx.settings.history_page_size, 1)
    parts = [history[start : start + size] for start in range(0, len(history), size)]
    title = f"{holder.name} · {ctx.t.groups.history_kicker}"
    return {
        urls.unit_history(holder.id, n): render_page(
            ctx,
            urls.unit_history(holder.id, n),
            "page_history.html",
            title if len(parts) == 1 else f"{title} ({n}/{len(parts)})",
            hide=["navigation", "toc"],
            search=False,
            holder=holder,
            history=part,
            part=n,
            pager=[urls.unit_history(holder.id, k) for k in range(1, len(parts) + 1)],
            total=len(history),
        )
        for n, part in enumerate(parts, 1)
    }


def progress(ctx: Context) -> str:
    model, ev = ctx.model, ctx.evaluation
    plan = model.plan
    src = urls.plan_page(plan.id, "progress")
    deadline_rows = views.deadline_rows(model, ev)
    timeline_rows = []
    for task in model.tasks_in_order():
        marks = []
        for row in (r for r in deadline_rows if r.task.top_id == task.id):
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
                "label": views.task_citation(task),
                "title": task.title,
                "href": urls.Linker(src, ctx.settings.directory_urls).task(task.id),
                "marks": marks,
            }
        )
    timeline = charts.timeline(timeline_rows, plan.period_start, plan.period_end, ev.as_of)
    indicators = [b for task in model.all_in_order() for b in indicator_blocks(ctx, task)]
    ranking, cut = views.ranking(model, ctx.index), 0
    if ctx.summarise_count(len(ranking)):
        # a province: the first and the last places here, every place on the group pages
        ranked = [r for r in ranking if r.rank]
        cut = len(ranked)
        ranking = (
            ranked[:RANKING_SHOWN] + ranked[-RANKING_SHOWN:] if cut > 2 * RANKING_SHOWN else ranked
        )
    return render_page(
        ctx,
        src,
        "page_progress.html",
        f"{ctx.t.nav.progress} · {plan.display_name}",
        hide=["navigation"],
        plan=plan,
        sections=views.section_rows(model, ev),
        groups=views.group_rows(model, ev),
        ranking=ranking,
        ranking_cut=cut,
        ranking_top=RANKING_SHOWN,
        reporters=views.reporters(model),
        deadlines=deadline_rows,
        timeline=timeline,
        indicators=indicators,
        tally=views.Tally.of(ev.items),
        combine=views.combine,
    )


def _deadline_label(t: Locale, row: views.DeadlineRow, light: State) -> str:
    name = views.task_citation(row.task)
    counts = "，".join(f"{t.state[s.value]} {n}" for s, n in row.tally.segments())
    return f"{name} {row.date.isoformat()}: {counts}"


def overdue(ctx: Context, plan_id: str | None = None) -> str:
    """督办清单: of one plan (``plan_id``), or of every plan, each row naming its plan."""
    ev = ctx.evaluation
    soon = views.upcoming(ev, ctx.settings.due_soon_days)
    src = urls.plan_page(plan_id, "overdue") if plan_id else urls.OVERDUE
    title = ctx.t.nav.overdue
    if plan_id:
        title = f"{title} · {ctx.model.plan.display_name}"
    report = check_report(ctx.model, ev)
    late = views.overdue(ev)
    by_group = ctx.summarise(late) or ctx.summarise(soon)
    return render_page(
        ctx,
        src,
        "page_overdue.html",
        title,
        hide=["navigation", "toc"],
        plan=ctx.model.plan if plan_id else None,
        units=[] if by_group else [u for u in report.unit_summaries() if u.overdue],
        report=report,
        n_overdue=len(late),
        n_soon=len(soon),
        groups=overdue_groups(ctx, late, soon) if by_group else None,
        rows=[] if by_group else [item_row(ctx, i) for i in late],
        soon=[] if by_group else [item_row(ctx, i) for i in soon],
        supervisors=lambda task: supervisors(ctx.model, task),
        flags=_flags_for(ctx),
    )


def overdue_groups(
    ctx: Context, late: list[ItemState], soon: list[ItemState]
) -> list[dict[str, Any]]:
    """The 督办清单 by group: overdue and due-soon counts per group, and which plans' group
    pages hold the rows."""
    late_ids = {id(i) for i in late}
    full = ctx.full or ctx.model
    result = []
    for bucket in ctx.buckets([*late, *soon]):
        overdue_items = [i for i in bucket.items if id(i) in late_ids]
        per_plan: dict[str, int] = {}
        for item in bucket.items:
            per_plan[item.plan_id] = per_plan.get(item.plan_id, 0) + 1
        result.append(
            {
                "bucket": bucket,
                "overdue": len(overdue_items),
                "unreported": sum(1 for i in overdue_items if not i.reported),
                "longest": bucket.longest_days_late,
                "soon": len(bucket.items) - len(overdue_items),
                "plans": [
                    (p.id, per_plan[p.id])
                    for p in full.plans_in_order()
                    if p.id in per_plan and p.id in ctx.group_pages
                ],
            }
        )
    return result


def plans_with_group_pages(ctx: Context, plan_ctxs: dict[str, Context]) -> frozenset[str]:
    """The plans whose long lists are summarised by group, so whose group pages exist: a task
    or sub-item table, or the plan's 督办清单, over the threshold; every plan when the
    cross-plan 督办清单 is."""

    def long_lists(c: Context) -> bool:
        soon = views.upcoming(c.evaluation, c.settings.due_soon_days)
        return c.summarise(c.evaluation.with_state(State.OVERDUE)) or c.summarise(soon)

    if long_lists(ctx):
        return frozenset(plan_ctxs)
    return frozenset(
        pid
        for pid, c in plan_ctxs.items()
        if long_lists(c) or any(c.summarise(v) for v in c.index.by_task.values())
    )


def group_pages(ctx: Context) -> dict[str, str]:
    """Every group page of one plan (``ctx`` is the plan's), keyed by its path."""
    ev = ctx.evaluation
    ranks = {r.holder.id: r.rank for r in views.ranking(ctx.model, ctx.index)}
    late = {b.slug: list(b.items) for b in ctx.buckets(views.overdue(ev))}
    soon_items = views.upcoming(ev, ctx.settings.due_soon_days)
    soon = {b.slug: list(b.items) for b in ctx.buckets(soon_items)}
    return {
        urls.group_page(ctx.model.plan.id, b.slug): group_page(
            ctx, b, late.get(b.slug, []), soon.get(b.slug, []), ranks
        )
        for b in ctx.buckets(ev.items)
    }


def _holder_cell(holder_id: str, items: list[ItemState]) -> dict[str, Any]:
    return {
        "holder_id": holder_id,
        "tally": views.Tally.of(items),
        "light": views.combine(i.state for i in items),
    }


def group_page(
    ctx: Context,
    bucket: groups.Bucket,
    late: list[ItemState],
    soon: list[ItemState],
    ranks: dict[str, int | None],
) -> str:
    """One group's occurrences in one plan: its units, each task unit by unit, and its overdue
    and due-soon rows (the detail the plan's summarised lists leave out)."""
    model = ctx.model
    plan = model.plan
    by_holder: dict[str, list[ItemState]] = {}
    by_top: dict[str, dict[str, list[ItemState]]] = {}
    for item in bucket.items:
        by_holder.setdefault(item.holder_id, []).append(item)
        top = model.tasks[item.task_id].top_id
        by_top.setdefault(top, {}).setdefault(item.holder_id, []).append(item)
    members = [_holder_cell(h, items) for h, items in by_holder.items()]
    tasks = []
    for task in model.tasks_in_order():
        holders = by_top.get(task.id)
        if not holders:
            continue
        tasks.append(
            {
                "task": task,
                "anchor": urls.task_anchor(task.id),
                "tally": views.Tally.of(i for items in holders.values() for i in items),
                "rows": [_holder_cell(h, items) for h, items in holders.items()],
                "delivered": {
                    d["holder_id"]: len(d["done"])
                    for d in _holders_done(ctx, task, [i for v in holders.values() for i in v])
                    or ()
                },
            }
        )
    name = bucket.group.name if bucket.group is not None else str(ctx.t.groups.ungrouped)
    return render_page(
        ctx,
        urls.group_page(plan.id, bucket.slug),
        "page_group.html",
        f"{name} · {plan.display_name}",
        hide=["navigation", "toc"],
        search=False,  # its rows are on the units' pages, which search finds
        plan=plan,
        bucket=bucket,
        group_name=name,
        members=members,
        ranks=ranks,
        tasks=tasks,
        rows=[item_row(ctx, i) for i in late],
        soon=[item_row(ctx, i) for i in soon],
        supervisors=lambda task: supervisors(ctx.model, task),
    )


def leadership(ctx: Context) -> str:
    plan = ctx.model.plan
    return render_page(
        ctx,
        urls.plan_page(plan.id, "leadership"),
        "page_leadership.html",
        f"{plan.leadership.name if plan.leadership else ctx.t.nav.leadership}",
        hide=["navigation", "toc"],
        leadership=plan.leadership,
        plan=plan,
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
        plans=ctx.model.plans_in_order(),
        group_pages=ctx.group_pages,
    )
